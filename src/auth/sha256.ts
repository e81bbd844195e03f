// SHA-256 and HMAC-SHA-256 in Smithy's `Checksum` shape through WebCrypto, the default for signing.

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

/**
 * A synchronous SHA-256 / HMAC-SHA-256 (`key` undefined for a plain hash) that a Sha256 uses
 * for inputs of at most `maxBytes`, where the runtime has no WebCrypto, and where WebCrypto fails.
 */
export interface JsFallback {
  maxBytes: number;
  digest(key: Uint8Array | undefined, data: Uint8Array): Uint8Array;
}

// HMAC pads its key with zeros to the 64-byte block (RFC 2104 section 2), so an empty key is the
// same as 64 zero bytes, which WebCrypto implementations that refuse zero-length keys accept.
const HMAC_BLOCK_BYTES = 64;

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

async function subtleDigest(subtle: SubtleDigest, key: Bytes | undefined, data: Bytes): Promise<Uint8Array> {
  if (key === undefined) return new Uint8Array(await subtle.digest("SHA-256", data));
  const rawKey = key.byteLength === 0 ? new Uint8Array(HMAC_BLOCK_BYTES) : key;
  const cryptoKey = await subtle.importKey("raw", rawKey, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await subtle.sign("HMAC", cryptoKey, data));
}

/**
 * A Sha256 class over `getSubtle()`. Without `fallback`, every digest goes to WebCrypto and a
 * missing or failing WebCrypto rejects the digest; with one, small inputs and failures go to it.
 */
export function makeSha256(getSubtle: () => SubtleDigest | undefined, fallback?: JsFallback): ChecksumConstructor {
  const jsDigest = fallback === undefined ? undefined : (key: Bytes | undefined, data: Bytes) => Promise.resolve(fallback.digest(key, data));
  const jsMaxBytes = fallback?.maxBytes ?? -1;
  return class Sha256 implements Checksum {
    readonly #key: Bytes | undefined;
    #chunks: Bytes[] = [];
    #length = 0;
    /** WebCrypto's digest of a lone chunk past the fallback's size, started by update() itself. */
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
      } else if (this.#length === 0 && this.#key === undefined && data.byteLength > jsMaxBytes) {
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
        } catch (error) {
          if (jsDigest === undefined) throw error;
          return jsDigest(key, data);
        }
      }
      // Some WebCrypto implementations refuse zero-length HMAC keys; with a fallback, JS takes them.
      const preferJs = this.#length <= jsMaxBytes || key?.byteLength === 0;
      const subtle = jsDigest !== undefined && preferJs ? undefined : getSubtle();
      if (subtle === undefined) {
        if (jsDigest === undefined) throw new Error(NO_WEBCRYPTO);
        return jsDigest(key, data);
      }
      if (jsDigest === undefined) return subtleDigest(subtle, key, data);
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

const NO_WEBCRYPTO =
  "SHA-256 needs WebCrypto (crypto.subtle), which this runtime lacks (a browser page over plain http is not a secure context); pass sha256: HybridSha256 to hash in JavaScript";

/** The runtime's `crypto.subtle`, if any. */
export function globalSubtle(): SubtleDigest | undefined {
  // `crypto.subtle` is undefined in browser pages served over plain http (not a secure context).
  return (globalThis as { crypto?: Crypto }).crypto?.subtle;
}

/**
 * SHA-256 / HMAC-SHA-256 for SignatureV4 through WebCrypto only, the signer's default: it adds no
 * hash code to a bundle. Where the runtime has no `crypto.subtle` a digest rejects saying so;
 * `HybridSha256` (pure JS for small inputs and as a fallback) covers those hosts. A lone chunk
 * is handed to WebCrypto by `update()` itself, which takes its own copy there and then.
 *
 * @example
 * const hmac = new Sha256("key");
 * hmac.update(new TextEncoder().encode("data"));
 * const mac = await hmac.digest();
 */
export const Sha256: ChecksumConstructor = /* @__PURE__ */ makeSha256(globalSubtle);
