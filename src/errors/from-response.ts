// Turns a non-2xx HTTP response from Bedrock into the matching typed exception.
import { BedrockError } from "./bedrock-error.js";
import {
  AccessDeniedException,
  InternalServerException,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
  awsErrorName,
  exceptionClassFor,
  ModelTimeoutException,
  ModelErrorException,
  type ExceptionClass,
} from "./exceptions.js";

const BY_STATUS: Record<number, ExceptionClass> = {
  400: ValidationException,
  403: AccessDeniedException,
  404: ResourceNotFoundException,
  408: ModelTimeoutException,
  424: ModelErrorException,
  429: ThrottlingException,
  500: InternalServerException,
  503: ServiceUnavailableException,
};

/** Status codes worth another attempt whatever the error type says. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

export interface ErrorFromResponseOptions {
  /**
   * Applied to the body before anything is taken from it, and again to the message chosen:
   * AWS quotes the canonical request (session token included) in its signature-mismatch text.
   */
  redact?: (text: string) => string;
  /** The region the request was signed for, named in the hint of a region-scope refusal. */
  region?: string;
  /** The URL the request went to, kept in `$response` (a Response from an injected fetch may have none). */
  url?: string;
}

// AWS's answer when the signing region is not the endpoint's ("… not 'eu-west-1'. ").
const REGION_SCOPE = "Credential should be scoped to a valid region";

/**
 * Builds the typed error for an HTTP error response. Reads (and consumes) the body; the Response
 * is not kept, its status, headers and scrubbed body are (`$response`). `name` is the AWS code (as
 * the AWS SDK names errors it has no class for), `instanceof` the closest class.
 */
export async function errorFromResponse(response: Response, options: ErrorFromResponseOptions = {}): Promise<BedrockError> {
  const redact = options.redact ?? ((text: string) => text);
  const requestId = response.headers.get("x-amzn-requestid") ?? response.headers.get("x-amz-request-id") ?? undefined;
  let text = "";
  try {
    // Redacted before the excerpt is cut, so no prefix of a secret survives the cut.
    text = redact(await response.text());
  } catch {
    // Body unreadable (connection dropped): the status still says enough.
  }
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === "object") body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's HTML page, say): keep a short excerpt as the message.
  }
  const rawCode =
    response.headers.get("x-amzn-errortype") ??
    (typeof body.__type === "string" ? body.__type : undefined) ??
    (typeof body.code === "string" ? body.code : undefined);
  const code = rawCode === undefined ? undefined : redact(rawCode);
  const rawMessage = body.message ?? body.Message ?? cloudflareMessage(body) ?? (text && !text.startsWith("{") ? text.slice(0, 300) : undefined);
  // Redacted again: JSON escapes (`\/`) can hide a secret from the pass over the raw body.
  let message = typeof rawMessage === "string" && rawMessage.length > 0 ? redact(rawMessage) : `Bedrock returned HTTP ${response.status}`;
  // A signature mismatch quotes ~20 lines of canonical request: the first paragraph stays the message.
  const cut = message.indexOf("\n\n");
  const details = cut > 0 ? message.slice(cut + 2) : undefined;
  if (cut > 0) message = message.slice(0, cut);
  if (options.region && message.startsWith(REGION_SCOPE)) message = `${message.trim()} (signed for region '${options.region}'; set \`region\` to the endpoint's)`;
  const Ctor = exceptionClassFor(code) ?? BY_STATUS[response.status] ?? (response.status >= 500 ? InternalServerException : BedrockError);
  const err = new Ctor(message, {
    status: response.status,
    ...(requestId ? { requestId } : {}),
    retryable: isRetryableStatus(response.status),
    ...(code ? { code: code.split(":")[0]! } : {}),
  });
  // The classes name themselves after the code; the base class is given it here.
  if (Ctor === BedrockError) err.name = awsErrorName(code) ?? err.name;
  if (details) Object.assign(err, { details });
  // Re-serialised when JSON, so no escape hides a secret from `redact`.
  const scrubbed = Object.keys(body).length > 0 ? redact(JSON.stringify(body)) : text;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  Object.defineProperty(err, "$response", { value: { statusCode: response.status, headers, body: scrubbed, url: options.url ?? response.url } });
  return err;
}

/**
 * Cloudflare's own answers (AI Gateway refusing a request before Bedrock sees it) have the
 * Cloudflare API shape `{ success: false, error(s): [{ code, message }] }`, e.g. a wrong gateway
 * token: `{"success":false,"result":[],"messages":[],"error":[{"code":2009,"message":"Unauthorized"}]}`.
 */
function cloudflareMessage(body: Record<string, unknown>): string | undefined {
  if (body.success !== false) return undefined;
  const list = Array.isArray(body.error) ? body.error : Array.isArray(body.errors) ? body.errors : undefined;
  const first = list?.[0] as { code?: unknown; message?: unknown } | undefined;
  if (!first || typeof first.message !== "string") return undefined;
  return `Cloudflare AI Gateway: ${first.message}${typeof first.code === "number" ? ` (error ${first.code})` : ""}`;
}
