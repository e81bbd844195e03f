// One SHA-256 or HMAC-SHA-256 of a string, as the lower-case hex SigV4 writes.
import type { ChecksumConstructor, SourceData } from "./sha256.js";

const encoder = new TextEncoder();

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

/** Hex of SHA-256(`data`), or of HMAC-SHA-256(`key`, `data`) when a key is given. */
export async function digestHex(sha256: ChecksumConstructor, data: string, key?: SourceData): Promise<string> {
  const hash = new sha256(key);
  hash.update(encoder.encode(data));
  return toHex(await hash.digest());
}
