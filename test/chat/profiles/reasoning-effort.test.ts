// reasoningEffort → each family's request fields (LangChain's reasoning_effort; langchain-ai/docs PR #5239 table).
import { describe, expect, it } from "vitest";
import type { ConverseRequest } from "../../../src/wire/index.js";
import { applyProfile, resolveProfile, THINKING_BUDGETS, type ReasoningEffort } from "../../../src/chat/profiles/index.js";

const messages = [{ role: "user" as const, content: [{ text: "Hi" }] }];
const run = (id: string, effort: ReasoningEffort, extra: Partial<ConverseRequest> = {}) =>
  applyProfile({ modelId: id, messages, ...extra }, resolveProfile(id), { reasoningEffort: effort });

describe("reasoningEffort per family", () => {
  it.each<[string, string, ReasoningEffort, Record<string, unknown>]>([
    // Claude 4.6+ adaptive: thinking adaptive + output_config.effort (langchain-aws #1188 via docs PR #5239; claude-code-action #1005).
    ["Claude Opus 5", "global.anthropic.claude-opus-5-v1:0", "medium", { thinking: { type: "adaptive" }, output_config: { effort: "medium" } }],
    ["Claude Opus 4.7", "anthropic.claude-opus-4-7", "high", { thinking: { type: "adaptive" }, output_config: { effort: "high" } }],
    ["Claude Sonnet 4.6", "anthropic.claude-sonnet-4-6", "low", { thinking: { type: "adaptive" }, output_config: { effort: "low" } }],
    // Nova 2: reasoningConfig (langchain-aws _validate_nova_reasoning_config).
    ["Nova 2", "us.amazon.nova-2-lite-v1:0", "low", { reasoningConfig: { type: "enabled", maxReasoningEffort: "low" } }],
    // gpt-oss, DeepSeek V3.x, Kimi K2: flat reasoning_effort (opencode PR #48195; langchain-aws PR #1261; docs PR #5239).
    ["gpt-oss", "openai.gpt-oss-120b-1:0", "high", { reasoning_effort: "high" }],
    ["DeepSeek V3.x", "deepseek.v3-v1:0", "medium", { reasoning_effort: "medium" }],
    ["Kimi K2", "moonshot.kimi-k2-thinking", "low", { reasoning_effort: "low" }],
    // GPT-5 family on Converse: nested reasoning.effort (opencode PR #48195).
    ["OpenAI GPT-5.6", "openai.gpt-5-6-v1:0", "low", { reasoning: { effort: "low" } }],
  ])("%s (%s, %s)", (_family, id, effort, fields) => {
    const { request, warnings } = run(id, effort);
    expect(request.additionalModelRequestFields).toEqual(fields);
    expect(warnings).toEqual([]);
  });

  it.each(["low", "medium", "high"] as const)("older Claude: a thinking budget by effort (%s), maxTokens kept above it with a warning", (effort) => {
    const budget = THINKING_BUDGETS[effort];
    const { request, warnings } = run("us.anthropic.claude-sonnet-4-5-20250929-v1:0", effort, { inferenceConfig: { maxTokens: 1000 } });
    expect(request.additionalModelRequestFields).toEqual({ thinking: { type: "enabled", budget_tokens: budget } });
    expect(request.inferenceConfig).toEqual({ maxTokens: 1000 + budget });
    expect(warnings).toEqual([`maxTokens set to ${1000 + budget}, above the thinking budget (${budget}) of reasoningEffort "${effort}" (CH15)`]);
  });

  it("older Claude: a maxTokens above the budget is left alone", () => {
    const { request, warnings } = run("anthropic.claude-sonnet-4-20250514-v1:0", "low", { inferenceConfig: { maxTokens: 8000 } });
    expect(request.inferenceConfig).toEqual({ maxTokens: 8000 });
    expect(warnings).toEqual([]);
  });

  it("budgets rise with effort, from Anthropic's minimum", () => {
    expect(THINKING_BUDGETS.low).toBe(1024);
    expect(THINKING_BUDGETS.low).toBeLessThan(THINKING_BUDGETS.medium);
    expect(THINKING_BUDGETS.medium).toBeLessThan(THINKING_BUDGETS.high);
  });

  it("Nova 2 at high drops maxTokens, as langchain-aws does, with a warning", () => {
    const { request, warnings } = run("amazon.nova-2-lite-v1:0", "high", { inferenceConfig: { maxTokens: 500, temperature: 0.3 } });
    expect(request.inferenceConfig).toEqual({ temperature: 0.3 });
    expect(warnings).toEqual(['maxTokens dropped: Amazon Nova 2 takes none at reasoningEffort "high" (CH16)']);
  });

  it("fields the caller set win, with a warning", () => {
    const { request, warnings } = run("openai.gpt-oss-120b-1:0", "high", { additionalModelRequestFields: { reasoning_effort: "low" } });
    expect(request.additionalModelRequestFields).toEqual({ reasoning_effort: "low" });
    expect(warnings).toEqual(['reasoningEffort "high" ignored for reasoning_effort: additionalModelRequestFields.reasoning_effort wins (CH14)']);
  });

  it("adaptive Claude keeps other output_config keys and an explicit adaptive thinking", () => {
    const { request } = run("anthropic.claude-opus-4-8", "low", {
      additionalModelRequestFields: { thinking: { type: "adaptive", display: "summarized" }, output_config: { other: 1 } },
    });
    expect(request.additionalModelRequestFields).toEqual({ thinking: { type: "adaptive", display: "summarized" }, output_config: { other: 1, effort: "low" } });
  });

  it.each([
    ["Llama (no effort setting)", "meta.llama3-3-70b-instruct-v1:0", 'reasoningEffort "low" ignored: Meta Llama 3.1+ / 4 has no known effort setting (CH13)'],
    ["an unknown model", "writer.palmyra-x5-v1:0", 'reasoningEffort "low" ignored: this model has no known effort setting (CH13)'],
  ])("%s: ignored with a warning, request unchanged", (_what, id, warning) => {
    const { request, warnings } = run(id, "low");
    expect(request).toEqual({ modelId: id, messages });
    expect(warnings).toEqual([warning]);
  });
});
