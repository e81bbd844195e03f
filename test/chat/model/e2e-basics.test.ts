// ChatBedrockConverse over loopback against the emulator: invoke, stream, batch, overrides, abort, token counting.
import { describe, expect, it } from "vitest";
import { AIMessageChunk, HumanMessage, SystemMessage } from "../../../src/chat/messages/messages.js";
import { AbortError, ThrottlingException, ValidationException } from "../../../src/errors/index.js";
import { countInputTokens } from "../../../src/testing/index.js";
import { bodies, collect, essentials, MODEL, useEmulator } from "./e2e-helpers.js";

const e2e = useEmulator();
const translate = [
  ["system", "You are a helpful assistant that translates English to French. Translate the user sentence."],
  ["human", "I love programming."],
] as [string, string][];

describe("invoke", () => {
  it("translates the seed example, with usage and response metadata", async () => {
    const reply = await e2e.chat().invoke(translate);
    expect(reply.text).toBe("J'adore la programmation.");
    expect(reply.content).toBe("J'adore la programmation.");
    expect(reply.usage_metadata).toEqual({ input_tokens: expect.any(Number), output_tokens: expect.any(Number), total_tokens: expect.any(Number) });
    expect(reply.usage_metadata!.total_tokens).toBe(reply.usage_metadata!.input_tokens + reply.usage_metadata!.output_tokens);
    const request = e2e.running.emulator.requests[0]!;
    expect(reply.response_metadata).toMatchObject({ stopReason: "end_turn", metrics: { latencyMs: 42 }, model_name: MODEL, model: MODEL, requestId: request.requestId });
    expect(reply.id).toBe(request.requestId);
    expect(request.auth).toEqual({ kind: "sigv4", accessKeyId: "AKIDEXAMPLE" });
    expect(request.body).toEqual({
      system: [{ text: translate[0]![1] }],
      messages: [{ role: "user", content: [{ text: "I love programming." }] }],
    });
  });

  it("surfaces service errors as typed exceptions", async () => {
    e2e.running.emulator.fault({ type: "throttle" });
    await expect(e2e.chat().invoke("Hi")).rejects.toBeInstanceOf(ThrottlingException);
  });
});

describe("stream", () => {
  it("streams word by word; the chunks concatenate to what invoke returns", async () => {
    const model = e2e.chat();
    const invoked = await model.invoke(translate);
    const { full, chunks } = await collect(await model.stream(translate));
    expect(chunks.filter((c) => c.text !== "").map((c) => c.text)).toEqual(["J'adore ", "la ", "programmation."]);
    expect(essentials(full)).toEqual(essentials(invoked));
    expect(full).toBeInstanceOf(AIMessageChunk);
    const last = chunks[chunks.length - 1]!;
    expect(last.usage_metadata).toEqual(invoked.usage_metadata);
    expect(chunks.some((c) => c.response_metadata.stopReason === "end_turn")).toBe(true);
    expect(full.response_metadata.metrics).toEqual({ latencyMs: 42 });
    expect(full.id).toBe(e2e.running.emulator.requests[1]!.requestId);
  });

  it.each([
    ["an inference profile ID", "global.anthropic.claude-sonnet-4-5-20250929-v1:0"],
    ["a foundation model ARN", "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"],
    ["an application inference profile ARN", "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123"],
    ["a provisioned throughput ARN", "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/xyz"],
  ])("streams whatever the model ID looks like: %s", async (_name, model) => {
    const { full } = await collect(await e2e.chat({ model }).stream("I love programming."));
    expect(full.text).toBe("J'adore la programmation.");
    expect(e2e.running.emulator.requests.map((r) => [r.operation, r.modelId])).toEqual([["converse-stream", model]]);
  });

  it("exposes a ReadableStream, and can be consumed only one way", async () => {
    const stream = await e2e.chat().stream("I love programming.");
    const reader = stream.stream.getReader();
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += value.text;
    }
    expect(text).toBe("J'adore la programmation.");
    expect(() => stream[Symbol.asyncIterator]()).toThrow(TypeError);
  });

  it("leaves usage out of the chunks with streamUsage: false", async () => {
    const { chunks, full } = await collect(await e2e.chat({ streamUsage: false }).stream("Hi"));
    expect(chunks.every((c) => c.usage_metadata === undefined)).toBe(true);
    expect(full.text).toBe("You said: Hi");
    const { full: withUsage } = await collect(await e2e.chat({ streamUsage: false }).stream("Hi", { streamUsage: true }));
    expect(withUsage.usage_metadata?.output_tokens).toBeGreaterThan(0);
  });

  it("invoke streams under the hood with streaming: true", async () => {
    const reply = await e2e.chat({ streaming: true }).invoke("I love programming.");
    expect(reply.text).toBe("J'adore la programmation.");
    expect(e2e.running.emulator.requests.map((r) => r.operation)).toEqual(["converse-stream"]);
  });

  it("aborts mid-stream with AbortError and releases the connection", async () => {
    e2e.running.emulator.fault({ type: "drip", delayMs: 15, chunkBytes: 24 });
    const controller = new AbortController();
    const stream = await e2e.chat().stream("I love programming, said the programmer who loves programming.", { signal: controller.signal });
    const seen: AIMessageChunk[] = [];
    const read = (async () => {
      for await (const chunk of stream) {
        seen.push(chunk);
        if (seen.length === 1) controller.abort();
      }
    })();
    await expect(read).rejects.toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(1);
  });

  it("breaking out of the loop, or cancel(), ends the stream early", async () => {
    const model = e2e.chat();
    const stream = await model.stream("I love programming.");
    const seen: string[] = [];
    for await (const chunk of stream) {
      seen.push(chunk.text);
      if (chunk.text !== "") break;
    }
    expect(seen.at(-1)).toBe("J'adore ");
    const cancelled = await model.stream("I love programming.");
    await cancelled.cancel();
    const rest: unknown[] = [];
    for await (const chunk of cancelled) rest.push(chunk);
    expect(rest).toEqual([]);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(e2e.chat().invoke("Hi", { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    await expect(e2e.chat().stream("Hi", { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
  });
});

describe("batch", () => {
  const counting = () => {
    const state = { inFlight: 0, max: 0 };
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      state.inFlight++;
      state.max = Math.max(state.max, state.inFlight);
      try {
        // Holding each request a moment lets the others start, so the limit is what keeps them out.
        await new Promise((resolve) => setTimeout(resolve, 20));
        return await globalThis.fetch(input, init);
      } finally {
        state.inFlight--;
      }
    };
    return { state, fetch };
  };
  const inputs = ["one", "two", "three", "four", "five"];

  it("keeps input order and honours maxConcurrency", async () => {
    const { state, fetch } = counting();
    const replies = await e2e.chat({ fetch }).batch(inputs, { maxConcurrency: 2 });
    expect(replies.map((r) => r.text)).toEqual(inputs.map((i) => `You said: ${i}`));
    expect(state.max).toBe(2);
  });

  it("runs everything at once without a limit", async () => {
    const { state, fetch } = counting();
    await e2e.chat({ fetch }).batch(inputs);
    expect(state.max).toBeGreaterThan(2);
  });

  it("rejects on the first failure, or returns errors in place with returnExceptions", async () => {
    const failTwo = (r: { body: unknown }) =>
      JSON.stringify(r.body).includes('"two"') ? { error: { type: "ValidationException", message: "bad input" } } : undefined;
    e2e.running.emulator.script(failTwo, { times: Infinity });
    const model = e2e.chat();
    await expect(model.batch(inputs, { maxConcurrency: 1 })).rejects.toBeInstanceOf(ValidationException);
    expect(e2e.running.emulator.requests).toHaveLength(2); // nothing starts after the failure

    const results = await model.batch(inputs, { maxConcurrency: 2 }, { returnExceptions: true });
    expect(results[1]).toBeInstanceOf(ValidationException);
    expect(results.filter((_, i) => i !== 1).map((r) => (r as { text: string }).text)).toEqual(
      ["one", "three", "four", "five"].map((i) => `You said: ${i}`),
    );
  });

  it("takes one options object per input", async () => {
    await e2e.chat().batch(["a", "b"], [{ maxTokens: 5 }, { temperature: 0.5 }]);
    const configs = bodies(e2e.running).map((b) => b.inferenceConfig);
    expect(configs).toEqual(expect.arrayContaining([{ maxTokens: 5 }, { temperature: 0.5 }]));
  });
});

describe("per-call overrides", () => {
  it("override constructor settings field by field for one call only", async () => {
    const model = e2e.chat({ maxTokens: 100, temperature: 0.1, stopSequences: ["zzz"] });
    const cut = await model.invoke("I love programming.", { stop: ["la"] });
    expect(cut.text).toBe("J'adore ");
    expect(cut.response_metadata.stopReason).toBe("stop_sequence");
    const short = await model.invoke("I love programming.", { maxTokens: 1 });
    expect(short.response_metadata.stopReason).toBe("max_tokens");
    await model.invoke("I love programming.");
    expect(bodies(e2e.running).map((b) => b.inferenceConfig)).toEqual([
      { maxTokens: 100, temperature: 0.1, stopSequences: ["la"] },
      { maxTokens: 1, temperature: 0.1, stopSequences: ["zzz"] },
      { maxTokens: 100, temperature: 0.1, stopSequences: ["zzz"] },
    ]);
  });
});

describe("getNumTokensFromMessages", () => {
  const messages = [new SystemMessage("Be brief."), new HumanMessage("How many tokens is this sentence?")];

  it("asks CountTokens, with the foundation model ID of an inference profile", async () => {
    const tokens = await e2e.chat().getNumTokensFromMessages(messages);
    const request = e2e.running.emulator.requests[0]!;
    expect(request.operation).toBe("count-tokens");
    expect(request.modelId).toBe("anthropic.claude-sonnet-4-20250514-v1:0");
    expect(tokens).toBe(countInputTokens((request.body as { input: { converse: Record<string, unknown> } }).input.converse));
  });

  it("falls back to the estimate when CountTokens refuses the model", async () => {
    e2e.running.emulator.script({ error: { type: "ValidationException", message: "The provided model doesn't support counting tokens." } });
    const tokens = await e2e.chat().getNumTokensFromMessages(messages);
    // ceil(9 / 4) + ceil(34 / 4)
    expect(tokens).toBe(3 + 9);
  });

  it("counts bound tools, and throws errors that are not refusals", async () => {
    const model = e2e.chat().bindTools([{ name: "lookup", description: "Looks things up", parameters: { type: "object", properties: {} } }]);
    await model.getNumTokensFromMessages(messages);
    expect((e2e.running.emulator.requests[0]!.body as { input: { converse: { toolConfig?: unknown } } }).input.converse.toolConfig).toBeDefined();
    e2e.running.emulator.fault({ type: "throttle" });
    await expect(model.getNumTokensFromMessages(messages)).rejects.toBeInstanceOf(ThrottlingException);
  });
});
