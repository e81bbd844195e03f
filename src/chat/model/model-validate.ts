// Up-front checks of ChatBedrockConverse settings: a BedrockInputError naming the field, before any network call.
import { BedrockInputError } from "../../errors/index.js";
import { modelIdProblem } from "../../wire/model-path.js";
import { checkJsonValue } from "../../wire/validate-json.js";
import { CACHE_POINT_PRIORITY } from "../request/index.js";
import type { ChatBedrockConverseCallOptions, RequestSettings } from "./model-options.js";
import { describeValue, isObject, type Dict } from "../../internal/index.js";
import type { PerformanceConfigLatency, ServiceTierType } from "../../wire/index.js";

// src/wire's enum values, listed in the order error messages name them.
const LATENCIES = ["standard", "optimized"] as const satisfies readonly PerformanceConfigLatency[];
const SERVICE_TIERS = ["priority", "default", "flex", "reserved"] as const satisfies readonly ServiceTierType[];

const fail = (field: string, rule: string, value: unknown): never => {
  throw new BedrockInputError(`${field} must be ${rule}, got ${describeValue(value)}`);
};

function unitInterval(field: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1) fail(field, "a number from 0 to 1", value);
}

function oneOf(field: string, value: unknown, allowed: readonly string[]): void {
  if (typeof value !== "string" || !allowed.includes(value)) fail(field, `one of ${allowed.map((a) => `"${a}"`).join(", ")}`, value);
}

function stringList(field: string, value: unknown, check?: (item: string) => boolean, itemRule = "a non-empty string"): void {
  if (!Array.isArray(value)) return fail(field, "an array", value);
  value.forEach((item, i) => {
    if (typeof item !== "string" || item === "" || (check && !check(item))) fail(`${field}[${i}]`, itemRule, item);
  });
}

function thinking(field: string, value: unknown): void {
  if (value === false) return;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 1024) fail(field, "a budget of at least 1024 tokens (Anthropic's minimum)", value);
    return;
  }
  if (!isObject(value)) return fail(field, 'a token budget, false, or { type: "enabled", budget_tokens }', value);
  oneOf(`${field}.type`, value.type, ["enabled", "adaptive", "disabled"]);
  if (value.type === "enabled") {
    const budget = value.budget_tokens;
    if (typeof budget !== "number" || !Number.isInteger(budget) || budget < 1024) {
      fail(`${field}.budget_tokens`, "an integer of at least 1024 (Anthropic's minimum)", budget);
    }
  }
}

function cachePoints(field: string, value: unknown): void {
  if (typeof value === "boolean") return;
  if (!isObject(value)) return fail(field, "a boolean or { ttl?, where? }", value);
  if (value.ttl !== undefined) oneOf(`${field}.ttl`, value.ttl, ["5m", "1h"]);
  if (value.where !== undefined) stringList(`${field}.where`, value.where, (s) => SPOTS.includes(s), `one of ${SPOTS.map((s) => `"${s}"`).join(", ")}`);
}

const SPOTS: readonly string[] = CACHE_POINT_PRIORITY;

function guardrail(field: string, value: unknown): void {
  if (!isObject(value)) return fail(field, "an object { guardrailIdentifier, guardrailVersion, trace? }", value);
  for (const key of ["guardrailIdentifier", "guardrailVersion"]) {
    if (typeof value[key] !== "string" || value[key] === "") fail(`${field}.${key}`, "a non-empty string", value[key]);
  }
  if (value.trace !== undefined) oneOf(`${field}.trace`, value.trace, ["enabled", "disabled", "enabled_full"]);
  if (value.streamProcessingMode !== undefined) oneOf(`${field}.streamProcessingMode`, value.streamProcessingMode, ["sync", "async"]);
}

// Field types of the `profile` option's overrides (profile-types.ts), for its up-front check.
const PROFILE_BOOLEANS = [
  "forcedToolChoiceWithThinking",
  "rejectsSamplingParameters",
  "rejectsTemperatureWithTopP",
  "supportsStrictTools",
  "supportsNativeStructuredOutput",
  "sanitizesOutputSchema",
  "adaptiveThinkingOnly",
  "rejectsStopSequences",
  "supportsToolUse",
  "shortToolUseIds",
] as const;
const REASONING_STYLES = ["anthropic-budget", "anthropic-adaptive", "nova-2", "reasoning-effort", "openai-nested", "none"] as const;
const TOOL_CHOICE_VALUES = ["auto", "any", "tool"] as const;

function toolChoiceValues(field: string, value: unknown): void {
  if (!Array.isArray(value)) return fail(field, 'an array of "auto", "any", "tool"', value);
  value.forEach((item, i) => oneOf(`${field}[${i}]`, item, TOOL_CHOICE_VALUES));
}

function profileOption(field: string, value: unknown): void {
  if (value === false) return;
  if (!isObject(value)) return fail(field, "false or an object of profile overrides", value);
  const known = new Set<string>([...PROFILE_BOOLEANS, "name", "provider", "supportsToolChoiceValues", "maxUnionTypedParameters", "reasoning"]);
  for (const key of Object.keys(value)) if (!known.has(key)) throw new BedrockInputError(`${field}.${key} is not a profile field`);
  for (const key of PROFILE_BOOLEANS) if (value[key] !== undefined && typeof value[key] !== "boolean") fail(`${field}.${key}`, "a boolean", value[key]);
  for (const key of ["name", "provider"]) if (value[key] !== undefined && (typeof value[key] !== "string" || value[key] === "")) fail(`${field}.${key}`, "a non-empty string", value[key]);
  if (value.supportsToolChoiceValues !== undefined) toolChoiceValues(`${field}.supportsToolChoiceValues`, value.supportsToolChoiceValues);
  const limit = value.maxUnionTypedParameters;
  if (limit !== undefined && (typeof limit !== "number" || !Number.isInteger(limit) || limit < 0)) fail(`${field}.maxUnionTypedParameters`, "a non-negative integer", limit);
  if (value.reasoning !== undefined) oneOf(`${field}.reasoning`, value.reasoning, REASONING_STYLES);
}

const nonEmptyString = (field: string, value: unknown): void => {
  if (typeof value !== "string" || value.trim() === "") fail(field, "a non-empty string", value);
};

const CHECKS: { [K in keyof RequestSettings]-?: (field: string, value: unknown) => void } = {
  temperature: unitInterval,
  topP: unitInterval,
  maxTokens: (field, value) => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) fail(field, "a positive integer", value);
  },
  stopSequences: (field, value) => stringList(field, value),
  additionalModelRequestFields: (field, value) => {
    if (!isObject(value)) fail(field, "an object", value);
    checkJsonValue(value, field);
  },
  additionalModelResponseFieldPaths: (field, value) =>
    stringList(field, value, (p) => p.startsWith("/"), 'a JSON Pointer string such as "/stop_sequence"'),
  guardrailConfig: guardrail,
  performanceConfig: (field, value) => {
    if (!isObject(value)) return fail(field, '{ latency: "standard" | "optimized" }', value);
    if (value.latency !== undefined) oneOf(`${field}.latency`, value.latency, LATENCIES);
  },
  serviceTier: (field, value) => {
    const type = isObject(value) ? value.type : value;
    oneOf(isObject(value) ? `${field}.type` : field, type, SERVICE_TIERS);
  },
  requestMetadata: (field, value) => {
    if (!isObject(value)) return fail(field, "an object of string values", value);
    for (const [key, item] of Object.entries(value)) if (typeof item !== "string") fail(`${field}.${key}`, "a string", item);
  },
  thinking,
  cachePoints,
  guardLastTurnOnly: (field, value) => {
    if (typeof value !== "boolean") fail(field, "a boolean", value);
  },
  streamUsage: (field, value) => {
    if (typeof value !== "boolean") fail(field, "a boolean", value);
  },
  reasoningEffort: (field, value) => oneOf(field, value, ["low", "medium", "high"]),
  profile: profileOption,
  provider: nonEmptyString,
  baseModelId: nonEmptyString,
  supportsToolChoiceValues: toolChoiceValues,
  outputConfig: (field, value) => {
    if (!isObject(value)) return fail(field, '{ textFormat: { type: "json_schema", structure } }', value);
    if (value.textFormat !== undefined && !isObject(value.textFormat)) fail(`${field}.textFormat`, "an object { type, structure }", value.textFormat);
    if (value.effort !== undefined && typeof value.effort !== "string") fail(`${field}.effort`, "a string", value.effort);
    checkJsonValue(value, field);
  },
};

/** Checks every request setting present (`null` is allowed: it removes the field for a call). */
export function validateSettings(settings: RequestSettings, prefix = ""): void {
  if (!isObject(settings)) throw new BedrockInputError(`${prefix || "options"} must be an object`);
  for (const key of Object.keys(CHECKS) as Array<keyof RequestSettings>) {
    const value = settings[key];
    if (value !== undefined && value !== null) CHECKS[key](`${prefix}${key}`, value);
  }
}

/** Checks per-call options: the shared settings plus `stop`, `signal`, `tools`, `maxConcurrency`. */
export function validateCallOptions(options: ChatBedrockConverseCallOptions): void {
  if (!isObject(options)) throw new BedrockInputError("call options must be an object");
  validateSettings(options);
  if (options.stop !== undefined) stringList("stop", options.stop);
  // Duck-typed: a signal from another realm or a polyfill fails `instanceof AbortSignal`.
  const signal = options.signal as { aborted?: unknown; addEventListener?: unknown } | undefined;
  if (signal !== undefined && (typeof signal?.aborted !== "boolean" || typeof signal.addEventListener !== "function")) {
    fail("signal", "an AbortSignal", signal);
  }
  if (options.tools !== undefined && !Array.isArray(options.tools)) fail("tools", "an array", options.tools);
  if (options.strict !== undefined && typeof options.strict !== "boolean") fail("strict", "a boolean", options.strict);
  const limit = options.maxConcurrency;
  if (limit !== undefined && (typeof limit !== "number" || !(limit >= 1) || !(Number.isInteger(limit) || limit === Infinity))) {
    fail("maxConcurrency", "a positive integer", limit);
  }
}

/** The model ID: `model` or `modelId` (both given must agree). */
export function resolveModelId(fields: { model?: unknown; modelId?: unknown }): string {
  const { model, modelId } = fields;
  if (model !== undefined && modelId !== undefined && model !== modelId) {
    throw new BedrockInputError("model and modelId name different models; pass one of them");
  }
  const id = model ?? modelId;
  if (typeof id !== "string" || id.trim() === "") {
    throw new BedrockInputError(
      `model is required: a model ID, inference profile ID or ARN, got ${describeValue(id)}`,
    );
  }
  const problem = modelIdProblem(id);
  if (problem !== undefined) throw new BedrockInputError(`model ${problem}`);
  return id;
}
