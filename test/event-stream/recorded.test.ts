// Real recorded Bedrock ConverseStream bodies replay, split anywhere, to exactly their recorded frames and events.
import { describe, expect, it } from "vitest";
import { codec } from "../../src/event-stream/codec.js";
import { decodeConverseStream } from "../../src/event-stream/converse-stream.js";
import { decodeFrame } from "../../src/event-stream/decode-frame.js";
import { createFrameSplitterStream, FrameSplitter } from "../../src/event-stream/frame-splitter.js";
import { ModelStreamErrorException } from "../../src/errors/index.js";
import { bodyFrom, chunksOf, fromBase64, listDir, randomChunks, readBytes, readJson } from "./helpers.js";

interface RecordedFrame {
  headers: Record<string, string>;
  payload: Record<string, unknown>;
}

const fixtures = ["pydantic-ai", "langchain-aws"].flatMap((dir) =>
  listDir(`recorded/${dir}`)
    .filter((file) => file.endsWith(".body.bin"))
    .map((file) => `recorded/${dir}/${file.slice(0, -".body.bin".length)}`),
);
const SEEDS = [1, 7, 42, 2024, 31337];

/** Frames as the fixtures' .events.json writes them: string headers in wire order, parsed JSON payload. */
function plainFrames(frames: Uint8Array[]): RecordedFrame[] {
  return frames.map((bytes) => {
    const { headers, body } = decodeFrame(bytes);
    return {
      headers: Object.fromEntries(Object.entries(headers).map(([name, h]) => [name, h.value as string])),
      payload: JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>,
    };
  });
}

function split(chunks: Uint8Array[]): Uint8Array[] {
  const splitter = new FrameSplitter();
  const frames = chunks.flatMap((chunk) => splitter.push(chunk));
  splitter.end();
  return frames;
}

/**
 * What decodeConverseStream must yield, as the AWS SDK gives it: one key per event, Bedrock's
 * `p` padding gone, the base64 `redactedContent` blob as bytes.
 */
function expectedEvents(recorded: RecordedFrame[]): Record<string, unknown>[] {
  return recorded.map(({ headers, payload }) => {
    const { p: _padding, ...rest } = payload;
    const reasoning = (rest.delta as { reasoningContent?: { redactedContent?: string } } | undefined)?.reasoningContent;
    if (typeof reasoning?.redactedContent === "string") {
      const redactedContent = fromBase64(reasoning.redactedContent);
      rest.delta = { ...(rest.delta as object), reasoningContent: { ...reasoning, redactedContent } };
    }
    return { [headers[":event-type"]!]: rest };
  });
}

async function collect<T>(source: AsyncIterable<T> | ReadableStream<T>): Promise<T[]> {
  const out: T[] = [];
  if (source instanceof ReadableStream) {
    const reader = source.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value);
    return out;
  }
  for await (const item of source) out.push(item);
  return out;
}

describe("recorded ConverseStream bodies", () => {
  it("finds the 7 recorded streams", () => {
    expect(fixtures).toHaveLength(7);
  });

  describe.each(fixtures)("%s", (fixture) => {
    const body = readBytes(`${fixture}.body.bin`);
    const recorded = readJson<RecordedFrame[]>(`${fixture}.events.json`);
    const whole = split([body]);

    it("decodes in one chunk to exactly its recorded frames, headers in wire order", () => {
      const frames = plainFrames(whole);
      expect(frames).toEqual(recorded);
      for (const [i, frame] of frames.entries()) expect(Object.keys(frame.headers)).toEqual(Object.keys(recorded[i]!.headers));
      // Whole frames in one chunk are views of it, not copies.
      for (const frame of whole) expect(frame.buffer).toBe(body.buffer);
      // Smithy's codec agrees on every frame.
      for (const frame of whole) expect(decodeFrame(frame)).toEqual(codec.decode(frame));
    });

    it("replays one byte at a time", () => {
      expect(split(chunksOf(body, 1))).toEqual(whole);
    });

    it.each(SEEDS)("replays split at random points (seed %i)", (seed) => {
      expect(split(randomChunks(body, seed))).toEqual(whole);
      expect(split(randomChunks(body, seed * 31, 7))).toEqual(whole);
    });

    it("replays through the TransformStream", async () => {
      const frames = await collect(bodyFrom(randomChunks(body, 5)).stream.pipeThrough(createFrameSplitterStream()));
      expect(frames).toEqual(whole);
    });

    it.each([0, ...SEEDS])("decodeConverseStream yields the one-key events (seed %i, 0 = 1-byte chunks)", async (seed) => {
      const chunks = seed === 0 ? chunksOf(body, 1) : randomChunks(body, seed);
      const events = await collect(decodeConverseStream(bodyFrom(chunks).stream));
      expect(events).toEqual(expectedEvents(recorded));
      expect(events.at(-2)).toHaveProperty("messageStop");
      expect(events.at(-1)).toHaveProperty("metadata");
      for (const event of events) expect(JSON.stringify(event)).not.toMatch(/"p":/);
    });
  });
});

it("redacted reasoning arrives as bytes, as the AWS SDK gives it", async () => {
  const body = readBytes("recorded/pydantic-ai/claude-3-7-redacted-reasoning-stream.body.bin");
  const events = (await collect(decodeConverseStream(bodyFrom([body]).stream))) as {
    contentBlockDelta?: { delta?: { reasoningContent?: { redactedContent?: unknown } } };
  }[];
  const redacted = events.map((e) => e.contentBlockDelta?.delta?.reasoningContent?.redactedContent).filter((r) => r !== undefined);
  expect(redacted.length).toBeGreaterThan(0);
  for (const bytes of redacted) expect(bytes).toBeInstanceOf(Uint8Array);
});

describe("vercel-ai SYNTHETIC model-stream-error frame", () => {
  const bytes = fromBase64(
    new TextDecoder().decode(readBytes("recorded/vercel-ai/SYNTHETIC-model-stream-error-exception.eventstream.base64.txt")).trim(),
  );

  it("raises ModelStreamErrorException with the original status and message", async () => {
    const events = decodeConverseStream(bodyFrom(chunksOf(bytes, 3)).stream, { requestId: "req-vercel" });
    const error = await collect(events).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelStreamErrorException);
    expect(error).toMatchObject({
      name: "ModelStreamErrorException",
      message: "Model Stream Error",
      code: "modelStreamErrorException",
      requestId: "req-vercel",
      originalStatusCode: 500,
      originalMessage: "The model stream failed.",
    });
  });
});
