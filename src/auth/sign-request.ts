// SigV4 header signing of fetch requests for Bedrock, each step a named function that reads like the spec.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
import {
  ALGORITHM_IDENTIFIER,
  AMZ_DATE_HEADER,
  AUTH_HEADER,
  GENERATED_HEADERS,
  SHA256_HEADER,
  TOKEN_HEADER,
  getPayloadHash,
  hasHeader,
} from "@smithy/signature-v4";
import { createCanonicalRequest } from "./canonical-request.js";
import { createSignature } from "./signature.js";
import { guardSecrets, resolveSigning, type SigningOptions, type SigningSteps } from "./signing-options.js";
import { headersForFetch, toSmithyRequest, type SignableRequest } from "./signable-request.js";
import { amzDate, createStringToSign, credentialScope } from "./string-to-sign.js";

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
    headers[AMZ_DATE_HEADER] = longDate;
    if (credentials.sessionToken) headers[TOKEN_HEADER] = credentials.sessionToken;
    // A caller's own x-amz-content-sha256 (e.g. UNSIGNED-PAYLOAD) is the hash, as the AWS SDK has it.
    const payloadHash = await getPayloadHash(signable, sha256);
    if (applyChecksum && !hasHeader(SHA256_HEADER, headers)) headers[SHA256_HEADER] = payloadHash;

    const canonical = createCanonicalRequest(signable, payloadHash);
    const scope = credentialScope(longDate, region, service);
    const stringToSign = await createStringToSign(sha256, longDate, scope, canonical.text);
    const signature = await createSignature(sha256, credentials, longDate, region, service, stringToSign);
    headers[AUTH_HEADER] =
      `${ALGORITHM_IDENTIFIER} Credential=${credentials.accessKeyId}/${scope}, ` +
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
