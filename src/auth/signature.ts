// SigV4 steps 3 and 4: the signing key derived from the secret, and the signature of the string to sign.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#derive-signing-key
import type { AwsCredentials } from "./credentials.js";
import { digest, digestHex, toHex } from "./digest-hex.js";
import type { ChecksumConstructor, SourceData } from "./sha256.js";
import { KEY_TYPE } from "./sigv4-names.js";

// A signing key lives a day and is four HMACs to derive; keep the last few, as the AWS SDKs do.
const MAX_KEYS = 50;
const keys = new Map<string, Promise<Uint8Array>>();

/**
 * `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`, cached
 * under an HMAC of the key id by the secret: the cache never holds the secret itself, and two
 * credentials sharing a key id but not a secret do not share a key.
 */
export async function signingKey(
  sha256: ChecksumConstructor,
  credentials: AwsCredentials,
  shortDate: string,
  region: string,
  service: string,
): Promise<Uint8Array> {
  const id = toHex(await digest(sha256, credentials.accessKeyId, credentials.secretAccessKey));
  const cacheKey = `${shortDate}:${region}:${service}:${id}`;
  let key = keys.get(cacheKey);
  if (key === undefined) {
    key = (async () => {
      let k: SourceData = `AWS4${credentials.secretAccessKey}`;
      for (const part of [shortDate, region, service, KEY_TYPE]) k = await digest(sha256, part, k);
      return k as Uint8Array;
    })();
    keys.set(cacheKey, key);
    // A failed derivation (a hash that threw) must not stay cached.
    key.catch(() => keys.delete(cacheKey));
    if (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value!);
  }
  return key;
}

/** HMAC-SHA256 of `stringToSign` under the day's signing key, as lower-case hex. */
export async function createSignature(
  sha256: ChecksumConstructor,
  credentials: AwsCredentials,
  longDate: string,
  region: string,
  service: string,
  stringToSign: string,
): Promise<string> {
  const key = await signingKey(sha256, credentials, longDate.slice(0, 8), region, service);
  return digestHex(sha256, stringToSign, key);
}
