// The names and fixed strings of SigV4, in one place so each step reads like the spec.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html

export const ALGORITHM = "AWS4-HMAC-SHA256";
export const KEY_TYPE = "aws4_request";
export const AUTH_HEADER = "authorization";
export const DATE_HEADER = "x-amz-date";
export const TOKEN_HEADER = "x-amz-security-token";
export const SHA256_HEADER = "x-amz-content-sha256";
/** The query parameter a presigned URL carries its signature in; never part of what is signed. */
export const SIGNATURE_QUERY = "x-amz-signature";
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
/** SHA-256 of the empty string, the payload hash of a request without a body. */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/** Headers the signature itself writes: a caller's copy would be signed and then replaced. */
export const GENERATED_HEADERS = [AUTH_HEADER, DATE_HEADER, "date"];

/**
 * Headers the AWS SDKs never sign, as @smithy/signature-v4 lists them: proxies and browsers
 * rewrite or add them (hop-by-hop, `user-agent`, tracing), and a signed one that changes in
 * flight fails the signature. Names starting `proxy-` or `sec-` are left out too.
 */
const UNSIGNABLE = new Set([
  AUTH_HEADER, "cache-control", "connection", "expect", "from", "keep-alive", "max-forwards",
  "pragma", "referer", "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
]);

export const isSignable = (lowerName: string): boolean =>
  !UNSIGNABLE.has(lowerName) && !lowerName.startsWith("proxy-") && !lowerName.startsWith("sec-");
