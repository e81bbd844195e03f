// Messages + merged call options → the exact Converse / ConverseStream request ChatBedrockConverse sends.
import type { ConverseRequest, ConverseStreamRequest, ToolConfiguration } from "../../wire/index.js";
import {
  placeCachePoints,
  convertMessages,
  type CachePointsOptions,
  type Message,
  type SystemContentBlock,
  type Tool,
  type ToolChoice,
} from "../request/index.js";
import { convertToolChoice, convertTools, toolNames } from "../tools/index.js";
import type { BaseMessage } from "../messages/index.js";
import type { ChatBedrockConverseCallOptions } from "./model-options.js";
import { resolveSettings, type ResolvedSettings } from "./model-settings.js";
import { applyProfile, effectiveProfile, type ModelProfile, type ProfileOption } from "../profiles/index.js";
import { rawConversation } from "./model-fields.js";

export interface BuildRequestInput {
  modelId: string;
  messages: readonly BaseMessage[];
  /** Constructor settings, bound defaults and call options, already merged. */
  options: ChatBedrockConverseCallOptions;
  /** ConverseStream takes `guardrailConfig.streamProcessingMode`; Converse does not. */
  operation: "converse" | "converse-stream";
  warn: (message: string) => void;
  /** The constructor's `system` blocks, sent before the system messages' (langchain-aws's `system`). */
  system?: readonly SystemContentBlock[];
  /** The constructor's `rawBlocks`: sent as the conversation instead of `messages` (langchain-aws's `raw_blocks`). */
  rawBlocks?: readonly Message[];
}

export interface BuiltRequest {
  request: ConverseStreamRequest;
  settings: ResolvedSettings;
}

/**
 * Builds the request body. Tools and `tool_choice` are converted (`"none"` sends no tools), the
 * messages follow Bedrock's conversation rules, cache points are placed when `cachePoints` asks
 * for them, and every setting left unset stays out of the body. Last, the model's quirk profile
 * adjusts what the model would refuse (a forced choice becomes `auto` while thinking is on,
 * `reasoningEffort` is mapped, …), each change with a warning; see `src/chat/profiles`.
 * @example
 * buildConverseRequest({ modelId, messages: [new HumanMessage("Hi")], options: { temperature: 0 }, operation: "converse", warn });
 * // { request: { modelId, messages: [{ role: "user", content: [{ text: "Hi" }] }], inferenceConfig: { temperature: 0 } }, … }
 */
export function buildConverseRequest(input: BuildRequestInput): BuiltRequest {
  const { options, warn } = input;
  const settings = resolveSettings(options);
  const toolConfig = buildToolConfig(options, warn);
  const { system, messages } = input.rawBlocks
    ? rawConversation(input.rawBlocks, toolConfig !== undefined, warn)
    : withSystem(input.system, convertMessages(input.messages, { toolsBound: toolConfig !== undefined, warn, guardLastTurnOnly: settings.guardLastTurnOnly }));

  let parts = { system, messages, toolConfig };
  if (settings.cachePoints) parts = placeCachePoints(parts, cachePointOptions(settings.cachePoints));

  const request: ConverseRequest = { modelId: input.modelId, messages: parts.messages };
  if (parts.system.length > 0) request.system = parts.system;
  if (settings.inferenceConfig) request.inferenceConfig = settings.inferenceConfig;
  if (parts.toolConfig) request.toolConfig = parts.toolConfig as ToolConfiguration;
  if (settings.additionalModelRequestFields) request.additionalModelRequestFields = settings.additionalModelRequestFields;
  if (settings.additionalModelResponseFieldPaths) request.additionalModelResponseFieldPaths = settings.additionalModelResponseFieldPaths;
  if (settings.guardrailConfig) request.guardrailConfig = guardrailFor(settings.guardrailConfig, input.operation);
  if (settings.performanceConfig) request.performanceConfig = settings.performanceConfig;
  if (settings.serviceTier) request.serviceTier = settings.serviceTier;
  if (settings.requestMetadata) request.requestMetadata = settings.requestMetadata;
  if (options.outputConfig) request.outputConfig = options.outputConfig;
  if (options.promptVariables) request.promptVariables = options.promptVariables;
  const profiled = applyProfile(request, profileFor(input.modelId, options), {
    ...(options.reasoningEffort != null && { reasoningEffort: options.reasoningEffort }),
  });
  for (const warning of profiled.warnings) warn(warning);
  return { request: profiled.request, settings };
}

/** The profile the request is adjusted by: the model's, with `profile` and `supportsToolChoiceValues` laid over it. */
function profileFor(modelId: string, options: ChatBedrockConverseCallOptions): ModelProfile | undefined {
  const identity = {
    ...(options.provider != null && { provider: options.provider }),
    ...(options.baseModelId != null && { baseModelId: options.baseModelId }),
  };
  let option: ProfileOption | undefined = options.profile ?? undefined;
  if (option !== false && options.supportsToolChoiceValues != null) {
    option = { ...option, supportsToolChoiceValues: options.supportsToolChoiceValues };
  }
  return effectiveProfile(modelId, identity, option);
}

function buildToolConfig(
  options: ChatBedrockConverseCallOptions,
  warn: (message: string) => void,
): { tools: Tool[]; toolChoice?: ToolChoice } | undefined {
  const tools = convertTools(options.tools ?? [], options.strict !== undefined ? { strict: options.strict } : {});
  // The thinking downgrade of a forced choice is the profile's (applyProfile), not done here.
  const choice = convertToolChoice(options.tool_choice, { warn, toolNames: toolNames(tools) });
  // Converse has no "none": the request goes without tools (history tool blocks become text).
  if (choice === "none" || tools.length === 0) return undefined;
  return choice === undefined ? { tools } : { tools, toolChoice: choice };
}

// Follows langchain-aws `_messages_to_bedrock`: the `system` field's blocks first, then the system messages'.
function withSystem<T extends { system: SystemContentBlock[] }>(blocks: readonly SystemContentBlock[] | undefined, converted: T): T {
  return blocks && blocks.length > 0 ? { ...converted, system: [...structuredClone(blocks), ...converted.system] } : converted;
}

function cachePointOptions(option: NonNullable<ResolvedSettings["cachePoints"]>): CachePointsOptions {
  return typeof option === "boolean" ? {} : option;
}

// Converse refuses `streamProcessingMode`, which only ConverseStream knows.
function guardrailFor(config: NonNullable<ResolvedSettings["guardrailConfig"]>, operation: BuildRequestInput["operation"]) {
  if (operation === "converse-stream" || config.streamProcessingMode === undefined) return config;
  const { streamProcessingMode: _streamOnly, ...rest } = config;
  return rest;
}
