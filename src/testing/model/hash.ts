// Synchronous SHA-256 and HMAC for the built-in model: deterministic IDs, cache keys and reasoning signatures.
//
// The model stays synchronous (callers may use its turn directly), so this uses sha256-js's
// `digestSync` rather than WebCrypto, whose digests are promises.
import { Sha256 } from "@aws-crypto/sha256-js";
import { encodeBase64 } from "../../wire/serde/base64.js";

const utf8 = new TextEncoder();

/** SHA-256 of a string, or HMAC-SHA-256 when `key` is given. */
export function sha256(text: string, key?: string): Uint8Array {
  const hash = new Sha256(key === undefined ? undefined : utf8.encode(key));
  hash.update(utf8.encode(text));
  return hash.digestSync();
}

export function sha256Hex(text: string): string {
  return Array.from(sha256(text), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Standard base64 of HMAC-SHA-256(key, text). */
export function hmacBase64(key: string, text: string): string {
  return encodeBase64(sha256(text, key));
}

/** URL-safe base64 (RFC 4648 §5) without padding, cut to `length` characters. */
export function base64Url(bytes: Uint8Array, length: number): string {
  return encodeBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "").slice(0, length);
}
