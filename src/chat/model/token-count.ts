// Input token counts for ChatBedrockConverse: Bedrock's CountTokens API, else a documented estimate.
import type { ConverseRuntime } from "../../client/bedrock-runtime.js";
import { AccessDeniedException, BedrockError, ResourceNotFoundException, ValidationException } from "../../errors/index.js";
import type { ConverseTokensRequest } from "../../wire/index.js";
import { isObject, type Dict } from "../../internal/index.js";
import { stripProfilePrefix } from "../../internal/model-id.js";

/** Flat estimate for an image, a video, an audio clip or a binary document (Claude bills an image of ~1.15 MP at about 1,600). */
export const ESTIMATED_MEDIA_TOKENS = 1600;

const textTokens = (text: string): number => Math.ceil([...text].length / 4);

function blockTokens(block: unknown): number {
  if (!isObject(block)) return 0;
  if (typeof block.text === "string") return textTokens(block.text);
  if ("json" in block) return textTokens(JSON.stringify(block.json));
  if (isObject(block.toolUse)) return textTokens(`${String(block.toolUse.name)}${JSON.stringify(block.toolUse.input ?? {})}`);
  if (isObject(block.toolResult)) {
    const content = Array.isArray(block.toolResult.content) ? block.toolResult.content : [];
    return content.reduce((sum: number, inner) => sum + blockTokens(inner), 0);
  }
  if (isObject(block.reasoningContent)) {
    const reasoning = block.reasoningContent.reasoningText;
    return isObject(reasoning) && typeof reasoning.text === "string" ? textTokens(reasoning.text) : 0;
  }
  if (isObject(block.guardContent)) return blockTokens(block.guardContent.text);
  if (isObject(block.document)) {
    const source = block.document.source;
    if (isObject(source) && typeof source.text === "string") return textTokens(source.text);
    return ESTIMATED_MEDIA_TOKENS;
  }
  if ("image" in block || "video" in block || "audio" in block) return ESTIMATED_MEDIA_TOKENS;
  return 0; // cache points and blocks that carry no input text
}

/**
 * The estimate used when CountTokens is unavailable: ceil(characters / 4) for each piece of text
 * (system and message text, reasoning, tool call inputs and tool results as JSON, text documents,
 * each tool spec's JSON), plus `ESTIMATED_MEDIA_TOKENS` for each image, video, audio clip or
 * binary document. A rough guide for budgeting: real tokenizers differ by model and language.
 */
export function estimateInputTokens(request: ConverseTokensRequest): number {
  let total = 0;
  for (const block of request.system ?? []) total += blockTokens(block);
  for (const message of request.messages ?? []) for (const block of message.content ?? []) total += blockTokens(block);
  for (const tool of request.toolConfig?.tools ?? []) {
    if (isObject(tool) && isObject(tool.toolSpec)) total += textTokens(JSON.stringify(tool.toolSpec));
  }
  return total;
}

/** The model ID CountTokens takes: the foundation model, without a cross-region inference profile prefix (internal/model-id.ts). */
export function countTokensModelId(modelId: string): string {
  return modelId.startsWith("arn:") ? modelId : stripProfilePrefix(modelId);
}

/** CountTokens refused the model or the caller (not supported, no access, no such operation). */
export function isCountTokensRefusal(error: unknown): boolean {
  if (error instanceof ValidationException || error instanceof AccessDeniedException || error instanceof ResourceNotFoundException) {
    return true;
  }
  return BedrockError.isInstance(error) && (error.status === 404 || error.code === "UnknownOperationException");
}

export interface CountResult {
  tokens: number;
  /** "api" when Bedrock counted, "estimate" when CountTokens refused and the estimate was used. */
  source: "api" | "estimate";
}

/**
 * Asks CountTokens; falls back to `estimateInputTokens` when Bedrock refuses (ValidationException:
 * the model does not support counting; AccessDeniedException; 404 / ResourceNotFound / unknown
 * operation, as on endpoints without the API). Other errors (throttling, network) are thrown.
 */
export async function countInputTokens(
  client: Pick<ConverseRuntime, "countTokens">,
  modelId: string,
  request: ConverseTokensRequest,
  signal?: AbortSignal,
): Promise<CountResult> {
  try {
    const response = await client.countTokens(
      { modelId: countTokensModelId(modelId), input: { converse: request } },
      signal ? { signal } : {},
    );
    if (typeof response.inputTokens === "number") return { tokens: response.inputTokens, source: "api" };
  } catch (error) {
    if (!isCountTokensRefusal(error)) throw error;
  }
  return { tokens: estimateInputTokens(request), source: "estimate" };
}
