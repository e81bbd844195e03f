// SHA-256 and HMAC-SHA-256 in Smithy's `Checksum` shape: WebCrypto for large inputs, pure JS for small ones.
import { hmacSha256, sha256 } from "./sha256-js.js";

/** What Smithy accepts as a secret or data to hash. */
export type SourceData = string | ArrayBuffer | ArrayBufferView;

/** Structurally the same as `Checksum` in `@smithy/types`, so SignatureV4 accepts it. */
export interface Checksum {
  update(data: Uint8Array): void;
  digest(): Promise<Uint8Array>;
  reset(): void;
}

/**
 * The three WebCrypto calls made here; `crypto.subtle` of any runtime fits. Declared rather than
 * naming `SubtleCrypto`, which Node's types (without the DOM lib) do not declare globally.
 */
export interface SubtleDigest {
  digest(algorithm: "SHA-256", data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  importKey(format: "raw", key: Uint8Array<ArrayBuffer>, algorithm: { name: "HMAC"; hash: "SHA-256" }, extractable: false, usages: ["sign"]): Promise<unknown>;
  sign(algorithm: "HMAC", key: unknown, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

/** `new Sha256()` hashes; `new Sha256(secret)` computes an HMAC keyed with `secret`. */
export type ChecksumConstructor = new (secret?: SourceData) => Checksum;

// Below these sizes the pure-JS hash wins: WebCrypto's promise round trip (and for HMAC
// the importKey call) costs more than hashing a few blocks. Measured on Node 20 with
// sha256-js.ts (~150 MB/s): a 2 KiB Converse body hashes in 14 µs in JS, 40 µs through
// subtle.digest; the two meet near 6 KiB (nearer 3 KiB in browsers, whose digest call is
// cheaper). HMAC 64 B: JS 10 µs vs subtle 141 µs. Every HMAC SigV4 computes is under 300 bytes.
const HASH_JS_MAX_BYTES = 4096;
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

// Our own few-hundred-byte SHA-256 rather than @aws-crypto/sha256-js: it agrees with it byte for
// byte (the tests compare them), runs as fast on SigV4's small inputs, and weighs a third as much
// in a browser bundle (sha256-js also pulls in tslib).
function jsDigest(key: Bytes | undefined, data: Bytes): Promise<Uint8Array> {
  return Promise.resolve(key === undefined ? sha256(data) : hmacSha256(key, data));
}

async function subtleDigest(subtle: SubtleDigest, key: Bytes | undefined, data: Bytes): Promise<Uint8Array> {
  if (key === undefined) return new Uint8Array(await subtle.digest("SHA-256", data));
  const cryptoKey = await subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await subtle.sign("HMAC", cryptoKey, data));
}

function makeSha256(getSubtle: () => SubtleDigest | undefined): ChecksumConstructor {
  return class Sha256 implements Checksum {
    readonly #key: Bytes | undefined;
    #chunks: Bytes[] = [];
    #length = 0;
    /** WebCrypto's digest of a lone large chunk, started by update() itself. */
    #early: Promise<ArrayBuffer> | undefined;

    constructor(secret?: SourceData) {
      // Copied so later changes to the caller's buffer cannot change the key.
      this.#key = secret === undefined ? undefined : toBytes(secret).slice();
    }

    update(data: Uint8Array): void {
      if (data.byteLength === 0) return;
      if (this.#early !== undefined) {
        // A second chunk after all: copy the first now and hash everything at digest() time
        // (a caller that changed the first chunk's bytes in between would change the hash).
        this.#early = undefined;
        this.#chunks[0] = this.#chunks[0]!.slice();
      } else if (this.#length === 0 && this.#key === undefined && data.byteLength > HASH_JS_MAX_BYTES) {
        // WebCrypto copies its input when called (WebCrypto spec, digest step "get a copy of the
        // bytes"), so starting here snapshots the payload SigV4 hashes (one large chunk) without
        // a copy of our own: on a 5 MB body that copy costs a third of the digest itself.
        const early = this.#digestNow(data);
        if (early !== undefined) {
          this.#early = early;
          this.#chunks.push(data as Bytes);
          this.#length = data.byteLength;
          return;
        }
      }
      // WebCrypto cannot hash incrementally, so chunks wait here until digest(); copying
      // keeps the Checksum contract (the caller may reuse its buffer).
      this.#chunks.push(data.slice());
      this.#length += data.byteLength;
    }

    async digest(): Promise<Uint8Array> {
      const data = concat(this.#chunks, this.#length);
      const key = this.#key;
      if (this.#early !== undefined) {
        try {
          return new Uint8Array(await this.#early);
        } catch {
          return jsDigest(key, data);
        }
      }
      const small = this.#length <= (key === undefined ? HASH_JS_MAX_BYTES : HMAC_JS_MAX_BYTES);
      // Some WebCrypto implementations refuse zero-length HMAC keys; pure JS handles them.
      const subtle = small || key?.byteLength === 0 ? undefined : getSubtle();
      if (subtle === undefined) return jsDigest(key, data);
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
      this.#early = undefined;
    }

    #digestNow(data: Uint8Array): Promise<ArrayBuffer> | undefined {
      const subtle = getSubtle();
      if (subtle === undefined) return undefined;
      try {
        const early = subtle.digest("SHA-256", data as Bytes);
        early.catch(() => {}); // handled in digest(); a reset() may drop it unread
        return early;
      } catch {
        return undefined;
      }
    }
  };
}

function globalSubtle(): SubtleDigest | undefined {
  // `crypto.subtle` is undefined in browser pages served over plain http (not a secure context).
  return (globalThis as { crypto?: Crypto }).crypto?.subtle;
}

/**
 * SHA-256 / HMAC-SHA-256 for SignatureV4: WebCrypto where the runtime has it (about 10x faster
 * than pure JS on large bodies), pure JS for small inputs and where it does not. A lone chunk
 * over 4 KiB is handed to WebCrypto by `update()` itself, which takes its own copy there and then.
 *
 * @example
 * const hmac = new Sha256("key");
 * hmac.update(new TextEncoder().encode("data"));
 * const mac = await hmac.digest();
 */
export const Sha256: ChecksumConstructor = /* @__PURE__ */ makeSha256(globalSubtle);

/** A Sha256 bound to a given `crypto.subtle`, or pure JS only when `subtle` is null (for tests and odd hosts). */
export function createSha256(subtle: SubtleDigest | null): ChecksumConstructor {
  return makeSha256(() => subtle ?? undefined);
}
