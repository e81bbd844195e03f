// Turns a non-2xx HTTP response from Bedrock into the matching typed exception.
import { BedrockError } from "./bedrock-error.js";
import {
  AccessDeniedException,
  InternalServerException,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
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

/** Builds the typed error for an HTTP error response. Reads (and consumes) the body. */
export async function errorFromResponse(response: Response): Promise<BedrockError> {
  const requestId = response.headers.get("x-amzn-requestid") ?? response.headers.get("x-amz-request-id") ?? undefined;
  let text = "";
  try {
    text = await response.text();
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
  const code =
    response.headers.get("x-amzn-errortype") ??
    (typeof body.__type === "string" ? body.__type : undefined) ??
    (typeof body.code === "string" ? body.code : undefined);
  const rawMessage = body.message ?? body.Message ?? (text && !text.startsWith("{") ? text.slice(0, 300) : undefined);
  const message =
    typeof rawMessage === "string" && rawMessage.length > 0 ? rawMessage : `Bedrock returned HTTP ${response.status}`;
  const Ctor = exceptionClassFor(code) ?? BY_STATUS[response.status] ?? (response.status >= 500 ? InternalServerException : BedrockError);
  const err = new Ctor(message, {
    status: response.status,
    ...(requestId ? { requestId } : {}),
    retryable: isRetryableStatus(response.status),
    ...(code ? { code: code.split(":")[0]! } : {}),
  });
  return err;
}
