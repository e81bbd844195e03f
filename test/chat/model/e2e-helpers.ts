// Shared setup of the chat end-to-end tests: the emulator over loopback with the test model, and model factories.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { ChatBedrockConverse, type ChatBedrockConverseInput } from "../../../src/chat/model/chat-model.js";
import type { AIMessage, AIMessageChunk } from "../../../src/chat/messages/messages.js";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../../src/testing/node.js";
import { withoutIndex } from "../response/convert-stream-helpers.js";
import { createTestModel } from "./e2e-model.js";

export const MODEL = "us.anthropic.claude-sonnet-4-20250514-v1:0";

export interface E2E {
  running: RunningEmulator;
  /** A model talking to the emulator over loopback with SigV4. */
  chat(fields?: Partial<ChatBedrockConverseInput>): ChatBedrockConverse;
}

/** Starts one emulator for the file; scripts, faults and recorded requests are cleared before each test. */
export function useEmulator(): E2E {
  const e2e = {} as E2E;
  beforeAll(async () => {
    e2e.running = await startEmulator({ model: createTestModel() });
    e2e.chat = (fields = {}) =>
      new ChatBedrockConverse({
        model: MODEL,
        region: "us-east-1",
        endpoint: e2e.running.url,
        credentials: EMULATOR_CREDENTIALS,
        maxRetries: 0,
        warn: () => {},
        ...fields,
      });
  });
  beforeEach(() => e2e.running.emulator.reset());
  afterAll(() => e2e.running?.close());
  return e2e;
}

/** Concatenates every chunk of a stream. */
export async function collect(stream: AsyncIterable<AIMessageChunk>): Promise<{ full: AIMessageChunk; chunks: AIMessageChunk[] }> {
  const chunks: AIMessageChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  if (chunks.length === 0) throw new Error("the stream had no chunks");
  return { full: chunks.reduce((acc, c) => acc.concat(c)), chunks };
}

/** What must match between invoke's message and a concatenated stream of the same reply (stream block `index` aside). */
export function essentials(message: AIMessage): Record<string, unknown> {
  return {
    content: withoutIndex(message.content),
    text: message.text,
    tool_calls: message.tool_calls,
    invalid_tool_calls: message.invalid_tool_calls,
    usage_metadata: message.usage_metadata,
    stopReason: message.response_metadata.stopReason,
    model_name: message.response_metadata.model_name,
  };
}

/** The request bodies the emulator received for one operation. */
export function bodies(running: RunningEmulator, operation?: string): Array<Record<string, unknown>> {
  return running.emulator.requests
    .filter((r) => operation === undefined || r.operation === operation)
    .map((r) => r.body as Record<string, unknown>);
}
