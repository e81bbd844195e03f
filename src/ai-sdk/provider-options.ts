// `providerOptions.bedrock` of a call: the names @ai-sdk/amazon-bedrock reads, checked field by field.
import { BedrockInputError } from "../errors/index.js";
import { isObject } from "../internal/index.js";
import type {
  GuardrailStreamConfiguration,
  PerformanceConfiguration,
  PromptVariableValues,
  ServiceTierType,
} from "../wire/index.js";

export type StructuredOutputMode = "outputFormat" | "jsonTool" | "auto";

export interface ReasoningConfig {
  type?: "enabled" | "disabled" | "adaptive";
  /** Anthropic models: the thinking budget (at least 1024). */
  budgetTokens?: number;
  maxReasoningEffort?: "low" | "medium" | "high" | "xhigh" | "max";
  /** Anthropic adaptive thinking: show a summary, or nothing. */
  display?: "omitted" | "summarized";
}

/** Call-level `providerOptions.bedrock`. */
export interface BedrockCallOptions {
  reasoningConfig?: ReasoningConfig;
  additionalModelRequestFields?: Record<string, unknown>;
  additionalModelResponseFieldPaths?: string[];
  guardrailConfig?: GuardrailStreamConfiguration;
  performanceConfig?: PerformanceConfiguration;
  requestMetadata?: Record<string, string>;
  promptVariables?: Record<string, PromptVariableValues>;
  serviceTier?: ServiceTierType;
  structuredOutputMode?: StructuredOutputMode;
  anthropicBeta?: string[];
}

const KNOWN = new Set([
  "reasoningConfig",
  "additionalModelRequestFields",
  "additionalModelResponseFieldPaths",
  "guardrailConfig",
  "performanceConfig",
  "requestMetadata",
  "promptVariables",
  "serviceTier",
  "structuredOutputMode",
  "anthropicBeta",
]);

const PATH = "providerOptions.bedrock";

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !allowed.includes(value as T)) {
    throw new BedrockInputError(`${PATH}.${field} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
  }
  return value as T;
}

function objectField(value: unknown, field: string): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) throw new BedrockInputError(`${PATH}.${field} must be an object`);
  return value;
}

function reasoningConfig(value: unknown): ReasoningConfig | undefined {
  const config = objectField(value, "reasoningConfig");
  if (config === undefined) return undefined;
  const out: ReasoningConfig = {};
  const type = oneOf(config.type, "reasoningConfig.type", ["enabled", "disabled", "adaptive"] as const);
  if (type) out.type = type;
  if (config.budgetTokens !== undefined) {
    if (typeof config.budgetTokens !== "number" || !Number.isInteger(config.budgetTokens) || config.budgetTokens < 1) {
      throw new BedrockInputError(`${PATH}.reasoningConfig.budgetTokens must be a positive integer`);
    }
    out.budgetTokens = config.budgetTokens;
  }
  const effort = oneOf(config.maxReasoningEffort, "reasoningConfig.maxReasoningEffort", ["low", "medium", "high", "xhigh", "max"] as const);
  if (effort) out.maxReasoningEffort = effort;
  const display = oneOf(config.display, "reasoningConfig.display", ["omitted", "summarized"] as const);
  if (display) out.display = display;
  return out;
}

function stringList(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new BedrockInputError(`${PATH}.${field} must be an array of strings`);
  }
  return value as string[];
}

/**
 * Reads `providerOptions.bedrock`; unknown keys come back as names for a warning rather than
 * being sent (Bedrock would refuse the whole request over one of them).
 */
export function parseCallOptions(providerOptions: Record<string, unknown> | undefined): {
  options: BedrockCallOptions;
  unknownKeys: string[];
} {
  const raw = providerOptions?.bedrock;
  if (raw === undefined) return { options: {}, unknownKeys: [] };
  if (!isObject(raw)) throw new BedrockInputError(`${PATH} must be an object`);
  const options: BedrockCallOptions = {};
  const reasoning = reasoningConfig(raw.reasoningConfig);
  if (reasoning) options.reasoningConfig = reasoning;
  const fields = objectField(raw.additionalModelRequestFields, "additionalModelRequestFields");
  if (fields) options.additionalModelRequestFields = { ...fields };
  const paths = stringList(raw.additionalModelResponseFieldPaths, "additionalModelResponseFieldPaths");
  if (paths) options.additionalModelResponseFieldPaths = paths;
  // Shapes the wire layer validates in full before sending; here only "is it an object".
  const guardrail = objectField(raw.guardrailConfig, "guardrailConfig");
  if (guardrail) options.guardrailConfig = guardrail as GuardrailStreamConfiguration;
  const performance = objectField(raw.performanceConfig, "performanceConfig");
  if (performance) options.performanceConfig = performance as PerformanceConfiguration;
  const metadata = objectField(raw.requestMetadata, "requestMetadata");
  if (metadata) options.requestMetadata = metadata as Record<string, string>;
  const variables = objectField(raw.promptVariables, "promptVariables");
  if (variables) options.promptVariables = variables as Record<string, PromptVariableValues>;
  const tier = oneOf(raw.serviceTier, "serviceTier", ["reserved", "priority", "default", "flex"] as const);
  if (tier) options.serviceTier = tier;
  const mode = oneOf(raw.structuredOutputMode, "structuredOutputMode", ["outputFormat", "jsonTool", "auto"] as const);
  if (mode) options.structuredOutputMode = mode;
  const betas = stringList(raw.anthropicBeta, "anthropicBeta");
  if (betas) options.anthropicBeta = betas;
  return { options, unknownKeys: Object.keys(raw).filter((key) => !KNOWN.has(key)) };
}

/** `providerOptions.bedrock.cachePoint` of a message or part, as a Converse cache point block. */
export function cachePointOf(providerOptions: Record<string, unknown> | undefined, path: string): { cachePoint: { type: "default"; ttl?: "5m" | "1h" } } | undefined {
  const bedrock = providerOptions?.bedrock;
  if (!isObject(bedrock) || bedrock.cachePoint === undefined) return undefined;
  const point = bedrock.cachePoint;
  if (!isObject(point)) throw new BedrockInputError(`${path}.providerOptions.bedrock.cachePoint must be an object like { type: "default" }`);
  if (point.type !== "default") throw new BedrockInputError(`${path}.providerOptions.bedrock.cachePoint.type must be "default"`);
  if (point.ttl !== undefined && point.ttl !== "5m" && point.ttl !== "1h") {
    throw new BedrockInputError(`${path}.providerOptions.bedrock.cachePoint.ttl must be "5m" or "1h"`);
  }
  return { cachePoint: point.ttl === undefined ? { type: "default" } : { type: "default", ttl: point.ttl } };
}
