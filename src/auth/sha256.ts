// SHA-256 and HMAC-SHA-256 in Smithy's `Checksum` shape: WebCrypto for large inputs, pure JS for small ones.
import { Sha256 as JsSha256 } from "@aws-crypto/sha256-js";

/** What Smithy accepts as a secret or data to hash. */
export type SourceData = string | ArrayBuffer | ArrayBufferView;

/** Structurally the same as `Checksum` in `@smithy/types`, so SignatureV4 accepts it. */
export interface Checksum {
  update(data: Uint8Array): void;
  digest(): Promise<Uint8Array>;
  reset(): void;
}

/** `new Sha256()` hashes; `new Sha256(secret)` computes an HMAC keyed with `secret`. */
export type ChecksumConstructor = new (secret?: SourceData) => Checksum;

// Below these sizes the pure-JS hash wins: WebCrypto's promise round trip (and for HMAC
// the importKey call) costs more than hashing a few blocks. Measured on Node 20:
// hash 64 B JS 4 µs vs subtle 22 µs, 1 KiB ~tie; HMAC 64 B JS 10 µs vs subtle 141 µs,
// 4 KiB ~tie. Every HMAC SigV4 computes is under 300 bytes.
const HASH_JS_MAX_BYTES = 1024;
const HMAC_JS_MAX_BYTES = 4096;

const encoder = new TextEncoder();

function toBytes(data: SourceData): Uint8Array {
  if (typeof data === "string") return encoder.encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

// Chunks are our own copies, so they are backed by plain ArrayBuffers as WebCrypto's types want.
type Bytes = Uint8Array<ArrayBuffer>;

function concat(chunks: Bytes[], length: number): Bytes {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function jsDigest(key: Bytes | undefined, data: Bytes): Promise<Uint8Array> {
  // sha256-js treats a falsy secret as "no HMAC"; a Uint8Array (even empty) is truthy.
  const hash = new JsSha256(key);
  hash.update(data);
  return hash.digest();
}

async function subtleDigest(subtle: SubtleCrypto, key: Bytes | undefined, data: Bytes): Promise<Uint8Array> {
  if (key === undefined) return new Uint8Array(await subtle.digest("SHA-256", data));
  const cryptoKey = await subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await subtle.sign("HMAC", cryptoKey, data));
}

function makeSha256(getSubtle: () => SubtleCrypto | undefined): ChecksumConstructor {
  return class Sha256 implements Checksum {
    readonly #key: Bytes | undefined;
    #chunks: Bytes[] = [];
    #length = 0;

    constructor(secret?: SourceData) {
      // Copied so later changes to the caller's buffer cannot change the key.
      this.#key = secret === undefined ? undefined : toBytes(secret).slice();
    }

    update(data: Uint8Array): void {
      if (data.byteLength === 0) return;
      // WebCrypto cannot hash incrementally, so chunks wait here until digest(); copying
      // keeps the Checksum contract (the caller may reuse its buffer) for ~0.2 ms per MB.
      this.#chunks.push(data.slice());
      this.#length += data.byteLength;
    }

    async digest(): Promise<Uint8Array> {
      const data = concat(this.#chunks, this.#length);
      const key = this.#key;
      const subtle = getSubtle();
      const small = this.#length <= (key === undefined ? HASH_JS_MAX_BYTES : HMAC_JS_MAX_BYTES);
      // Some WebCrypto implementations refuse zero-length HMAC keys; pure JS handles them.
      if (subtle === undefined || small || key?.byteLength === 0) return jsDigest(key, data);
      try {
        return await subtleDigest(subtle, key, data);
      } catch {
        // A WebCrypto that exists but fails (locked-down sandbox) still gets a correct answer.
        return jsDigest(key, data);
      }
    }

    reset(): void {
      this.#chunks = [];
      this.#length = 0;
    }
  };
}

function globalSubtle(): SubtleCrypto | undefined {
  // `crypto.subtle` is undefined in browser pages served over plain http (not a secure context).
  return (globalThis as { crypto?: Crypto }).crypto?.subtle;
}

/**
 * SHA-256 / HMAC-SHA-256 for SignatureV4: WebCrypto where the runtime has it (about 10x faster
 * than pure JS on large bodies), `@aws-crypto/sha256-js` where it does not.
 *
 * @example
 * const hmac = new Sha256("key");
 * hmac.update(new TextEncoder().encode("data"));
 * const mac = await hmac.digest();
 */
export const Sha256: ChecksumConstructor = /* @__PURE__ */ makeSha256(globalSubtle);

/** A Sha256 bound to a given SubtleCrypto, or pure JS only when `subtle` is null (for tests and odd hosts). */
export function createSha256(subtle: SubtleCrypto | null): ChecksumConstructor {
  return makeSha256(() => subtle ?? undefined);
}
