// A Converse response → the content, finish reason, usage and provider metadata of doGenerate. Pure.
import type { JSONObject, LanguageModelV3Content, LanguageModelV3FinishReason, LanguageModelV3Usage, SharedV3ProviderMetadata } from "@ai-sdk/provider";
import { encodeBase64, type ContentBlock, type ConverseResponse, type TokenUsage } from "../wire/index.js";
import { convertUsage } from "./convert-usage.js";
import { JSON_TOOL_NAME } from "./convert-tools.js";
import { mapFinishReason } from "./map-finish-reason.js";

export interface ConvertedResponse {
  content: LanguageModelV3Content[];
  finishReason: LanguageModelV3FinishReason;
  usage: LanguageModelV3Usage;
  providerMetadata: SharedV3ProviderMetadata | undefined;
}

const asJson = (value: unknown) => value as JSONObject;

/** `providerMetadata.bedrock` of a reply: trace, cache writes per TTL, tier, stop sequence. */
export function responseMetadata(parts: {
  trace?: unknown;
  usage?: TokenUsage | undefined;
  performanceConfig?: unknown;
  serviceTier?: unknown;
  additionalModelResponseFields?: unknown;
  jsonToolAnswered: boolean;
}): SharedV3ProviderMetadata | undefined {
  const bedrock: JSONObject = {};
  if (parts.trace) bedrock.trace = asJson(parts.trace);
  if (parts.performanceConfig) bedrock.performanceConfig = asJson(parts.performanceConfig);
  if (parts.serviceTier) bedrock.serviceTier = asJson(parts.serviceTier);
  const usage = parts.usage;
  if (usage?.cacheWriteInputTokens !== undefined || usage?.cacheDetails !== undefined) {
    bedrock.usage = asJson({
      ...(usage.cacheWriteInputTokens !== undefined ? { cacheWriteInputTokens: usage.cacheWriteInputTokens } : {}),
      ...(usage.cacheDetails !== undefined ? { cacheDetails: usage.cacheDetails } : {}),
    });
  }
  if (parts.jsonToolAnswered) bedrock.isJsonResponseFromTool = true;
  const stop = (parts.additionalModelResponseFields as { delta?: { stop_sequence?: unknown } } | undefined)?.delta?.stop_sequence;
  if (typeof stop === "string") bedrock.stopSequence = stop;
  return Object.keys(bedrock).length > 0 ? { bedrock } : undefined;
}

/** One block of the reply; blocks with no AI SDK form (cache points, images echoed back) give none. */
function convertBlock(block: ContentBlock<Uint8Array>, usesJsonTool: boolean, out: LanguageModelV3Content[]): boolean {
  if (typeof block.text === "string") {
    out.push({ type: "text", text: block.text });
  } else if (block.reasoningContent) {
    const reasoning = block.reasoningContent;
    if (reasoning.reasoningText) {
      const { text, signature } = reasoning.reasoningText;
      out.push({ type: "reasoning", text: text ?? "", ...(signature ? { providerMetadata: { bedrock: { signature } } } : {}) });
    } else if (reasoning.redactedContent) {
      out.push({ type: "reasoning", text: "", providerMetadata: { bedrock: { redactedData: encodeBase64(reasoning.redactedContent) } } });
    }
  } else if (block.toolUse) {
    const { toolUseId, name, input } = block.toolUse;
    if (usesJsonTool && name === JSON_TOOL_NAME) {
      out.push({ type: "text", text: JSON.stringify(input ?? {}) });
      return true;
    }
    out.push({ type: "tool-call", toolCallId: toolUseId ?? "", toolName: name ?? "", input: JSON.stringify(input ?? {}) });
  } else if (block.citationsContent) {
    const text = (block.citationsContent.content ?? []).map((c) => c.text ?? "").join("");
    if (text) out.push({ type: "text", text });
  }
  return false;
}

export function convertResponse(response: ConverseResponse, usesJsonTool: boolean): ConvertedResponse {
  const content: LanguageModelV3Content[] = [];
  let jsonToolAnswered = false;
  for (const block of response.output?.message?.content ?? []) {
    if (convertBlock(block as ContentBlock<Uint8Array>, usesJsonTool, content)) jsonToolAnswered = true;
  }
  return {
    content,
    finishReason: mapFinishReason(response.stopReason, jsonToolAnswered),
    usage: convertUsage(response.usage),
    providerMetadata: responseMetadata({ ...response, jsonToolAnswered }),
  };
}
