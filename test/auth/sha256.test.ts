// SHA-256 / HMAC-SHA-256: known vectors and agreement with @aws-crypto/sha256-js, on every backend.
import { Sha256 as JsSha256 } from "@aws-crypto/sha256-js";
import { describe, expect, it } from "vitest";
import { HybridSha256, createSha256 } from "../../src/auth/hybrid-sha256.js";
import { Sha256, makeSha256, type ChecksumConstructor, type SourceData } from "../../src/auth/sha256.js";

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const fromHex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A SubtleCrypto whose every call rejects, as in a sandbox that exposes but blocks WebCrypto. */
const brokenSubtle = {
  digest: () => Promise.reject(new Error("blocked")),
  importKey: () => Promise.reject(new Error("blocked")),
  sign: () => Promise.reject(new Error("blocked")),
} as unknown as SubtleCrypto;

const backends: Array<[string, ChecksumConstructor]> = [
  ["default, WebCrypto only (global crypto.subtle)", Sha256],
  ["WebCrypto only, passed in", makeSha256(() => crypto.subtle)],
  ["HybridSha256 (global crypto.subtle)", HybridSha256],
  ["WebCrypto passed in", createSha256(crypto.subtle)],
  ["pure JS (no subtle)", createSha256(null)],
  ["WebCrypto that rejects", createSha256(brokenSubtle)],
];

async function digest(ctor: ChecksumConstructor, data: Uint8Array | string, secret?: SourceData): Promise<string> {
  const hash = new ctor(secret);
  hash.update(typeof data === "string" ? utf8(data) : data);
  return hex(await hash.digest());
}

async function reference(data: Uint8Array, secret?: Uint8Array): Promise<string> {
  const hash = new JsSha256(secret);
  hash.update(data);
  return hex(await hash.digest());
}

function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(length, i + 65536)));
  return out;
}

// FIPS 180-2 examples.
const HASH_VECTORS: Array<[string, string]> = [
  ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
  ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
  ["a".repeat(1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"],
];

// RFC 4231 test cases 1, 2, 3, 4, 6, 7 (5 is truncated output). 6 and 7 use a 131-byte key.
const HMAC_VECTORS: Array<[string, string, string, string]> = [
  ["1", "0b".repeat(20), hex(utf8("Hi There")), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"],
  ["2", hex(utf8("Jefe")), hex(utf8("what do ya want for nothing?")), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"],
  ["3", "aa".repeat(20), "dd".repeat(50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"],
  ["4", "0102030405060708090a0b0c0d0e0f10111213141516171819", "cd".repeat(50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"],
  ["6", "aa".repeat(131), hex(utf8("Test Using Larger Than Block-Size Key - Hash Key First")), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"],
  [
    "7",
    "aa".repeat(131),
    hex(utf8("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.")),
    "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
  ],
];

// Sizes on both sides of the hybrid's JS/WebCrypto switch-over (4 KiB) and multi-block tails.
const SIZES = [0, 1, 55, 56, 63, 64, 65, 1023, 1024, 1025, 4095, 4096, 4097, 65_537, 300_000];

describe.each(backends)("Sha256 backed by %s", (_name, ctor) => {
  it.each(HASH_VECTORS)("hashes the FIPS 180-2 vector of length %#", async (input, expected) => {
    expect(await digest(ctor, input)).toBe(expected);
  });

  it.each(HMAC_VECTORS)("computes RFC 4231 HMAC test case %s", async (_id, key, data, expected) => {
    expect(await digest(ctor, fromHex(data), fromHex(key))).toBe(expected);
  });

  it.each(SIZES)("agrees with sha256-js on %i random bytes, hash and HMAC", async (size) => {
    const data = randomBytes(size);
    const key = randomBytes(1 + (size % 100));
    expect(await digest(ctor, data)).toBe(await reference(data));
    expect(await digest(ctor, data, key)).toBe(await reference(data, key));
  });

  it("hashes chunks fed in several updates like one buffer, and digest is repeatable", async () => {
    const data = randomBytes(10_000);
    const hash = new ctor("key");
    for (const [from, to] of [[0, 1], [1, 4000], [4000, 4000], [4000, 10_000]] as const) hash.update(data.subarray(from, to));
    const expected = await reference(data, utf8("key"));
    expect(hex(await hash.digest())).toBe(expected);
    expect(hex(await hash.digest())).toBe(expected);
  });

  it("reset() starts over with the same key", async () => {
    const hash = new ctor("key");
    hash.update(utf8("discarded"));
    hash.reset();
    hash.update(utf8("kept"));
    expect(hex(await hash.digest())).toBe(await reference(utf8("kept"), utf8("key")));
  });

  it("is unaffected by the caller reusing its buffers after update()", async () => {
    const key = utf8("secret");
    const buffer = utf8("first chunk ");
    const hash = new ctor(key);
    hash.update(buffer);
    buffer.fill(0);
    key.fill(0);
    expect(hex(await hash.digest())).toBe(await reference(utf8("first chunk "), utf8("secret")));
  });

  it("accepts string, ArrayBuffer and typed-array views (with offsets) as the secret", async () => {
    const expected = await reference(utf8("data"), utf8("key"));
    const padded = utf8("xxkeyxx");
    expect(await digest(ctor, "data", "key")).toBe(expected);
    expect(await digest(ctor, "data", utf8("key").buffer as ArrayBuffer)).toBe(expected);
    const hash = new ctor(new DataView(padded.buffer, 2, 3));
    hash.update(utf8("data"));
    expect(hex(await hash.digest())).toBe(expected);
  });

  it("treats an empty secret as an HMAC with an empty key, not as a plain hash", async () => {
    // RFC 2104 with a zero-length key; sha256-js agrees when handed bytes rather than "".
    expect(await digest(ctor, "data", "")).toBe(await reference(utf8("data"), new Uint8Array(0)));
    expect(await digest(ctor, "data", "")).not.toBe(await digest(ctor, "data"));
  });
});

/** WebCrypto that records which of its calls were made. */
function spyingSubtle() {
  const calls: string[] = [];
  const real = crypto.subtle;
  const subtle = {
    digest: (...args: Parameters<SubtleCrypto["digest"]>) => (calls.push("digest"), real.digest(...args)),
    importKey: (...args: Parameters<SubtleCrypto["importKey"]>) => (calls.push("importKey"), real.importKey(...args)),
    sign: (...args: Parameters<SubtleCrypto["sign"]>) => (calls.push("sign"), real.sign(...args)),
  } as unknown as SubtleCrypto;
  return { subtle, calls };
}

describe("Sha256 backend choice", () => {
  it("hashes large inputs with WebCrypto in one call", async () => {
    const { subtle, calls } = spyingSubtle();
    const ctor = createSha256(subtle);
    await digest(ctor, randomBytes(5000));
    await digest(ctor, randomBytes(5000), "key");
    expect(calls).toEqual(["digest", "importKey", "sign"]);
  });

  it("keeps small inputs (every HMAC SigV4 makes) on the synchronous JS path", async () => {
    const { subtle, calls } = spyingSubtle();
    const ctor = createSha256(subtle);
    await digest(ctor, randomBytes(1024));
    await digest(ctor, randomBytes(4096), "key");
    await digest(ctor, randomBytes(10_000), "");
    expect(calls).toEqual([]);
  });
});

describe("the default Sha256 is WebCrypto only", () => {
  it("sends small inputs, HMACs and an empty key to WebCrypto too", async () => {
    const { subtle, calls } = spyingSubtle();
    const ctor = makeSha256(() => subtle);
    expect(await digest(ctor, "abc")).toBe(HASH_VECTORS[1]![1]);
    await digest(ctor, randomBytes(64), "key");
    // The empty key goes in as 64 zero bytes, the same HMAC (RFC 2104 pads keys with zeros).
    expect(await digest(ctor, "data", "")).toBe(await reference(utf8("data"), new Uint8Array(0)));
    expect(calls).toEqual(["digest", "importKey", "sign", "importKey", "sign"]);
  });

  it("rejects, saying what to pass instead, where the runtime has no crypto.subtle", async () => {
    const ctor = makeSha256(() => undefined);
    await expect(digest(ctor, "abc")).rejects.toThrow("pass sha256: HybridSha256");
    await expect(digest(ctor, "abc", "key")).rejects.toThrow("needs WebCrypto (crypto.subtle)");
  });

  it("passes a failing WebCrypto's error on rather than hashing in JS", async () => {
    const ctor = makeSha256(() => brokenSubtle);
    await expect(digest(ctor, "abc")).rejects.toThrow("blocked");
    await expect(digest(ctor, "abc", "key")).rejects.toThrow("blocked");
  });
});
