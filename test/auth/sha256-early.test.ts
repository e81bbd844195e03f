// Sha256 hands a lone large chunk to WebCrypto inside update(): same digests, no copy, and correct fallbacks.
import { Sha256 as JsSha256 } from "@aws-crypto/sha256-js";
import { describe, expect, it } from "vitest";
import { createSha256 } from "../../src/auth/hybrid-sha256.js";
import { hmacSha256, sha256 } from "../../src/auth/sha256-js.js";

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(length, i + 65536)));
  return out;
}

async function reference(data: Uint8Array, key?: Uint8Array): Promise<string> {
  const hash = new JsSha256(key);
  hash.update(data);
  return hex(await hash.digest());
}

/** A SubtleCrypto that records calls and can be made to reject digest(). */
function spyingSubtle(rejectDigest = false) {
  const calls: string[] = [];
  const subtle = {
    digest: (...args: Parameters<SubtleCrypto["digest"]>) => {
      calls.push("digest");
      return rejectDigest ? Promise.reject(new Error("blocked")) : crypto.subtle.digest(...args);
    },
    importKey: (...args: Parameters<SubtleCrypto["importKey"]>) => (calls.push("importKey"), crypto.subtle.importKey(...args)),
    sign: (...args: Parameters<SubtleCrypto["sign"]>) => (calls.push("sign"), crypto.subtle.sign(...args)),
  } as unknown as SubtleCrypto;
  return { subtle, calls };
}

describe("Sha256: a lone large chunk goes to WebCrypto from update()", () => {
  it("starts the digest in update(), so the caller may overwrite the buffer at once", async () => {
    const { subtle, calls } = spyingSubtle();
    const data = randomBytes(100_000);
    const expected = await reference(data);
    const hash = new (createSha256(subtle))();
    hash.update(data);
    expect(calls).toEqual(["digest"]);
    data.fill(0);
    expect(hex(await hash.digest())).toBe(expected);
    expect(hex(await hash.digest())).toBe(expected);
  });

  it("falls back to hashing every chunk at digest() when a second chunk follows", async () => {
    const { subtle } = spyingSubtle();
    const data = randomBytes(50_000);
    const hash = new (createSha256(subtle))();
    hash.update(data.subarray(0, 30_000));
    hash.update(data.subarray(30_000));
    expect(hex(await hash.digest())).toBe(await reference(data));
  });

  it("answers with pure JS when the early WebCrypto digest rejects", async () => {
    const { subtle } = spyingSubtle(true);
    const data = randomBytes(20_000);
    const hash = new (createSha256(subtle))();
    hash.update(data);
    expect(hex(await hash.digest())).toBe(await reference(data));
  });

  it("reset() forgets an early digest", async () => {
    const { subtle } = spyingSubtle();
    const hash = new (createSha256(subtle))();
    hash.update(randomBytes(5000));
    hash.reset();
    const kept = randomBytes(3000);
    hash.update(kept);
    expect(hex(await hash.digest())).toBe(await reference(kept));
  });

  it("keeps HMAC and small inputs off the early path", async () => {
    const { subtle, calls } = spyingSubtle();
    const Ctor = createSha256(subtle);
    const hmac = new Ctor("key");
    hmac.update(randomBytes(5000));
    const small = new Ctor();
    small.update(randomBytes(1024));
    expect(calls).toEqual([]);
    await hmac.digest();
    await small.digest();
    expect(calls).toEqual(["importKey", "sign"]);
  });
});

describe("sha256-js", () => {
  it.each([0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4097])("agrees with @aws-crypto/sha256-js on %i bytes", async (size) => {
    const data = randomBytes(size);
    const key = randomBytes(1 + (size % 150));
    expect(hex(sha256(data))).toBe(await reference(data));
    expect(hex(hmacSha256(key, data))).toBe(await reference(data, key));
  });
});
