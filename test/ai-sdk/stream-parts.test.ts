// createStreamMapper: ConverseStream event sequences → the stream parts the AI SDK reads.
import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { createStreamMapper } from "../../src/ai-sdk/stream-parts.js";
import type { ConverseStreamOutput } from "../../src/wire/index.js";

function run(events: ConverseStreamOutput[], { usesJsonTool = false, failed = false } = {}): LanguageModelV3StreamPart[] {
  const parts: LanguageModelV3StreamPart[] = [];
  const mapper = createStreamMapper({ usesJsonTool });
  for (const event of events) mapper.event(event, (p) => parts.push(p));
  mapper.finish((p) => parts.push(p), failed);
  return parts;
}

const usage = { inputTokens: 3, outputTokens: 4, totalTokens: 7 };
const end = (stopReason: string): ConverseStreamOutput[] => [{ messageStop: { stopReason } }, { metadata: { usage, metrics: { latencyMs: 1 } } }];
const finish = (unified: string, raw: string | undefined, extra: object = {}) => ({
  type: "finish",
  finishReason: { unified, raw },
  usage: { inputTokens: { total: 3, noCache: 3, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 4, text: 4, reasoning: undefined }, raw: usage },
  ...extra,
});

const cases: Array<[string, ConverseStreamOutput[], { usesJsonTool?: boolean; failed?: boolean }, unknown[]]> = [
  [
    "text opens on its first delta; empty deltas are skipped",
    [
      { messageStart: { role: "assistant" } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "" } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Hi" } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: " there" } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      ...end("end_turn"),
    ],
    {},
    [
      { type: "text-start", id: "0" },
      { type: "text-delta", id: "0", delta: "Hi" },
      { type: "text-delta", id: "0", delta: " there" },
      { type: "text-end", id: "0" },
      finish("stop", "end_turn"),
    ],
  ],
  [
    "reasoning with a signature: on a delta and on reasoning-end",
    [
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: "Think" } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { signature: "c2ln" } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      ...end("end_turn"),
    ],
    {},
    [
      { type: "reasoning-start", id: "0" },
      { type: "reasoning-delta", id: "0", delta: "Think" },
      { type: "reasoning-delta", id: "0", delta: "", providerMetadata: { bedrock: { signature: "c2ln" } } },
      { type: "reasoning-end", id: "0", providerMetadata: { bedrock: { signature: "c2ln" } } },
      finish("stop", "end_turn"),
    ],
  ],
  [
    "redacted reasoning comes out base64 on reasoning-end",
    [
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: new Uint8Array([0, 1, 2]) } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: new Uint8Array([3]) } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      ...end("end_turn"),
    ],
    {},
    [{ type: "reasoning-start", id: "0" }, { type: "reasoning-end", id: "0", providerMetadata: { bedrock: { redactedData: "AAEC" + "Aw==" } } }, finish("stop", "end_turn")],
  ],
  [
    "a tool call streams its input, then is given whole",
    [
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: "t1", name: "get_weather" } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"city":' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '"Paris"}' } } } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      { contentBlockStart: { contentBlockIndex: 2, start: { toolUse: { toolUseId: "t2", name: "now" } } } },
      { contentBlockStop: { contentBlockIndex: 2 } },
      ...end("tool_use"),
    ],
    {},
    [
      { type: "tool-input-start", id: "t1", toolName: "get_weather" },
      { type: "tool-input-delta", id: "t1", delta: '{"city":' },
      { type: "tool-input-delta", id: "t1", delta: '"Paris"}' },
      { type: "tool-input-end", id: "t1" },
      { type: "tool-call", toolCallId: "t1", toolName: "get_weather", input: '{"city":"Paris"}' },
      { type: "tool-input-start", id: "t2", toolName: "now" },
      { type: "tool-input-end", id: "t2" },
      { type: "tool-call", toolCallId: "t2", toolName: "now", input: "{}" },
      finish("tool-calls", "tool_use"),
    ],
  ],
  [
    "the structured-output json tool becomes text and a stop",
    [
      { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { toolUseId: "j", name: "json" } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: '{"a":' } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: "1}" } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      ...end("tool_use"),
    ],
    { usesJsonTool: true },
    [
      { type: "text-start", id: "0" },
      { type: "text-delta", id: "0", delta: '{"a":1}' },
      { type: "text-end", id: "0" },
      finish("stop", "tool_use", { providerMetadata: { bedrock: { isJsonResponseFromTool: true } } }),
    ],
  ],
  [
    "a failed stream closes open blocks without a half tool call, finish reason error",
    [
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Hi" } } },
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: "t1", name: "f" } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"ci' } } } },
    ],
    { failed: true },
    [
      { type: "text-start", id: "0" },
      { type: "text-delta", id: "0", delta: "Hi" },
      { type: "tool-input-start", id: "t1", toolName: "f" },
      { type: "tool-input-delta", id: "t1", delta: '{"ci' },
      { type: "text-end", id: "0" },
      { type: "tool-input-end", id: "t1" },
      {
        type: "finish",
        finishReason: { unified: "error", raw: undefined },
        usage: { inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: undefined, text: undefined, reasoning: undefined } },
      },
    ],
  ],
  [
    "cache usage, trace and stop sequence reach providerMetadata",
    [
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "x" } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: "stop_sequence", additionalModelResponseFields: { delta: { stop_sequence: "END" } } } },
      { metadata: { usage: { ...usage, cacheWriteInputTokens: 0, cacheDetails: [] }, metrics: { latencyMs: 1 }, trace: { guardrail: { modelOutput: [] } } } },
    ],
    {},
    [
      { type: "text-start", id: "0" },
      { type: "text-delta", id: "0", delta: "x" },
      { type: "text-end", id: "0" },
      {
        ...finish("stop", "stop_sequence", {
          providerMetadata: { bedrock: { trace: { guardrail: { modelOutput: [] } }, usage: { cacheWriteInputTokens: 0, cacheDetails: [] }, stopSequence: "END" } },
        }),
        usage: {
          inputTokens: { total: 3, noCache: 3, cacheRead: 0, cacheWrite: 0 },
          outputTokens: { total: 4, text: 4, reasoning: undefined },
          raw: { ...usage, cacheWriteInputTokens: 0, cacheDetails: [] },
        },
      },
    ],
  ],
];

describe("createStreamMapper", () => {
  it.each(cases)("%s", (_, events, options, expected) => {
    expect(run(events, options)).toEqual(expected);
  });
});
