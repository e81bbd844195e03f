// aws-test-vectors (smithy-typescript / aws-sdk-go): exact decode, byte-identical re-encode, rejections, chunking.
import { describe, expect, it } from "vitest";
import { codec } from "../../src/event-stream/codec.js";
import { decodeFrame } from "../../src/event-stream/decode-frame.js";
import { FrameSplitter } from "../../src/event-stream/frame-splitter.js";
import { StreamDecodeError } from "../../src/errors/index.js";
import { chunksOf, concat, fromBase64, listDir, plainValue, randomChunks, readBytes, readJson, wireType } from "./helpers.js";

interface Expected {
  total_length: number;
  headers_length: number;
  prelude_crc: number;
  message_crc: number;
  headers: { name: string; type: number; value: unknown }[];
  payload: string;
}

const DIR = "eventstream/aws-test-vectors/";
const positives = listDir(`${DIR}encoded/positive`);
const negatives = listDir(`${DIR}encoded/negative`);

function split(chunks: Uint8Array[]): Uint8Array[] {
  const splitter = new FrameSplitter();
  const frames = chunks.flatMap((chunk) => splitter.push(chunk));
  splitter.end();
  return frames;
}

const u32 = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at);

/** The vectors' header value encoding: strings are base64 of UTF-8, byte arrays and uuids base64. */
function expectedValue(header: Expected["headers"][number]): unknown {
  return header.type === 7 ? Buffer.from(header.value as string, "base64").toString("utf8") : header.value;
}

describe("aws-test-vectors positive", () => {
  it("has the 5 documented cases", () => {
    expect(positives).toEqual(["all_headers", "empty_message", "int32_header", "payload_no_headers", "payload_one_str_header"]);
  });

  it.each(positives)("%s decodes exactly", (name) => {
    const bytes = readBytes(`${DIR}encoded/positive/${name}`);
    const expected = readJson<Expected>(`${DIR}decoded/positive/${name}`);
    const frames = split([bytes]);
    expect(frames).toHaveLength(1);
    const frame = frames[0]!;
    expect(frame.length).toBe(expected.total_length);
    expect(u32(frame, 0)).toBe(expected.total_length);
    expect(u32(frame, 4)).toBe(expected.headers_length);
    // The JSON holds CRCs as signed 32-bit numbers.
    expect(u32(frame, 8)).toBe(expected.prelude_crc >>> 0);
    expect(u32(frame, frame.length - 4)).toBe(expected.message_crc >>> 0);

    const decoded = decodeFrame(frame);
    const headers = Object.entries(decoded.headers).map(([n, h]) => ({ name: n, type: wireType(h), value: plainValue(h) }));
    expect(headers).toEqual(expected.headers.map((h) => ({ name: h.name, type: h.type, value: expectedValue(h) })));
    expect(Buffer.from(decoded.body).toString("base64")).toBe(expected.payload);

    // Smithy's codec is the reference decoder.
    expect(decoded).toEqual(codec.decode(bytes));
  });

  it.each(positives)("%s re-encodes byte-identically", (name) => {
    const bytes = readBytes(`${DIR}encoded/positive/${name}`);
    expect(codec.encode(decodeFrame(bytes))).toEqual(bytes);
  });
});

describe("aws-test-vectors negative", () => {
  const reasons: Record<string, RegExp> = {
    "Prelude checksum mismatch": /^prelude CRC mismatch at offset 0: expected 0x[0-9A-F]{8}, actual 0x[0-9A-F]{8}$/,
    "Message checksum mismatch": /^message CRC mismatch at offset 0: expected 0x[0-9A-F]{8}, actual 0x[0-9A-F]{8}$/,
  };

  it.each(negatives)("%s is rejected with the documented reason", (name) => {
    const bytes = readBytes(`${DIR}encoded/negative/${name}`);
    const text = Buffer.from(readBytes(`${DIR}decoded/negative/${name}`)).toString("utf8").trim();
    expect(Object.keys(reasons)).toContain(text);
    expect(() => split([bytes])).toThrow(StreamDecodeError);
    expect(() => split([bytes])).toThrow(reasons[text]!);
    // One byte at a time fails the same way: corrupted_length is caught at its 12th byte, not left to stall.
    expect(() => split(chunksOf(bytes, 1))).toThrow(reasons[text]!);
    expect(() => codec.decode(bytes)).toThrow();
  });

  it("corrupted_length fails as soon as its prelude is complete", () => {
    const bytes = readBytes(`${DIR}encoded/negative/corrupted_length`);
    const splitter = new FrameSplitter();
    expect(splitter.push(bytes.subarray(0, 11))).toEqual([]);
    expect(() => splitter.push(bytes.subarray(11, 12))).toThrow(/prelude CRC mismatch/);
  });

  it("CRC errors name expected and actual values", () => {
    const bytes = readBytes(`${DIR}encoded/negative/corrupted_payload`);
    const declared = u32(bytes, bytes.length - 4).toString(16).toUpperCase().padStart(8, "0");
    expect(() => split([bytes])).toThrow(`expected 0x${declared}, actual 0x`);
  });
});

describe("aws-test-vectors positives concatenated", () => {
  const messages = positives.map((name) => readBytes(`${DIR}encoded/positive/${name}`));
  const all = concat(messages);

  // Byte comparison first: expect().toEqual on typed arrays is slow across thousands of splits.
  const check = (chunks: Uint8Array[]) => {
    const frames = split(chunks);
    const same = frames.length === messages.length && frames.every((f, i) => Buffer.compare(f, messages[i]!) === 0);
    if (!same) expect(frames).toEqual(messages);
  };

  it("one chunk", () => check([all]));
  it("one byte at a time", () => check(chunksOf(all, 1)));
  it.each([2, 3, 5, 7, 11, 12, 13, 16, 64])("chunks of %i bytes", (size) => check(chunksOf(all, size)));
  it("split in two at every byte boundary", () => {
    for (let cut = 0; cut <= all.length; cut++) check([all.slice(0, cut), all.slice(cut)]);
  });
  it("split in three at every pair of boundaries", () => {
    for (let a = 0; a <= all.length; a += 3) {
      for (let b = a; b <= all.length; b += 5) check([all.slice(0, a), all.slice(a, b), all.slice(b)]);
    }
  });
  it.each([1, 2, 3, 42, 1234])("random chunks, seed %i", (seed) => check(randomChunks(all, seed, 40)));
  it("empty chunks are harmless", () => check([new Uint8Array(0), ...chunksOf(all, 50).flatMap((c) => [c, new Uint8Array(0)])]));
});
