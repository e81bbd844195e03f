// Types of model quirk profiles: what a model family refuses, and how `reasoningEffort` reaches it.

/** LangChain's standard `reasoning_effort` levels. */
export type ReasoningEffort = "low" | "medium" | "high";

/** The Converse tool choices a model may accept (langchain-aws's `supports_tool_choice_values`). */
export type ToolChoiceValue = "auto" | "any" | "tool";

/**
 * How a family takes `reasoningEffort` (all in `additionalModelRequestFields`):
 * - `anthropic-budget`: `thinking: { type: "enabled", budget_tokens }`, the budget chosen by effort;
 * - `anthropic-adaptive`: `thinking: { type: "adaptive" }` plus `output_config: { effort }`;
 * - `nova-2`: `reasoningConfig: { type: "enabled", maxReasoningEffort }`;
 * - `reasoning-effort`: a flat `reasoning_effort` (gpt-oss, DeepSeek V3.x, Kimi K2);
 * - `openai-nested`: `reasoning: { effort }` (OpenAI GPT-5 family on Converse);
 * - `none`: the model has no effort control; the option is ignored with a warning.
 */
export type ReasoningStyle = "anthropic-budget" | "anthropic-adaptive" | "nova-2" | "reasoning-effort" | "openai-nested" | "none";

/**
 * What a model is known to refuse. A field left out means "nothing known": the request is
 * sent as given. Every table row cites its sources beside it (see `profile-table.ts`).
 */
export interface ModelProfile {
  /** The table entry that matched, e.g. `"Claude Opus 4.7 / 4.8"` (shown in warnings). */
  name: string;
  /** Provider family as Bedrock spells it in model IDs: `anthropic`, `amazon`, `meta`, `mistral`, `openai`, `deepseek`, … */
  provider: string;
  /** `false`: the model takes no tools at all; a request with tools is a `BedrockInputError` (nothing to downgrade to). */
  supportsToolUse?: boolean;
  /** Tool choices the model accepts; a forced choice it refuses is downgraded with a warning. */
  supportsToolChoiceValues?: readonly ToolChoiceValue[];
  /** `false`: a forced tool choice is refused while thinking / reasoning is on (downgraded to `auto`). */
  forcedToolChoiceWithThinking?: boolean;
  /** `temperature`, `topP` and `top_k` are refused (dropped). */
  rejectsSamplingParameters?: boolean;
  /** `temperature` and `topP` are refused together (`topP` is dropped, `temperature` kept). */
  rejectsTemperatureWithTopP?: boolean;
  /** `false`: `toolSpec.strict` is refused (dropped). */
  supportsStrictTools?: boolean;
  /** `false`: native structured output (`outputConfig.textFormat`) is refused: a forced tool stands in. */
  supportsNativeStructuredOutput?: boolean;
  /** Native structured output refuses validation keywords: they move into `description` text. */
  sanitizesOutputSchema?: boolean;
  /** Most union-typed parameters (anyOf / type arrays) Bedrock compiles across all tools of a request. */
  maxUnionTypedParameters?: number;
  /** Only adaptive thinking is accepted: `thinking: { type: "enabled", budget_tokens }` becomes adaptive. */
  adaptiveThinkingOnly?: boolean;
  /** Tool-use IDs must be 9 letters or digits (Mistral): others in the history are rewritten, consistently. */
  shortToolUseIds?: boolean;
  /** `stopSequences` are refused (dropped). */
  rejectsStopSequences?: boolean;
  /** How `reasoningEffort` is sent. */
  reasoning?: ReasoningStyle;
  /** Sources of a profile's facts; the built-in table cites its own in comments beside each row (profile-table.ts), not at run time. */
  sources?: readonly string[];
}

/** Fields a caller may override (everything but the provenance). */
export type ProfileOverrides = Partial<Omit<ModelProfile, "sources">>;

/**
 * The `profile` option: `false` turns every adjustment off (the request is sent as built);
 * an object overrides fields of the resolved profile (on a model the table does not know, it is
 * the whole profile).
 */
export type ProfileOption = false | ProfileOverrides;

/** What identifies the model when its ID does not (application inference profile ARNs). */
export interface ModelIdentity {
  /** langchain-aws's `provider`: the family, e.g. `"anthropic"`. */
  provider?: string;
  /** langchain-aws's `base_model_id`: the model an ARN runs, e.g. `"anthropic.claude-opus-4-7"`. */
  baseModelId?: string;
}
