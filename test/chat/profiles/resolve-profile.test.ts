// resolveProfile: model IDs, inference-profile prefixes and ARNs → the table entry (one row per fact, source beside it).
import { describe, expect, it } from "vitest";
import { effectiveProfile, modelFamily, resolveProfile, stripProfilePrefix } from "../../../src/chat/profiles/index.js";

const APP_ARN = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5";

describe("resolveProfile: which table entry a model ID gets", () => {
  it.each([
    // [model ID, entry name, source of the distinguishing fact]
    ["anthropic.claude-opus-4-7", "Claude Opus 4.7", "langchain-aws #1094 / PR #1095"],
    ["us.anthropic.claude-opus-4-8-v1:0", "Claude Opus 4.8", "promptfoo PR #9500"],
    ["global.anthropic.claude-opus-5-v1:0", "Claude Opus 5 / Sonnet 5 / Fable 5", "@ai-sdk/anthropic getModelCapabilities"],
    ["anthropic.claude-sonnet-5-5-v1:0", "Claude Opus 5.5 / Sonnet 5.5 / Fable 5.1", "@ai-sdk/anthropic rejectsForcedToolUse"],
    ["anthropic.claude-fable-5-1-v1:0", "Claude Opus 5.5 / Sonnet 5.5 / Fable 5.1", "@ai-sdk/anthropic rejectsForcedToolUse"],
    ["eu.anthropic.claude-sonnet-4-6", "Claude Sonnet 4.6", "vercel/ai #17881 / PR #20128"],
    ["anthropic.claude-opus-4-6-v1", "Claude Opus 4.6", "AWS adaptive thinking page"],
    ["apac.anthropic.claude-sonnet-4-5-20250929-v1:0", "Claude Sonnet 4.5", "mem0 #3891 / PR #4365"],
    ["jp.anthropic.claude-haiku-4-5-20251001-v1:0", "Claude Haiku 4.5", "mem0 #4004; vercel/ai #19988"],
    ["us.anthropic.claude-sonnet-4-20250514-v1:0", "Claude 3.7 / 4.x", "langchain-aws supports_tool_choice_values"],
    ["us-gov.anthropic.claude-3-7-sonnet-20250219-v1:0", "Claude 3.7 / 4.x", "langchain-aws supports_tool_choice_values"],
    ["anthropic.claude-opus-4-1-20250805-v1:0", "Claude 3.7 / 4.x", "langchain-aws #861"],
    ["au.anthropic.claude-3-5-haiku-20241022-v1:0", "Claude 3.5 and earlier", "AWS supported-models table"],
    ["us.amazon.nova-2-lite-v1:0", "Amazon Nova 2", "langchain-aws _validate_nova_reasoning_config"],
    ["amazon.nova-pro-v1:0", "Amazon Nova", "AWS API_runtime_ToolChoice"],
    ["us.meta.llama3-3-70b-instruct-v1:0", "Meta Llama 3.1+ / 4", "langchain-aws PR #627"],
    ["meta.llama3-2-90b-instruct-v1:0", "Meta Llama 3.1+ / 4", "langchain-aws PR #627"],
    ["us.meta.llama4-maverick-17b-instruct-v1:0", "Meta Llama 3.1+ / 4", "maximhq/bifrost PR #3196"],
    ["meta.llama3-2-1b-instruct-v1:0", "Meta Llama 3", "langchain-aws PR #627"],
    ["mistral.mistral-large-2407-v1:0", "Mistral Large", "langchain-aws supports_tool_choice_values"],
    ["us.deepseek.r1-v1:0", "DeepSeek R1", "langchain-aws #447"],
    ["deepseek.v3-v1:0", "DeepSeek V3.x", "langchain-aws PR #1261"],
    ["openai.gpt-oss-120b-1:0", "OpenAI gpt-oss", "anomalyco/opencode PR #48195"],
    ["openai.gpt-5-6-v1:0", "OpenAI GPT", "anomalyco/opencode PR #48195"],
    ["moonshot.kimi-k2-thinking", "Moonshot Kimi K2", "langchain-ai/docs PR #5239"],
  ])("%s → %s (%s)", (id, name) => {
    expect(resolveProfile(id)?.name).toBe(name);
  });

  it.each([
    "amazon.titan-text-express-v1",
    "cohere.command-r-plus-v1:0",
    "ai21.jamba-1-5-large-v1:0",
    "qwen.qwen3-32b-v1:0",
    "writer.palmyra-x5-v1:0",
    APP_ARN,
    "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc",
  ])("%s: unknown, so no profile (nothing is adjusted)", (id) => {
    expect(resolveProfile(id)).toBeUndefined();
  });

  it("reads the model from foundation-model and inference-profile ARNs", () => {
    expect(resolveProfile("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-7")?.name).toBe("Claude Opus 4.7");
    expect(resolveProfile("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-opus-4-7")?.name).toBe("Claude Opus 4.7");
  });

  it("an application inference profile ARN takes baseModelId (langchain-aws base_model_id), else provider alone", () => {
    expect(resolveProfile(APP_ARN, { baseModelId: "anthropic.claude-opus-4-7" })?.name).toBe("Claude Opus 4.7");
    expect(resolveProfile(APP_ARN, { baseModelId: "us.meta.llama3-3-70b-instruct-v1:0" })?.name).toBe("Meta Llama 3.1+ / 4");
    const family = resolveProfile(APP_ARN, { provider: "Anthropic" });
    expect(family?.name).toBe("Claude (version unknown)");
    expect(family?.rejectsSamplingParameters).toBeUndefined();
    expect(resolveProfile(APP_ARN, { provider: "cohere" })).toBeUndefined();
  });

  it("baseModelId wins over the ID it overrides", () => {
    expect(resolveProfile("anthropic.claude-sonnet-4-20250514-v1:0", { baseModelId: "anthropic.claude-opus-4-7" })?.name).toBe("Claude Opus 4.7");
  });
});

describe("model ID parsing", () => {
  it.each([
    ["us.anthropic.claude-x", "anthropic.claude-x"],
    ["eu.anthropic.claude-x", "anthropic.claude-x"],
    ["apac.anthropic.claude-x", "anthropic.claude-x"],
    ["global.anthropic.claude-x", "anthropic.claude-x"],
    ["us-gov.anthropic.claude-x", "anthropic.claude-x"],
    ["jp.anthropic.claude-x", "anthropic.claude-x"],
    ["au.anthropic.claude-x", "anthropic.claude-x"],
    ["ca.amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0"],
    ["anthropic.claude-x", "anthropic.claude-x"],
    // A prefix-looking provider with nothing after it is not stripped.
    ["us.model", "us.model"],
  ])("stripProfilePrefix(%s) = %s", (id, base) => {
    expect(stripProfilePrefix(id)).toBe(base);
  });

  it("provider is the segment before the model name, as langchain-aws splits it", () => {
    expect(modelFamily("us.deepseek.r1-v1:0")).toEqual({ provider: "deepseek", baseModel: "deepseek.r1-v1:0" });
    expect(modelFamily(APP_ARN)).toEqual({ provider: undefined, baseModel: undefined });
  });
});

describe("effectiveProfile: the `profile` option", () => {
  it("false turns the profile off", () => {
    expect(effectiveProfile("anthropic.claude-opus-4-7", {}, false)).toBeUndefined();
  });

  it("an object overrides fields of the resolved profile", () => {
    const profile = effectiveProfile("anthropic.claude-opus-4-7", {}, { rejectsSamplingParameters: false });
    expect(profile?.rejectsSamplingParameters).toBe(false);
    expect(profile?.supportsStrictTools).toBe(false);
    expect(profile?.name).toBe("Claude Opus 4.7 (overridden)");
  });

  it("on an unknown model the overrides are the whole profile", () => {
    const profile = effectiveProfile("writer.palmyra-x5-v1:0", {}, { supportsToolChoiceValues: ["auto"] });
    expect(profile).toEqual({ name: "custom profile", provider: "unknown", supportsToolChoiceValues: ["auto"] });
  });
});
