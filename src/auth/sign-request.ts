// SigV4 header signing of fetch requests for Bedrock, each step a named function that reads like the spec.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
import { createCanonicalRequest } from "./canonical-request.js";
import { createSignature } from "./signature.js";
import { guardSecrets, resolveSigning, type SigningOptions, type SigningSteps } from "./signing-options.js";
import { headersForFetch, toSmithyRequest, type SignableRequest } from "./signable-request.js";
import { ALGORITHM, DATE_HEADER, EMPTY_SHA256, GENERATED_HEADERS, SHA256_HEADER, TOKEN_HEADER, UNSIGNED_PAYLOAD } from "./sigv4-names.js";
import { amzDate, createStringToSign, credentialScope } from "./string-to-sign.js";
import { digestHex } from "./digest-hex.js";
import type { ChecksumConstructor } from "./sha256.js";
import type { SmithyHttpRequest } from "./signable-request.js";

export interface SignedRequest extends SigningSteps {
  /** The caller's headers plus `authorization`, `x-amz-date`, and where they apply
   * `x-amz-security-token` and `x-amz-content-sha256`. No `host`: fetch sets it from the URL. */
  headers: Headers;
}

/**
 * Signs a request for the `Authorization` header and reports every step.
 *
 * @example
 * const signed = await signRequestDetailed(
 *   { method: "POST", url, headers: { "content-type": "application/json" }, body },
 *   { credentials, region: "us-east-1" },
 * );
 * await fetch(url, { method: "POST", headers: signed.headers, body });
 */
export function signRequestDetailed(request: SignableRequest, options: SigningOptions): Promise<SignedRequest> {
  return guardSecrets(options, async () => {
    const { credentials, region, service, signingDate, sha256, applyChecksum } = resolveSigning(options);
    const signable = toSmithyRequest(request);
    const headers = signable.headers;
    // Headers the signature itself produces; a caller's copy would be signed and then replaced.
    for (const name of GENERATED_HEADERS) delete headers[name];
    const longDate = amzDate(signingDate);
    headers[DATE_HEADER] = longDate;
    if (credentials.sessionToken) headers[TOKEN_HEADER] = credentials.sessionToken;
    // A caller's own x-amz-content-sha256 (e.g. UNSIGNED-PAYLOAD) is the hash, as the AWS SDK has it.
    const own = headers[SHA256_HEADER];
    const payloadHash = own ?? (await payloadHashOf(signable, sha256));
    if (applyChecksum && own === undefined) headers[SHA256_HEADER] = payloadHash;

    const canonical = createCanonicalRequest(signable, payloadHash);
    const scope = credentialScope(longDate, region, service);
    const stringToSign = await createStringToSign(sha256, longDate, scope, canonical.text);
    const signature = await createSignature(sha256, credentials, longDate, region, service, stringToSign);
    headers.authorization =
      `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, ` +
      `SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`;
    return { headers: headersForFetch(headers), canonicalRequest: canonical.text, stringToSign, signature };
  });
}

/**
 * The request's headers plus SigV4's: `authorization`, `x-amz-date`, `x-amz-security-token`
 * (with a session token) and `x-amz-content-sha256`. The URL's path must already be
 * percent-encoded as sent (a model ARN as one `encodeURIComponent`'d segment).
 *
 * @example
 * const url = `https://bedrock-runtime.us-east-1.amazonaws.com/model/${encodeURIComponent(modelId)}/converse`;
 * const headers = await signRequest({ method: "POST", url, headers: { "content-type": "application/json" }, body },
 *   { credentials, region: "us-east-1" });
 */
export async function signRequest(request: SignableRequest, options: SigningOptions): Promise<Headers> {
  return (await signRequestDetailed(request, options)).headers;
}

/** Hex SHA-256 of the body; no body hashes as the empty string, a body of another kind is left unsigned. */
async function payloadHashOf({ body }: SmithyHttpRequest, sha256: ChecksumConstructor): Promise<string> {
  if (body == null) return EMPTY_SHA256;
  if (typeof body === "string") return digestHex(sha256, body);
  if (ArrayBuffer.isView(body)) return digestHex(sha256, new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  if (body instanceof ArrayBuffer) return digestHex(sha256, new Uint8Array(body));
  return UNSIGNED_PAYLOAD;
}
