// decodeInvokeStream on real frame bytes: chunk events, split at every boundary class, typed exceptions, truncation.
import { describe, expect, it } from "vitest";
import { decodeInvokeStream } from "../../src/event-stream/index.js";
import { encodeExceptionFrame, encodeStreamEvent } from "../../src/event-stream/encode.js";
import { encodeBase64 } from "../../src/wire/index.js";
import {
  InternalServerException,
  ModelStreamErrorException,
  ModelTimeoutException,
  ServiceUnavailableException,
  StreamDecodeError,
  ThrottlingException,
  ValidationException,
} from "../../src/errors/index.js";
import { bodyFrom, chunksOf, concat, randomChunks } from "./helpers.js";

const utf8 = new TextEncoder();
const native = [
  { type: "message_start", message: { role: "assistant" } },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hé" } },
  { type: "message_stop", "amazon-bedrock-invocationMetrics": { inputTokenCount: 3, outputTokenCount: 1 } },
];
const frames = native.map((event) => encodeStreamEvent({ chunk: { bytes: encodeBase64(utf8.encode(JSON.stringify(event))) } }));
const bytes = concat(frames);

async function read(chunks: Uint8Array[]) {
  const out: unknown[] = [];
  for await (const event of decodeInvokeStream(bodyFrom(chunks).stream)) {
    out.push(JSON.parse(new TextDecoder().decode((event as { chunk: { bytes: Uint8Array } }).chunk.bytes)));
  }
  return out;
}

describe("decodeInvokeStream", () => {
  it.each([
    ["whole", [bytes]],
    ["one frame per chunk", frames],
    ["1 byte at a time", chunksOf(bytes, 1)],
    ["mid-prelude and mid-header cuts (7 bytes)", chunksOf(bytes, 7)],
    ["random cuts", randomChunks(bytes, 17)],
  ])("yields the native events as chunk bytes, %s", async (_name, chunks) => {
    expect(await read(chunks)).toEqual(native);
  });

  it("ends cleanly with no message_stop-like event: the stream's shape is the model's", async () => {
    expect(await read([frames[1]!])).toEqual([native[1]]);
    expect(await read([])).toEqual([]);
  });

  it.each([
    ["internalServerException", InternalServerException],
    ["modelStreamErrorException", ModelStreamErrorException],
    ["validationException", ValidationException],
    ["throttlingException", ThrottlingException],
    ["modelTimeoutException", ModelTimeoutException],
    ["serviceUnavailableException", ServiceUnavailableException],
  ])("throws %s typed, after the events before it", async (type, Ctor) => {
    const seen: unknown[] = [];
    const body = bodyFrom([frames[0]!, encodeExceptionFrame(type, "went wrong")]).stream;
    const error = await (async () => {
      for await (const event of decodeInvokeStream(body, { requestId: "req-1" })) seen.push(event);
    })().catch((e) => e);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(Ctor);
    expect(error.message).toBe("went wrong");
    expect(error.requestId).toBe("req-1");
  });

  it("a truncated frame is a StreamDecodeError", async () => {
    await expect(read([bytes.subarray(0, bytes.length - 5)])).rejects.toBeInstanceOf(StreamDecodeError);
  });

  it.each([
    ["bytes that are not base64", encodeStreamEvent({ chunk: { bytes: "***" } }), /base64/],
    ["a chunk that is not an object", encodeStreamEvent({ chunk: "x" }), /not an object/],
  ])("refuses %s", async (_name, frame, message) => {
    await expect(read([frame])).rejects.toThrow(message);
  });

  it("passes an unknown event type on as the SDK's $unknown member", async () => {
    const out: unknown[] = [];
    for await (const event of decodeInvokeStream(bodyFrom([encodeStreamEvent({ somethingNew: { a: 1 } })]).stream)) out.push(event);
    expect(out).toEqual([{ $unknown: ["somethingNew", { a: 1 }] }]);
  });
});
