// What a failed chat stream may tell a browser: a safe { name, message, requestId } per error class, its HTTP status, and the way back to a typed error.
import {
  AbortError,
  BedrockError,
  BedrockInputError,
  NetworkError,
  StreamDecodeError,
  TimeoutError,
  exceptionClassFor,
  isRetryableStatus,
  type BedrockErrorOptions,
  type ExceptionClass,
} from "../../errors/index.js";

/** What a failed stream tells the page: never a stack, a cause, server text or anything from the request. */
export interface ErrorEventData {
  name: string;
  message: string;
  /** Bedrock's `x-amzn-requestid`, for support cases; absent when no response carried one. */
  requestId?: string;
}

/** Options of `toSSEResponse` that decide what an error tells the page. */
export interface SafeErrorOptions {
  /**
   * Forward a library error's own message (`BedrockError.message`, which may quote Bedrock's text:
   * account IDs, ARNs, quota names) instead of the generic one. Other thrown values stay withheld.
   * Default false.
   */
  exposeErrors?: boolean;
  /** Chooses the page's message; `undefined` falls back to the default (generic, or exposed). */
  errorMessage?: (error: unknown) => string | undefined;
}

/** The families of failure a page can act on, each with one status and one generic message. */
type ErrorKind = "invalid" | "refused" | "throttled" | "unavailable" | "timeout" | "upstream" | "internal";

// 403, not 401, for refused AWS credentials: 401 means "this client must authenticate" and needs a
// WWW-Authenticate challenge (RFC 9110 §15.5.2), but it is the server's AWS credentials that failed.
const KINDS: ReadonlyMap<ErrorKind, { status: number; message: string }> = new Map([
  ["invalid", { status: 400, message: "The model service could not accept this request" }],
  ["refused", { status: 403, message: "The model service refused the request" }],
  ["throttled", { status: 429, message: "Too many requests: try again later" }],
  ["unavailable", { status: 503, message: "The model service is unavailable: try again later" }],
  ["timeout", { status: 504, message: "The model service took too long to answer" }],
  ["upstream", { status: 502, message: "The model service failed to answer" }],
  ["internal", { status: 500, message: "The reply stream failed" }],
]);

// Exception names as the library gives them (AWS's Bedrock Runtime names plus the local errors).
const KIND_BY_NAME: ReadonlyMap<string, ErrorKind> = new Map<string, ErrorKind>([
  ["BedrockInputError", "invalid"],
  ["ValidationException", "invalid"],
  ["ConflictException", "invalid"],
  ["AccessDeniedException", "refused"],
  ["UnrecognizedClientException", "refused"],
  ["ThrottlingException", "throttled"],
  // A quota (tokens per day, say) is spent: to the page it is the same "slow down".
  ["ServiceQuotaExceededException", "throttled"],
  ["ServiceUnavailableException", "unavailable"],
  ["ModelNotReadyException", "unavailable"],
  ["AbortError", "unavailable"],
  ["ModelTimeoutException", "timeout"],
  ["TimeoutError", "timeout"],
  // The Worker's model ID or endpoint is wrong, the model failed, the wire broke: not the page's doing.
  ["ResourceNotFoundException", "upstream"],
  ["ModelErrorException", "upstream"],
  ["ModelStreamErrorException", "upstream"],
  ["InternalServerException", "upstream"],
  ["NetworkError", "upstream"],
  ["StreamDecodeError", "upstream"],
]);

function kindOf(error: unknown): ErrorKind {
  if (!BedrockError.isInstance(error)) return "internal";
  const named = KIND_BY_NAME.get(error.name);
  if (named) return named;
  const status = error.status;
  if (status === 429) return "throttled";
  if (status === 401 || status === 403) return "refused";
  if (status === 408) return "timeout";
  if (status === 503) return "unavailable";
  if (status !== undefined && status >= 400 && status < 500) return "invalid";
  return "upstream";
}

const SAFE_NAME = /^[A-Za-z][\w.]{0,63}$/;
const SAFE_REQUEST_ID = /^[\w-]{1,128}$/;

/** The HTTP status for an error that happened before anything was streamed. */
export function errorStatus(error: unknown): number {
  return KINDS.get(kindOf(error))!.status;
}

/**
 * Reduces a thrown value to what may cross to a browser: its name (when it looks like one), the
 * request ID, and the generic message of its kind, unless the options choose another message.
 */
export function errorEventData(error: unknown, options: SafeErrorOptions = {}): ErrorEventData {
  const name = error instanceof Error && SAFE_NAME.test(error.name) ? error.name : "Error";
  const chosen = options.errorMessage?.(error);
  const exposed = options.exposeErrors && BedrockError.isInstance(error) ? error.message : undefined;
  const message = chosen ?? exposed ?? KINDS.get(kindOf(error))!.message;
  const requestId = BedrockError.isInstance(error) && error.requestId && SAFE_REQUEST_ID.test(error.requestId) ? error.requestId : undefined;
  return { name, message, ...(requestId !== undefined && { requestId }) };
}

const LOCAL_ERRORS: ReadonlyMap<string, ExceptionClass> = new Map<string, ExceptionClass>([
  ["BedrockInputError", BedrockInputError],
  ["StreamDecodeError", StreamDecodeError],
  ["TimeoutError", TimeoutError],
  ["NetworkError", NetworkError],
  ["AbortError", AbortError],
]);

/** The class an error name stands for; only real error classes count (a name is text from the wire). */
function classFor(name: string): ExceptionClass | undefined {
  const Ctor = LOCAL_ERRORS.get(name) ?? exceptionClassFor(name);
  // exceptionClassFor reads a plain object, where "__proto__" finds Object.prototype: check what came back.
  return typeof Ctor === "function" && Ctor.prototype instanceof BedrockError ? Ctor : undefined;
}

/**
 * Rebuilds an error from an `error` event or a JSON error body: known names get their class, so
 * `instanceof` checks keep working; any other name gets a plain BedrockError carrying it.
 */
export function errorFromEventData(data: ErrorEventData, status?: number): BedrockError {
  const options: BedrockErrorOptions = {
    ...(status !== undefined && { status }),
    ...(typeof data.requestId === "string" && { requestId: data.requestId }),
  };
  const Ctor = classFor(data.name);
  // `code` keeps the wire name, so an AWS code served by a broader class (InvalidSignatureException
  // under UnrecognizedClientException) reads back under its own name, as it left the server.
  if (Ctor) return new Ctor(data.message, { ...options, code: data.name });
  const retryable = status !== undefined && isRetryableStatus(status);
  const error = new BedrockError(data.message, { ...options, retryable, code: data.name });
  error.name = data.name;
  return error;
}
