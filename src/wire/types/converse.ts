// Converse request and response, shaped like @aws-sdk/client-bedrock-runtime's.
import type { BlobInput, DocumentType } from "./common.js";
import type { Message, SystemContentBlock } from "./content-blocks.js";
import type {
  CacheTTL,
  GuardrailStreamProcessingMode,
  GuardrailTrace,
  Open,
  OutputFormatType,
  PerformanceConfigLatency,
  ServiceTierType,
  StopReason,
} from "./enums.js";
import type { GuardrailTraceAssessment, PromptRouterTrace } from "./guardrail-trace.js";
import type { ToolConfiguration } from "./tools.js";
import type { TaggedUnion } from "./union.js";

export interface InferenceConfiguration {
  /** At least 1. */
  maxTokens?: number | undefined;
  /** 0 to 1. */
  temperature?: number | undefined;
  /** 0 to 1. */
  topP?: number | undefined;
  stopSequences?: string[] | undefined;
}

export interface GuardrailConfiguration {
  guardrailIdentifier?: string | undefined;
  guardrailVersion?: string | undefined;
  trace?: GuardrailTrace | undefined;
}

/** Guardrail settings of ConverseStream, which may also check the stream asynchronously. */
export interface GuardrailStreamConfiguration extends GuardrailConfiguration {
  streamProcessingMode?: GuardrailStreamProcessingMode | undefined;
}

export interface PerformanceConfiguration {
  latency?: PerformanceConfigLatency | undefined;
}

export interface ServiceTier {
  type: ServiceTierType | undefined;
}

/** A value for a `{{variable}}` of a Prompt management prompt. */
export type PromptVariableValues = TaggedUnion<{ text: string }>;

export interface JsonSchemaDefinition {
  /** The JSON Schema as a JSON string (not an object). */
  schema: string | undefined;
  name?: string | undefined;
  description?: string | undefined;
}

export type OutputFormatStructure = TaggedUnion<{ jsonSchema: JsonSchemaDefinition }>;

export interface OutputFormat {
  type: OutputFormatType | undefined;
  structure: OutputFormatStructure | undefined;
}

/** Structured output: constrain the reply to a JSON schema. */
export interface OutputConfig {
  textFormat?: OutputFormat | undefined;
  effort?: string | undefined;
}

/**
 * Body of `POST /model/{modelId}/converse`. Blobs may be `Uint8Array` or base64 strings.
 * @example
 * const request: ConverseRequest = {
 *   modelId: "us.amazon.nova-micro-v1:0",
 *   messages: [{ role: "user", content: [{ text: "I love programming." }] }],
 *   inferenceConfig: { maxTokens: 256 },
 * };
 */
export interface ConverseRequest {
  /** Model ID, inference profile ID, or ARN (of a model, profile, prompt or provisioned throughput). */
  modelId: string | undefined;
  messages?: Message<BlobInput>[] | undefined;
  system?: SystemContentBlock<BlobInput>[] | undefined;
  inferenceConfig?: InferenceConfiguration | undefined;
  toolConfig?: ToolConfiguration | undefined;
  guardrailConfig?: GuardrailConfiguration | undefined;
  additionalModelRequestFields?: DocumentType | undefined;
  promptVariables?: Record<string, PromptVariableValues> | undefined;
  /** JSON Pointer paths of model-specific response fields to return. */
  additionalModelResponseFieldPaths?: string[] | undefined;
  requestMetadata?: Record<string, string> | undefined;
  performanceConfig?: PerformanceConfiguration | undefined;
  serviceTier?: ServiceTier | undefined;
  outputConfig?: OutputConfig | undefined;
}

export interface ConverseMetrics {
  latencyMs: number | undefined;
}

export type ConverseOutput = TaggedUnion<{ message: Message<Uint8Array> }>;

export interface ConverseTrace {
  guardrail?: GuardrailTraceAssessment | undefined;
  promptRouter?: PromptRouterTrace | undefined;
}

/** Tokens written to the cache, per TTL. */
export interface CacheDetail {
  ttl: Open<CacheTTL> | undefined;
  inputTokens: number | undefined;
}

export interface TokenUsage {
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  totalTokens: number | undefined;
  cacheReadInputTokens?: number | undefined;
  cacheWriteInputTokens?: number | undefined;
  cacheDetails?: CacheDetail[] | undefined;
}

/** Result of Converse. Fields the service adds later are kept as sent. */
export interface ConverseResponse {
  output: ConverseOutput | undefined;
  stopReason: StopReason | undefined;
  usage: TokenUsage | undefined;
  metrics: ConverseMetrics | undefined;
  additionalModelResponseFields?: DocumentType | undefined;
  trace?: ConverseTrace | undefined;
  performanceConfig?: PerformanceConfiguration | undefined;
  serviceTier?: ServiceTier | undefined;
}
