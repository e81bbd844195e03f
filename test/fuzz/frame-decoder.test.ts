// Property-based fuzzing of the ConverseStream decoder: random bytes, random well-formed frames with
// random headers, random splits, bit flips and truncation give valid events or typed errors only,
// never a raw TypeError / RangeError, and the decoder always finishes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeConverseStream } from "../../src/event-stream/converse-stream.js";
import { decodeFrame } from "../../src/event-stream/decode-frame.js";
import { encodeStreamEvent } from "../../src/event-stream/encode.js";
import { frameToEvent } from "../../src/event-stream/frame-to-event.js";
import { StreamDecodeError } from "../../src/errors/index.js";
import { bodyFrom, concat } from "../event-stream/helpers.js";
import { chunkSizes, expectTyped, garbageFrame, runs, split, validFrame } from "./arbitraries.js";

// A decode that takes longer than this is a hang: every body here is in memory and then closes.
const HANG_MS = 2_000;

interface Outcome {
  events: unknown[];
  error: unknown;
}

/** Drains the decoder over `chunks`; rejects if it has not finished within HANG_MS. */
async function decode(chunks: Uint8Array[]): Promise<Outcome> {
  const run = (async (): Promise<Outcome> => {
    const events: unknown[] = [];
    try {
      for await (const event of decodeConverseStream(bodyFrom(chunks).stream)) events.push(event);
      return { events, error: undefined };
    } catch (error) {
      return { events, error };
    }
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`decoder still running after ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return await Promise.race([run, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Each event a one-key object that owns its key and kept Object.prototype. */
function expectWellFormed(events: unknown[]): void {
  for (const event of events) {
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
    expect(Object.keys(event as object)).toHaveLength(1);
  }
}

/** What frames decode to one by one, up to and including the first error. */
function reference(frames: Uint8Array[]): Outcome {
  const events: unknown[] = [];
  for (const frame of frames) {
    try {
      events.push(frameToEvent(decodeFrame(frame)));
    } catch (error) {
      return { events, error };
    }
  }
  return { events, error: undefined };
}

const REAL_EVENTS = [
  { messageStart: { role: "assistant" } },
  { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { toolUseId: "t1", name: "get_weather" } } } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: '{"city":' } } } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: '"Paris"}' } } } },
  { contentBlockStop: { contentBlockIndex: 0 } },
  { contentBlockDelta: { contentBlockIndex: 1, delta: { reasoningContent: { redactedContent: "AAEC" } } } },
  { messageStop: { stopReason: "tool_use" } },
  { metadata: { usage: { inputTokens: 5, outputTokens: 6, totalTokens: 11 }, metrics: { latencyMs: 120 } } },
];
const REAL_BODY = concat(REAL_EVENTS.map(encodeStreamEvent));
/** REAL_EVENTS as the decoder hands them out: the redacted reasoning's base64 decoded to bytes. */
const DECODED = REAL_EVENTS.map((event, i) =>
  i === 5 ? { contentBlockDelta: { contentBlockIndex: 1, delta: { reasoningContent: { redactedContent: new Uint8Array([0, 1, 2]) } } } } : event,
);

describe("frame decoder fuzzing", () => {
  it("random bytes, randomly split: typed errors only, never a hang", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), chunkSizes, async (bytes, sizes) => {
        const { events, error } = await decode(split(bytes, sizes));
        expect(error).toBeDefined(); // random bytes never end in messageStop + metadata
        expectTyped(error);
        expectWellFormed(events);
      }),
      runs(300, 1_200),
    );
  });

  it("frames with correct CRCs but random header bytes: decodeFrame throws StreamDecodeError or parses", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(garbageFrame, { minLength: 1, maxLength: 4 }), chunkSizes, async (frames, sizes) => {
        for (const frame of frames) {
          try {
            decodeFrame(frame);
          } catch (error) {
            expect(error).toBeInstanceOf(StreamDecodeError);
          }
        }
        const { events, error } = await decode(split(concat(frames), sizes));
        expectTyped(error);
        expectWellFormed(events);
      }),
      runs(400, 1_500),
    );
  });

  it("well-formed frames with random headers and bodies, randomly split: the stream agrees with frame-by-frame decoding", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validFrame, { minLength: 1, maxLength: 6 }), chunkSizes, async (frames, sizes) => {
        const { events, error } = await decode(split(concat(frames), sizes));
        expectTyped(error);
        expectWellFormed(events);
        const expected = reference(frames);
        expect(events).toEqual(expected.events);
        if (expected.error !== undefined) {
          expectTyped(expected.error);
          expect((error as Error).constructor).toBe((expected.error as Error).constructor);
          expect((error as Error).message).toBe((expected.error as Error).message);
        }
      }),
      runs(300, 2_000),
    );
  });

  it("a real stream with bit flips: typed errors or the original events, never a hang", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(REAL_BODY.length - 1), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 }),
        chunkSizes,
        async (flips, sizes) => {
          const bytes = REAL_BODY.slice();
          for (const [at, bit] of flips) bytes[at]! ^= 1 << bit;
          const { events, error } = await decode(split(bytes, sizes));
          expectWellFormed(events);
          // Until the damage, events are the real ones (CRCs catch the corruption itself).
          expect(events).toEqual(DECODED.slice(0, events.length));
          // Flips that cancel out (the same bit twice; seed 1549112785) leave the real stream, decoded whole.
          if (error === undefined) expect(events).toEqual(DECODED);
          else expectTyped(error);
        },
      ),
      runs(300, 1_200),
    );
  });

  it("a real stream cut short anywhere: StreamDecodeError after the whole frames before the cut", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(REAL_BODY.length - 1), chunkSizes, async (cut, sizes) => {
        const { events, error } = await decode(split(REAL_BODY.slice(0, cut), sizes));
        expect(error).toBeInstanceOf(StreamDecodeError);
        expect(events).toEqual(DECODED.slice(0, events.length));
      }),
      runs(200, 800),
    );
  });

  it("the real stream, split anywhere, decodes whole", async () => {
    await fc.assert(
      fc.asyncProperty(chunkSizes, async (sizes) => {
        const { events, error } = await decode(split(REAL_BODY, sizes));
        expect(error).toBeUndefined();
        expect(events).toEqual(DECODED);
      }),
      runs(100, 500),
    );
  });
});
