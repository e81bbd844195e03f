// The emulator's Chat Completions converters and checks, as tables; the route itself is tested through the openai package.
import { describe, expect, it } from "vitest";
import {
  chatCompletionsRequestProblem,
  chatToConverse,
  sseBody,
  turnToChunks,
  turnToCompletion,
} from "../../../src/testing/openai/chat-completions.js";
import { createBedrockEmulator, EMULATOR_API_KEY } from "../../../src/testing/index.js";
import type { ModelTurn } from "../../../src/testing/model/index.js";

const facts = { id: "chatcmpl-1", created: 1_765_000_000, model: "openai.gpt-oss-20b-1:0" };
const turn = (text: string, stopReason = "end_turn"): ModelTurn => ({
  content: [{ reasoningContent: { reasoningText: { text: "thinking" } } }, { text }],
  stopReason,
  usage: { inputTokens: 5, outputTokens: 7, totalTokens: 12 },
  latencyMs: 100,
});

describe("chatCompletionsRequestProblem", () => {
  it.each([
    [null, "The request body must be a JSON object."],
    [{ messages: [{ role: "user", content: "hi" }] }, "you must provide a model parameter"],
    [{ model: "m", messages: [] }, "messages: at least one message is required"],
    [{ model: "m", messages: [{ role: "robot", content: "hi" }] }, "messages[0].role must be one of system, developer, user, assistant, tool"],
    [{ model: "m", messages: [{ role: "user", content: [{ type: "image_url" }] }] }, "messages[0].content must be a string or an array of text parts"],
    [{ model: "m", messages: [{ role: "user", content: "hi" }], tools: [] }, "tools are not supported by the emulator's Chat Completions route"],
    [{ model: "m", messages: [{ role: "user", content: "hi" }], n: 2 }, "n must be 1"],
    [{ model: "m", messages: [{ role: "user", content: [{ type: "text", text: "hi" }] }, { role: "assistant", content: null }] }, undefined],
  ])("%j → %s", (body, problem) => {
    expect(chatCompletionsRequestProblem(body)).toBe(problem);
  });
});

describe("chatToConverse", () => {
  it.each([
    [
      { model: "m", messages: [{ role: "developer", content: "Be brief." }, { role: "user", content: "hi" }] },
      { system: [{ text: "Be brief." }], messages: [{ role: "user", content: [{ text: "hi" }] }] },
    ],
    [
      { model: "m", messages: [{ role: "system", content: "S" }, { role: "user", content: "a" }, { role: "assistant", content: "b" }, { role: "user", content: "c" }], max_tokens: 3, stop: "x" },
      {
        system: [{ text: "S" }],
        messages: [
          { role: "user", content: [{ text: "a" }] },
          { role: "assistant", content: [{ text: "b" }] },
          { role: "user", content: [{ text: "c" }] },
        ],
        inferenceConfig: { maxTokens: 3, stopSequences: ["x"] },
      },
    ],
    [
      { model: "m", messages: [{ role: "user", content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] }], max_completion_tokens: 9, max_tokens: 1, stop: ["y", "z"] },
      { messages: [{ role: "user", content: [{ text: "a\nb" }] }], inferenceConfig: { maxTokens: 9, stopSequences: ["y", "z"] } },
    ],
  ])("%j", (body, converse) => {
    expect(chatToConverse(body)).toEqual(converse);
  });
});

describe("turnToCompletion and turnToChunks", () => {
  it.each([
    ["end_turn", "stop"],
    ["stop_sequence", "stop"],
    ["max_tokens", "length"],
    ["guardrail_intervened", "content_filter"],
  ])("maps stop reason %s to finish_reason %s, leaving reasoning out", (stopReason, finish) => {
    const completion = turnToCompletion(turn("Hi there.", stopReason), facts);
    expect(completion).toEqual({
      ...facts,
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content: "Hi there." }, finish_reason: finish }],
      usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
    });
  });

  it("streams the role, words, finish reason and (when asked) usage", () => {
    const chunks = turnToChunks(turn("Hi there."), facts, true);
    expect(chunks.map((c) => c.choices)).toEqual([
      [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }],
      [{ index: 0, delta: { content: "Hi " }, finish_reason: null }],
      [{ index: 0, delta: { content: "there." }, finish_reason: null }],
      [{ index: 0, delta: {}, finish_reason: "stop" }],
      [],
    ]);
    expect(chunks.map((c) => c.usage)).toEqual([null, null, null, null, { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 }]);
    expect(turnToChunks(turn("Hi"), facts, false).every((c) => !("usage" in c))).toBe(true);
  });

  it("writes SSE data lines ending with [DONE]", () => {
    expect(sseBody([{ a: 1 }, { b: 2 }])).toBe('data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n');
  });
});

describe("the route", () => {
  const post = (emulator: ReturnType<typeof createBedrockEmulator>, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${EMULATOR_API_KEY}` }) =>
    emulator.fetch(new Request("https://bedrock.test/openai/v1/chat/completions", { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }));

  it("refuses an unsigned request in AWS's shape, as every route does", async () => {
    const response = await post(createBedrockEmulator(), { model: "m", messages: [{ role: "user", content: "hi" }] }, {});
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ Message: "Authorization header is missing" });
  });

  it("answers a body that is not JSON, a refused model and a throttle fault in OpenAI's shape", async () => {
    const emulator = createBedrockEmulator({ models: ["openai.gpt-oss-20b-1:0"] });
    const notJson = await post(emulator, "{");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.type).toBe("invalid_request_error");
    const unknown = await post(emulator, { model: "other", messages: [{ role: "user", content: "hi" }] });
    expect((await unknown.json()).error.message).toBe("The provided model identifier is invalid.");
    emulator.fault({ type: "throttle", retryAfterSeconds: 2 });
    const throttled = await post(emulator, { model: "openai.gpt-oss-20b-1:0", messages: [{ role: "user", content: "hi" }] });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("2");
    expect(throttled.headers.get("x-amzn-errortype")).toBe("ThrottlingException");
    expect(await throttled.json()).toEqual({
      error: { message: "Too many requests, please wait before trying again.", type: "rate_limit_error", code: "ThrottlingException", param: null },
    });
    expect(emulator.requests.map((r) => [r.path, r.status, r.fault])).toEqual([
      ["/openai/v1/chat/completions", 400, undefined],
      ["/openai/v1/chat/completions", 400, undefined],
      ["/openai/v1/chat/completions", 429, "throttle"],
    ]);
  });

  it("sends the stream as one SSE event per read", async () => {
    const response = await post(createBedrockEmulator(), { model: "openai.gpt-oss-20b-1:0", messages: [{ role: "user", content: "I love programming." }], stream: true });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const reads: string[] = [];
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) reads.push(decoder.decode(read.value));
    expect(reads.every((r) => /^data: .*\n\n$/s.test(r))).toBe(true);
    expect(reads.at(-1)).toBe("data: [DONE]\n\n");
    expect(reads).toHaveLength(6);
  });
});
