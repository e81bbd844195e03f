// One SHA-256 or HMAC-SHA-256 of a string or bytes, as bytes or as the lower-case hex SigV4 writes.
import type { ChecksumConstructor, SourceData } from "./sha256.js";

const encoder = new TextEncoder();

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

/** SHA-256(`data`), or HMAC-SHA-256(`key`, `data`) when a key is given; a string as UTF-8. */
export function digest(sha256: ChecksumConstructor, data: string | Uint8Array, key?: SourceData): Promise<Uint8Array> {
  const hash = new sha256(key);
  hash.update(typeof data === "string" ? encoder.encode(data) : data);
  return hash.digest();
}

/** `digest` as lower-case hex. */
export async function digestHex(sha256: ChecksumConstructor, data: string | Uint8Array, key?: SourceData): Promise<string> {
  return toHex(await digest(sha256, data, key));
}
