// A failed Bedrock call as @ai-sdk/amazon-bedrock reports it: an AI SDK APICallError, so `ai`'s retry setting governs.
import { BedrockError, NetworkError, TimeoutError } from "../errors/index.js";

interface ApiCallErrorFields {
  message: string;
  url: string;
  requestBodyValues: unknown;
  statusCode?: number;
  responseHeaders?: Record<string, string>;
  responseBody?: string;
  isRetryable?: boolean;
  cause: unknown;
  data?: unknown;
}

/**
 * `APICallError.isInstance(error)` is true for it, as `ai` and the AI SDK's docs test errors: it
 * carries the AI SDK's `Symbol.for` markers (@ai-sdk/provider's ai-sdk-error.ts / api-call-error.ts).
 * It is not imported from @ai-sdk/provider, which may not resolve from here (an optional peer: with
 * pnpm, `ai`'s copy is not visible to this package), so `instanceof APICallError` is false.
 */
export class BedrockAPICallError extends Error {
  override readonly name = "AI_APICallError";
  readonly url: string;
  readonly requestBodyValues: unknown;
  readonly statusCode: number | undefined;
  readonly responseHeaders: Record<string, string> | undefined;
  readonly responseBody: string | undefined;
  readonly isRetryable: boolean;
  readonly data: unknown;

  constructor(fields: ApiCallErrorFields) {
    super(fields.message, { cause: fields.cause });
    const status = fields.statusCode;
    this.url = fields.url;
    this.requestBodyValues = fields.requestBodyValues;
    this.statusCode = status;
    this.responseHeaders = fields.responseHeaders;
    this.responseBody = fields.responseBody;
    // APICallError's own default.
    this.isRetryable = fields.isRetryable ?? (status !== undefined && (status === 408 || status === 409 || status === 429 || status >= 500));
    this.data = fields.data;
    for (const marker of ["vercel.ai.error", "vercel.ai.error.AI_APICallError"]) Object.defineProperty(this, Symbol.for(marker), { value: true });
  }
}

/**
 * Maps what the client threw onto an `APICallError`: an HTTP error keeps its status, headers and
 * scrubbed body (`isRetryable` from the status: 408, 409, 429, 5xx, as the AI SDK decides it); a
 * network failure or timeout is retryable with no status. The BedrockError is the `cause`. Input
 * errors, aborts and anything else pass through unchanged.
 */
export function toApiCallError(error: unknown, path: string, requestBodyValues: unknown): unknown {
  if (!BedrockError.isInstance(error)) return error;
  const response = error.$response;
  if (response) {
    let data: unknown;
    try {
      data = JSON.parse(response.body);
    } catch {
      // Not JSON (a proxy's page): no data.
    }
    return new BedrockAPICallError({
      message: error.message,
      url: response.url || path,
      requestBodyValues,
      statusCode: response.statusCode,
      responseHeaders: response.headers,
      responseBody: response.body,
      cause: error,
      data,
    });
  }
  if (error instanceof NetworkError || error instanceof TimeoutError) {
    return new BedrockAPICallError({ message: error.message, url: path, requestBodyValues, cause: error, isRetryable: true });
  }
  return error;
}
