// Up-front checks of ChatBedrockConverse settings: a BedrockInputError naming the field, before any network call.
import { BedrockInputError } from "../../errors/index.js";
import { modelIdProblem } from "../../wire/serde/model-path.js";
import { checkJsonValue } from "../../wire/validate/validate-json.js";
import { CACHE_POINT_PRIORITY } from "../request/index.js";
import type { ChatBedrockConverseCallOptions, RequestSettings } from "./model-options.js";
import { describeValue, isObject } from "../../internal/index.js";
import { FLAG_FIELDS, STYLES } from "../profiles/profile-table.js";
import type { PerformanceConfigLatency, ServiceTierType } from "../../wire/index.js";

// src/wire's enum values, listed in the order error messages name them.
const LATENCIES = ["standard", "optimized"] as const satisfies readonly PerformanceConfigLatency[];
const SERVICE_TIERS = ["priority", "default", "flex", "reserved"] as const satisfies readonly ServiceTierType[];

const fail = (field: string, rule: string, value: unknown): never => {
  throw new BedrockInputError(`${field} must be ${rule}, got ${describeValue(value)}`);
};

type Check = (field: string, value: unknown) => void;

/** A check from a test and the rule its message states. */
const is =
  (test: (value: any) => boolean, rule: string): Check =>
  (field, value) => {
    if (!test(value)) fail(field, rule, value);
  };

const quoted = (list: readonly string[]): string => list.map((a) => `"${a}"`).join(", ");
const oneOf = (allowed: readonly string[]): Check => is((v) => allowed.includes(v), `one of ${quoted(allowed)}`);
const boolean = is((v) => typeof v === "boolean", "a boolean");
const aString = is((v) => typeof v === "string", "a string");
const nonEmpty = is((v) => typeof v === "string" && v !== "", "a non-empty string");
const nonBlank = is((v) => typeof v === "string" && v.trim() !== "", "a non-empty string");
const integer = (min: number, rule: string): Check => is((v) => Number.isInteger(v) && v >= min, rule);
const unitInterval = is((v) => typeof v === "number" && v >= 0 && v <= 1, "a number from 0 to 1");

/** An object (`rule` otherwise) whose keys present, and `required` ones, pass their checks. */
const object =
  (rule: string, keys: Record<string, Check>, required: readonly string[] = []): Check =>
  (field, value) => {
    if (!isObject(value)) return fail(field, rule, value);
    for (const [key, check] of Object.entries(keys)) if (value[key] !== undefined || required.includes(key)) check(`${field}.${key}`, value[key]);
  };

const stringList =
  (item: Check = nonEmpty): Check =>
  (field, value) => {
    if (!Array.isArray(value)) return fail(field, "an array", value);
    value.forEach((v, i) => item(`${field}[${i}]`, v));
  };

function thinking(field: string, value: unknown): void {
  if (value === false) return;
  if (typeof value === "number") return integer(1024, "a budget of at least 1024 tokens (Anthropic's minimum)")(field, value);
  if (!isObject(value)) return fail(field, 'a token budget, false, or { type: "enabled", budget_tokens }', value);
  oneOf(["enabled", "adaptive", "disabled"])(`${field}.type`, value.type);
  if (value.type === "enabled") integer(1024, "an integer of at least 1024 (Anthropic's minimum)")(`${field}.budget_tokens`, value.budget_tokens);
}

const SPOTS: readonly string[] = CACHE_POINT_PRIORITY;
const cachePointObject = object("a boolean or { ttl?, where? }", {
  ttl: oneOf(["5m", "1h"]),
  where: stringList(is((s) => SPOTS.includes(s), `one of ${quoted(SPOTS)}`)),
});

// Field types of the `profile` option's overrides: the table's flag fields, plus the rest.
const PROFILE_CHECKS: Record<string, Check> = {
  name: nonEmpty,
  provider: nonEmpty,
  supportsToolChoiceValues: stringList(oneOf(["auto", "any", "tool"])),
  reasoning: oneOf(STYLES),
};
for (const [, fields] of FLAG_FIELDS) {
  for (const [key, sample] of Object.entries(fields)) PROFILE_CHECKS[key] = typeof sample === "boolean" ? boolean : integer(0, "a non-negative integer");
}
const profileObject = object("false or an object of profile overrides", PROFILE_CHECKS);

function profileOption(field: string, value: unknown): void {
  if (value === false) return;
  if (isObject(value)) for (const key of Object.keys(value)) if (!Object.hasOwn(PROFILE_CHECKS, key)) throw new BedrockInputError(`${field}.${key} is not a profile field`);
  profileObject(field, value);
}

const json =
  (check: Check): Check =>
  (field, value) => {
    check(field, value);
    checkJsonValue(value, field);
  };

const CHECKS: { [K in keyof RequestSettings]-?: Check } = {
  temperature: unitInterval,
  topP: unitInterval,
  maxTokens: integer(1, "a positive integer"),
  stopSequences: stringList(),
  additionalModelRequestFields: json(is(isObject, "an object")),
  additionalModelResponseFieldPaths: stringList(is((p) => typeof p === "string" && p.startsWith("/"), 'a JSON Pointer string such as "/stop_sequence"')),
  guardrailConfig: object(
    "an object { guardrailIdentifier, guardrailVersion, trace? }",
    { guardrailIdentifier: nonEmpty, guardrailVersion: nonEmpty, trace: oneOf(["enabled", "disabled", "enabled_full"]), streamProcessingMode: oneOf(["sync", "async"]) },
    ["guardrailIdentifier", "guardrailVersion"],
  ),
  performanceConfig: object('{ latency: "standard" | "optimized" }', { latency: oneOf(LATENCIES) }),
  serviceTier: (field, value) => (isObject(value) ? oneOf(SERVICE_TIERS)(`${field}.type`, value.type) : oneOf(SERVICE_TIERS)(field, value)),
  requestMetadata: (field, value) => {
    if (!isObject(value)) return fail(field, "an object of string values", value);
    for (const [key, item] of Object.entries(value)) aString(`${field}.${key}`, item);
  },
  thinking,
  cachePoints: (field, value) => (typeof value === "boolean" ? undefined : cachePointObject(field, value)),
  guardLastTurnOnly: boolean,
  streamUsage: boolean,
  reasoningEffort: oneOf(["low", "medium", "high"]),
  profile: profileOption,
  provider: nonBlank,
  baseModelId: nonBlank,
  supportsToolChoiceValues: PROFILE_CHECKS.supportsToolChoiceValues!,
  outputConfig: json(
    object('{ textFormat: { type: "json_schema", structure } }', { textFormat: is(isObject, "an object { type, structure }"), effort: aString }),
  ),
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
  if (options.stop !== undefined) stringList()("stop", options.stop);
  // Duck-typed: a signal from another realm or a polyfill fails `instanceof AbortSignal`.
  const signal = options.signal as { aborted?: unknown; addEventListener?: unknown } | undefined;
  if (signal !== undefined && (typeof signal?.aborted !== "boolean" || typeof signal.addEventListener !== "function")) {
    fail("signal", "an AbortSignal", signal);
  }
  if (options.tools !== undefined && !Array.isArray(options.tools)) fail("tools", "an array", options.tools);
  if (options.strict !== undefined) boolean("strict", options.strict);
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
