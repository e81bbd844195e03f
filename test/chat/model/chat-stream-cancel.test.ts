// A ChatStream cancelled before anyone reads it must still release the HTTP response body.
import { describe, expect, it } from "vitest";
import { ChatBedrockConverse } from "../../../src/chat/model/chat-model.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../../src/testing/index.js";

function trackedFetch() {
  const emulator = createBedrockEmulator();
  const state = { cancelled: 0 };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const response = await emulator.asFetch(input, init);
    const reader = response.body!.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        state.cancelled++;
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch, state };
}

describe("ChatStream release", () => {
  it.each([
    ["cancel()", async (s: { cancel(): Promise<void> }) => s.cancel()],
    ["stream.cancel()", async (s: { stream: ReadableStream }) => s.stream.cancel()],
  ])("%s before reading cancels the response body", async (_name, cancel) => {
    const { fetch, state } = trackedFetch();
    const model = new ChatBedrockConverse({
      model: "us.amazon.nova-micro-v1:0",
      region: "us-east-1",
      endpoint: "https://bedrock.test",
      credentials: EMULATOR_CREDENTIALS,
      fetch,
    });
    const stream = await model.stream("I love programming.");
    expect(state.cancelled).toBe(0);
    await cancel(stream as never);
    expect(state.cancelled).toBe(1);
  });
});
