// mapFinishReason and convertUsage: tables of Bedrock values and what the AI SDK gets.
import { describe, expect, it } from "vitest";
import { convertUsage } from "../../src/ai-sdk/convert-usage.js";
import { mapFinishReason } from "../../src/ai-sdk/map-finish-reason.js";

describe("mapFinishReason", () => {
  it.each([
    ["end_turn", false, "stop"],
    ["stop_sequence", false, "stop"],
    ["max_tokens", false, "length"],
    ["model_context_window_exceeded", false, "length"],
    ["content_filtered", false, "content-filter"],
    ["guardrail_intervened", false, "content-filter"],
    ["tool_use", false, "tool-calls"],
    ["tool_use", true, "stop"],
    ["malformed_model_output", false, "error"],
    ["malformed_tool_use", false, "error"],
    ["a_reason_added_later", false, "other"],
    [undefined, false, "other"],
  ] as const)("%s (json tool answered: %s) → %s", (raw, json, unified) => {
    expect(mapFinishReason(raw, json)).toEqual({ unified, raw });
  });
});

describe("convertUsage", () => {
  it.each([
    [
      "plain",
      { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
      { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 5, text: 5, reasoning: undefined } },
    ],
    [
      "cache read and write add to the input total",
      { inputTokens: 10, outputTokens: 5, totalTokens: 1515, cacheReadInputTokens: 1000, cacheWriteInputTokens: 500 },
      { inputTokens: { total: 1510, noCache: 10, cacheRead: 1000, cacheWrite: 500 }, outputTokens: { total: 5, text: 5, reasoning: undefined } },
    ],
  ])("%s", (_, usage, expected) => {
    expect(convertUsage(usage)).toEqual({ ...expected, raw: usage });
  });

  it("no usage: every count undefined", () => {
    expect(convertUsage(undefined)).toEqual({
      inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    });
  });
});
