// The quirk table: per model family, what Bedrock refuses, as packed rows read by one small interpreter; each fact's source beside it.
import type { ModelProfile, ReasoningStyle, ToolChoiceValue } from "./profile-types.js";

/** A row: a test on the base model ID (prefix stripped, lower case), and the profile it gives. */
export interface ProfileRow {
  match: RegExp;
  profile: ModelProfile;
}

// Flag bits of a packed row; FLAG_FIELDS says which profile fields each one sets.
// Every Claude on Bedrock: >16 union-typed params across the tools of one request are refused
// (langchain-aws PR #1114: "Schemas contains too many parameters with union types … (limit: 16
// parameters with unions)"); native structured output refuses min/max, *Length, pattern, *Items, …
// (vercel/ai #17197, fix PR #17558).
const CLAUDE = 1;
// Claude 3.7 / 4 / 4.1 / 4.5 with thinking on refuse a forced tool choice: langchain-aws
// `supports_tool_choice_values` (bedrock_converse.py) and issue #861 (4.5 models too).
const NO_FORCED_WHILE_THINKING = 2;
const REJECTS_SAMPLING = 4;
const REJECTS_TEMPERATURE_WITH_TOP_P = 8;
const NO_STRICT_TOOLS = 16;
const NO_NATIVE_OUTPUT = 32;
const ADAPTIVE_ONLY = 64;
// "Tool call id was a but must be a-z, A-Z, 0-9, with a length of 9" from Mistral models on Bedrock:
// anomalyco/opencode PR #48843 (live), vercel/ai #11802 / PR #11863.
const SHORT_TOOL_IDS = 128;
const REJECTS_STOP = 256;
const NO_TOOL_USE = 512;

/** What each flag bit sets; also the boolean and number fields a `profile` override may hold (model-validate checks them). */
export const FLAG_FIELDS: ReadonlyArray<readonly [number, Partial<ModelProfile>]> = [
  [CLAUDE, { maxUnionTypedParameters: 16, sanitizesOutputSchema: true }],
  [NO_FORCED_WHILE_THINKING, { forcedToolChoiceWithThinking: false }],
  [REJECTS_SAMPLING, { rejectsSamplingParameters: true }],
  [REJECTS_TEMPERATURE_WITH_TOP_P, { rejectsTemperatureWithTopP: true }],
  [NO_STRICT_TOOLS, { supportsStrictTools: false }],
  [NO_NATIVE_OUTPUT, { supportsNativeStructuredOutput: false }],
  [ADAPTIVE_ONLY, { adaptiveThinkingOnly: true }],
  [SHORT_TOOL_IDS, { shortToolUseIds: true }],
  [REJECTS_STOP, { rejectsStopSequences: true }],
  [NO_TOOL_USE, { supportsToolUse: false }],
];

// Opus 4.7+ and Claude 5: `temperature` / `top_p` "is deprecated for this model" (langchain-aws
// #1094, PR #1095; @ai-sdk/anthropic getModelCapabilities `rejectsSamplingParameters`); strict tools
// ("tools.0.custom.strict: Extra inputs are not permitted") and `output_config.format` refused
// (vercel/ai PR #17919, MODELS_WITHOUT_STRICT_TOOL_SUPPORT); only adaptive thinking (AWS
// claude-messages-adaptive-thinking.html; langchain4j #5138 error text).
const CLAUDE_NEXT = CLAUDE | REJECTS_SAMPLING | NO_STRICT_TOOLS | NO_NATIVE_OUTPUT | ADAPTIVE_ONLY;

// Reasoning styles by index (the packed rows' last column).
const BUDGET = 0;
const ADAPTIVE = 1;
const NOVA_2 = 2;
const FLAT_EFFORT = 3;
const NESTED = 4;
const NONE = 5;
export const STYLES: readonly ReasoningStyle[] = ["anthropic-budget", "anthropic-adaptive", "nova-2", "reasoning-effort", "openai-nested", "none"];

/**
 * A packed row: match, name, flag bits, accepted tool choices (space-separated; "" = none,
 * left out = not known), reasoning style index (left out = not known).
 */
type Packed = readonly [match: RegExp, name: string, flags: number, toolChoices?: string, reasoning?: number];

/** Per provider, first match wins: specific versions before their family. */
const PACKED: ReadonlyArray<readonly [provider: string, rows: readonly Packed[]]> = [
  [
    "anthropic",
    [
      // Forced tool use refused outright: @ai-sdk/anthropic getModelCapabilities `rejectsForcedToolUse`.
      // Sources: langchain-aws #1094/PR #1095, vercel/ai PR #17919, lobehub #19876 (strict refused).
      [/claude-(?:opus-5-5|sonnet-5-5|fable-5-1)/, "Claude Opus 5.5 / Sonnet 5.5 / Fable 5.1", CLAUDE_NEXT, "auto", ADAPTIVE],
      // Opus 5 / Sonnet 5 / Fable 5 take a forced tool with adaptive thinking: langchain-aws PR #1141 / #1186;
      // @ai-sdk/anthropic getModelCapabilities, vercel/ai PR #17919, BerriAI/litellm #33193.
      [/claude-(?:opus|sonnet|fable)-5\b/, "Claude Opus 5 / Sonnet 5 / Fable 5", CLAUDE_NEXT, undefined, ADAPTIVE],
      // Opus 4.8 takes a forced tool with adaptive thinking: langchain-aws PR #1141; promptfoo PR #9500.
      [/claude-opus-4-8\b/, "Claude Opus 4.8", CLAUDE_NEXT, undefined, ADAPTIVE],
      // Forced tool with adaptive thinking on Opus 4.7 is unconfirmed: the downgrade is kept.
      // aws-samples/bedrock-chat PR #1102 (AWS model card), vercel/ai PR #16237/#17919, dify-official-plugins #3169.
      [/claude-opus-4-7\b/, "Claude Opus 4.7", CLAUDE_NEXT | NO_FORCED_WHILE_THINKING, undefined, ADAPTIVE],
      // Mythos: adaptive thinking only (AWS claude-messages-adaptive-thinking.html); sampling and strict status unknown.
      [/claude-mythos/, "Claude Mythos", CLAUDE | ADAPTIVE_ONLY, undefined, ADAPTIVE],
      // Native structured output pads with U+200B until maxTokens: vercel/ai #17881, fix PR #20128 (JSON tool instead).
      // Adaptive thinking + output_config.effort from 4.6 on: AWS adaptive-thinking page; anthropics/claude-code-action #1005.
      [/claude-sonnet-4-6\b/, "Claude Sonnet 4.6", CLAUDE | NO_FORCED_WHILE_THINKING | NO_NATIVE_OUTPUT, undefined, ADAPTIVE],
      [/claude-opus-4-6\b/, "Claude Opus 4.6", CLAUDE | NO_FORCED_WHILE_THINKING, undefined, ADAPTIVE],
      // "`temperature` and `top_p` cannot both be specified for this model": mem0 #3891 / #4004, PR #4365 (AWS doc quote).
      // Some accounts refuse output_config.format for Haiku 4.5: vercel/ai #19988, fix PR #20128. langchain-aws #861.
      [/claude-haiku-4-5\b/, "Claude Haiku 4.5", CLAUDE | NO_FORCED_WHILE_THINKING | REJECTS_TEMPERATURE_WITH_TOP_P | NO_NATIVE_OUTPUT, undefined, BUDGET],
      // mem0ai/mem0 #3891 / #4004 / PR #4365, vercel/ai #17197 / PR #17558, langchain-aws #861.
      [/claude-sonnet-4-5\b/, "Claude Sonnet 4.5", CLAUDE | NO_FORCED_WHILE_THINKING | REJECTS_TEMPERATURE_WITH_TOP_P, undefined, BUDGET],
      // Claude 3.7 Sonnet, Sonnet 4, Opus 4, Opus 4.1, Opus 4.5: budget thinking, no forced tool while thinking
      // (langchain-aws bedrock_converse.py supports_tool_choice_values, #861).
      [/claude-(?:3-7-sonnet|sonnet-4|opus-4|haiku-4)/, "Claude 3.7 / 4.x", CLAUDE | NO_FORCED_WHILE_THINKING, undefined, BUDGET],
      // Claude 3 / 3.5 / 2: no extended thinking, so no effort control (langchain-aws PR #1114;
      // AWS conversation-inference-supported-models-features.html).
      [/claude-(?:3|v2|instant)/, "Claude 3.5 and earlier", CLAUDE | NO_FORCED_WHILE_THINKING, undefined, NONE],
    ],
  ],
  [
    "amazon",
    [
      // Nova 2: reasoningConfig with maxReasoningEffort (langchain-aws `_validate_nova_reasoning_config`);
      // auto / any / tool (langchain-aws supports_tool_choice_values; AWS API_runtime_ToolChoice).
      [/^amazon\.nova-2/, "Amazon Nova 2", 0, "auto any tool", NOVA_2],
      [/^amazon\.nova/, "Amazon Nova", 0, "auto any tool", NONE],
    ],
  ],
  [
    "meta",
    [
      // "This model doesn't support the toolConfig.toolChoice.any field": Llama 4, 3.1, 3.3, 3.2 11B/90B take auto only
      // (langchain-aws PR #627 / issue #620; run-llama/llama_index #19886; maximhq/bifrost PR #3196).
      [/^meta\.llama(?:4|3-1|3-3|3-2-(?:11b|90b))/, "Meta Llama 3.1+ / 4", 0, "auto", NONE],
      // Other Llama 3 models take no tool choice at all (langchain-aws PR #627).
      [/^meta\.llama3/, "Meta Llama 3", 0, "", NONE],
    ],
  ],
  [
    "mistral",
    [
      // langchain-aws bedrock_converse.py, @langchain/aws supportedToolChoiceValuesForModel.
      [/^mistral\.mistral-large/, "Mistral Large", SHORT_TOOL_IDS, "auto any", NONE],
      // Pixtral, Ministral, Mistral Small, Magistral, Voxtral, Devstral: the same tool-ID rule.
      [/^mistral\./, "Mistral", SHORT_TOOL_IDS],
    ],
  ],
  [
    "deepseek",
    [
      // R1 reasons always and takes no tools: langchain-aws #447 / #401 ("This model doesn't support tool use"); LibreChat #6351.
      [/^deepseek\.r1/, "DeepSeek R1", NO_TOOL_USE, "", NONE],
      // V3.1 / V3.2: `reasoning_effort` turns thinking on; auto and any work, `tool` is not obeyed, and
      // with thinking on `any` gives no tool call (langchain-aws PR #1261).
      [/^deepseek\.v3/, "DeepSeek V3.x", NO_FORCED_WHILE_THINKING, "auto any", FLAT_EFFORT],
    ],
  ],
  [
    "openai",
    [
      // Flat `reasoning_effort` (anomalyco/opencode PR #48195); stopSequences refused (aws-samples/bedrock-chat PR #924);
      // langchain-ai/docs PR #5239.
      [/^openai\.gpt-oss/, "OpenAI gpt-oss", REJECTS_STOP, undefined, FLAT_EFFORT],
      // GPT-5 family on Converse: `reasoning: { effort }`; flat reasoning_effort is an "Unknown parameter"
      // (opencode PR #48195; langchain-aws PR #1266).
      [/^openai\./, "OpenAI GPT", 0, undefined, NESTED],
    ],
  ],
  // Kimi K2: flat reasoning_effort (langchain-ai/docs PR #5239, documenting langchain-aws #1188).
  ["moonshot", [[/kimi-k2/, "Moonshot Kimi K2", 0, undefined, FLAT_EFFORT]]],
];

/** The profile a packed row stands for. */
function unpack(provider: string, [, name, flags, choices, reasoning]: Packed): ModelProfile {
  const profile: ModelProfile = { name, provider };
  for (const [bit, fields] of FLAG_FIELDS) if (flags & bit) Object.assign(profile, fields);
  if (choices !== undefined) profile.supportsToolChoiceValues = (choices ? choices.split(" ") : []) as ToolChoiceValue[];
  if (reasoning !== undefined) profile.reasoning = STYLES[reasoning]!;
  return profile;
}

/** First match wins: specific versions before their family. */
export const PROFILE_TABLE: readonly ProfileRow[] = PACKED.flatMap(([provider, rows]) => rows.map((row) => ({ match: row[0], profile: unpack(provider, row) })));

/**
 * Profiles for a provider alone (an application-inference-profile ARN with `provider` but no
 * `baseModelId`): only the facts that hold for the whole family (langchain-aws PR #1114,
 * vercel/ai PR #17558, langchain-aws #861).
 */
export const PROVIDER_PROFILES: Readonly<Record<string, ModelProfile>> = {
  anthropic: unpack("anthropic", [/(?:)/, "Claude (version unknown)", CLAUDE | NO_FORCED_WHILE_THINKING, undefined, BUDGET]),
};
