// botocore's event-stream vectors: positives decode exactly, negatives are rejected for botocore's reasons.
import { describe, expect, it } from "vitest";
import { codec } from "../../src/event-stream/codec.js";
import { decodeFrame } from "../../src/event-stream/decode-frame.js";
import { FrameSplitter, HEADERS_OFFSET, MAX_FRAME_LENGTH } from "../../src/event-stream/frame-splitter.js";
import { crc32 } from "../../src/event-stream/crc32.js";
import { StreamDecodeError } from "../../src/errors/index.js";
import { chunksOf, fromBase64, fromHex, plainValue, readJson, wireType } from "./helpers.js";

interface LooseHeader {
  type: "bool" | "int" | "string" | "bytes";
  value?: unknown;
  base64?: string;
}
interface Positive {
  name: string;
  encoded_hex: string;
  expected: {
    total_length: number;
    headers_length: number;
    prelude_crc: number;
    message_crc: number;
    headers: Record<string, LooseHeader>;
    payload_base64: string;
  };
}
interface Negative {
  name: string;
  botocore_exception: string;
  encoded_hex?: string;
  encoded_generated?: { prefix_hex: string; fill_byte_hex: string; fill_count: number; suffix_hex: string; total_bytes: number };
}

const vectors = readJson<{ positive: Positive[]; negative: Negative[] }>("eventstream/botocore/eventstream-vectors.json");

// botocore's loose types, widened to the wire codes they cover.
const LOOSE: Record<LooseHeader["type"], number[]> = { bool: [0, 1], int: [2, 3, 4, 5, 8], string: [7], bytes: [6, 9] };

function split(chunks: Uint8Array[]): Uint8Array[] {
  const splitter = new FrameSplitter();
  const frames = chunks.flatMap((chunk) => splitter.push(chunk));
  splitter.end();
  return frames;
}

function build(negative: Negative): Uint8Array {
  if (negative.encoded_hex) return fromHex(negative.encoded_hex);
  const g = negative.encoded_generated!;
  const prefix = fromHex(g.prefix_hex);
  const suffix = fromHex(g.suffix_hex);
  const out = new Uint8Array(prefix.length + g.fill_count + suffix.length);
  out.set(prefix, 0);
  out.fill(Number.parseInt(g.fill_byte_hex, 16), prefix.length, prefix.length + g.fill_count);
  out.set(suffix, prefix.length + g.fill_count);
  expect(out.length).toBe(g.total_bytes);
  return out;
}

describe("botocore positive", () => {
  it.each(vectors.positive.map((p) => [p.name, p] as const))("%s", (_name, vector) => {
    const bytes = fromHex(vector.encoded_hex);
    const [frame, ...rest] = split(chunksOf(bytes, 1));
    expect(rest).toEqual([]);
    const view = new DataView(frame!.buffer, frame!.byteOffset);
    const { expected } = vector;
    expect([view.getUint32(0), view.getUint32(4), view.getUint32(8), view.getUint32(frame!.length - 4)]).toEqual([
      expected.total_length,
      expected.headers_length,
      expected.prelude_crc,
      expected.message_crc,
    ]);
    const decoded = decodeFrame(frame!);
    expect(Object.keys(decoded.headers)).toEqual(Object.keys(expected.headers));
    for (const [name, loose] of Object.entries(expected.headers)) {
      const header = decoded.headers[name]!;
      expect(LOOSE[loose.type]).toContain(wireType(header));
      if (loose.type === "bytes") {
        expect(plainValue(header)).toBe(loose.base64);
      } else {
        expect(plainValue(header)).toBe(loose.value);
      }
    }
    expect(Buffer.from(decoded.body).toString("base64")).toBe(expected.payload_base64);
    expect(decoded).toEqual(codec.decode(bytes));
    expect(codec.encode(decoded)).toEqual(bytes);
  });

  it("ALL_HEADERS_TYPES carries one header of each wire type 0..9, in order", () => {
    const vector = vectors.positive.find((p) => p.name === "ALL_HEADERS_TYPES")!;
    const decoded = decodeFrame(fromHex(vector.encoded_hex));
    expect(Object.entries(decoded.headers).map(([name, h]) => [name, wireType(h)])).toEqual(
      Array.from({ length: 10 }, (_, i) => [String(i), i]),
    );
    expect(decoded.headers["9"]).toEqual({ type: "uuid", value: "30313233-3435-3637-3839-616263646566" });
    expect(fromBase64(plainValue(decoded.headers["9"]!) as string)).toEqual(new TextEncoder().encode("0123456789abcdef"));
  });
});

describe("botocore negative", () => {
  const byName = new Map(vectors.negative.map((n) => [n.name, n]));
  // botocore checks the prelude CRC, then the limits, then the message CRC; so do we.
  const cases: [string, string, RegExp][] = [
    ["CORRUPTED_LENGTH", "ChecksumMismatch", /^prelude CRC mismatch at offset 0: expected 0x[0-9A-F]{8}, actual 0x[0-9A-F]{8}$/],
    ["CORRUPTED_PAYLOAD", "ChecksumMismatch", /^message CRC mismatch at offset 0: expected 0xC3653936, actual 0x[0-9A-F]{8}$/],
    ["CORRUPTED_HEADERS", "ChecksumMismatch", /^message CRC mismatch at offset 0: expected 0x8D9C08B1, actual/],
    ["CORRUPTED_HEADER_LENGTH", "ChecksumMismatch", /^prelude CRC mismatch at offset 0: expected 0x07FD8396, actual/],
    ["INVALID_HEADERS_LENGTH", "InvalidHeadersLength", /^frame at offset 0: headers length 4278190338 > 131072$/],
    ["INVALID_PAYLOAD_LENGTH", "InvalidPayloadLength", /^frame at offset 0: length 25165857 > 25165824$/],
  ];

  it("covers every negative vector (DUPLICATE_HEADER is tested below)", () => {
    expect([...cases.map((c) => c[0]), "DUPLICATE_HEADER"].sort()).toEqual([...byName.keys()].sort());
  });

  it.each(cases)("%s (%s)", (name, exception, reason) => {
    const negative = byName.get(name)!;
    expect(negative.botocore_exception).toBe(exception);
    const bytes = build(negative);
    let error: unknown;
    try {
      split([bytes]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StreamDecodeError);
    expect((error as Error).message).toMatch(reason);
  });

  it.each(["CORRUPTED_LENGTH", "CORRUPTED_HEADER_LENGTH", "INVALID_HEADERS_LENGTH", "INVALID_PAYLOAD_LENGTH"])(
    "%s is refused from its 12-byte prelude alone, before any buffering",
    (name) => {
      const prelude = build(byName.get(name)!).subarray(0, HEADERS_OFFSET);
      const splitter = new FrameSplitter();
      expect(splitter.push(prelude.subarray(0, HEADERS_OFFSET - 1))).toEqual([]);
      expect(() => splitter.push(prelude.subarray(HEADERS_OFFSET - 1))).toThrow(StreamDecodeError);
      expect(splitter.pendingBytes).toBeLessThanOrEqual(HEADERS_OFFSET);
    },
  );

  it("INVALID_PAYLOAD_LENGTH declares just over the 24 MiB cap", () => {
    const bytes = build(byName.get("INVALID_PAYLOAD_LENGTH")!);
    expect(new DataView(bytes.buffer).getUint32(0)).toBe(MAX_FRAME_LENGTH + 33);
  });

  it("headers_length > total_length - 16 is refused even under the 128 KiB header cap", () => {
    // A 16-byte frame that claims 1 byte of headers, with both CRCs valid.
    const frame = new Uint8Array(16);
    const view = new DataView(frame.buffer);
    view.setUint32(0, 16);
    view.setUint32(4, 1);
    view.setUint32(8, crc32(frame, 0, 8));
    view.setUint32(12, crc32(frame, 0, 12));
    expect(() => split([frame])).toThrow(/^frame at offset 0: headers length 1 > 0 \(frame length 16\)$/);
  });

  it("a frame shorter than 16 bytes is refused", () => {
    const frame = new Uint8Array(16);
    const view = new DataView(frame.buffer);
    view.setUint32(0, 15);
    view.setUint32(8, crc32(frame, 0, 8));
    expect(() => split([frame])).toThrow(/^frame at offset 0: length 15 < 16$/);
  });

  describe("DUPLICATE_HEADER", () => {
    // Decision: rejected. The framing spec is silent; Smithy's codec keeps the last value and
    // botocore raises DuplicateHeader. Routing by a `:message-type` or `:event-type` that appears
    // twice would mean guessing which one the sender meant, so decodeFrame refuses the frame.
    const bytes = fromHex(byName.get("DUPLICATE_HEADER")!.encoded_hex!);

    it("passes framing (both CRCs are valid)", () => {
      expect(split([bytes])).toEqual([bytes]);
    });
    it("is rejected by decodeFrame", () => {
      expect(() => decodeFrame(bytes)).toThrow(StreamDecodeError);
      expect(() => decodeFrame(bytes)).toThrow('duplicate header "test"');
    });
    it("differs from Smithy's codec on purpose: Smithy accepts it and keeps one value", () => {
      // Both copies are the int32 0x61736466 ("asdf" read as an integer).
      expect(codec.decode(bytes).headers).toEqual({ test: { type: "integer", value: 0x61736466 } });
    });
  });
});
