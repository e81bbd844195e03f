// What a call sends besides the conversation (LangChain's invocationParams), and LangSmith's ls_* params.
import type { LangSmithParams } from "@langchain/core/language_models/chat_models";
import { HumanMessage } from "../chat/messages/index.js";
import {
  buildConverseRequest,
  mergeOptions,
  type ChatBedrockConverseCallOptions as CoreCallOptions,
  type RequestSettings,
} from "../chat/model/index.js";
import type { ConverseRequest } from "../wire/index.js";

/** The Converse request fields of a call, the conversation aside: inference config, tools, guardrail, … */
export type InvocationParams = Omit<ConverseRequest, "modelId" | "messages" | "system">;

/**
 * Built by the same request builder the call uses, so tracing shows what Bedrock receives
 * (tools converted, `tool_choice` resolved, thinking merged into `additionalModelRequestFields`).
 * @example
 * invocationParams("us.anthropic.claude-sonnet-4-20250514-v1:0", { temperature: 0 }, { stop: ["\n"] });
 * // { inferenceConfig: { temperature: 0, stopSequences: ["\n"] } }
 */
export function invocationParams(modelId: string, settings: RequestSettings, call: CoreCallOptions): InvocationParams {
  const options = mergeOptions(settings as CoreCallOptions, call);
  // The builder refuses an empty conversation; a stand-in turn is built and dropped.
  const messages = [new HumanMessage(".")];
  const { request } = buildConverseRequest({ modelId, messages, options, operation: "converse", warn: () => {} });
  const { modelId: _model, messages: _messages, system: _system, ...params } = request;
  return params;
}

/** LangSmith's model params: every key present (LangChain's standard check), unset ones `undefined`. */
export function lsParams(model: string, params: InvocationParams): LangSmithParams {
  const inference = params.inferenceConfig;
  return {
    ls_provider: "amazon_bedrock",
    ls_model_name: model,
    ls_model_type: "chat",
    ls_temperature: inference?.temperature,
    ls_max_tokens: inference?.maxTokens,
    ls_stop: inference?.stopSequences,
  };
}
