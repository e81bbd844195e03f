// decodeFrame on frames whose CRCs are valid but whose headers section is not.
import { Int64, type MessageHeaders } from "@smithy/eventstream-codec";
import { describe, expect, it } from "vitest";
import { codec } from "../../src/event-stream/codec.js";
import { crc32 } from "../../src/event-stream/crc32.js";
import { decodeFrame } from "../../src/event-stream/decode-frame.js";
import { StreamDecodeError } from "../../src/errors/index.js";

/** A frame with raw header bytes and valid CRCs, so only decodeFrame can object. */
function rawFrame(headerBytes: number[], body: number[] = []): Uint8Array {
  const total = 16 + headerBytes.length + body.length;
  const frame = new Uint8Array(total);
  const view = new DataView(frame.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headerBytes.length);
  view.setUint32(8, crc32(frame, 0, 8));
  frame.set(headerBytes, 12);
  frame.set(body, 12 + headerBytes.length);
  view.setUint32(total - 4, crc32(frame, 0, total - 4));
  return frame;
}
const name = (text: string) => [text.length, ...new TextEncoder().encode(text)];

describe("decodeFrame", () => {
  it("matches Smithy's codec for every header type, including non-ASCII strings", () => {
    const headers: MessageHeaders = {
      ":event-type": { type: "string", value: "contentBlockDelta" },
      "héllo": { type: "string", value: "wörld ✓" },
      t: { type: "boolean", value: true },
      f: { type: "boolean", value: false },
      b: { type: "byte", value: -128 },
      s: { type: "short", value: -32768 },
      i: { type: "integer", value: -2147483648 },
      l: { type: "long", value: Int64.fromNumber(-9007199254740991) },
      bin: { type: "binary", value: new Uint8Array([0, 255, 7]) },
      ts: { type: "timestamp", value: new Date(1730384114000) },
      u: { type: "uuid", value: "01020304-0506-0708-090a-0b0c0d0e0f10" },
    };
    const bytes = codec.encode({ headers, body: new TextEncoder().encode('{"x":1}') });
    const decoded = decodeFrame(bytes);
    expect(decoded).toEqual(codec.decode(bytes));
    expect(decoded.headers.l!.value.valueOf()).toBe(-9007199254740991);
    expect(decoded.body.buffer).toBe(bytes.buffer); // a view, not a copy
  });

  it("reads long and timestamp headers as Smithy's Int64 does, at the edges and past 2^53", () => {
    const edges = ["0000000000000000", "ffffffffffffffff", "7fffffffffffffff", "8000000000000000", "0020000000000001", "ffdfffffffffffff", "00000001fffffffe", "fffffffe00000001"];
    for (const hex of edges) {
      const eight = Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
      const decoded = decodeFrame(rawFrame([...name("l"), 5, ...eight, ...name("t"), 8, ...eight]));
      const long = decoded.headers.l!.value as { bytes: Uint8Array; valueOf(): number; toString(): string };
      expect(long.bytes).toEqual(eight);
      expect(long.valueOf()).toBe(new Int64(eight).valueOf());
      expect(String(long)).toBe(new Int64(eight).toString());
      expect((decoded.headers.t!.value as Date).getTime()).toEqual(new Date(new Int64(eight).valueOf()).getTime());
    }
  });

  it.each([
    ["a name longer than the headers section", [9, 0x61], "header name runs past the 2-byte headers section"],
    ["a value type byte missing", [1, 0x61], "header name runs past"],
    ["an int32 cut short", [...name("n"), 4, 0, 0], 'header "n" runs past the 5-byte headers section'],
    ["a string longer than declared", [...name("n"), 7, 0, 9, 0x61], 'header "n" runs past'],
    ["an unknown type code", [...name("n"), 10], 'header "n" has unknown value type 10'],
    ["a name that is not UTF-8", [2, 0xc3, 0x28, 0], "header name is not valid UTF-8"],
    ["a string value that is not UTF-8", [...name("n"), 7, 0, 1, 0xff], 'header "n" is not valid UTF-8'],
    ["a duplicate name", [...name("n"), 0, ...name("n"), 1], 'duplicate header "n"'],
  ])("rejects %s", (_what, headerBytes, message) => {
    const frame = rawFrame(headerBytes, [0x7b, 0x7d]);
    expect(() => decodeFrame(frame)).toThrow(StreamDecodeError);
    expect(() => decodeFrame(frame)).toThrow(message);
  });

  it("rejects input too short to be a frame, or whose headers overrun it", () => {
    for (const length of [0, 3, 7, 15]) expect(() => decodeFrame(new Uint8Array(length))).toThrow(StreamDecodeError);
    const frame = rawFrame([...name("n"), 0]);
    new DataView(frame.buffer).setUint32(4, 4);
    expect(() => decodeFrame(frame)).toThrow("headers overrun a 19-byte frame");
  });

  it("puts the request id on its errors", () => {
    expect(() => decodeFrame(rawFrame([...name("n"), 10]), { requestId: "r-1" })).toThrow(
      expect.objectContaining({ requestId: "r-1" }),
    );
  });
});
