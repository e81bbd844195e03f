// SigV4 steps 3 and 4: the signing key derived from the secret, and the signature of the string to sign.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#derive-signing-key
import { getSigningKey } from "@smithy/signature-v4";
import type { AwsCredentials } from "./credentials.js";
import { digestHex } from "./digest-hex.js";
import type { ChecksumConstructor } from "./sha256.js";

/**
 * HMAC-SHA256 of `stringToSign` under the key `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date),
 * region), service), "aws4_request")`. Smithy derives that key and caches it (50 entries, keyed
 * by an HMAC of the secret, so credentials sharing a key id do not share a key).
 */
export async function createSignature(
  sha256: ChecksumConstructor,
  credentials: AwsCredentials,
  longDate: string,
  region: string,
  service: string,
  stringToSign: string,
): Promise<string> {
  const key = await getSigningKey(sha256, credentials, longDate.slice(0, 8), region, service);
  return digestHex(sha256, stringToSign, key);
}
