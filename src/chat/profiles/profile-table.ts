// The quirk table: per model family, what Bedrock refuses, each fact with its source beside it.
import type { ModelProfile } from "./profile-types.js";

/** A row: a test on the base model ID (prefix stripped, lower case), and the profile it gives. */
export interface ProfileRow {
  match: RegExp;
  profile: ModelProfile;
}

// Every Claude on Bedrock.
const CLAUDE = {
  provider: "anthropic",
  // >16 union-typed params across the tools of one request are refused: langchain-aws PR #1114
  // ("Schemas contains too many parameters with union types … (limit: 16 parameters with unions)").
  maxUnionTypedParameters: 16,
  // Native structured output refuses min/max, *Length, pattern, *Items, … : vercel/ai #17197, fix PR #17558.
  sanitizesOutputSchema: true,
} as const;

// Claude 3.7 / 4 / 4.1 / 4.5 with thinking on refuse a forced tool choice: langchain-aws
// `supports_tool_choice_values` (bedrock_converse.py) and issue #861 (4.5 models too).
const NO_FORCED_TOOL_WHILE_THINKING = { forcedToolChoiceWithThinking: false } as const;

// Opus 4.7+ and Claude 5: `temperature` / `top_p` "is deprecated for this model" (langchain-aws
// #1094, PR #1095; @ai-sdk/anthropic getModelCapabilities `rejectsSamplingParameters`); strict tools
// ("tools.0.custom.strict: Extra inputs are not permitted") and `output_config.format` refused
// (vercel/ai PR #17919, MODELS_WITHOUT_STRICT_TOOL_SUPPORT); only adaptive thinking (AWS
// claude-messages-adaptive-thinking.html; langchain4j #5138 error text).
const CLAUDE_NEXT = {
  ...CLAUDE,
  rejectsSamplingParameters: true,
  supportsStrictTools: false,
  supportsNativeStructuredOutput: false,
  adaptiveThinkingOnly: true,
  reasoning: "anthropic-adaptive",
} as const;

// "Tool call id was a but must be a-z, A-Z, 0-9, with a length of 9" from Mistral models on Bedrock:
// anomalyco/opencode PR #48843 (live), vercel/ai #11802 / PR #11863.
const MISTRAL_TOOL_IDS = { shortToolUseIds: true } as const;
const MISTRAL_SOURCES = ["anomalyco/opencode PR #48843", "vercel/ai #11802 / PR #11863"];

const LLAMA_SOURCE = "langchain-aws PR #627 / issue #620; run-llama/llama_index #19886 (toolChoice.any refused)";

/** First match wins: specific versions before their family. */
export const PROFILE_TABLE: readonly ProfileRow[] = [
  {
    // Forced tool use refused outright: @ai-sdk/anthropic getModelCapabilities `rejectsForcedToolUse`.
    match: /claude-(?:opus-5-5|sonnet-5-5|fable-5-1)/,
    profile: {
      name: "Claude Opus 5.5 / Sonnet 5.5 / Fable 5.1",
      ...CLAUDE_NEXT,
      supportsToolChoiceValues: ["auto"],
      sources: ["langchain-aws #1094/PR #1095", "vercel/ai PR #17919", "@ai-sdk/anthropic getModelCapabilities", "lobehub #19876 (strict refused)"],
    },
  },
  {
    // Opus 5 / Sonnet 5 / Fable 5 take a forced tool with adaptive thinking: langchain-aws PR #1141.
    match: /claude-(?:opus|sonnet|fable)-5\b/,
    profile: {
      name: "Claude Opus 5 / Sonnet 5 / Fable 5",
      ...CLAUDE_NEXT,
      sources: ["@ai-sdk/anthropic getModelCapabilities", "vercel/ai PR #17919", "BerriAI/litellm #33193", "langchain-aws PR #1141 / #1186"],
    },
  },
  {
    // Opus 4.8 takes a forced tool with adaptive thinking: langchain-aws PR #1141.
    match: /claude-opus-4-8\b/,
    profile: { name: "Claude Opus 4.8", ...CLAUDE_NEXT, sources: ["langchain-aws #1094/PR #1095", "vercel/ai PR #17919", "promptfoo PR #9500", "langchain-aws PR #1141"] },
  },
  {
    // Forced tool with adaptive thinking on Opus 4.7 is unconfirmed: the downgrade is kept.
    match: /claude-opus-4-7\b/,
    profile: {
      name: "Claude Opus 4.7",
      ...CLAUDE_NEXT,
      ...NO_FORCED_TOOL_WHILE_THINKING,
      sources: ["langchain-aws #1094/PR #1095", "aws-samples/bedrock-chat PR #1102 (AWS model card)", "vercel/ai PR #16237/#17919", "dify-official-plugins #3169"],
    },
  },
  {
    // Mythos: adaptive thinking only (AWS claude-messages-adaptive-thinking.html); sampling and strict status unknown.
    match: /claude-mythos/,
    profile: { name: "Claude Mythos", ...CLAUDE, adaptiveThinkingOnly: true, reasoning: "anthropic-adaptive", sources: ["AWS claude-messages-adaptive-thinking.html"] },
  },
  {
    // Native structured output pads with U+200B until maxTokens: vercel/ai #17881, fix PR #20128 (JSON tool instead).
    match: /claude-sonnet-4-6\b/,
    profile: {
      name: "Claude Sonnet 4.6",
      ...CLAUDE,
      ...NO_FORCED_TOOL_WHILE_THINKING,
      supportsNativeStructuredOutput: false,
      // Adaptive thinking + output_config.effort from 4.6 on: AWS adaptive-thinking page; claude-code-action #1005.
      reasoning: "anthropic-adaptive",
      sources: ["vercel/ai #17881 / PR #20128", "AWS claude-messages-adaptive-thinking.html", "anthropics/claude-code-action #1005"],
    },
  },
  {
    match: /claude-opus-4-6\b/,
    profile: {
      name: "Claude Opus 4.6",
      ...CLAUDE,
      ...NO_FORCED_TOOL_WHILE_THINKING,
      reasoning: "anthropic-adaptive",
      sources: ["AWS claude-messages-adaptive-thinking.html", "anthropics/claude-code-action #1005"],
    },
  },
  {
    // "`temperature` and `top_p` cannot both be specified for this model": mem0 #3891 / #4004, PR #4365 (AWS doc quote).
    // Some accounts refuse output_config.format for Haiku 4.5: vercel/ai #19988, fix PR #20128.
    match: /claude-haiku-4-5\b/,
    profile: {
      name: "Claude Haiku 4.5",
      ...CLAUDE,
      ...NO_FORCED_TOOL_WHILE_THINKING,
      rejectsTemperatureWithTopP: true,
      supportsNativeStructuredOutput: false,
      reasoning: "anthropic-budget",
      sources: ["mem0ai/mem0 #3891 / #4004 / PR #4365", "vercel/ai #19988 / PR #20128", "langchain-aws #861"],
    },
  },
  {
    match: /claude-sonnet-4-5\b/,
    profile: {
      name: "Claude Sonnet 4.5",
      ...CLAUDE,
      ...NO_FORCED_TOOL_WHILE_THINKING,
      rejectsTemperatureWithTopP: true,
      reasoning: "anthropic-budget",
      sources: ["mem0ai/mem0 #3891 / #4004 / PR #4365", "vercel/ai #17197 / PR #17558", "langchain-aws #861"],
    },
  },
  {
    // Claude 3.7 Sonnet, Sonnet 4, Opus 4, Opus 4.1, Opus 4.5: budget thinking, no forced tool while thinking.
    match: /claude-(?:3-7-sonnet|sonnet-4|opus-4|haiku-4)/,
    profile: { name: "Claude 3.7 / 4.x", ...CLAUDE, ...NO_FORCED_TOOL_WHILE_THINKING, reasoning: "anthropic-budget", sources: ["langchain-aws bedrock_converse.py supports_tool_choice_values", "langchain-aws #861"] },
  },
  {
    // Claude 3 / 3.5 / 2: no extended thinking, so no effort control.
    match: /claude-(?:3|v2|instant)/,
    profile: { name: "Claude 3.5 and earlier", ...CLAUDE, ...NO_FORCED_TOOL_WHILE_THINKING, reasoning: "none", sources: ["langchain-aws PR #1114", "AWS conversation-inference-supported-models-features.html"] },
  },
  {
    // Nova 2: reasoningConfig with maxReasoningEffort (langchain-aws `_validate_nova_reasoning_config`);
    // auto / any / tool (langchain-aws supports_tool_choice_values; AWS API_runtime_ToolChoice).
    match: /^amazon\.nova-2/,
    profile: { name: "Amazon Nova 2", provider: "amazon", supportsToolChoiceValues: ["auto", "any", "tool"], reasoning: "nova-2", sources: ["langchain-aws bedrock_converse.py", "AWS API_runtime_ToolChoice"] },
  },
  {
    match: /^amazon\.nova/,
    profile: { name: "Amazon Nova", provider: "amazon", supportsToolChoiceValues: ["auto", "any", "tool"], reasoning: "none", sources: ["langchain-aws bedrock_converse.py", "AWS API_runtime_ToolChoice"] },
  },
  {
    // "This model doesn't support the toolConfig.toolChoice.any field": Llama 4, 3.1, 3.3, 3.2 11B/90B take auto only.
    match: /^meta\.llama(?:4|3-1|3-3|3-2-(?:11b|90b))/,
    profile: { name: "Meta Llama 3.1+ / 4", provider: "meta", supportsToolChoiceValues: ["auto"], reasoning: "none", sources: [LLAMA_SOURCE, "maximhq/bifrost PR #3196"] },
  },
  {
    // Other Llama 3 models take no tool choice at all (langchain-aws PR #627).
    match: /^meta\.llama3/,
    profile: { name: "Meta Llama 3", provider: "meta", supportsToolChoiceValues: [], reasoning: "none", sources: [LLAMA_SOURCE] },
  },
  {
    match: /^mistral\.mistral-large/,
    profile: {
      name: "Mistral Large",
      provider: "mistral",
      ...MISTRAL_TOOL_IDS,
      supportsToolChoiceValues: ["auto", "any"],
      reasoning: "none",
      sources: ["langchain-aws bedrock_converse.py", "@langchain/aws supportedToolChoiceValuesForModel", ...MISTRAL_SOURCES],
    },
  },
  {
    // Pixtral, Ministral, Mistral Small, Magistral, Voxtral, Devstral: the same tool-ID rule.
    match: /^mistral\./,
    profile: { name: "Mistral", provider: "mistral", ...MISTRAL_TOOL_IDS, sources: MISTRAL_SOURCES },
  },
  {
    // R1 reasons always and takes no tools: langchain-aws #447 ("This model doesn't support tool use").
    match: /^deepseek\.r1/,
    profile: { name: "DeepSeek R1", provider: "deepseek", supportsToolUse: false, supportsToolChoiceValues: [], reasoning: "none", sources: ["langchain-aws #447 / #401", "LibreChat #6351"] },
  },
  {
    // V3.1 / V3.2: `reasoning_effort` turns thinking on; auto and any work, `tool` is not obeyed, and
    // with thinking on `any` gives no tool call (langchain-aws PR #1261).
    match: /^deepseek\.v3/,
    profile: {
      name: "DeepSeek V3.x",
      provider: "deepseek",
      supportsToolChoiceValues: ["auto", "any"],
      forcedToolChoiceWithThinking: false,
      reasoning: "reasoning-effort",
      sources: ["langchain-aws PR #1261"],
    },
  },
  {
    // Flat `reasoning_effort` (anomalyco/opencode PR #48195); stopSequences refused (aws-samples/bedrock-chat PR #924).
    match: /^openai\.gpt-oss/,
    profile: { name: "OpenAI gpt-oss", provider: "openai", rejectsStopSequences: true, reasoning: "reasoning-effort", sources: ["anomalyco/opencode PR #48195", "aws-samples/bedrock-chat PR #924", "langchain-ai/docs PR #5239"] },
  },
  {
    // GPT-5 family on Converse: `reasoning: { effort }`; flat reasoning_effort is an "Unknown parameter" (opencode PR #48195).
    match: /^openai\./,
    profile: { name: "OpenAI GPT", provider: "openai", reasoning: "openai-nested", sources: ["anomalyco/opencode PR #48195", "langchain-aws PR #1266"] },
  },
  {
    // Kimi K2: flat reasoning_effort (langchain-ai/docs PR #5239, documenting langchain-aws #1188).
    match: /kimi-k2/,
    profile: { name: "Moonshot Kimi K2", provider: "moonshot", reasoning: "reasoning-effort", sources: ["langchain-ai/docs PR #5239"] },
  },
];

/**
 * Profiles for a provider alone (an application-inference-profile ARN with `provider` but no
 * `baseModelId`): only the facts that hold for the whole family.
 */
export const PROVIDER_PROFILES: Readonly<Record<string, ModelProfile>> = {
  anthropic: {
    name: "Claude (version unknown)",
    ...CLAUDE,
    ...NO_FORCED_TOOL_WHILE_THINKING,
    reasoning: "anthropic-budget",
    sources: ["langchain-aws PR #1114", "vercel/ai PR #17558", "langchain-aws #861"],
  },
};
