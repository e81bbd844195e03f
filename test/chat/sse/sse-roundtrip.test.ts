// Round trips: recorded Bedrock streams and live emulator replies → chunks → SSE bytes (cut anywhere) → chunks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatBedrockConverse } from "../../../src/chat/model/chat-model.js";
import type { AIMessageChunk } from "../../../src/chat/messages/messages.js";
import { readSSEChunks, toSSEResponse } from "../../../src/chat/sse/index.js";
import { ThrottlingException } from "../../../src/errors/index.js";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../../src/testing/node.js";
import { loadRecordedStreams, streamToMessage } from "../response/convert-stream-helpers.js";
import { chunksFrom, collectChunks, concatAll, rechunk, replyView, sseResponse } from "./sse-helpers.js";

const SPLITS: number[][] = [[1], [5, 2], [4096]];

describe("SSE round trip of recorded Bedrock streams", () => {
  const streams = loadRecordedStreams();

  it("has recorded streams to replay", () => {
    expect(streams.length).toBeGreaterThanOrEqual(5);
  });

  for (const { name, events } of streams) {
    it.each(SPLITS)(`${name}: the chunks read back concatenate to the same reply (split %j)`, async (...sizes) => {
      let chunks: AIMessageChunk[];
      let expectedError: unknown;
      try {
        chunks = streamToMessage(events, { modelId: "m", requestId: "r" }).chunks;
      } catch (error) {
        // Streams that end in an exception event: the page must get that exception.
        expectedError = error;
        chunks = [];
      }
      const response = await toSSEResponse(chunksFrom(chunks, expectedError), { exposeErrors: true });
      if (expectedError !== undefined) {
        // Nothing was streamed before the exception, so it arrives as a JSON error response.
        const back = await collectChunks(readSSEChunks(response)).catch((error: unknown) => error);
        expect(back).toMatchObject({ name: (expectedError as Error).name, message: (expectedError as Error).message });
        return;
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      const back = await collectChunks(readSSEChunks(sseResponse(rechunk(bytes, sizes)))).catch((error: unknown) => error);
      expect(replyView(concatAll(back as AIMessageChunk[]))).toEqual(replyView(concatAll(chunks)));
    });
  }
});

describe("SSE round trip of ChatBedrockConverse over the emulator", () => {
  let running: RunningEmulator;
  const model = () =>
    new ChatBedrockConverse({
      model: "us.amazon.nova-micro-v1:0",
      region: "us-east-1",
      endpoint: running.url,
      credentials: EMULATOR_CREDENTIALS,
      maxRetries: 0,
    });
  beforeAll(async () => {
    running = await startEmulator({ chunking: "random" });
  });
  afterAll(() => running?.close());

  it("streams the seed translation with usage and stop reason", async () => {
    const prompt: Array<[string, string]> = [
      ["system", "You are a helpful assistant that translates English to French. Translate the user sentence."],
      ["human", "I love programming."],
    ];
    const direct = concatAll(await collectChunks(await model().stream(prompt)));
    const viaSSE = concatAll(await collectChunks(readSSEChunks(toSSEResponse(model().stream(prompt)))));
    expect(viaSSE?.text).toBe("J'adore la programmation.");
    expect(replyView(viaSSE)).toEqual(replyView(direct));
    expect(viaSSE?.usage_metadata?.output_tokens).toBeGreaterThan(0);
    expect(viaSSE?.response_metadata["stopReason"]).toBe("end_turn");
  });

  it("carries a throttling failure to the reader as ThrottlingException", async () => {
    running.emulator.fault({ type: "throttle" });
    const error = await collectChunks(readSSEChunks(toSSEResponse(model().stream("I love programming.")))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottlingException);
  });

  it("carries a mid-stream exception after the text before it", async () => {
    running.emulator.fault({ type: "exception-frame", afterEvents: 3, exceptionType: "throttlingException", message: "Slow down" });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const chunk of readSSEChunks(toSSEResponse(model().stream("I love programming."), { exposeErrors: true }))) seen.push(chunk.text);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect((error as Error).message).toBe("Slow down");
    expect(seen.join("")).not.toBe("");
  });
});
