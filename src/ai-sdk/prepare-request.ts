// LanguageModelV3CallOptions → one ConverseStream-shaped request, its warnings, and how to read the reply.
import type { LanguageModelV3CallOptions, SharedV3Warning } from "@ai-sdk/provider";
import { BedrockInputError } from "../errors/index.js";
import type { ConverseStreamRequest, InferenceConfiguration } from "../wire/index.js";
import { convertPrompt } from "./convert-prompt.js";
import { convertTools } from "./convert-tools.js";
import { normalizeToolUseIds } from "../internal/tool-use-ids.js";
import { isAnthropicModel, isMistralModel, isOpenAIModel, supportsNativeStructuredOutput } from "./model-family.js";
import { parseCallOptions, type BedrockCallOptions } from "./provider-options.js";

export interface PreparedRequest {
  request: ConverseStreamRequest;
  warnings: SharedV3Warning[];
  /** Structured output rides on a forced `json` tool: its call is the answer, as text. */
  usesJsonTool: boolean;
}

type Fields = Record<string, unknown>;

const hasToolContent = (prompt: LanguageModelV3CallOptions["prompt"]) =>
  prompt.some((m) => m.role !== "system" && (m.content as Array<{ type: string }>).some((p) => p.type === "tool-call" || p.type === "tool-result"));

function checkNumber(value: unknown, field: string, integer = false): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new BedrockInputError(`${field} must be a finite ${integer ? "integer" : "number"}`);
  }
}

/** Inference settings; Bedrock's 0–1 temperature is clamped with a warning, as the AI SDK's providers do. */
function inferenceConfig(call: LanguageModelV3CallOptions, warnings: SharedV3Warning[]): InferenceConfiguration {
  checkNumber(call.maxOutputTokens, "maxOutputTokens", true);
  checkNumber(call.temperature, "temperature");
  checkNumber(call.topP, "topP");
  let temperature = call.temperature;
  if (temperature !== undefined && (temperature < 0 || temperature > 1)) {
    const clamped = Math.min(1, Math.max(0, temperature));
    warnings.push({ type: "unsupported", feature: "temperature", details: `${temperature} is outside Bedrock's range 0–1; clamped to ${clamped}` });
    temperature = clamped;
  }
  return {
    ...(call.maxOutputTokens !== undefined ? { maxTokens: call.maxOutputTokens } : {}),
    ...(temperature !== undefined ? { temperature } : {}),
    ...(call.topP !== undefined ? { topP: call.topP } : {}),
    ...(call.stopSequences !== undefined && call.stopSequences.length > 0 ? { stopSequences: call.stopSequences } : {}),
  };
}

/** Reasoning settings in the field each model family reads. */
function applyReasoning(modelId: string, options: BedrockCallOptions, inference: InferenceConfiguration, fields: Fields, warnings: SharedV3Warning[]): boolean {
  const config = options.reasoningConfig;
  if (!config) return false;
  const anthropic = isAnthropicModel(modelId, config.budgetTokens);
  const on = config.type === "enabled" || config.type === "adaptive";
  if (anthropic) {
    if (config.type === "enabled" && config.budgetTokens !== undefined) {
      // The budget comes out of maxTokens in Anthropic's accounting, so it is added on top.
      inference.maxTokens = (inference.maxTokens ?? 4096) + config.budgetTokens;
      fields.thinking = { type: "enabled", budget_tokens: config.budgetTokens };
    } else if (config.type === "enabled") {
      throw new BedrockInputError("providerOptions.bedrock.reasoningConfig.budgetTokens is required for Anthropic models when type is \"enabled\"");
    } else if (config.type === "adaptive") {
      fields.thinking = { type: "adaptive", ...(config.display ? { display: config.display } : {}) };
    }
    if (config.maxReasoningEffort) fields.output_config = { ...(fields.output_config as Fields | undefined), effort: config.maxReasoningEffort };
  } else if (isOpenAIModel(modelId)) {
    if (config.maxReasoningEffort) fields.reasoning_effort = config.maxReasoningEffort;
  } else if (on || config.maxReasoningEffort) {
    // Amazon Nova and others read Converse-style `reasoningConfig`.
    fields.reasoningConfig = { ...(config.type && config.type !== "adaptive" ? { type: config.type } : { type: "enabled" }), ...(config.maxReasoningEffort ? { maxReasoningEffort: config.maxReasoningEffort } : {}) };
    if (config.budgetTokens !== undefined) warnings.push({ type: "unsupported", feature: "budgetTokens", details: "budgetTokens applies to Anthropic models only" });
  }
  const thinking = anthropic && on;
  if (thinking) {
    // Claude refuses sampling settings while thinking.
    for (const key of ["temperature", "topP"] as const) {
      if (inference[key] !== undefined) {
        delete inference[key];
        warnings.push({ type: "unsupported", feature: key, details: `${key} is not supported when thinking is enabled` });
      }
    }
  }
  return thinking;
}

/** Builds the request for `modelId`; throws BedrockInputError naming the field for bad input. */
export function prepareRequest(modelId: string, call: LanguageModelV3CallOptions): PreparedRequest {
  if (call === null || typeof call !== "object") throw new BedrockInputError("call options must be an object");
  const warnings: SharedV3Warning[] = [];
  const { options, unknownKeys } = parseCallOptions(call.providerOptions);
  for (const key of unknownKeys) warnings.push({ type: "unsupported", feature: `providerOptions.bedrock.${key}`, details: "not a Converse setting; not sent" });
  for (const key of ["frequencyPenalty", "presencePenalty", "seed"] as const) {
    if (call[key] !== undefined) warnings.push({ type: "unsupported", feature: key });
  }

  const inference = inferenceConfig(call, warnings);
  const fields: Fields = { ...options.additionalModelRequestFields };
  const thinking = applyReasoning(modelId, options, inference, fields, warnings);
  if (call.topK !== undefined) {
    checkNumber(call.topK, "topK", true);
    if (isAnthropicModel(modelId) && !thinking) fields.top_k = call.topK;
    else warnings.push({ type: "unsupported", feature: "topK", details: thinking ? "topK is not supported when thinking is enabled" : "Converse has no topK for this model" });
  }
  if (options.anthropicBeta) fields.anthropic_beta = options.anthropicBeta;

  // Structured output: Converse's own outputConfig where the model has it, else a forced `json` tool.
  const format = call.responseFormat;
  const schema = format?.type === "json" ? format.schema : undefined;
  if (format?.type === "json" && !schema) {
    warnings.push({ type: "unsupported", feature: "responseFormat", details: "JSON without a schema is not enforced by Bedrock; the reply is plain text" });
  }
  const mode = options.structuredOutputMode ?? "auto";
  const native = schema !== undefined && (mode === "outputFormat" || (mode === "auto" && (supportsNativeStructuredOutput(modelId) || thinking)));
  const { toolConfig, warnings: toolWarnings } = convertTools({
    tools: call.tools,
    toolChoice: call.toolChoice,
    jsonSchema: schema !== undefined && !native ? schema : undefined,
  });
  warnings.push(...toolWarnings);

  const dropToolContent = toolConfig === undefined && hasToolContent(call.prompt);
  if (dropToolContent) {
    warnings.push({ type: "unsupported", feature: "toolContent", details: "tool calls and results were left out: Bedrock refuses them in a request without tools" });
  }
  const converted = convertPrompt(call.prompt, { dropToolContent });
  const system = converted.system;
  // Silently, as @ai-sdk/amazon-bedrock normalises them (vercel/ai PR #11863): the app never sees these IDs.
  const messages = isMistralModel(modelId) ? normalizeToolUseIds(converted.messages).messages : converted.messages;

  const request: ConverseStreamRequest = {
    modelId,
    messages,
    ...(system.length > 0 ? { system } : {}),
    ...(Object.keys(inference).length > 0 ? { inferenceConfig: inference } : {}),
    ...(toolConfig ? { toolConfig } : {}),
    ...(Object.keys(fields).length > 0 ? { additionalModelRequestFields: fields } : {}),
    ...(options.additionalModelResponseFieldPaths ? { additionalModelResponseFieldPaths: options.additionalModelResponseFieldPaths } : {}),
    ...(options.guardrailConfig ? { guardrailConfig: options.guardrailConfig } : {}),
    ...(options.performanceConfig ? { performanceConfig: options.performanceConfig } : {}),
    ...(options.requestMetadata ? { requestMetadata: options.requestMetadata } : {}),
    ...(options.promptVariables ? { promptVariables: options.promptVariables } : {}),
    ...(options.serviceTier ? { serviceTier: { type: options.serviceTier } } : {}),
    ...(native && schema
      ? {
          outputConfig: {
            textFormat: {
              type: "json_schema",
              structure: {
                jsonSchema: {
                  schema: JSON.stringify(schema),
                  name: format?.type === "json" && format.name ? format.name : "response",
                  ...(format?.type === "json" && format.description ? { description: format.description } : {}),
                },
              },
            },
          },
        }
      : {}),
  };
  return { request, warnings, usesJsonTool: schema !== undefined && !native };
}
