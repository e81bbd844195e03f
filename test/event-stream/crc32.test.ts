// CRC-32 against known check values and zlib, including resuming from a previous CRC.
import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, hex32 } from "../../src/event-stream/crc32.js";
import { prng } from "./helpers.js";

describe("crc32", () => {
  it.each([
    ["", 0x00000000],
    ["a", 0xe8b7be43],
    ["123456789", 0xcbf43926],
    ["The quick brown fox jumps over the lazy dog", 0x414fa339],
  ])("crc32(%j)", (text, expected) => {
    expect(crc32(new TextEncoder().encode(text))).toBe(expected);
  });

  it("matches zlib on random data of every length 0..300, from any start, and resumes", () => {
    const random = prng(7);
    const data = Uint8Array.from({ length: 300 }, () => Math.floor(random() * 256));
    for (let length = 0; length <= data.length; length++) {
      const start = length % 5;
      const slice = data.subarray(start, Math.max(start, length));
      const expected = zlibCrc32(slice) >>> 0;
      expect(crc32(data, start, Math.max(start, length))).toBe(expected);
      const mid = start + (slice.length >> 1);
      expect(crc32(data, mid, start + slice.length, crc32(data, start, mid))).toBe(expected);
    }
  });

  it("formats as 0x + 8 upper-case hex digits", () => {
    expect(hex32(0xfd528c5a)).toBe("0xFD528C5A");
    expect(hex32(-1415188212)).toBe("0xABA5F10C");
    expect(hex32(5)).toBe("0x00000005");
  });
});
