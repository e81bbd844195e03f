// Subclasses named after the exceptions in AWS's Bedrock Runtime model.
import { BedrockError, type BedrockErrorOptions } from "./bedrock-error.js";

/** Any constructor of a typed Bedrock error. */
export type ExceptionClass = new (message: string, options?: BedrockErrorOptions) => BedrockError;
type Ctor = ExceptionClass;

// `status` is left out (undefined) for the local errors, which no response carried. `fault` is
// per class: the AWS SDK's for the modelled exceptions (only InternalServerException and
// ServiceUnavailableException are "server" in its Bedrock Runtime model), ours for the rest.
// The declared return type keeps the emitted .d.ts at `typeof BedrockError`: inferred, it would
// spell out Error's static side, which under @types/node names `NodeJS.CallSite`.
function define(name: string, defaults: { status?: number; retryable: boolean; fault: "client" | "server" }): typeof BedrockError {
  const cls = class extends BedrockError {
    constructor(message: string, options: BedrockErrorOptions = {}) {
      super(message, { status: defaults.status, retryable: defaults.retryable, code: name, ...options, fault: defaults.fault });
      // An AWS code this class stands in for (`InvalidSignatureException` under
      // UnrecognizedClientException) names the error, as the AWS SDK names unmodeled errors.
      this.name = awsErrorName(options.code) ?? name;
    }
  };
  Object.defineProperty(cls, "name", { value: name });
  return cls;
}

// Each is declared as a class so `instanceof` narrows and d.ts output stays readable; the
// @__PURE__ marks let bundlers drop the classes an app never reaches.
export class ValidationException extends /* @__PURE__ */ define("ValidationException", { status: 400, retryable: false, fault: "client" }) {}
export class AccessDeniedException extends /* @__PURE__ */ define("AccessDeniedException", { status: 403, retryable: false, fault: "client" }) {}
export class ResourceNotFoundException extends /* @__PURE__ */ define("ResourceNotFoundException", { status: 404, retryable: false, fault: "client" }) {}
export class ModelTimeoutException extends /* @__PURE__ */ define("ModelTimeoutException", { status: 408, retryable: true, fault: "client" }) {}
export class ConflictException extends /* @__PURE__ */ define("ConflictException", { status: 400, retryable: false, fault: "client" }) {}
export class ModelErrorException extends /* @__PURE__ */ define("ModelErrorException", { status: 424, retryable: false, fault: "client" }) {}
export class ModelNotReadyException extends /* @__PURE__ */ define("ModelNotReadyException", { status: 429, retryable: true, fault: "client" }) {}
export class ThrottlingException extends /* @__PURE__ */ define("ThrottlingException", { status: 429, retryable: true, fault: "client" }) {}
export class ServiceQuotaExceededException extends /* @__PURE__ */ define("ServiceQuotaExceededException", { status: 400, retryable: false, fault: "client" }) {}
export class InternalServerException extends /* @__PURE__ */ define("InternalServerException", { status: 500, retryable: true, fault: "server" }) {}
export class ServiceUnavailableException extends /* @__PURE__ */ define("ServiceUnavailableException", { status: 503, retryable: true, fault: "server" }) {}
export class ModelStreamErrorException extends /* @__PURE__ */ define("ModelStreamErrorException", { status: 424, retryable: false, fault: "client" }) {}
/** The credentials or API key were refused (403 `UnrecognizedClientException`, bad signature). */
export class UnrecognizedClientException extends /* @__PURE__ */ define("UnrecognizedClientException", { status: 403, retryable: false, fault: "client" }) {}

/** A local problem: bad options or request, detected before any network call. */
export class BedrockInputError extends /* @__PURE__ */ define("BedrockInputError", { retryable: false, fault: "client" }) {}

/** The response stream ended early or carried bytes that do not form valid frames. */
export class StreamDecodeError extends /* @__PURE__ */ define("StreamDecodeError", { retryable: false, fault: "client" }) {}

/** No byte arrived for `streamIdleTimeout` ms, or the whole call exceeded `timeout`. */
export class TimeoutError extends /* @__PURE__ */ define("TimeoutError", { retryable: true, fault: "server" }) {}

/** fetch itself failed (DNS, refused connection, reset) before a response arrived. */
export class NetworkError extends /* @__PURE__ */ define("NetworkError", { retryable: true, fault: "server" }) {}

/**
 * A credentials provider threw (named as the AWS SDK's error from @smithy/property-provider).
 * Not retried: the provider is asked once per call. Its error is the `cause`, scrubbed of secrets.
 */
export class CredentialsProviderError extends /* @__PURE__ */ define("CredentialsProviderError", { retryable: false, fault: "client" }) {}

/** The caller's AbortSignal fired. */
export class AbortError extends /* @__PURE__ */ define("AbortError", { retryable: false, fault: "client" }) {
  constructor(message = "The operation was aborted", options: BedrockErrorOptions = {}) {
    super(message, options);
  }
}

const BY_CODE: Record<string, Ctor> = {
  ValidationException,
  AccessDeniedException,
  ResourceNotFoundException,
  ModelTimeoutException,
  ConflictException,
  ModelErrorException,
  ModelNotReadyException,
  ThrottlingException,
  ServiceQuotaExceededException,
  InternalServerException,
  InternalFailure: InternalServerException,
  ServiceUnavailableException,
  ServiceUnavailable: ServiceUnavailableException,
  ModelStreamErrorException,
  UnrecognizedClientException,
  InvalidSignatureException: UnrecognizedClientException,
  IncompleteSignatureException: UnrecognizedClientException,
  ExpiredTokenException: UnrecognizedClientException,
  MissingAuthenticationTokenException: UnrecognizedClientException,
};

/**
 * The name an AWS error code gives an error: the bare PascalCase name (`InvalidSignatureException`
 * for `com.amazon.coral.service#InvalidSignatureException:http://…`), or undefined for a code
 * that is not a plain identifier.
 */
export function awsErrorName(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const bare = code.split(":")[0]!.split("#").pop()!;
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(bare)) return undefined;
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/** Exception class for an AWS error code (`ThrottlingException`, `throttlingException`, `aws.protocoltests#Foo`). */
export function exceptionClassFor(code: string | undefined): Ctor | undefined {
  if (!code) return undefined;
  // restJson1 codes may carry a namespace (`com.amazon…#Name`) or a `:http://…` suffix.
  const bare = code.split(":")[0]!.split("#").pop()!;
  const pascal = bare.charAt(0).toUpperCase() + bare.slice(1);
  // Own keys only: the code comes off the wire, and `__proto__` or `__defineGetter__` would
  // otherwise find Object.prototype's members and `new` them into a raw TypeError.
  return Object.hasOwn(BY_CODE, pascal) ? BY_CODE[pascal] : undefined;
}
