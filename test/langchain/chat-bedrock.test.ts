// bedrock-edge/langchain's ChatBedrock: a LangChain BaseChatModel on InvokeModel, against the emulator.
import { AIMessage as LangChainAIMessage, AIMessageChunk, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ChatBedrock } from "../../src/langchain/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";

function setup(model: string, extra: Record<string, unknown> = {}) {
  const emulator = createBedrockEmulator({ region: "us-east-1" });
  const chat = new ChatBedrock({ model, region: "us-east-1", credentials: EMULATOR_CREDENTIALS, endpointUrl: "https://bedrock.test", fetch: emulator.asFetch, ...extra });
  return { emulator, chat };
}

const getWeather = tool(async ({ city }: { city: string }) => `Sunny in ${city}`, {
  name: "get_weather",
  description: "Weather for a city",
  schema: z.object({ city: z.string() }),
});

describe("ChatBedrock (LangChain)", () => {
  it("is a LangChain chat model whose invoke returns a LangChain AIMessage with usage", async () => {
    const { emulator, chat } = setup("anthropic.claude-3-5-haiku-20241022-v1:0", { maxTokens: 100, modelKwargs: { top_k: 3 } });
    const reply = await chat.invoke([new SystemMessage("Be brief."), new HumanMessage("I love programming.")]);
    expect(reply).toBeInstanceOf(LangChainAIMessage);
    expect(typeof reply.content).toBe("string");
    expect(reply.usage_metadata?.output_tokens).toBeGreaterThan(0);
    expect(emulator.requests.at(-1)!.body).toMatchObject({ system: "Be brief.", max_tokens: 100, top_k: 3 });
    expect(chat._llmType()).toBe("bedrock");
    expect(chat.provider).toBe("anthropic");
  });

  it("stream yields LangChain chunks and reports each token to callbacks", async () => {
    const { chat } = setup("meta.llama3-8b-instruct-v1:0");
    const tokens: string[] = [];
    let full: AIMessageChunk | undefined;
    for await (const chunk of await chat.stream("Tell me about the sea.", { callbacks: [{ handleLLMNewToken: (t: string) => void tokens.push(t) }] })) {
      expect(chunk).toBeInstanceOf(AIMessageChunk);
      full = full ? full.concat(chunk) : chunk;
    }
    expect(tokens.join("")).toBe(full!.content);
    expect(full!.usage_metadata?.input_tokens).toBeGreaterThan(0);
  });

  it("bindTools with a LangChain tool sends Anthropic tools and returns tool_calls", async () => {
    const { emulator, chat } = setup("us.anthropic.claude-3-5-haiku-20241022-v1:0");
    emulator.script({
      invoke: {
        id: "msg_1",
        type: "message",
        role: "assistant",
        content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Lima" } }],
        stop_reason: "tool_use",
        usage: { input_tokens: 20, output_tokens: 10 },
      },
    });
    const reply = await chat.bindTools([getWeather], { tool_choice: "any" }).invoke("Weather in Lima?");
    const body = emulator.requests.at(-1)!.body as { tools: Array<{ name: string; input_schema: { properties: object } }>; tool_choice: unknown };
    expect(body.tools[0]!.name).toBe("get_weather");
    expect(body.tools[0]!.input_schema.properties).toEqual({ city: { type: "string" } });
    expect(body.tool_choice).toEqual({ type: "any" });
    expect(reply.tool_calls).toEqual([{ name: "get_weather", args: { city: "Lima" }, id: "toolu_1", type: "tool_call" }]);
  });

  it("refuses tools for providers whose InvokeModel body has none", () => {
    const { chat } = setup("mistral.mistral-large-2407-v1:0");
    expect(() => chat.bindTools([getWeather])).toThrow(/Anthropic models only/);
  });

  it("streaming: true makes invoke use the stream", async () => {
    const { emulator, chat } = setup("amazon.titan-text-express-v1", { streaming: true });
    const reply = await chat.invoke("Hello");
    expect(emulator.requests.at(-1)!.operation).toBe("invoke-with-response-stream");
    expect(String(reply.content).length).toBeGreaterThan(0);
  });

  it("a call's stop replaces stopSequences in the body", async () => {
    const { emulator, chat } = setup("mistral.mistral-7b-instruct-v0:2", { stopSequences: ["A"] });
    await chat.invoke("Hi", { stop: ["B"] });
    expect((emulator.requests.at(-1)!.body as { stop: string[] }).stop).toEqual(["B"]);
  });

  it("LangChain tool messages round-trip into Anthropic tool_use / tool_result turns", async () => {
    const { emulator, chat } = setup("anthropic.claude-3-5-haiku-20241022-v1:0");
    const { ToolMessage } = await import("@langchain/core/messages");
    await chat.bindTools([getWeather]).invoke([
      new HumanMessage("Weather in Lima?"),
      new LangChainAIMessage({ content: "", tool_calls: [{ name: "get_weather", args: { city: "Lima" }, id: "toolu_1", type: "tool_call" }] }),
      new ToolMessage({ content: "Sunny in Lima", tool_call_id: "toolu_1" }),
    ]);
    expect((emulator.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual([
      { role: "user", content: "Weather in Lima?" },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Lima" } }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "Sunny in Lima" }] },
    ]);
  });

  it("BaseChatModel's withStructuredOutput works through bindTools (Anthropic)", async () => {
    const { emulator, chat } = setup("anthropic.claude-3-5-haiku-20241022-v1:0");
    emulator.script({
      invoke: { type: "message", role: "assistant", content: [{ type: "tool_use", id: "t", name: "Joke", input: { setup: "a", punchline: "b" } }], stop_reason: "tool_use", usage: { input_tokens: 1, output_tokens: 1 } },
    });
    const joke = await chat.withStructuredOutput(z.object({ setup: z.string(), punchline: z.string() }), { name: "Joke" }).invoke("A joke");
    expect(joke).toEqual({ setup: "a", punchline: "b" });
  });
});
