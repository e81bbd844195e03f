// LangChain's standard chat-model checks, as our own tests against the emulator: invoke, stream, batch, events, usage, stop, cache.
import { InMemoryCache } from "@langchain/core/caches";
import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage, getBufferString } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { useEmulator } from "./helpers.js";

const e = useEmulator();

/** Total text of a content value, as LangChain's standard stream check counts it. */
function textLength(content: AIMessageChunk["content"]): number {
  if (typeof content === "string") return content.length;
  return content.reduce((n, part) => n + (part.type === "text" && typeof part.text === "string" ? part.text.length : 1), 0);
}

describe("invoke, stream, batch", () => {
  it("invoke returns an AIMessage with text", async () => {
    const result = await e.model().invoke("Hello");
    expect(result).toBeInstanceOf(AIMessage);
    expect(result.text).toBe("You said: Hello");
  });

  it("stream yields AIMessageChunks whose text adds up to the reply", async () => {
    let chars = 0;
    let joined: AIMessageChunk | undefined;
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await e.model().stream("Hello")) {
      expect(chunk).toBeInstanceOf(AIMessageChunk);
      chunks.push(chunk);
      chars += textLength(chunk.content);
      joined = joined ? joined.concat(chunk) : chunk;
    }
    expect(chunks.length).toBeGreaterThan(1);
    expect(chars).toBe("You said: Hello".length);
    expect(joined?.text).toBe("You said: Hello");
    expect(e.bodies("converse-stream")).toHaveLength(1);
  });

  it("batch answers each input in order", async () => {
    const results = await e.model().batch(["Hello", "Hey"]);
    expect(results.map((r) => [r instanceof AIMessage, r.text])).toEqual([
      [true, "You said: Hello"],
      [true, "You said: Hey"],
    ]);
  });

  it("batch with maxConcurrency and returnExceptions keeps failures in place", async () => {
    e.running.emulator.fault({ type: "error", status: 400, errorType: "ValidationException", message: "bad", times: 1 });
    const results = await e.model().batch(["Hello", "Hey"], { maxConcurrency: 1 }, { returnExceptions: true });
    expect(results[0]).toBeInstanceOf(Error);
    expect((results[1] as AIMessage).text).toBe("You said: Hey");
  });

  it("streamEvents v2: start, streamed pieces, end whose output is the pieces joined", async () => {
    const events = [];
    for await (const event of e.model().streamEvents("Hello", { version: "v2" })) events.push(event);
    expect(events[0]!.event).toBe("on_chat_model_start");
    expect(events.at(-1)!.event).toBe("on_chat_model_end");
    expect(events[Math.floor(events.length / 2)]!.event).toBe("on_chat_model_stream");
    const streamed = events.filter((ev) => ev.event === "on_chat_model_stream").map((ev) => (ev.data.chunk as AIMessageChunk).text);
    expect(streamed.join("")).toBe("You said: Hello");
    expect((events.at(-1)!.data.output as AIMessageChunk).text).toBe("You said: Hello");
  });

  it("handleLLMNewToken receives each streamed piece, with its chunk", async () => {
    const tokens: string[] = [];
    const chunkTexts: string[] = [];
    const callbacks = [
      {
        handleLLMNewToken(token: string, _idx: unknown, _run: unknown, _parent: unknown, _tags: unknown, fields?: { chunk?: { text: string } }) {
          tokens.push(token);
          chunkTexts.push(fields?.chunk?.text ?? "<none>");
        },
      },
    ];
    for await (const _ of await e.model().stream("I love programming.", { callbacks })) void _;
    expect(tokens.filter(Boolean)).toEqual(["J'adore ", "la ", "programmation."]);
    expect(chunkTexts).toEqual(tokens);
  });

  it("streaming: true makes invoke stream (tokens reach callbacks) and return the joined chunks", async () => {
    const tokens: string[] = [];
    const result = await e.model({ streaming: true }).invoke("I love programming.", {
      callbacks: [{ handleLLMNewToken: (token: string) => void tokens.push(token) }],
    });
    expect(result).toBeInstanceOf(AIMessageChunk);
    expect(result.text).toBe("J'adore la programmation.");
    expect(tokens.filter(Boolean)).toEqual(["J'adore ", "la ", "programmation."]);
    expect(result.usage_metadata?.output_tokens).toBeGreaterThan(0);
    expect(e.bodies("converse-stream")).toHaveLength(1);
    expect(e.bodies("converse")).toHaveLength(0);
  });
});

describe("conversations", () => {
  it("a human / AI / human conversation", async () => {
    const result = await e.model().invoke([new HumanMessage("hello"), new AIMessage("hello"), new HumanMessage("how are you")]);
    expect(result.text).toBe("You said: how are you");
  });

  it("back-to-back messages of one role are sent as one turn each", async () => {
    const result = await e.model().invoke([
      new SystemMessage("hello"),
      new SystemMessage("hello"),
      new HumanMessage("hello"),
      new HumanMessage("hello"),
      new AIMessage("hello"),
      new AIMessage("hello"),
      new HumanMessage("how are you"),
    ]);
    expect(result.text).not.toBe("");
    const body = e.bodies("converse")[0]!;
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(body.system).toEqual([{ text: "hello" }, { text: "hello" }]);
  });
});

describe("usage metadata", () => {
  it("invoke: input, output and total tokens; model name and provider in response_metadata", async () => {
    const result = await e.model().invoke("Hello");
    const usage = result.usage_metadata!;
    expect([typeof usage.input_tokens, typeof usage.output_tokens, typeof usage.total_tokens]).toEqual(["number", "number", "number"]);
    expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens);
    expect(result.response_metadata.model_name).toBe("us.anthropic.claude-sonnet-4-20250514-v1:0");
    expect(result.response_metadata.model).toBe("us.anthropic.claude-sonnet-4-20250514-v1:0");
    expect(result.response_metadata.model_provider).toBe("bedrock-converse");
    expect(result.response_metadata.stopReason).toBe("end_turn");
  });

  it("stream: the joined chunks carry the same usage as invoke", async () => {
    const invoked = await e.model().invoke("Hello");
    let joined: AIMessageChunk | undefined;
    for await (const chunk of await e.model().stream("Hello")) joined = joined ? joined.concat(chunk) : chunk;
    expect(joined!.usage_metadata).toMatchObject({
      input_tokens: invoked.usage_metadata!.input_tokens,
      output_tokens: invoked.usage_metadata!.output_tokens,
      total_tokens: invoked.usage_metadata!.total_tokens,
    });
    // One chunk carries the model keys: LangChain's merge would join repeated strings.
    expect(joined!.response_metadata.model_name).toBe("us.anthropic.claude-sonnet-4-20250514-v1:0");
    expect(joined!.response_metadata.model).toBe("us.anthropic.claude-sonnet-4-20250514-v1:0");
  });

  it.each([
    ["constructor", { streamUsage: false }, {}],
    ["call option", {}, { streamUsage: false }],
  ] as const)("streamUsage false (%s) leaves usage out of the chunks", async (_where, fields, options) => {
    let joined: AIMessageChunk | undefined;
    for await (const chunk of await e.model(fields).stream("Hello", options)) joined = joined ? joined.concat(chunk) : chunk;
    expect(joined!.text).toBe("You said: Hello");
    expect(joined!.usage_metadata).toBeUndefined();
  });

  it("cache reads and writes show in input_token_details", async () => {
    const model = e.model({ cachePoints: { where: ["system"] } });
    const system = new SystemMessage("Rules. ".repeat(1200));
    await model.invoke([system, new HumanMessage("Hello")]);
    const second = await model.invoke([system, new HumanMessage("Hello again")]);
    const details = second.usage_metadata!.input_token_details!;
    expect(details.cache_read).toBeGreaterThan(0);
    expect(second.usage_metadata!.input_tokens).toBeGreaterThanOrEqual(details.cache_read!);
  });
});

describe("stop sequences", () => {
  it.each<[string, Record<string, string[]>, Record<string, string[]>]>([
    ["call option", {}, { stop: ["you"] }],
    ["constructor stop", { stop: ["you"] }, {}],
    ["constructor stopSequences", { stopSequences: ["you"] }, {}],
  ])("%s reaches inferenceConfig.stopSequences", async (_where, fields, options) => {
    const result = await e.model(fields).invoke("hi, how are you?", options);
    expect(result).toBeInstanceOf(AIMessage);
    expect(result.text).toBe("You said: hi, how are ");
    expect(result.response_metadata.stopReason).toBe("stop_sequence");
    expect(e.bodies("converse")[0]!.inferenceConfig).toEqual({ stopSequences: ["you"] });
  });
});

describe("LangChain's cache", () => {
  it("a second identical call with complex content comes from the cache", async () => {
    const model = e.model({ cache: new InMemoryCache() });
    const message = new HumanMessage({ content: [{ type: "text", text: "Hello there!" }] });
    const first = await model.invoke([message]);
    const cached = await model.cache!.lookup(getBufferString([message]), model._getSerializedCacheKeyParametersForCall({} as never));
    expect(cached).toHaveLength(1);
    const second = await model.invoke([message]);
    expect(second).toEqual((cached![0] as unknown as { message: unknown }).message);
    expect(second.text).toBe(first.text);
    expect(e.bodies()).toHaveLength(1);
  });
});

describe("Runnable base: withConfig, withRetry, bind", () => {
  it("withConfig binds call options, which reach the request", async () => {
    await e.model({ temperature: 0.2 }).withConfig({ temperature: 0.7, stop: ["\n"], requestMetadata: { app: "lc" } }).invoke("Hello");
    const body = e.bodies("converse")[0]!;
    expect(body.inferenceConfig).toEqual({ temperature: 0.7, stopSequences: ["\n"] });
    expect(body.requestMetadata).toEqual({ app: "lc" });
  });

  it("withRetry retries a throttled call", async () => {
    e.running.emulator.fault({ type: "throttle", times: 1, retryAfterSeconds: 0 });
    const result = await e.model().withRetry({ stopAfterAttempt: 2 }).invoke("Hello");
    expect(result.text).toBe("You said: Hello");
    expect(e.running.emulator.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("without retries the throttling error reaches the caller as our ThrottlingException", async () => {
    e.running.emulator.fault({ type: "throttle", times: 1, retryAfterSeconds: 0 });
    await expect(e.model().invoke("Hello")).rejects.toMatchObject({ name: "ThrottlingException", status: 429 });
  });

  it("an aborted signal stops the call", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(e.model().invoke("Hello", { signal: controller.signal })).rejects.toThrow();
    expect(e.bodies()).toHaveLength(0);
  });
});
