// SHA-256 and HMAC-SHA-256 mixing WebCrypto (large inputs) with our pure-JS hash (small inputs, no WebCrypto).
import { hmacSha256, sha256 } from "./sha256-js.js";
import { globalSubtle, makeSha256, type ChecksumConstructor, type JsFallback, type SubtleDigest } from "./sha256.js";

// Below this size the pure-JS hash wins: WebCrypto's promise round trip (and for HMAC the
// importKey call) costs more than hashing a few blocks. Measured on Node 20 with sha256-js.ts
// (~150 MB/s): a 2 KiB Converse body hashes in 14 µs in JS, 40 µs through subtle.digest; the
// two meet near 6 KiB (nearer 3 KiB in browsers, whose digest call is cheaper). HMAC 64 B: JS
// 10 µs vs subtle 141 µs. Every HMAC SigV4 computes is under 300 bytes.
const JS_MAX_BYTES = 4096;

// Our own few-hundred-byte SHA-256 rather than @aws-crypto/sha256-js: it agrees with it byte for
// byte (the tests compare them), runs as fast on SigV4's small inputs, and weighs a third as much
// in a browser bundle (sha256-js also pulls in tslib).
const JS_FALLBACK: JsFallback = {
  maxBytes: JS_MAX_BYTES,
  digest: (key, data) => (key === undefined ? sha256(data) : hmacSha256(key, data)),
};

/**
 * SHA-256 / HMAC-SHA-256 that hashes inputs up to 4 KiB (every HMAC SigV4 computes, most
 * Converse bodies) in JavaScript, faster there than a WebCrypto round trip, and larger ones with
 * WebCrypto; pure JS where the runtime has no `crypto.subtle` or it fails. Costs about 1 KiB
 * (gzip) of bundle over the WebCrypto-only default `Sha256`.
 *
 * @example
 * const headers = await signRequest(request, { credentials, region: "us-east-1", sha256: HybridSha256 });
 */
export const HybridSha256: ChecksumConstructor = /* @__PURE__ */ makeSha256(globalSubtle, JS_FALLBACK);

/** A HybridSha256 bound to a given `crypto.subtle`, or pure JS only when `subtle` is null (for tests and odd hosts). */
export function createSha256(subtle: SubtleDigest | null): ChecksumConstructor {
  return makeSha256(() => subtle ?? undefined, JS_FALLBACK);
}
