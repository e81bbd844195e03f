// AWS-style error answers: status, `x-amzn-errortype` header (with the coral suffix) and JSON body.

/** An error the emulator answers with, before it becomes a Response. */
export interface AwsError {
  status: number;
  type: string;
  message: string;
  /** Name of the message member in the body; Bedrock's API-key layer writes `Message`. */
  messageKey?: "message" | "Message";
  headers?: Record<string, string>;
}

// Real responses append the service namespace after a colon; clients must strip it.
const FRONT_END = ":http://internal.amazon.com/coral/com.amazon.coral.service/";
const BEDROCK = ":http://internal.amazon.com/coral/com.amazon.bedrock/";
const FRONT_END_TYPES = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "IncompleteSignatureException",
  "MissingAuthenticationTokenException",
  "ExpiredTokenException",
  "UnknownOperationException",
]);

/** The `x-amzn-errortype` value AWS would send for an error type. */
export function errorTypeHeader(type: string): string {
  return type + (FRONT_END_TYPES.has(type) ? FRONT_END : BEDROCK);
}

export function awsErrorResponse(error: AwsError, baseHeaders: Headers): Response {
  const headers = new Headers(baseHeaders);
  headers.set("content-type", "application/json");
  headers.set("x-amzn-errortype", errorTypeHeader(error.type));
  for (const [name, value] of Object.entries(error.headers ?? {})) headers.set(name, value);
  const body = JSON.stringify({ [error.messageKey ?? "message"]: error.message });
  return new Response(body, { status: error.status, headers });
}

/** Constructors for the errors the emulator raises itself. */
export const awsErrors = {
  validation: (message: string): AwsError => ({ status: 400, type: "ValidationException", message }),
  missingToken: (): AwsError => ({ status: 403, type: "MissingAuthenticationTokenException", message: "Missing Authentication Token" }),
  incompleteSignature: (message: string): AwsError => ({ status: 403, type: "IncompleteSignatureException", message }),
  invalidSignature: (message: string): AwsError => ({ status: 403, type: "InvalidSignatureException", message }),
  unrecognizedClient: (): AwsError => ({
    status: 403,
    type: "UnrecognizedClientException",
    message: "The security token included in the request is invalid.",
  }),
  expiredToken: (): AwsError => ({
    status: 403,
    type: "ExpiredTokenException",
    message: "The security token included in the request is expired",
  }),
  badApiKeyFormat: (): AwsError => ({
    status: 403,
    type: "AccessDeniedException",
    message: "Invalid API Key format: Must start with pre-defined prefix",
    messageKey: "Message",
  }),
  badApiKey: (): AwsError => ({
    status: 403,
    type: "AccessDeniedException",
    message: "Authentication failed: Please make sure your API Key is valid.",
    messageKey: "Message",
  }),
  unknownOperation: (): AwsError => ({ status: 404, type: "UnknownOperationException", message: "Unknown operation" }),
  throttling: (message = "Too many requests, please wait before trying again."): AwsError => ({
    status: 429,
    type: "ThrottlingException",
    message,
  }),
  internal: (message = "The server encountered an internal error while processing the request."): AwsError => ({
    status: 500,
    type: "InternalServerException",
    message,
  }),
  unavailable: (message = "Bedrock is unable to process your request."): AwsError => ({
    status: 503,
    type: "ServiceUnavailableException",
    message,
  }),
};

/**
 * Throw from a custom model (or route) to answer with an AWS error instead of a 500, e.g. a
 * ValidationException for a follow-up that dropped a reasoning signature.
 */
export class EmulatorError extends Error {
  readonly awsError: AwsError;
  constructor(awsError: AwsError) {
    super(awsError.message);
    this.name = "EmulatorError";
    this.awsError = awsError;
  }
}
