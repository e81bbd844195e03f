// FrameSplitter and its TransformStream: copying rules, pending bytes, truncated tails, sticky failure.
import { describe, expect, it } from "vitest";
import { encodeStreamEvent } from "../../src/event-stream/encode.js";
import { createFrameSplitterStream, FrameSplitter } from "../../src/event-stream/frame-splitter.js";
import { StreamDecodeError } from "../../src/errors/index.js";
import { bodyFrom, chunksOf, concat } from "./helpers.js";

const FRAMES = [
  encodeStreamEvent({ messageStart: { role: "assistant" } }),
  encodeStreamEvent({ contentBlockDelta: { contentBlockIndex: 0, delta: { text: "x".repeat(300) } } }),
  encodeStreamEvent({ messageStop: { stopReason: "end_turn" } }),
];
const BODY = concat(FRAMES);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const reader = stream.getReader();
  const out: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value);
  return out;
}

describe("FrameSplitter", () => {
  it("returns whole frames in a chunk as views of it, without copying", () => {
    const frames = new FrameSplitter().push(BODY);
    expect(frames).toEqual(FRAMES);
    for (const frame of frames) expect(frame.buffer).toBe(BODY.buffer);
  });

  it("copies only a frame that spans chunks, and it stays intact after later pushes", () => {
    const splitter = new FrameSplitter();
    const cut = FRAMES[0]!.length + 20;
    const first = BODY.slice(0, cut);
    const second = BODY.slice(cut);
    expect(splitter.push(first)).toEqual([FRAMES[0]]);
    expect(splitter.pendingBytes).toBe(20);
    const [spanning, last] = splitter.push(second);
    expect(spanning).toEqual(FRAMES[1]);
    expect(spanning!.buffer).not.toBe(first.buffer);
    expect(spanning!.buffer).not.toBe(second.buffer);
    expect(last!.buffer).toBe(second.buffer);
    first.fill(0);
    second.fill(0);
    splitter.push(concat(FRAMES));
    expect(spanning).toEqual(FRAMES[1]);
    splitter.end();
  });

  it("counts pending bytes through the prelude and the body", () => {
    const splitter = new FrameSplitter();
    for (let i = 1; i < FRAMES[0]!.length; i++) {
      expect(splitter.push(FRAMES[0]!.subarray(i - 1, i))).toEqual([]);
      expect(splitter.pendingBytes).toBe(i);
    }
    expect(splitter.push(FRAMES[0]!.subarray(-1))).toEqual([FRAMES[0]]);
    expect(splitter.pendingBytes).toBe(0);
  });

  it.each([
    [1, "got 1 byte of the 12-byte prelude at offset 0"],
    [11, "got 11 bytes of the 12-byte prelude at offset 0"],
    [12, `got 12 bytes of a ${FRAMES[0]!.length}-byte frame at offset 0`],
    [FRAMES[0]!.length - 1, `got ${FRAMES[0]!.length - 1} bytes of a ${FRAMES[0]!.length}-byte frame at offset 0`],
  ])("end() after %i bytes reports the truncation", (length, message) => {
    const splitter = new FrameSplitter({ requestId: "req-s" });
    splitter.push(FRAMES[0]!.subarray(0, length));
    expect(() => splitter.end()).toThrow(StreamDecodeError);
    expect(() => splitter.end()).toThrow(`event stream truncated: ${message}`);
    expect(() => splitter.end()).toThrow(expect.objectContaining({ requestId: "req-s" }));
  });

  it("reports the stream offset of a bad frame", () => {
    const corrupted = BODY.slice();
    corrupted[FRAMES[0]!.length + FRAMES[1]!.length + 9]! ^= 1; // the prelude CRC of the third frame
    const splitter = new FrameSplitter();
    // The two good frames before it are handed over first; the failure follows on the next call.
    expect(splitter.push(corrupted)).toHaveLength(2);
    expect(splitter.failure?.message).toMatch(
      new RegExp(`^prelude CRC mismatch at offset ${FRAMES[0]!.length + FRAMES[1]!.length}: `),
    );
    expect(() => splitter.end()).toThrow(/^prelude CRC mismatch/);
  });

  it("stays failed after an error", () => {
    const splitter = new FrameSplitter();
    const bad = FRAMES[0]!.slice();
    bad[bad.length - 1]! ^= 1;
    let first: unknown;
    try {
      splitter.push(bad);
    } catch (error) {
      first = error;
    }
    expect(first).toBeInstanceOf(StreamDecodeError);
    expect(() => splitter.push(FRAMES[1]!)).toThrow(first as Error);
    expect(() => splitter.end()).toThrow(first as Error);
  });
});

describe("createFrameSplitterStream", () => {
  it("passes frames through whatever the chunking", async () => {
    expect(await readAll(bodyFrom(chunksOf(BODY, 1)).stream.pipeThrough(createFrameSplitterStream()))).toEqual(FRAMES);
    expect(await readAll(bodyFrom([BODY]).stream.pipeThrough(createFrameSplitterStream()))).toEqual(FRAMES);
  });

  it("errors the readable side on a truncated tail, after the whole frames", async () => {
    const reader = bodyFrom(chunksOf(BODY.slice(0, -3), 50)).stream.pipeThrough(createFrameSplitterStream()).getReader();
    expect((await reader.read()).value).toEqual(FRAMES[0]);
    expect((await reader.read()).value).toEqual(FRAMES[1]);
    await expect(reader.read()).rejects.toThrow(/event stream truncated: got \d+ bytes of/);
  });

  it("errors the readable side on a bad CRC", async () => {
    const bad = BODY.slice();
    bad[FRAMES[0]!.length - 2]! ^= 1;
    const stream = bodyFrom([bad]).stream.pipeThrough(createFrameSplitterStream());
    await expect(readAll(stream)).rejects.toBeInstanceOf(StreamDecodeError);
  });
});
