// ChatBedrock against the emulator: native bodies on the wire, replies and streams per provider, retries, Anthropic tool calls.
import { describe, expect, it } from "vitest";
import { ChatBedrock, type AIMessageChunk } from "../../../src/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../../src/testing/index.js";

const utf8 = new TextEncoder();
const b64 = (json: unknown) => btoa(String.fromCharCode(...utf8.encode(JSON.stringify(json))));

function setup(model: string, extra: Record<string, unknown> = {}) {
  const emulator = createBedrockEmulator({ region: "us-east-1" });
  const chat = new ChatBedrock({ model, region: "us-east-1", credentials: EMULATOR_CREDENTIALS, endpointUrl: "https://bedrock.test", fetch: emulator.asFetch, ...extra });
  return { emulator, chat };
}

async function joined(stream: AsyncIterable<AIMessageChunk>): Promise<{ full: AIMessageChunk; count: number }> {
  let full: AIMessageChunk | undefined;
  let count = 0;
  for await (const chunk of stream) {
    full = full ? full.concat(chunk) : chunk;
    count++;
  }
  return { full: full!, count };
}

// Mistral, Cohere and DeepSeek answer InvokeModel with no token counts in the body: their usage
// comes from Bedrock's x-amzn-bedrock-*-token-count headers (invokeModel's $invocationMetrics),
// as langchain-aws reads it; their streams report it from the invocation metrics.

const MODELS = [
  ["anthropic", "anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic_version"],
  ["meta (Llama 3)", "meta.llama3-1-8b-instruct-v1:0", "prompt"],
  ["amazon (Titan Text)", "amazon.titan-text-express-v1", "inputText"],
  ["amazon (Nova)", "us.amazon.nova-lite-v1:0", "schemaVersion"],
  ["mistral", "mistral.mistral-large-2407-v1:0", "prompt"],
  ["cohere (Command R)", "cohere.command-r-plus-v1:0", "message"],
  ["deepseek", "us.deepseek.r1-v1:0", "prompt"],
  ["openai (gpt-oss)", "openai.gpt-oss-120b-1:0", "messages"],
] as const;

describe.each(MODELS)("ChatBedrock %s on the emulator", (name, model, bodyKey) => {
  it("invoke sends the native body to /invoke and returns the reply with usage", async () => {
    const { emulator, chat } = setup(model, { maxTokens: 200 });
    const reply = await chat.invoke([["system", "Be brief."], ["human", "I love programming."]]);
    const request = emulator.requests.at(-1)!;
    expect(request.operation).toBe("invoke");
    expect(request.modelId).toBe(model);
    expect(Object.keys(request.body as object)).toContain(bodyKey);
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply.usage_metadata?.input_tokens).toBeGreaterThan(0);
    expect(reply.usage_metadata?.output_tokens).toBeGreaterThan(0);
    expect(reply.usage_metadata!.total_tokens).toBe(reply.usage_metadata!.input_tokens + reply.usage_metadata!.output_tokens);
    expect(reply.response_metadata.model_name).toBe(model);
  });

  it("stream yields chunks whose concatenation has the invoke reply's text and usage", async () => {
    const { emulator, chat } = setup(model, { maxTokens: 200 });
    const reply = await chat.invoke("Tell me about the sea.");
    const { full, count } = await joined(await chat.stream("Tell me about the sea."));
    expect(emulator.requests.at(-1)!.operation).toBe("invoke-with-response-stream");
    expect(count).toBeGreaterThan(1);
    expect(full.text).toBe(reply.text);
    expect(full.usage_metadata?.output_tokens).toBeGreaterThan(0);
    expect(full.usage_metadata).toEqual(reply.usage_metadata);
  });

  it("a throttled call is retried and succeeds", async () => {
    const { emulator, chat } = setup(model);
    emulator.fault({ type: "throttle", times: 1 });
    const reply = await chat.invoke("Hi there");
    expect(reply.text.length).toBeGreaterThan(0);
    expect(emulator.requests.map((r) => r.status)).toEqual([429, 200]);
    emulator.fault({ type: "throttle", times: 1, operations: ["invoke-with-response-stream"] });
    const { full } = await joined(await chat.stream("Hi there"));
    expect(full.text.length).toBeGreaterThan(0);
    expect(emulator.requests.slice(2).map((r) => r.status)).toEqual([429, 200]);
  });

  it("streaming: true makes invoke stream under the hood", async () => {
    const { emulator, chat } = setup(model, { streaming: true });
    const reply = await chat.invoke("Hello");
    expect(emulator.requests.at(-1)!.operation).toBe("invoke-with-response-stream");
    expect(reply.text.length).toBeGreaterThan(0);
  });
});

describe("ChatBedrock Anthropic features on the emulator", () => {
  const model = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
  const weather = { name: "get_weather", description: "Weather for a city", schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } };

  it("bindTools sends Anthropic tools and reads the tool_use reply as tool_calls", async () => {
    const { emulator, chat } = setup(model);
    emulator.script({
      invoke: {
        id: "msg_bdrk_1",
        type: "message",
        role: "assistant",
        model: "claude-3-5-haiku-20241022",
        content: [
          { type: "text", text: "Let me check." },
          { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } },
        ],
        stop_reason: "tool_use",
        stop_sequence: null,
        usage: { input_tokens: 30, output_tokens: 12, cache_read_input_tokens: 100 },
      },
    });
    const reply = await chat.bindTools([weather], { tool_choice: "get_weather" }).invoke("Weather in Paris?");
    const body = emulator.requests.at(-1)!.body as Record<string, unknown>;
    expect(body.tools).toEqual([{ name: "get_weather", description: "Weather for a city", input_schema: weather.schema }]);
    expect(body.tool_choice).toEqual({ type: "tool", name: "get_weather" });
    expect(reply.text).toBe("Let me check.");
    expect(reply.tool_calls).toEqual([{ name: "get_weather", args: { city: "Paris" }, id: "toolu_1", type: "tool_call" }]);
    expect(reply.usage_metadata).toEqual({ input_tokens: 130, output_tokens: 12, total_tokens: 142, input_token_details: { cache_read: 100 } });
    expect(reply.response_metadata.stop_reason).toBe("tool_use");
  });

  it("a streamed tool call arrives as tool_call_chunks that concatenate to the call", async () => {
    const { emulator, chat } = setup(model);
    const events = [
      { type: "message_start", message: { id: "msg_bdrk_2", type: "message", role: "assistant", content: [], model: "claude", usage: { input_tokens: 25, output_tokens: 1 } } },
      { type: "content_block_start", index: 0, content_block: { type: "tool_use", id: "toolu_2", name: "get_weather", input: {} } },
      { type: "content_block_delta", index: 0, delta: { type: "input_json_delta", partial_json: '{"city":' } },
      { type: "content_block_delta", index: 0, delta: { type: "input_json_delta", partial_json: '"Oslo"}' } },
      { type: "content_block_stop", index: 0 },
      { type: "message_delta", delta: { stop_reason: "tool_use", stop_sequence: null }, usage: { output_tokens: 9 } },
      { type: "message_stop", "amazon-bedrock-invocationMetrics": { inputTokenCount: 25, outputTokenCount: 9 } },
    ];
    emulator.script({ stream: events.map((e) => ({ chunk: { bytes: b64(e) } })) });
    const { full } = await joined(await chat.bindTools([weather]).stream("Weather in Oslo?"));
    expect(full.tool_calls).toEqual([{ name: "get_weather", args: { city: "Oslo" }, id: "toolu_2", type: "tool_call" }]);
    expect(full.usage_metadata).toEqual({ input_tokens: 25, output_tokens: 9, total_tokens: 34 });
    expect(full.response_metadata.stop_reason).toBe("tool_use");
  });

  it("a tool result goes back as a user tool_result turn", async () => {
    const { emulator, chat } = setup(model);
    await chat.bindTools([weather]).invoke([
      ["human", "Weather in Paris?"],
      { role: "assistant", content: "", tool_calls: [{ name: "get_weather", args: { city: "Paris" }, id: "toolu_1" }] },
      { role: "tool", content: "18 °C", tool_call_id: "toolu_1" },
    ]);
    const body = emulator.requests.at(-1)!.body as { messages: unknown[] };
    expect(body.messages).toEqual([
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "18 °C" }] },
    ]);
  });

  it("modelKwargs merge into the body; a call's stop replaces stopSequences", async () => {
    const { emulator, chat } = setup(model, { modelKwargs: { top_k: 5 }, stopSequences: ["END"], temperature: 0.2 });
    await chat.invoke("Hi", { stop: ["STOP"], modelKwargs: { anthropic_beta: ["x"] } });
    expect(emulator.requests.at(-1)!.body).toEqual({
      anthropic_version: "bedrock-2023-05-31",
      messages: [{ role: "user", content: "Hi" }],
      max_tokens: 1024,
      temperature: 0.2,
      stop_sequences: ["STOP"],
      top_k: 5,
      anthropic_beta: ["x"],
    });
  });

  it("an ARN that hides its model needs provider, then uses its body", async () => {
    const arn = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123";
    expect(() => new ChatBedrock({ model: arn, credentials: EMULATOR_CREDENTIALS })).toThrow(/provider is required/);
    // The emulator reads a body's format from the model ID, so this ARN is answered by a stub.
    const seen: Request[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init));
      const body = { type: "message", role: "assistant", content: [{ type: "text", text: "ok" }], stop_reason: "end_turn", usage: { input_tokens: 1, output_tokens: 1 } };
      return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
    };
    const chat = new ChatBedrock({ model: arn, provider: "anthropic", credentials: EMULATOR_CREDENTIALS, fetch });
    expect(chat.region).toBe("us-east-1");
    expect((await chat.invoke("Hi")).text).toBe("ok");
    expect(new URL(seen[0]!.url).pathname).toBe(`/model/${encodeURIComponent(arn)}/invoke`);
    expect(await seen[0]!.json()).toMatchObject({ anthropic_version: "bedrock-2023-05-31", messages: [{ role: "user", content: "Hi" }] });
  });

  it("thinking: sent as Anthropic's object, a forced tool choice downgraded to auto with a warning, reasoning read back", async () => {
    const warnings: string[] = [];
    const { emulator, chat } = setup(model, { thinking: 1024, maxTokens: 2048, warn: (m: string) => void warnings.push(m) });
    emulator.script({
      invoke: {
        id: "msg_bdrk_3",
        type: "message",
        role: "assistant",
        content: [
          { type: "thinking", thinking: "The user wants weather.", signature: "c2ln" },
          { type: "text", text: "It is sunny." },
        ],
        stop_reason: "end_turn",
        usage: { input_tokens: 10, output_tokens: 20 },
      },
    });
    const reply = await chat.bindTools([weather], { tool_choice: "get_weather" }).invoke("Weather?");
    const body = emulator.requests.at(-1)!.body as Record<string, unknown>;
    expect(body.thinking).toEqual({ type: "enabled", budget_tokens: 1024 });
    expect(body.tool_choice).toEqual({ type: "auto" });
    expect(warnings).toEqual(['tool_choice "get_weather" was changed to "auto": Bedrock refuses it with extended thinking (CH11)']);
    expect(reply.content).toEqual([
      { type: "reasoning_content", reasoningText: { text: "The user wants weather.", signature: "c2ln" } },
      { type: "text", text: "It is sunny." },
    ]);
    // The next turn replays the reasoning as a signed thinking block.
    await chat.invoke([["human", "Weather?"], reply, ["human", "Thanks"]]);
    const next = emulator.requests.at(-1)!.body as { messages: Array<{ content: unknown }> };
    expect(next.messages[1]!.content).toEqual([
      { type: "thinking", thinking: "The user wants weather.", signature: "c2ln" },
      { type: "text", text: "It is sunny." },
    ]);
  });

  it("an exception frame mid-stream surfaces as its typed error", async () => {
    const { emulator, chat } = setup(model);
    emulator.fault({ type: "exception-frame", afterEvents: 3, exceptionType: "modelStreamErrorException", message: "boom" });
    const stream = await chat.stream("Tell me a long story about the sea and the wind.");
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of stream) seen.push(chunk.text);
      })(),
    ).rejects.toMatchObject({ name: "ModelStreamErrorException", message: "boom" });
    expect(seen.length).toBeGreaterThan(0);
  });
});
