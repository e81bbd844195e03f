import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ChatBedrockConverseCallOptions, ChatBedrockConverseInput } from "../../../src/chat/model/chat-model.js";
import type { ChatInput } from "../../../src/chat/request/convert-input.js";
import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from "../../../src/chat/messages/messages.js";
import { recordingModel, warnings } from "./model-helpers.js";

const hi: ChatInput = "Hi";
const user = (text: string) => ({ role: "user", content: [{ text }] });
const weather = { name: "get_weather", description: "Weather for a city", schema: z.object({ city: z.string() }) };
const weatherSpec = {
  toolSpec: {
    name: "get_weather",
    description: "Weather for a city",
    inputSchema: {
      json: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    },
  },
};
const guardrail = { guardrailIdentifier: "gr-1", guardrailVersion: "1" };

type Row = [string, Partial<ChatBedrockConverseInput>, ChatBedrockConverseCallOptions, ChatInput, Record<string, unknown>];

describe("ChatBedrockConverse request building (invoke options → Converse body)", () => {
  it.each<Row>([
    ["a string becomes one user turn; nothing unset is sent", {}, {}, hi, { messages: [user("Hi")] }],
    [
      "constructor inference settings go to inferenceConfig",
      { temperature: 0.2, maxTokens: 256, topP: 0.9, stopSequences: ["END"] },
      {},
      hi,
      { messages: [user("Hi")], inferenceConfig: { temperature: 0.2, maxTokens: 256, topP: 0.9, stopSequences: ["END"] } },
    ],
    [
      "a call overrides field by field; `stop` wins over stopSequences",
      { temperature: 0.2, maxTokens: 256, stopSequences: ["END"] },
      { temperature: 0.7, stop: ["\n"] },
      hi,
      { messages: [user("Hi")], inferenceConfig: { temperature: 0.7, maxTokens: 256, stopSequences: ["\n"] } },
    ],
    [
      "null removes a constructor setting for one call",
      { temperature: 0.2, maxTokens: 256 },
      { temperature: null },
      hi,
      { messages: [user("Hi")], inferenceConfig: { maxTokens: 256 } },
    ],
    [
      "every constructor request field is sent, performanceConfig included",
      {
        additionalModelRequestFields: { top_k: 5 },
        additionalModelResponseFieldPaths: ["/stop_sequence"],
        guardrailConfig: { ...guardrail, trace: "enabled" },
        performanceConfig: { latency: "optimized" },
        serviceTier: "priority",
        requestMetadata: { app: "tests" },
      },
      {},
      hi,
      {
        messages: [user("Hi")],
        additionalModelRequestFields: { top_k: 5 },
        additionalModelResponseFieldPaths: ["/stop_sequence"],
        guardrailConfig: { ...guardrail, trace: "enabled" },
        performanceConfig: { latency: "optimized" },
        serviceTier: { type: "priority" },
        requestMetadata: { app: "tests" },
      },
    ],
    [
      "object settings merge key by key with the call's",
      { additionalModelRequestFields: { top_k: 5 }, requestMetadata: { app: "tests" }, guardrailConfig: guardrail },
      { additionalModelRequestFields: { top_k: 3, seed: 1 }, requestMetadata: { user: "u1" }, guardrailConfig: { trace: "enabled_full" } as never },
      hi,
      {
        messages: [user("Hi")],
        additionalModelRequestFields: { top_k: 3, seed: 1 },
        requestMetadata: { app: "tests", user: "u1" },
        guardrailConfig: { ...guardrail, trace: "enabled_full" },
      },
    ],
    [
      "thinking shorthand (a budget) merges into additionalModelRequestFields",
      { thinking: 2048, additionalModelRequestFields: { top_k: 5 } },
      {},
      hi,
      { messages: [user("Hi")], additionalModelRequestFields: { top_k: 5, thinking: { type: "enabled", budget_tokens: 2048 } } },
    ],
    [
      "thinking object shorthand replaces a thinking field; a call can turn it off with false",
      { additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } } },
      { thinking: false },
      hi,
      { messages: [user("Hi")] },
    ],
    [
      "per-call thinking object",
      {},
      { thinking: { type: "enabled", budget_tokens: 4096 } },
      hi,
      { messages: [user("Hi")], additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 4096 } } },
    ],
    [
      "tuples: system to `system`, consecutive human turns merge",
      {},
      {},
      [["system", "Translate to French."], ["human", "I love"], ["user", "programming."]],
      { system: [{ text: "Translate to French." }], messages: [{ role: "user", content: [{ text: "I love" }, { text: "programming." }] }] },
    ],
    [
      "tools and a tool choice naming one",
      {},
      { tools: [weather], tool_choice: "get_weather" },
      hi,
      { messages: [user("Hi")], toolConfig: { tools: [weatherSpec], toolChoice: { tool: { name: "get_weather" } } } },
    ],
    [
      "tool_choice any; strict marks the tool spec",
      {},
      { tools: [weather], tool_choice: "any", strict: true },
      hi,
      {
        messages: [user("Hi")],
        toolConfig: {
          tools: [{ toolSpec: { ...weatherSpec.toolSpec, inputSchema: { json: { ...weatherSpec.toolSpec.inputSchema.json, additionalProperties: false } }, strict: true } }],
          toolChoice: { any: {} },
        },
      },
    ],
    [
      "tool_choice none sends no tools, and history tool blocks become text",
      {},
      { tools: [weather], tool_choice: "none" },
      [
        new HumanMessage("Weather in Paris?"),
        new AIMessage({ content: "", tool_calls: [{ id: "t1", name: "get_weather", args: { city: "Paris" } }] }),
        new ToolMessage({ content: "Sunny", tool_call_id: "t1" }),
      ],
      {
        messages: [
          user("Weather in Paris?"),
          { role: "assistant", content: [{ text: '[Called get_weather with parameters: {"city":"Paris"}]' }] },
          { role: "user", content: [{ text: "[Tool output: Sunny]" }] },
        ],
      },
    ],
    [
      "cachePoints: true places points after system and the last user turn",
      {},
      { cachePoints: true },
      [new SystemMessage("You are terse."), new HumanMessage("Hi")],
      {
        system: [{ text: "You are terse." }, { cachePoint: { type: "default" } }],
        messages: [{ role: "user", content: [{ text: "Hi" }, { cachePoint: { type: "default" } }] }],
      },
    ],
    [
      "cachePoints with a TTL and chosen spots, tools included",
      { cachePoints: { ttl: "1h", where: ["tools", "lastTurn"] } },
      { tools: [weather] },
      hi,
      {
        messages: [{ role: "user", content: [{ text: "Hi" }, { cachePoint: { type: "default", ttl: "1h" } }] }],
        toolConfig: { tools: [weatherSpec, { cachePoint: { type: "default", ttl: "1h" } }] },
      },
    ],
    [
      "guardLastTurnOnly wraps the last user text in guardContent",
      { guardrailConfig: guardrail, guardLastTurnOnly: true },
      {},
      [new HumanMessage("first"), new AIMessage("reply"), new HumanMessage("second")],
      {
        guardrailConfig: guardrail,
        messages: [user("first"), { role: "assistant", content: [{ text: "reply" }] }, { role: "user", content: [{ guardContent: { text: { text: "second" } } }] }],
      },
    ],
    [
      "guardrail streamProcessingMode is dropped for Converse (it is a ConverseStream setting)",
      { guardrailConfig: { ...guardrail, streamProcessingMode: "async" } },
      {},
      hi,
      { messages: [user("Hi")], guardrailConfig: guardrail },
    ],
    [
      "outputConfig and promptVariables pass through",
      {},
      {
        outputConfig: { textFormat: { type: "json_schema", structure: { jsonSchema: { schema: '{"type":"object"}', name: "x" } } } },
        promptVariables: { topic: { text: "cats" } },
      },
      hi,
      {
        messages: [user("Hi")],
        outputConfig: { textFormat: { type: "json_schema", structure: { jsonSchema: { schema: '{"type":"object"}', name: "x" } } } },
        promptVariables: { topic: { text: "cats" } },
      },
    ],
  ])("%s", async (_name, fields, options, input, expected) => {
    const { model, bodies } = recordingModel({ warn: () => {}, ...fields });
    await model.invoke(input, options);
    expect(bodies).toEqual([expected]);
  });

  it("sends the model ID in the path, ARN and inference profile alike", async () => {
    const arn = "arn:aws:bedrock:us-west-2:123456789012:application-inference-profile/abc123";
    const { model, urls } = recordingModel({ model: arn, region: undefined });
    await model.invoke("Hi");
    expect(urls).toEqual([`https://bedrock-runtime.us-west-2.amazonaws.com/model/${encodeURIComponent(arn)}/converse`]);
  });
});

describe("tool_choice while thinking is on", () => {
  it.each([
    ["a tool name", "get_weather", '"get_weather"'],
    ["any", "any", '"any"'],
  ])("downgrades %s to auto with one warning", async (_name, choice, shown) => {
    const { warn, messages } = warnings();
    const { model, bodies } = recordingModel({ thinking: 1024, warn });
    await model.invoke("Hi", { tools: [weather], tool_choice: choice });
    expect((bodies[0]!.toolConfig as Record<string, unknown>).toolChoice).toEqual({ auto: {} });
    expect(messages).toEqual([`tool_choice ${shown} was changed to "auto": Bedrock refuses it with extended thinking (CH11)`]);
  });

  it("keeps a forced choice when thinking is off for the call", async () => {
    const { warn, messages } = warnings();
    const { model, bodies } = recordingModel({ thinking: 1024, warn });
    await model.invoke("Hi", { tools: [weather], tool_choice: "get_weather", thinking: false });
    expect((bodies[0]!.toolConfig as Record<string, unknown>).toolChoice).toEqual({ tool: { name: "get_weather" } });
    expect(messages).toEqual([]);
  });

  it("warns through console.warn once per message by default", async () => {
    const original = console.warn;
    const seen: unknown[][] = [];
    console.warn = (...args: unknown[]) => void seen.push(args);
    try {
      const { model } = recordingModel({ thinking: 1024 });
      const bound = model.bindTools([weather], { tool_choice: "get_weather" });
      await bound.invoke("Hi");
      await bound.invoke("Hi again");
      await model.invoke("Hi", { tools: [weather], tool_choice: "get_weather" });
    } finally {
      console.warn = original;
    }
    expect(seen).toHaveLength(1);
    expect(String(seen[0]![0])).toMatch(/tool_choice "get_weather" was changed to "auto"/);
  });
});

describe("bound defaults (withConfig, bindTools)", () => {
  it("layers constructor ← withConfig ← bindTools ← call, and leaves the original untouched", async () => {
    const { model, bodies } = recordingModel({ temperature: 0.1, maxTokens: 100, requestMetadata: { app: "a" } });
    const configured = model.withConfig({ temperature: 0.5, requestMetadata: { tier: "t" } });
    const withTools = configured.bindTools([weather], { tool_choice: "auto" });
    await withTools.invoke("Hi", { maxTokens: 50 });
    await model.invoke("Hi");
    expect(bodies[0]).toEqual({
      messages: [user("Hi")],
      inferenceConfig: { temperature: 0.5, maxTokens: 50 },
      requestMetadata: { app: "a", tier: "t" },
      toolConfig: { tools: [weatherSpec], toolChoice: { auto: {} } },
    });
    expect(bodies[1]).toEqual({ messages: [user("Hi")], inferenceConfig: { temperature: 0.1, maxTokens: 100 }, requestMetadata: { app: "a" } });
    expect(model.temperature).toBe(0.1);
    expect(configured.temperature).toBe(0.5);
  });

  it("bindTools replaces earlier tools and rejects a bad tool or an unknown tool_choice at once", async () => {
    const { model, bodies } = recordingModel();
    const other = { name: "get_time", description: "Time in a city", parameters: { type: "object", properties: { city: { type: "string" } } } };
    await model.bindTools([weather]).bindTools([other]).invoke("Hi");
    expect((bodies[0]!.toolConfig as { tools: Array<{ toolSpec: { name: string } }> }).tools.map((t) => t.toolSpec.name)).toEqual(["get_time"]);
    expect(() => model.bindTools([{ name: "bad name!", schema: {} }])).toThrow(/tools\[0\]\.name must be 1-64 letters/);
    expect(() => model.bindTools([weather], { tool_choice: "get_time" })).toThrow(/not among the bound tools \(get_weather\)/);
    expect(bodies).toHaveLength(1);
  });
});
