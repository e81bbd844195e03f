import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import {
  base64Problem,
  decodeBase64,
  decodeBase64Portable,
  encodeBase64,
  encodeBase64Portable,
  isBase64,
} from "../../src/wire/serde/base64.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

// RFC 4648 §10 test vectors.
const RFC_VECTORS: Array<[string, string]> = [
  ["", ""],
  ["f", "Zg=="],
  ["fo", "Zm8="],
  ["foo", "Zm9v"],
  ["foob", "Zm9vYg=="],
  ["fooba", "Zm9vYmE="],
  ["foobar", "Zm9vYmFy"],
];

const implementations = [
  { name: "default", encode: encodeBase64, decode: decodeBase64 },
  { name: "portable", encode: encodeBase64Portable, decode: decodeBase64Portable },
];

/** Index of the first differing byte, or -1 (toEqual is far too slow on megabytes). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** Deterministic pseudo-random bytes (xorshift32) so failures reproduce. */
function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 255;
  }
  return out;
}

describe.each(implementations)("base64 ($name)", ({ encode, decode }) => {
  it.each(RFC_VECTORS)("RFC 4648 vector %j ↔ %j", (plain, encoded) => {
    expect(encode(utf8(plain))).toBe(encoded);
    expect(decode(encoded)).toEqual(utf8(plain));
  });

  it("encodes every byte value the way btoa does", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(encode(all)).toBe(btoa(String.fromCharCode(...all)));
    expect(decode(btoa(String.fromCharCode(...all)))).toEqual(all);
  });

  it("round-trips random data of every length from 0 to 300", () => {
    for (let len = 0; len <= 300; len++) {
      const bytes = randomBytes(len, len + 7);
      const text = encode(bytes);
      expect(text.length).toBe(Math.ceil(len / 3) * 4);
      expect(decode(text)).toEqual(bytes);
    }
  });

  it("round-trips 5 MB, agreeing with Node's Buffer", () => {
    const bytes = randomBytes(5 * 1024 * 1024 + 1, 42);
    const text = encode(bytes);
    expect(text === Buffer.from(bytes).toString("base64")).toBe(true);
    expect(isBase64(text)).toBe(true);
    expect(firstDifference(decode(text), bytes)).toBe(-1);
  });

  it("round-trips a subarray view without reading outside it", () => {
    const backing = randomBytes(64, 3);
    const view = backing.subarray(5, 12);
    expect(decode(encode(view))).toEqual(Uint8Array.from(view));
  });

  it.each([
    ["missing padding (2 chars)", "Zg", "f"],
    ["missing padding (3 chars)", "Zm8", "fo"],
    ["line breaks, as MIME writes them", "Zm9v\r\nYmFy", "foobar"],
    ["spaces and tabs", " Zm9v\tYmE= ", "fooba"],
  ])("accepts %s", (_label, input, expected) => {
    expect(decode(input)).toEqual(utf8(expected));
  });

  it.each([
    ["a character outside the alphabet", "Zm9v!mFy", /unexpected character "!" at index 4/],
    ["URL-safe alphabet", "Zm-_", /unexpected character "-"/],
    ["a lone trailing character", "Zm9vY", /5 data characters/],
    ["padding in the middle", "Zg==Zg==", /data after "=" padding at index 4/],
    ["too much padding", "Zg===", /padding/],
    ["short padding", "Zg=", /padding/],
    ["non-ASCII", "Zm9vé", /unexpected character "é"/],
    ["a whole data: URL", "data:image/png;base64,iVBORw0KGgo=", /after "base64,"/],
  ])("rejects %s with a SyntaxError that says why", (_label, input, message) => {
    expect(() => decode(input)).toThrow(SyntaxError);
    expect(() => decode(input)).toThrow(message);
    expect(isBase64(input)).toBe(false);
  });
});

describe("base64Problem", () => {
  it.each([["Zm9vYmFy"], ["Zg=="], ["Zg"], [""], ["Zm9v\nYmFy"]])("finds nothing wrong in %j", (input) => {
    expect(base64Problem(input)).toBeUndefined();
  });
});
