// AWS-style error answers: status, `x-amzn-errortype` header (with the coral suffix) and JSON body.

/** An error the emulator answers with, before it becomes a Response. */
export interface AwsError {
  status: number;
  type: string;
  message: string;
  /** Name of the message member in the body; Bedrock's API-key layer writes `Message`. */
  messageKey?: "message" | "Message";
  /** Raised by AWS's authentication front end rather than by Bedrock: changes the `x-amzn-errortype` namespace. */
  frontEnd?: boolean;
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
export function errorTypeHeader(type: string, frontEnd = FRONT_END_TYPES.has(type)): string {
  return type + (frontEnd ? FRONT_END : BEDROCK);
}

export function awsErrorResponse(error: AwsError, baseHeaders: Headers): Response {
  const headers = new Headers(baseHeaders);
  headers.set("content-type", "application/json");
  headers.set("x-amzn-errortype", errorTypeHeader(error.type, error.frontEnd));
  for (const [name, value] of Object.entries(error.headers ?? {})) headers.set(name, value);
  const body = JSON.stringify({ [error.messageKey ?? "message"]: error.message });
  return new Response(body, { status: error.status, headers });
}

// Wording of the signature-mismatch answer, line breaks and quotes included, as Bedrock sends it:
// https://github.com/BerriAI/litellm/issues/14763 (ConverseStream, 2025) and
// https://github.com/avante-corp/avante.nvim/issues/2032 (Bedrock, with `x-amz-security-token:<token>`
// echoed inside the canonical string). Other JSON services send the same text (aws/aws-sdk-cpp#17).
const MISMATCH_PREAMBLE =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/** AWS's signature-mismatch message: it echoes the canonical request, signed header values (session token too) included. */
export function signatureMismatchMessage(canonicalRequest: string, stringToSign: string): string {
  return (
    `${MISMATCH_PREAMBLE}\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'\n\n` +
    `The String-to-Sign should have been\n'${stringToSign}'\n`
  );
}

/** Bedrock's default throttling wording (sources at `awsErrors.throttling`). */
export const THROTTLING_MESSAGE = "Too many requests, please wait before trying again.";
/** Bedrock's ServiceUnavailableException wording, over HTTP and in stream exception frames. */
export const UNAVAILABLE_MESSAGE = "Bedrock is unable to process your request.";
/**
 * InvokeModelWithResponseStream on a model served without streaming (embedding and image models):
 * a ValidationException in these words, quoted from a Bedrock answer in
 * aws-samples/amazon-bedrock-client-for-mac#112 (for another model kind; no capture for embeddings).
 */
export const NO_STREAMING_MESSAGE = "The model is unsupported for streaming.";

/** Constructors for the errors the emulator raises itself. */
export const awsErrors = {
  validation: (message: string): AwsError => ({ status: 400, type: "ValidationException", message }),
  // Bedrock (since API keys) answers a request without `Authorization` with 403 AccessDeniedException
  // from the front end and a capitalised `Message`, Content-Length 45 — not API Gateway's
  // "Missing Authentication Token": https://github.com/karthink/gptel/issues/1397 (headers and body),
  // https://github.com/anthropics/claude-code/issues/45000.
  missingAuthorization: (): AwsError => ({
    status: 403,
    type: "AccessDeniedException",
    message: "Authorization header is missing",
    messageKey: "Message",
    frontEnd: true,
  }),
  // 403 as AWS's JSON front ends answer it; Bedrock's troubleshooting page lists IncompleteSignature
  // as 400, and no capture of a Bedrock answer was found to settle it.
  incompleteSignature: (message: string): AwsError => ({ status: 403, type: "IncompleteSignatureException", message }),
  invalidSignature: (message: string): AwsError => ({ status: 403, type: "InvalidSignatureException", message }),
  signatureMismatch: (canonicalRequest: string, stringToSign: string): AwsError => ({
    status: 403,
    type: "InvalidSignatureException",
    message: signatureMismatchMessage(canonicalRequest, stringToSign),
  }),
  // "…is invalid." with a full stop: https://github.com/Arize-ai/openinference/issues/2358 (bedrock-runtime Converse).
  unrecognizedClient: (): AwsError => ({
    status: 403,
    type: "UnrecognizedClientException",
    message: "The security token included in the request is invalid.",
  }),
  // No full stop here, unlike the invalid-token message: https://github.com/anthropics/claude-code/issues/28032
  // (Bedrock, 403 ExpiredTokenException).
  expiredToken: (): AwsError => ({
    status: 403,
    type: "ExpiredTokenException",
    message: "The security token included in the request is expired",
  }),
  // The two API-key messages below could not be confirmed from a public capture; their namespace is
  // assumed to be the front end's, like "Authorization header is missing".
  badApiKeyFormat: (): AwsError => ({
    status: 403,
    type: "AccessDeniedException",
    message: "Invalid API Key format: Must start with pre-defined prefix",
    messageKey: "Message",
    frontEnd: true,
  }),
  badApiKey: (): AwsError => ({
    status: 403,
    type: "AccessDeniedException",
    message: "Authentication failed: Please make sure your API Key is valid.",
    messageKey: "Message",
    frontEnd: true,
  }),
  unknownOperation: (): AwsError => ({ status: 404, type: "UnknownOperationException", message: "Unknown operation" }),
  // 429, Bedrock's namespace, `{"message":…}`, and no Retry-After header:
  // https://github.com/aws-samples/amazon-bedrock-client-for-mac/issues/99 (full response headers) and
  // https://github.com/kirodotdev/Kiro/issues/8113. Token quotas say "Too many tokens, please wait before
  // trying again." and older answers add " You have sent too many requests.  Wait before trying again."
  // (https://github.com/2FastLabs/agent-squad/issues/47); pass `message` to the throttle fault for those.
  throttling: (message = THROTTLING_MESSAGE): AwsError => ({
    status: 429,
    type: "ThrottlingException",
    message,
  }),
  // Wording unconfirmed: no public capture of a Bedrock 500 InternalServerException body was found.
  internal: (message = "The server encountered an internal error while processing the request."): AwsError => ({
    status: 500,
    type: "InternalServerException",
    message,
  }),
  // https://github.com/darko-mesaros/bedrust/issues/47, https://github.com/danny-avila/LibreChat/issues/4217.
  unavailable: (message = UNAVAILABLE_MESSAGE): AwsError => ({
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
