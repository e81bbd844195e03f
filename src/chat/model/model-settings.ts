// Merging request settings (constructor ← bound defaults ← call) and resolving them to Converse fields.
import type {
  DocumentType,
  GuardrailStreamConfiguration,
  InferenceConfiguration,
  PerformanceConfiguration,
  ServiceTier,
} from "../../wire/index.js";
import type { CachePointsOption, ChatBedrockConverseCallOptions, RequestSettings, ThinkingOption } from "./model-options.js";
import { isObject, type Dict } from "../../internal/index.js";

// Object settings merge key by key, so a call can add `trace` to the constructor's guardrail.
const MERGED_OBJECTS = new Set<string>(["additionalModelRequestFields", "guardrailConfig", "requestMetadata", "performanceConfig", "profile"]);

/**
 * Lays `layer` over `base`: `undefined` keeps the base value, `null` clears it, object settings
 * merge key by key, anything else replaces. Neither input is changed.
 * @example
 * mergeOptions({ temperature: 0.2, requestMetadata: { app: "a" } }, { requestMetadata: { user: "u" } })
 * // { temperature: 0.2, requestMetadata: { app: "a", user: "u" } }
 */
export function mergeOptions<T extends ChatBedrockConverseCallOptions>(base: T, layer: ChatBedrockConverseCallOptions | undefined): T {
  if (!layer) return base;
  const out: Dict = { ...(base as Dict) };
  for (const [key, value] of Object.entries(layer)) {
    if (value === undefined) continue;
    const previous = out[key];
    out[key] = MERGED_OBJECTS.has(key) && isObject(previous) && isObject(value) ? { ...previous, ...value } : value;
  }
  return out as T;
}

/** The Converse-level fields a set of merged settings amounts to. */
export interface ResolvedSettings {
  inferenceConfig: InferenceConfiguration | undefined;
  additionalModelRequestFields: Record<string, DocumentType> | undefined;
  additionalModelResponseFieldPaths: string[] | undefined;
  guardrailConfig: GuardrailStreamConfiguration | undefined;
  performanceConfig: PerformanceConfiguration | undefined;
  serviceTier: ServiceTier | undefined;
  requestMetadata: Record<string, string> | undefined;
  cachePoints: Exclude<CachePointsOption, false> | undefined;
  guardLastTurnOnly: boolean;
  streamUsage: boolean;
  /** Extended thinking is on: Bedrock then refuses forced tool choice. */
  thinkingEnabled: boolean;
}

const orUndefined = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

/** Resolves merged settings; `stop` (LangChain's call option) wins over `stopSequences`. */
export function resolveSettings(settings: RequestSettings & { stop?: string[] }): ResolvedSettings {
  const inference: InferenceConfiguration = {};
  if (settings.maxTokens != null) inference.maxTokens = settings.maxTokens;
  if (settings.temperature != null) inference.temperature = settings.temperature;
  if (settings.topP != null) inference.topP = settings.topP;
  const stops = settings.stop ?? orUndefined(settings.stopSequences);
  if (stops !== undefined && stops.length > 0) inference.stopSequences = [...stops];
  const fields = applyThinking(orUndefined(settings.additionalModelRequestFields), orUndefined(settings.thinking));
  const tier = orUndefined(settings.serviceTier);
  return {
    inferenceConfig: Object.keys(inference).length > 0 ? inference : undefined,
    additionalModelRequestFields: fields,
    additionalModelResponseFieldPaths: nonEmpty(orUndefined(settings.additionalModelResponseFieldPaths)),
    guardrailConfig: orUndefined(settings.guardrailConfig),
    performanceConfig: orUndefined(settings.performanceConfig),
    serviceTier: typeof tier === "string" ? { type: tier } : tier,
    requestMetadata: orUndefined(settings.requestMetadata),
    cachePoints: settings.cachePoints ? settings.cachePoints : undefined,
    guardLastTurnOnly: settings.guardLastTurnOnly === true,
    streamUsage: settings.streamUsage !== false,
    thinkingEnabled: isThinkingEnabled(fields),
  };
}

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);

/**
 * Merges the `thinking` shorthand into `additionalModelRequestFields.thinking`: a number is a
 * budget (`{ type: "enabled", budget_tokens }`), `false` removes thinking, an object is used as is.
 */
export function applyThinking(
  fields: Record<string, DocumentType> | undefined,
  thinking: ThinkingOption | undefined,
): Record<string, DocumentType> | undefined {
  if (thinking === undefined) return fields && Object.keys(fields).length > 0 ? fields : undefined;
  const { thinking: _replaced, ...rest } = fields ?? {};
  if (thinking === false) return Object.keys(rest).length > 0 ? rest : undefined;
  const value = typeof thinking === "number" ? { type: "enabled", budget_tokens: thinking } : { ...thinking };
  return { ...rest, thinking: value };
}

/** Claude's extended thinking is on (`thinking.type` "enabled" or "adaptive"). */
export function isThinkingEnabled(fields: Record<string, DocumentType> | undefined): boolean {
  const thinking = fields?.thinking;
  return isObject(thinking) && (thinking.type === "enabled" || thinking.type === "adaptive");
}
