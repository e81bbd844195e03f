// Options of ChatBedrockConverse: constructor fields, per-call options and the request settings they share.
import type { ConverseRuntime } from "../../client/bedrock-runtime.js";
import type { BedrockRuntimeOptions, CallOptions as ClientCallOptions } from "../../client/options.js";
import type {
  DocumentType,
  GuardrailStreamConfiguration,
  OutputConfig,
  PerformanceConfiguration,
  ServiceTier,
  ServiceTierType,
} from "../../wire/index.js";
import type { CachePointsOptions, Message } from "../request/index.js";
import type { ToolChoiceInput, ToolInput } from "../tools/index.js";
import type { ProfileOption, ReasoningEffort, ToolChoiceValue } from "../profiles/index.js";
import type { DisableStreamingOption, SystemOption } from "./model-fields.js";

/** Extended thinking: Anthropic's `{ type: "enabled", budget_tokens }`, a budget, or `false` to turn it off. */
export type ThinkingOption =
  | { type: "enabled"; budget_tokens: number; [key: string]: unknown }
  | { type: "adaptive" | "disabled"; [key: string]: unknown }
  | number
  | false;

/**
 * Automatic prompt-cache points: `true` places them at every spot with Bedrock's default TTL;
 * an object picks the TTL and the spots (see `placeCachePoints`).
 */
export type CachePointsOption = boolean | CachePointsOptions;

/**
 * The fields that shape a Converse request. Set on the constructor, they apply to every call;
 * a call (or `withConfig` / `bindTools`) may override each one. Object fields merge key by key
 * over the constructor's (`additionalModelRequestFields`, `guardrailConfig`, `requestMetadata`,
 * `performanceConfig`); `null` removes a field for that call.
 */
export interface RequestSettings {
  temperature?: number | null;
  maxTokens?: number | null;
  topP?: number | null;
  stopSequences?: string[] | null;
  /** Model-specific request fields, e.g. `{ top_k: 5 }` or `{ thinking: { … } }`. */
  additionalModelRequestFields?: Record<string, DocumentType> | null;
  /** JSON Pointer paths of model-specific response fields to return, e.g. `["/stop_sequence"]`. */
  additionalModelResponseFieldPaths?: string[] | null;
  /** `{ guardrailIdentifier, guardrailVersion, trace?, streamProcessingMode? }`. */
  guardrailConfig?: GuardrailStreamConfiguration | null;
  /** `{ latency: "optimized" }` for latency-optimized inference. */
  performanceConfig?: PerformanceConfiguration | null;
  /** `{ type: "priority" | "default" | "flex" | "reserved" }`, or the type alone. */
  serviceTier?: ServiceTier | ServiceTierType | null;
  /** Key-value pairs for invocation logs. */
  requestMetadata?: Record<string, string> | null;
  /** Shorthand merged into `additionalModelRequestFields.thinking`. */
  thinking?: ThinkingOption | null;
  /** Automatic cache points (off by default). */
  cachePoints?: CachePointsOption | null;
  /** Wrap the last user turn's text in `guardContent`, so the guardrail checks only it. */
  guardLastTurnOnly?: boolean | null;
  /** Whether streamed chunks carry `usage_metadata` (default true). */
  streamUsage?: boolean | null;
  /**
   * LangChain's standard `reasoning_effort`, sent the way the model family takes it (Claude
   * thinking, Nova 2 `reasoningConfig`, gpt-oss / DeepSeek `reasoning_effort`); ignored with a
   * warning on models without an effort setting.
   */
  reasoningEffort?: ReasoningEffort | null;
  /** The model's quirk profile: `false` sends requests unadjusted; an object overrides profile fields. */
  profile?: ProfileOption | null;
  /** langchain-aws's `provider`: the model family, for ARNs that do not name the model (e.g. `"anthropic"`). */
  provider?: string | null;
  /** langchain-aws's `base_model_id`: the model an application inference profile ARN runs. */
  baseModelId?: string | null;
  /** langchain-aws's `supports_tool_choice_values`: overrides the profile's list. */
  supportsToolChoiceValues?: readonly ToolChoiceValue[] | null;
  /**
   * Converse's `outputConfig` (native structured output); on the constructor it applies to every
   * call, as langchain-aws's `output_config` (PR #934). `withStructuredOutput(…, { method: "jsonSchema" })` sets it per call.
   */
  outputConfig?: OutputConfig | null;
}

/** The connection options that configure a new ConverseRuntime (not allowed next to `client`). */
export const CONNECTION_FIELDS = [
  "region",
  "credentials",
  "apiKey",
  "endpoint",
  "fetch",
  "maxRetries",
  "timeout",
  "streamIdleTimeout",
  "dangerouslyAllowBrowser",
  "userAgentAppId",
  "hooks",
  "gateway",
] as const;

/** The call options handed to the client as they are (it validates them before any request). */
export const CLIENT_CALL_FIELDS = ["signal", "headers", "timeout", "maxRetries", "streamIdleTimeout"] as const;

/** Constructor fields of `ChatBedrockConverse`: the client's connection options, documented there, plus the model's own. */
export interface ChatBedrockConverseInput
  extends RequestSettings,
    Pick<BedrockRuntimeOptions, (typeof CONNECTION_FIELDS)[number]> {
  /** Model ID, inference profile ID or ARN, e.g. `"us.anthropic.claude-sonnet-4-20250514-v1:0"`. */
  model?: string;
  /** Alias of `model`, as the AWS SDK names it. */
  modelId?: string;
  /** An existing client to reuse (a `BedrockRuntime`); connection options must not be passed with it. */
  client?: ConverseRuntime;
  /** `invoke` streams under the hood and returns the concatenated chunks. */
  streaming?: boolean;
  /** Receives warnings (tool choice downgraded, tool blocks sent as text). Default: `console.warn`, once per message. */
  warn?: (message: string) => void;
  /**
   * A system prompt sent before the system messages of every call (langchain-aws's `system`):
   * text, or a list of text and system blocks (`{ text }`, `{ guardContent }`, `{ cachePoint }`).
   */
  system?: SystemOption;
  /**
   * Bedrock messages sent as the conversation, as given (langchain-aws's `raw_blocks`): the
   * messages passed to a call, the system messages and `system` are then not sent.
   */
  rawBlocks?: Message[];
  /**
   * LangChain's `disableStreaming`: `true` makes `stream()` call Converse and yield the reply as
   * one chunk (and `streaming: true` no longer streams); `"tool_calling"` does so only for calls that bind tools.
   */
  disableStreaming?: DisableStreamingOption;
  /**
   * Headers sent with every request (langchain-aws `default_headers`, @langchain/aws
   * `defaultHeaders`), signed with the rest, as @langchain/aws signs them.
   */
  headers?: Record<string, string>;
}

/** Options of one call (and defaults bound with `withConfig` / `bindTools`). */
export interface ChatBedrockConverseCallOptions extends RequestSettings, Pick<ClientCallOptions, "headers" | "timeout" | "maxRetries" | "streamIdleTimeout"> {
  signal?: AbortSignal;
  /** Stop sequences for this call (LangChain's name; wins over `stopSequences`). */
  stop?: string[];
  tools?: readonly ToolInput[];
  /** `"auto"`, `"any"`, `"none"`, a tool name, or a Bedrock / OpenAI / Anthropic tool choice object. */
  tool_choice?: ToolChoiceInput;
  /** Sets `toolSpec.strict` on the bound tools. */
  strict?: boolean;
  /** Values for a Prompt management prompt's `{{variables}}`, when `model` is a prompt ARN. */
  promptVariables?: Record<string, { text: string }>;
  /** Largest number of parallel calls in `batch` (default: all at once). */
  maxConcurrency?: number;
}


/** The request settings, in the order `toJSON` shows them. */
export const SETTING_FIELDS = [
  "temperature",
  "maxTokens",
  "topP",
  "stopSequences",
  "additionalModelRequestFields",
  "additionalModelResponseFieldPaths",
  "guardrailConfig",
  "performanceConfig",
  "serviceTier",
  "requestMetadata",
  "thinking",
  "cachePoints",
  "guardLastTurnOnly",
  "streamUsage",
  "reasoningEffort",
  "profile",
  "provider",
  "baseModelId",
  "supportsToolChoiceValues",
  "outputConfig",
] as const satisfies ReadonlyArray<keyof RequestSettings>;
