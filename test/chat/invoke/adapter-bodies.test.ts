// Native bodies per provider from messages and settings, compared with what the references build.
import { describe, expect, it } from "vitest";
import { adapterFor } from "../../../src/chat/invoke/adapters.js";
import { modelName, resolveProvider } from "../../../src/chat/invoke/provider.js";
import { AIMessage, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from "../../../src/chat/messages/index.js";
import type { InvokeSettings } from "../../../src/chat/invoke/adapter-types.js";

const body = (model: string, messages: BaseMessage[], settings: InvokeSettings = {}) => adapterFor(resolveProvider(model), modelName(model)).body(messages, settings);

const CHAT = [new SystemMessage("Be brief."), new HumanMessage("Hi"), new AIMessage("Hello!"), new HumanMessage("How are you?")];

describe("resolveProvider", () => {
  it.each([
    ["anthropic.claude-3-haiku-20240307-v1:0", "anthropic"],
    ["us.anthropic.claude-sonnet-4-20250514-v1:0", "anthropic"],
    ["global.anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic"],
    ["arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-8b-instruct-v1:0", "meta"],
    ["arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.amazon.nova-lite-v1:0", "amazon"],
    ["mistral.mistral-large-2402-v1:0", "mistral"],
    ["cohere.command-r-plus-v1:0", "cohere"],
    ["us.deepseek.r1-v1:0", "deepseek"],
    ["openai.gpt-oss-120b-1:0", "openai"],
  ])("%s → %s", (model, provider) => expect(resolveProvider(model)).toBe(provider));

  it.each([
    "arn:aws:bedrock:us-east-1:123456789012:custom-model/anthropic.claude-v2/abc",
    "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc",
    "arn:aws:bedrock:us-east-1:123456789012:imported-model/abc",
    "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc",
  ])("%s needs provider", (arn) => {
    expect(() => resolveProvider(arn)).toThrow(/provider is required/);
    expect(resolveProvider(arn, "meta")).toBe("meta");
  });

  it("refuses unknown providers, named or given", () => {
    expect(() => resolveProvider("ai21.jamba-1-5-large-v1:0")).toThrow(/no native body for "ai21"/);
    expect(() => resolveProvider("x", "writer")).toThrow(/provider must be one of/);
  });
});

describe("Anthropic Messages bodies", () => {
  it.each<[string, BaseMessage[], InvokeSettings, Record<string, unknown>]>([
    [
      "system, turns, defaults",
      CHAT,
      {},
      {
        anthropic_version: "bedrock-2023-05-31",
        system: "Be brief.",
        messages: [
          { role: "user", content: "Hi" },
          { role: "assistant", content: "Hello!" },
          { role: "user", content: "How are you?" },
        ],
        max_tokens: 1024,
      },
    ],
    [
      "settings and thinking budget",
      [new HumanMessage("Hi")],
      { maxTokens: 2048, temperature: 1, topP: 0.9, stopSequences: ["\n\nHuman:"], thinking: 1024 },
      {
        anthropic_version: "bedrock-2023-05-31",
        messages: [{ role: "user", content: "Hi" }],
        max_tokens: 2048,
        temperature: 1,
        top_p: 0.9,
        stop_sequences: ["\n\nHuman:"],
        thinking: { type: "enabled", budget_tokens: 1024 },
      },
    ],
    [
      "cache points become cache_control; images become base64 sources",
      [
        new SystemMessage([{ type: "text", text: "Long rules" }, { cachePoint: { type: "default" } }]),
        new HumanMessage([{ type: "image_url", image_url: "data:image/png;base64,iVBOR" }, { type: "text", text: "What is it?" }, { cachePoint: { type: "default", ttl: "1h" } }]),
      ],
      {},
      {
        anthropic_version: "bedrock-2023-05-31",
        system: [{ type: "text", text: "Long rules", cache_control: { type: "ephemeral" } }],
        messages: [
          {
            role: "user",
            content: [
              { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBOR" } },
              { type: "text", text: "What is it?", cache_control: { type: "ephemeral", ttl: "1h" } },
            ],
          },
        ],
        max_tokens: 1024,
      },
    ],
    [
      "reasoning replayed as thinking with its signature; tool calls and results",
      [
        new HumanMessage("Weather?"),
        new AIMessage({
          content: [{ type: "reasoning_content", reasoningText: { text: "Use the tool.", signature: "sig" } }],
          tool_calls: [{ name: "get_weather", args: { city: "Oslo" }, id: "toolu_1" }],
        }),
        new ToolMessage({ content: "rain", tool_call_id: "toolu_1", status: "error" }),
        new HumanMessage("And tomorrow?"),
      ],
      { tools: [{ toolSpec: { name: "get_weather", description: "Weather", inputSchema: { json: { type: "object" } } } }, { cachePoint: { type: "default" } }], toolChoice: { any: {} } },
      {
        anthropic_version: "bedrock-2023-05-31",
        messages: [
          { role: "user", content: "Weather?" },
          {
            role: "assistant",
            content: [
              { type: "thinking", thinking: "Use the tool.", signature: "sig" },
              { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Oslo" } },
            ],
          },
          {
            role: "user",
            content: [
              { type: "tool_result", tool_use_id: "toolu_1", content: "rain", is_error: true },
              { type: "text", text: "And tomorrow?" },
            ],
          },
        ],
        max_tokens: 1024,
        tools: [{ name: "get_weather", description: "Weather", input_schema: { type: "object" }, cache_control: { type: "ephemeral" } }],
        tool_choice: { type: "any" },
      },
    ],
    [
      "modelKwargs win over our keys",
      [new HumanMessage("Hi")],
      { maxTokens: 10, modelKwargs: { max_tokens: 99, top_k: 3 } },
      { anthropic_version: "bedrock-2023-05-31", messages: [{ role: "user", content: "Hi" }], max_tokens: 99, top_k: 3 },
    ],
    // langchain-aws's conventions for what Anthropic refuses (_format_anthropic_messages, trim_message_whitespace).
    [
      "an AI message with no content and no tool calls sends \".\" (langchain-aws#411); blank text blocks are left out",
      [new HumanMessage("Hi"), new AIMessage({ content: [] }), new HumanMessage([{ type: "text", text: "  " }, { type: "text", text: "Again" }]), new AIMessage({ content: [{ type: "text", text: "" }] }), new HumanMessage("Go")],
      {},
      {
        anthropic_version: "bedrock-2023-05-31",
        messages: [
          { role: "user", content: "Hi" },
          { role: "assistant", content: "." },
          { role: "user", content: "Again" },
          { role: "assistant", content: "." },
          { role: "user", content: "Go" },
        ],
        max_tokens: 1024,
      },
    ],
    [
      "in a merged user turn, tool results come before text (langchain-aws's order)",
      [
        new HumanMessage("Weather?"),
        new AIMessage({ content: "", tool_calls: [{ id: "toolu_1", name: "get_weather", args: {} }] }),
        new HumanMessage("Also, be brief."),
        new ToolMessage({ content: "rain", tool_call_id: "toolu_1" }),
      ],
      {},
      {
        anthropic_version: "bedrock-2023-05-31",
        messages: [
          { role: "user", content: "Weather?" },
          { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: {} }] },
          { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "rain" }, { type: "text", text: "Also, be brief." }] },
        ],
        max_tokens: 1024,
      },
    ],
    [
      "a final assistant prefill loses its trailing whitespace",
      [new HumanMessage("Write JSON"), new AIMessage("Here it is: \n")],
      {},
      { anthropic_version: "bedrock-2023-05-31", messages: [{ role: "user", content: "Write JSON" }, { role: "assistant", content: "Here it is:" }], max_tokens: 1024 },
    ],
  ])("%s", (_name, messages, settings, expected) => {
    expect(body("anthropic.claude-3-5-sonnet-20240620-v1:0", messages, settings)).toEqual(expected);
  });

  it("what these conventions send, the emulator (checking as Anthropic does) accepts; without them it refuses", async () => {
    const { createBedrockEmulator, EMULATOR_CREDENTIALS } = await import("../../../src/testing/index.js");
    const { ChatBedrock } = await import("../../../src/chat/invoke/index.js");
    const emulator = createBedrockEmulator();
    const chat = new ChatBedrock({ model: "anthropic.claude-3-5-haiku-20241022-v1:0", region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch, maxRetries: 0 });
    const reply = await chat.invoke([new HumanMessage("Hi"), new AIMessage({ content: [] }), new HumanMessage("Again")]);
    expect(reply.text.length).toBeGreaterThan(0);
    const prefill = await chat.invoke([new HumanMessage("Write JSON"), new AIMessage("Here it is: ")]);
    expect(prefill.text.length).toBeGreaterThan(0);
    const { BedrockRuntime } = await import("../../../src/client/index.js");
    const raw = new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch, maxRetries: 0 });
    const messages = [{ role: "user", content: "Hi" }, { role: "assistant", content: [] }, { role: "user", content: "Again" }];
    const refused = await raw.invokeModel({ modelId: "anthropic.claude-3-5-haiku-20241022-v1:0", body: { anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages } }).catch((e: unknown) => e);
    expect((refused as Error).message).toContain("#/messages/1/content: expected minimum item count: 1, found: 0");
    expect(emulator.requests.map((r) => r.status)).toEqual([200, 200, 400]);
  });
});

describe("prompt-based bodies", () => {
  it.each<[string, string, InvokeSettings, Record<string, unknown>]>([
    [
      "Llama 3",
      "meta.llama3-1-70b-instruct-v1:0",
      { maxTokens: 256, temperature: 0.5, topP: 0.9, stopSequences: ["x"] },
      {
        prompt:
          "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>" +
          "<|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHow are you?<|eot_id|>" +
          "<|start_header_id|>assistant<|end_header_id|>\n\n",
        max_gen_len: 256,
        temperature: 0.5,
        top_p: 0.9,
      },
    ],
    [
      "Llama 4",
      "us.meta.llama4-scout-17b-instruct-v1:0",
      {},
      {
        prompt:
          "<|begin_of_text|><|header_start|>system<|header_end|>\n\nBe brief.<|eot|><|header_start|>user<|header_end|>\n\nHi<|eot|>" +
          "<|header_start|>assistant<|header_end|>\n\nHello!<|eot|><|header_start|>user<|header_end|>\n\nHow are you?<|eot|><|header_start|>assistant<|header_end|>\n\n",
      },
    ],
    [
      "Mistral",
      "mistral.mistral-7b-instruct-v0:2",
      { maxTokens: 100, stopSequences: ["</s>"] },
      { prompt: "<<SYS>> Be brief. <</SYS>>\n[INST] Hi [/INST]\nHello!\n[INST] How are you? [/INST]", max_tokens: 100, stop: ["</s>"] },
    ],
    [
      "DeepSeek-R1",
      "us.deepseek.r1-v1:0",
      { maxTokens: 512, temperature: 0.6 },
      { prompt: "<｜begin▁of▁sentence｜>Be brief.<｜User｜>Hi<｜Assistant｜>Hello!<｜end▁of▁sentence｜><｜User｜>How are you?<｜Assistant｜>", max_tokens: 512, temperature: 0.6 },
    ],
    [
      "Titan Text",
      "amazon.titan-text-premier-v1:0",
      { maxTokens: 300, temperature: 0.7, topP: 0.9, stopSequences: ["User:"] },
      {
        inputText: "Be brief.\n\nUser: Hi\n\nBot: Hello!\n\nUser: How are you?\n\nBot:",
        textGenerationConfig: { maxTokenCount: 300, temperature: 0.7, topP: 0.9, stopSequences: ["User:"] },
      },
    ],
  ])("%s", (_name, model, settings, expected) => expect(body(model, CHAT, settings)).toEqual(expected));

  it("Llama refuses tool messages (no place for them in the prompt)", () => {
    expect(() => body("meta.llama3-8b-instruct-v1:0", [new ToolMessage({ content: "x", tool_call_id: "t" })])).toThrow(/system, human and AI messages only/);
  });
});

describe("message-based bodies", () => {
  it("Nova: messages-v1 with system and inferenceConfig", () => {
    expect(body("us.amazon.nova-pro-v1:0", CHAT, { maxTokens: 100, temperature: 0.3, stopSequences: ["END"] })).toEqual({
      schemaVersion: "messages-v1",
      system: [{ text: "Be brief." }],
      messages: [
        { role: "user", content: [{ text: "Hi" }] },
        { role: "assistant", content: [{ text: "Hello!" }] },
        { role: "user", content: [{ text: "How are you?" }] },
      ],
      inferenceConfig: { maxTokens: 100, temperature: 0.3, stopSequences: ["END"] },
    });
  });

  it("Cohere Command R: message, chat_history, preamble", () => {
    expect(body("cohere.command-r-v1:0", CHAT, { maxTokens: 100, topP: 0.5 })).toEqual({
      message: "How are you?",
      chat_history: [
        { role: "USER", message: "Hi" },
        { role: "CHATBOT", message: "Hello!" },
      ],
      preamble: "Be brief.",
      max_tokens: 100,
      p: 0.5,
    });
    expect(() => body("cohere.command-r-v1:0", [new HumanMessage("a"), new AIMessage("b")])).toThrow(/last message to be a human message/);
  });

  it("gpt-oss: Chat Completions messages", () => {
    expect(body("openai.gpt-oss-20b-1:0", CHAT, { maxTokens: 64, temperature: 0 })).toEqual({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello!" },
        { role: "user", content: "How are you?" },
      ],
      max_completion_tokens: 64,
      temperature: 0,
    });
  });
});
