// EventDecoder: the same events and errors as frameToEvent(decodeFrame()), with repeated header sections remembered.
import type { MessageHeaders } from "@smithy/eventstream-codec";
import { describe, expect, it } from "vitest";
import { codec } from "../../src/event-stream/codec.js";
import { decodeFrame } from "../../src/event-stream/decode-frame.js";
import { encodeErrorFrame, encodeExceptionFrame, encodeStreamEvent } from "../../src/event-stream/encode.js";
import { EventDecoder } from "../../src/event-stream/event-decoder.js";
import { frameToEvent } from "../../src/event-stream/frame-to-event.js";

const utf8 = new TextEncoder();
const eventHeaders = (eventType: string, contentType?: string): MessageHeaders => ({
  ":event-type": { type: "string", value: eventType },
  ...(contentType === undefined ? {} : { ":content-type": { type: "string", value: contentType } }),
  ":message-type": { type: "string", value: "event" },
});
const frame = (headers: MessageHeaders, body: string) => codec.encode({ headers, body: utf8.encode(body) });

/** What the full path gives for a frame: the event, or the error's class and message. */
function reference(bytes: Uint8Array, requestId?: string): unknown {
  const context = requestId === undefined ? {} : { requestId };
  try {
    return frameToEvent(decodeFrame(bytes, context), context);
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message, requestId: (error as { requestId?: string }).requestId };
  }
}

function decodeAll(frames: Uint8Array[], requestId?: string): unknown[] {
  const decoder = new EventDecoder(requestId === undefined ? {} : { requestId });
  return frames.map((bytes) => {
    try {
      const event = decoder.decode(bytes);
      expect(decoder.lastType).toBe(Object.keys(event)[0]);
      return event;
    } catch (error) {
      return { error: (error as Error).constructor.name, message: (error as Error).message, requestId: (error as { requestId?: string }).requestId };
    }
  });
}

// Each sequence repeats header sections, so later frames take the remembered path.
const SEQUENCES: Array<[string, Uint8Array[]]> = [
  [
    "text deltas with Bedrock's padding",
    [
      encodeStreamEvent({ messageStart: { role: "assistant", p: "abc" } }),
      ...["J'", "adore", " la", " programmation."].map((text, i) =>
        encodeStreamEvent({ contentBlockDelta: { contentBlockIndex: 0, delta: { text }, p: "abcdefgh".slice(0, i + 1) } }),
      ),
      encodeStreamEvent({ contentBlockStop: { contentBlockIndex: 0 } }),
      encodeStreamEvent({ messageStop: { stopReason: "end_turn", p: "x" } }),
      encodeStreamEvent({ metadata: { usage: { inputTokens: 1, outputTokens: 4, totalTokens: 5 }, metrics: { latencyMs: 9 } } }),
    ],
  ],
  [
    "an exception after remembered event headers",
    [
      encodeStreamEvent({ contentBlockDelta: { contentBlockIndex: 0, delta: { text: "a" } } }),
      encodeStreamEvent({ contentBlockDelta: { contentBlockIndex: 0, delta: { text: "b" } } }),
      encodeExceptionFrame("throttlingException", "slow down"),
      encodeExceptionFrame("throttlingException", "slow down again"),
      encodeErrorFrame("InternalFailure", "oops"),
    ],
  ],
  [
    "remembered headers, then a payload that is not JSON",
    [
      frame(eventHeaders("contentBlockDelta", "application/json"), '{"contentBlockIndex":0,"delta":{"text":"a"}}'),
      frame(eventHeaders("contentBlockDelta", "application/json"), "{not json"),
    ],
  ],
  [
    "a non-JSON content type: empty bodies pass, a non-empty one fails, every time",
    [
      frame(eventHeaders("messageStart", "text/plain"), ""),
      frame(eventHeaders("messageStart", "text/plain"), ""),
      frame(eventHeaders("messageStart", "text/plain"), '{"role":"assistant"}'),
      frame(eventHeaders("messageStart", "text/plain"), '{"role":"assistant"}'),
    ],
  ],
  [
    "no content type, JSON+suffix content type, base64 blobs in a delta",
    [
      frame(eventHeaders("messageStart"), '{"role":"assistant"}'),
      frame(eventHeaders("messageStart"), '{"role":"assistant","p":"ab"}'),
      frame(eventHeaders("contentBlockDelta", "application/vnd.x+json"), '{"contentBlockIndex":0,"delta":{"reasoningContent":{"redactedContent":"AAEC"}}}'),
      frame(eventHeaders("contentBlockDelta", "application/vnd.x+json"), '{"contentBlockIndex":0,"delta":{"reasoningContent":{"redactedContent":"AwQF"}}}'),
    ],
  ],
  [
    "extra non-string headers are never remembered",
    [
      codec.encode({ headers: { ...eventHeaders("messageStart"), n: { type: "integer", value: 1 } }, body: utf8.encode('{"role":"assistant"}') }),
      codec.encode({ headers: { ...eventHeaders("messageStart"), n: { type: "integer", value: 1 } }, body: utf8.encode('{"role":"assistant"}') }),
    ],
  ],
];

describe("EventDecoder", () => {
  it.each(SEQUENCES)("matches the full path: %s", (_name, frames) => {
    expect(decodeAll(frames, "req-1")).toEqual(frames.map((bytes) => reference(bytes, "req-1")));
  });

  it("returns fresh event objects, not shared ones, for repeated frames", () => {
    const bytes = encodeStreamEvent({ contentBlockDelta: { contentBlockIndex: 0, delta: { text: "a" } } });
    const decoder = new EventDecoder();
    const first = decoder.decode(bytes);
    const second = decoder.decode(bytes);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(second.contentBlockDelta).not.toBe(first.contentBlockDelta);
  });
});
