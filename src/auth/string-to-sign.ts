// SigV4 step 2, the string to sign: algorithm, request time, credential scope, hash of the canonical request.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-string-to-sign
import { digestHex } from "./digest-hex.js";
import type { ChecksumConstructor } from "./sha256.js";
import { ALGORITHM, KEY_TYPE } from "./sigv4-names.js";

/** The request time as SigV4 writes it (`x-amz-date`), ISO 8601 basic format in UTC: `20150830T123600Z`. */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** `<yyyymmdd>/<region>/<service>/aws4_request`, the scope the signing key is derived for. */
export function credentialScope(longDate: string, region: string, service: string): string {
  return `${longDate.slice(0, 8)}/${region}/${service}/${KEY_TYPE}`;
}

export async function createStringToSign(
  sha256: ChecksumConstructor,
  longDate: string,
  scope: string,
  canonicalRequest: string,
): Promise<string> {
  return [ALGORITHM, longDate, scope, await digestHex(sha256, canonicalRequest)].join("\n");
}
