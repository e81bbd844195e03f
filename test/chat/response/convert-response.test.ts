import { describe, expect, it } from "vitest";
import { convertConverseResponse } from "../../../src/chat/response/convert-response.js";
import type { ConverseResponseLike, OutputContentBlock } from "../../../src/chat/response/convert-response-shapes.js";
import { AIMessage, type MessageContent, type ToolCall, type InvalidToolCall } from "../../../src/chat/messages/messages.js";
import { toUsageMetadata } from "../../../src/chat/response/usage.js";
import { createStreamConverter } from "../../../src/chat/response/convert-stream.js";
import type { ConverseResponse, ConverseStreamOutput } from "../../../src/wire/index.js";
import { loadRecordedResponses } from "./convert-stream-helpers.js";

const reply = (content: OutputContentBlock[], extra: Partial<ConverseResponseLike> = {}): ConverseResponseLike => ({
  output: { message: { role: "assistant", content } },
  stopReason: "end_turn",
  usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 },
  metrics: { latencyMs: 12 },
  ...extra,
});

const citation = { title: "doc", location: { documentChar: { documentIndex: 0, start: 0, end: 5 } }, sourceContent: [{ text: "Hello" }] };

describe("convertConverseResponse: content blocks", () => {
  const cases: Array<{
    name: string;
    blocks: OutputContentBlock[];
    content: MessageContent;
    tool_calls?: ToolCall[];
    invalid_tool_calls?: InvalidToolCall[];
  }> = [
    { name: "one text block → string", blocks: [{ text: "Hi" }], content: "Hi" },
    { name: "no blocks → empty string", blocks: [], content: "" },
    { name: "empty text dropped", blocks: [{ text: "" }, { text: "x" }], content: "x" },
    { name: "two text blocks join", blocks: [{ text: "a" }, { text: "b" }], content: "ab" },
    {
      name: "text + toolUse → string + tool_calls",
      blocks: [{ text: "Let me check." }, { toolUse: { toolUseId: "t1", name: "get_weather", input: { city: "SF" } } }],
      content: "Let me check.",
      tool_calls: [{ name: "get_weather", args: { city: "SF" }, id: "t1", type: "tool_call" }],
    },
    {
      name: "parallel tool uses",
      blocks: [
        { toolUse: { toolUseId: "t1", name: "a", input: { x: 1 } } },
        { toolUse: { toolUseId: "t2", name: "b", input: {} } },
      ],
      content: "",
      tool_calls: [
        { name: "a", args: { x: 1 }, id: "t1", type: "tool_call" },
        { name: "b", args: {}, id: "t2", type: "tool_call" },
      ],
    },
    {
      name: "toolUse with no input → args {}",
      blocks: [{ toolUse: { toolUseId: "t1", name: "now" } }],
      content: "",
      tool_calls: [{ name: "now", args: {}, id: "t1", type: "tool_call" }],
    },
    {
      name: "toolUse input as a JSON string is parsed",
      blocks: [{ toolUse: { toolUseId: "t1", name: "f", input: '{"q": 2}' } }],
      content: "",
      tool_calls: [{ name: "f", args: { q: 2 }, id: "t1", type: "tool_call" }],
    },
    {
      name: "malformed toolUse input → invalid_tool_calls",
      blocks: [{ toolUse: { toolUseId: "t1", name: "f", input: '{"q": ' } }],
      content: "",
      invalid_tool_calls: [{ name: "f", args: '{"q": ', id: "t1", error: expect.any(String), type: "invalid_tool_call" }],
    },
    {
      name: "non-object toolUse input → invalid_tool_calls",
      blocks: [{ toolUse: { toolUseId: "t1", name: "f", input: [1] } }],
      content: "",
      invalid_tool_calls: [{ name: "f", args: "[1]", id: "t1", error: expect.any(String), type: "invalid_tool_call" }],
    },
    {
      name: "reasoning with signature, then text",
      blocks: [{ reasoningContent: { reasoningText: { text: "hmm", signature: "SIG" } } }, { text: "42" }],
      content: [
        { type: "reasoning_content", reasoningText: { text: "hmm", signature: "SIG" } },
        { type: "text", text: "42" },
      ],
    },
    {
      name: "reasoning without signature",
      blocks: [{ reasoningContent: { reasoningText: { text: "hmm" } } }, { text: "42" }],
      content: [{ type: "reasoning_content", reasoningText: { text: "hmm" } }, { type: "text", text: "42" }],
    },
    {
      name: "redacted reasoning as base64 text",
      blocks: [{ reasoningContent: { redactedContent: "AQID" } }, { text: "ok" }],
      content: [{ type: "reasoning_content", redactedContent: "AQID" }, { type: "text", text: "ok" }],
    },
    {
      name: "redacted reasoning as bytes",
      blocks: [{ reasoningContent: { redactedContent: new Uint8Array([1, 2, 3]) } }],
      content: [{ type: "reasoning_content", redactedContent: "AQID" }],
    },
    {
      name: "citations → text block with citations",
      blocks: [{ text: "Per the doc, " }, { citationsContent: { content: [{ text: "Hello" }], citations: [citation] } }],
      content: [{ type: "text", text: "Per the doc, " }, { type: "text", text: "Hello", citations: [citation] }],
    },
    {
      name: "text before and after a reasoning block",
      blocks: [{ text: "a" }, { toolUse: { toolUseId: "t", name: "f", input: {} } }, { text: "b" }, { reasoningContent: { reasoningText: { text: "r" } } }, { text: "c" }],
      content: [
        { type: "text", text: "ab" },
        { type: "reasoning_content", reasoningText: { text: "r" } },
        { type: "text", text: "c" },
      ],
      tool_calls: [{ name: "f", args: {}, id: "t", type: "tool_call" }],
    },
    {
      name: "server tool use stays a raw block, not a tool call",
      blocks: [{ toolUse: { toolUseId: "s1", name: "nova_grounding", type: "server_tool_use", input: { q: 1 } } }, { text: "x" }],
      content: [
        { toolUse: { toolUseId: "s1", name: "nova_grounding", type: "server_tool_use", input: { q: 1 } } },
        { type: "text", text: "x" },
      ],
    },
    {
      name: "unknown blocks pass through",
      blocks: [{ toolResult: { toolUseId: "s1", content: [{ text: "r" }] } }, { image: { format: "png", source: { bytes: "AA==" } } }],
      content: [{ toolResult: { toolUseId: "s1", content: [{ text: "r" }] } }, { image: { format: "png", source: { bytes: "AA==" } } }],
    },
  ];

  it.each(cases)("$name", ({ blocks, content, tool_calls = [], invalid_tool_calls = [] }) => {
    const message = convertConverseResponse(reply(blocks));
    expect(message).toBeInstanceOf(AIMessage);
    expect(message.content).toEqual(content);
    expect(message.tool_calls).toEqual(tool_calls);
    expect(message.invalid_tool_calls).toEqual(invalid_tool_calls);
  });
});

describe("convertConverseResponse: metadata", () => {
  it("fills response_metadata and id", () => {
    const response = reply([{ text: "x" }], {
      stopReason: "guardrail_intervened",
      trace: { guardrail: { actionReason: "blocked" } },
      additionalModelResponseFields: { stop_sequence: null },
      performanceConfig: { latency: "optimized" },
      serviceTier: { type: "priority" },
    });
    const message = convertConverseResponse(response, { modelId: "us.anthropic.claude", requestId: "req-1" });
    expect(message.id).toBe("req-1");
    expect(message.response_metadata).toEqual({
      model_name: "us.anthropic.claude",
      model: "us.anthropic.claude",
      requestId: "req-1",
      stopReason: "guardrail_intervened",
      metrics: { latencyMs: 12 },
      usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 },
      trace: { guardrail: { actionReason: "blocked" } },
      additionalModelResponseFields: { stop_sequence: null },
      performanceConfig: { latency: "optimized" },
      serviceTier: { type: "priority" },
    });
  });

  it("omits what the response lacks", () => {
    const message = convertConverseResponse({ output: { message: { role: "assistant", content: [{ text: "x" }] } } });
    expect(message.id).toBeUndefined();
    expect(message.usage_metadata).toBeUndefined();
    expect(message.response_metadata).toEqual({});
  });
});

describe("toUsageMetadata", () => {
  const cases = [
    {
      name: "plain",
      usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
      expected: { input_tokens: 10, output_tokens: 5, total_tokens: 15 },
    },
    {
      name: "cache read and write counted as input",
      usage: { inputTokens: 10, outputTokens: 5, totalTokens: 1315, cacheReadInputTokens: 1000, cacheWriteInputTokens: 300 },
      expected: {
        input_tokens: 1310,
        output_tokens: 5,
        total_tokens: 1315,
        input_token_details: { cache_read: 1000, cache_creation: 300 },
      },
    },
    {
      name: "zero cache figures still reported",
      usage: { inputTokens: 51, outputTokens: 78, totalTokens: 129, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 },
      expected: { input_tokens: 51, output_tokens: 78, total_tokens: 129, input_token_details: { cache_read: 0, cache_creation: 0 } },
    },
    {
      name: "TTL breakdown from cacheDetails",
      usage: {
        inputTokens: 4,
        outputTokens: 1,
        totalTokens: 505,
        cacheWriteInputTokens: 500,
        cacheDetails: [
          { ttl: "5m", inputTokens: 200 },
          { ttl: "1h", inputTokens: 300 },
        ],
      },
      expected: {
        input_tokens: 504,
        output_tokens: 1,
        total_tokens: 505,
        // langchain-aws PR #1098 / langchain-anthropic: the writes sit in the TTL buckets, cache_creation is 0.
        input_token_details: { cache_creation: 0, ephemeral_5m_input_tokens: 200, ephemeral_1h_input_tokens: 300 },
      },
    },
    {
      name: "a 1h write is not counted twice; the absent TTL bucket is 0",
      usage: { inputTokens: 3, outputTokens: 2, totalTokens: 1005, cacheReadInputTokens: 0, cacheWriteInputTokens: 1000, cacheDetails: [{ ttl: "1h", inputTokens: 1000 }] },
      expected: {
        input_tokens: 1003,
        output_tokens: 2,
        total_tokens: 1005,
        input_token_details: { cache_read: 0, cache_creation: 0, ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 1000 },
      },
    },
    {
      name: "entries of one TTL add up",
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 12, cacheWriteInputTokens: 10, cacheDetails: [{ ttl: "5m", inputTokens: 4 }, { ttl: "5m", inputTokens: 6 }] },
      expected: {
        input_tokens: 11,
        output_tokens: 1,
        total_tokens: 12,
        input_token_details: { cache_creation: 0, ephemeral_5m_input_tokens: 10, ephemeral_1h_input_tokens: 0 },
      },
    },
    {
      name: "an all-zero breakdown keeps cache_creation (langchain-anthropic's fallback)",
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 52, cacheWriteInputTokens: 50, cacheDetails: [{ ttl: "5m", inputTokens: 0 }] },
      expected: {
        input_tokens: 51,
        output_tokens: 1,
        total_tokens: 52,
        input_token_details: { cache_creation: 50, ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      },
    },
    {
      name: "unknown TTLs add no bucket and leave cache_creation alone",
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 9, cacheWriteInputTokens: 7, cacheDetails: [{ ttl: "1d", inputTokens: 7 }] },
      expected: { input_tokens: 8, output_tokens: 1, total_tokens: 9, input_token_details: { cache_creation: 7 } },
    },
    {
      name: "Bedrock's totalTokens is reported as given, not recomputed",
      usage: { inputTokens: 10, outputTokens: 5, totalTokens: 17 },
      expected: { input_tokens: 10, output_tokens: 5, total_tokens: 17 },
    },
    {
      name: "without totalTokens the total is input plus output",
      usage: { inputTokens: 10, outputTokens: 5, cacheReadInputTokens: 100 },
      expected: { input_tokens: 110, output_tokens: 5, total_tokens: 115, input_token_details: { cache_read: 100 } },
    },
    { name: "missing figures count as 0", usage: {}, expected: { input_tokens: 0, output_tokens: 0, total_tokens: 0 } },
  ];
  it.each(cases)("$name", ({ usage, expected }) => {
    expect(toUsageMetadata(usage)).toEqual(expected);
  });
});

describe("recorded Converse responses", () => {
  const expected: Record<string, { kinds: string[]; stopReason: string; usage: { input_tokens: number; output_tokens: number; total_tokens: number } }> = {
    "langchain-aws/claude-reasoning-converse": {
      kinds: ["reasoning_content", "text"],
      stopReason: "end_turn",
      usage: { input_tokens: 1373, output_tokens: 1190, total_tokens: 2563 },
    },
    "langchain-aws/claude-tooluse-followup-converse": {
      kinds: ["string"],
      stopReason: "end_turn",
      usage: { input_tokens: 512, output_tokens: 25, total_tokens: 537 },
    },
    "vercel-ai/amazon-bedrock-text": {
      kinds: ["string"],
      stopReason: "end_turn",
      usage: { input_tokens: 22, output_tokens: 57, total_tokens: 79 },
    },
    "vercel-ai/amazon-bedrock-reasoning": {
      kinds: ["reasoning_content", "text"],
      stopReason: "end_turn",
      usage: { input_tokens: 51, output_tokens: 78, total_tokens: 129 },
    },
  };

  it.each(loadRecordedResponses())("$name", ({ name, body }) => {
    const message = convertConverseResponse(body, { modelId: "m", requestId: "r" });
    const want = expected[name]!;
    const kinds = typeof message.content === "string" ? ["string"] : message.content.map((b) => b.type);
    expect(kinds).toEqual(want.kinds);
    expect(message.response_metadata["stopReason"]).toBe(want.stopReason);
    expect(message.response_metadata["metrics"]).toEqual(body.metrics);
    expect(message.tool_calls).toEqual([]);
    const u = body.usage!;
    expect(message.usage_metadata).toMatchObject({
      input_tokens: (u.inputTokens ?? 0) + (u.cacheReadInputTokens ?? 0) + (u.cacheWriteInputTokens ?? 0),
      output_tokens: u.outputTokens,
    });
    expect(message.usage_metadata).toMatchObject(want.usage);

    // Reasoning keeps its signature verbatim so the turn can be replayed.
    const blocks = body.output!.message!.content!;
    if (Array.isArray(message.content)) {
      const reasoning = blocks.find((b) => b.reasoningContent)!.reasoningContent!.reasoningText!;
      expect(message.content[0]).toEqual({ type: "reasoning_content", reasoningText: reasoning });
      expect(message.text).toBe(blocks.find((b) => typeof b.text === "string")!.text);
    } else {
      expect(message.content).toBe(blocks[0]!.text);
    }
  });
});

describe("input types", () => {
  it("takes the wire types (a compile-time check) and decoded bytes", () => {
    const convert = (response: ConverseResponse, event: ConverseStreamOutput) => [
      convertConverseResponse(response),
      createStreamConverter().next(event),
    ];
    const response = {
      output: { message: { role: "assistant", content: [{ reasoningContent: { redactedContent: new Uint8Array([255]) } }] } },
      stopReason: "end_turn",
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
      metrics: { latencyMs: 1 },
    } as ConverseResponse;
    const [message] = convert(response, { messageStart: { role: "assistant" } });
    expect(message!.content).toEqual([{ type: "reasoning_content", redactedContent: "/w==" }]);
  });
});
