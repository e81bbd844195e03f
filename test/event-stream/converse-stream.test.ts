// decodeConverseStream: truncation, corruption mid-stream, exceptions, abort, idle timeout and reader release.
import { describe, expect, it } from "vitest";
import { decodeConverseStream } from "../../src/event-stream/converse-stream.js";
import { encodeErrorFrame, encodeExceptionFrame, encodeStreamEvent } from "../../src/event-stream/encode.js";
import {
  AbortError,
  BedrockError,
  StreamDecodeError,
  ThrottlingException,
  TimeoutError,
} from "../../src/errors/index.js";
import { bodyFrom, chunksOf, concat, randomChunks } from "./helpers.js";

const EVENTS = [
  { messageStart: { role: "assistant" } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "J'adore" } } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { text: " la programmation." } } },
  { contentBlockStop: { contentBlockIndex: 0 } },
  { messageStop: { stopReason: "end_turn" } },
  { metadata: { usage: { inputTokens: 5, outputTokens: 6, totalTokens: 11 }, metrics: { latencyMs: 120 } } },
];
const FRAMES = EVENTS.map(encodeStreamEvent);
const BODY = concat(FRAMES);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the iterator to its end; returns the events it yielded and what it threw. */
async function drain(iterable: AsyncIterable<unknown>, onEvent?: (index: number) => unknown) {
  const events: unknown[] = [];
  try {
    for await (const event of iterable) {
      events.push(event);
      await onEvent?.(events.length - 1);
    }
    return { events, error: undefined as unknown };
  } catch (error) {
    return { events, error };
  }
}

describe("decodeConverseStream: complete streams", () => {
  it.each([
    ["one chunk", [BODY]],
    ["1-byte chunks", chunksOf(BODY, 1)],
    ["mid-prelude splits", chunksOf(BODY, 5)],
    ["random splits", randomChunks(BODY, 99, 30)],
  ])("%s", async (_name, chunks) => {
    const body = bodyFrom(chunks);
    const { events, error } = await drain(decodeConverseStream(body.stream));
    expect(error).toBeUndefined();
    expect(events).toEqual(EVENTS);
    expect(body.wasCancelled()).toBe(false);
    expect(body.stream.locked).toBe(false);
  });
});

describe("decodeConverseStream: truncation", () => {
  it.each([
    ["mid-prelude", BODY.length - FRAMES.at(-1)!.length + 5, /got 5 bytes of the 12-byte prelude/],
    ["mid-frame", BODY.length - 7, new RegExp(`got ${FRAMES.at(-1)!.length - 7} bytes of a ${FRAMES.at(-1)!.length}-byte frame`)],
  ])("cut %s: truncation error naming the pending bytes", async (_name, cut, message) => {
    const { events, error } = await drain(decodeConverseStream(bodyFrom(chunksOf(BODY.slice(0, cut), 16)).stream, { requestId: "req-t" }));
    expect(events).toEqual(EVENTS.slice(0, -1));
    expect(error).toBeInstanceOf(StreamDecodeError);
    expect((error as Error).message).toMatch(/^event stream truncated: /);
    expect((error as Error).message).toMatch(message);
    expect(error).toMatchObject({ requestId: "req-t" });
  });

  it.each([
    ["after messageStart", 1],
    ["after the last content block", 4],
    ["after messageStop but before metadata", 5],
  ])("cut on a frame boundary %s", async (_name, frames) => {
    const { events, error } = await drain(decodeConverseStream(bodyFrom([concat(FRAMES.slice(0, frames))]).stream));
    expect(events).toEqual(EVENTS.slice(0, frames));
    expect(error).toBeInstanceOf(StreamDecodeError);
    expect((error as Error).message).toBe("stream ended before messageStop/metadata");
  });

  it("an empty body", async () => {
    const { error } = await drain(decodeConverseStream(bodyFrom([]).stream));
    expect((error as Error).message).toBe("stream ended before messageStop/metadata");
  });
});

describe("decodeConverseStream: bad frames and exceptions mid-stream", () => {
  it("a corrupted CRC in the middle stops there and cancels the body", async () => {
    const corrupted = BODY.slice();
    const third = FRAMES[0]!.length + FRAMES[1]!.length;
    corrupted[third + FRAMES[2]!.length - 10]! ^= 0x01; // a payload byte of the third frame
    const body = bodyFrom(chunksOf(corrupted, 13));
    const { events, error } = await drain(decodeConverseStream(body.stream));
    expect(events).toEqual(EVENTS.slice(0, 2));
    expect(error).toBeInstanceOf(StreamDecodeError);
    expect((error as Error).message).toMatch(new RegExp(`^message CRC mismatch at offset ${third}: expected 0x[0-9A-F]{8}, actual 0x[0-9A-F]{8}$`));
    expect(body.wasCancelled()).toBe(true);
    expect(body.stream.locked).toBe(false);
  });

  it("a corrupted prelude fails fast, without waiting for the declared length", async () => {
    const corrupted = FRAMES[1]!.slice();
    corrupted[2]! ^= 0x40; // total_length now claims ~4 MiB more
    const body = bodyFrom([FRAMES[0]!, corrupted.subarray(0, 12)], { hang: true });
    const { events, error } = await drain(decodeConverseStream(body.stream));
    expect(events).toEqual(EVENTS.slice(0, 1));
    expect((error as Error).message).toMatch(/^prelude CRC mismatch/);
    expect(body.wasCancelled()).toBe(true);
  });

  it("an exception frame raises its typed error after the events before it", async () => {
    const body = bodyFrom(chunksOf(concat([FRAMES[0]!, FRAMES[1]!, encodeExceptionFrame("throttlingException", "Rate exceeded")]), 9));
    const { events, error } = await drain(decodeConverseStream(body.stream, { requestId: "req-x" }));
    expect(events).toEqual(EVENTS.slice(0, 2));
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error).toMatchObject({ message: "Rate exceeded", requestId: "req-x" });
    expect(body.stream.locked).toBe(false);
  });

  it("an error frame raises a BedrockError with its code", async () => {
    const { error } = await drain(decodeConverseStream(bodyFrom([FRAMES[0]!, encodeErrorFrame("InternalFailure", "oops")]).stream));
    expect(error).toBeInstanceOf(BedrockError);
    expect(error).toMatchObject({ code: "InternalFailure", message: "oops" });
  });
});

describe("decodeConverseStream: early exit, abort, idle timeout", () => {
  it("breaking out of the loop cancels the body and releases the reader", async () => {
    const body = bodyFrom(chunksOf(BODY, 20), { hang: true });
    for await (const event of decodeConverseStream(body.stream)) {
      expect(event).toEqual(EVENTS[0]);
      break;
    }
    expect(body.wasCancelled()).toBe(true);
    expect(body.stream.locked).toBe(false);
  });

  it("aborting between events: AbortError, body cancelled with it, reader released", async () => {
    const controller = new AbortController();
    const body = bodyFrom(chunksOf(BODY, 20), { hang: true });
    const { events, error } = await drain(decodeConverseStream(body.stream, { signal: controller.signal, requestId: "req-a" }), (i) => {
      if (i === 1) controller.abort();
    });
    expect(events).toEqual(EVENTS.slice(0, 2));
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ requestId: "req-a" });
    expect(await body.cancelled).toBe(error);
    expect(body.stream.locked).toBe(false);
  });

  it("aborting while a read is pending settles it at once", async () => {
    const controller = new AbortController();
    const body = bodyFrom([FRAMES[0]!], { hang: true });
    const iterator = decodeConverseStream(body.stream, { signal: controller.signal })[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual(EVENTS[0]);
    const pending = iterator.next();
    await sleep(5);
    controller.abort(new Error("user left"));
    const error = await pending.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toEqual(new Error("user left"));
    expect(body.wasCancelled()).toBe(true);
    expect(body.stream.locked).toBe(false);
  });

  it("an already-aborted signal fails before reading, and cancels the body", async () => {
    const body = bodyFrom([BODY]);
    const { events, error } = await drain(decodeConverseStream(body.stream, { signal: AbortSignal.abort() }));
    expect(events).toEqual([]);
    expect(error).toBeInstanceOf(AbortError);
    expect(body.wasCancelled()).toBe(true);
  });

  it("a typed abort reason (the client's overall TimeoutError) is thrown as is", async () => {
    const reason = new TimeoutError("request timed out after 10 ms");
    const body = bodyFrom([FRAMES[0]!], { hang: true });
    const { error } = await drain(decodeConverseStream(body.stream, { signal: AbortSignal.abort(reason) }));
    expect(error).toBe(reason);
  });

  it("no bytes for idleTimeoutMs: TimeoutError, body cancelled", async () => {
    const body = bodyFrom(chunksOf(concat(FRAMES.slice(0, 3)), 7), { hang: true });
    const { events, error } = await drain(decodeConverseStream(body.stream, { idleTimeoutMs: 30, requestId: "req-i" }));
    expect(events).toEqual(EVENTS.slice(0, 3));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ message: "no bytes received for 30 ms", requestId: "req-i", retryable: true });
    expect(await body.cancelled).toBe(error);
    expect(body.stream.locked).toBe(false);
  });

  it("time the consumer spends between reads is not idle time", async () => {
    const body = bodyFrom(chunksOf(BODY, 64));
    const { events, error } = await drain(decodeConverseStream(body.stream, { idleTimeoutMs: 20 }), (i) => (i < 2 ? sleep(50) : undefined));
    expect(error).toBeUndefined();
    expect(events).toEqual(EVENTS);
  });

  it("does not touch the body until iterated", () => {
    const body = bodyFrom([BODY]);
    decodeConverseStream(body.stream);
    expect(body.stream.locked).toBe(false);
  });
});
