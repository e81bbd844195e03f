// What particular models refuse that the Converse API itself accepts: Bedrock's ValidationException wording, per family.
import { isObject } from "../../internal/index.js";
import { baseModelOf } from "../../internal/model-id.js";

export const NOT_A_CHAT_MODEL = "This action doesn't support the model that you provided. Try again with a supported text or chat model.";
// Families served by InvokeModel, StartAsyncInvoke, Rerank or the bidirectional stream only.
const NOT_CHAT = /^(amazon\.titan-embed|amazon\.nova-2-multimodal-embeddings|amazon\.nova-(canvas|reel|sonic|2-sonic)|amazon\.titan-image|amazon\.rerank|cohere\.(embed|rerank)|stability\.|twelvelabs\.|luma\.)/;

function hasTools(body: Record<string, unknown>): boolean {
  const config = body.toolConfig;
  return isObject(config) && Array.isArray(config.tools) && config.tools.some((tool) => isObject(tool) && tool.toolSpec !== undefined);
}

/**
 * The `ValidationException` message Bedrock gives this model for `body`, or undefined. Only
 * refusals quoted from real responses are modelled:
 * - DeepSeek R1 takes no tools: "This model doesn't support tool use." on Converse (langchain-aws
 *   #447) and "… in streaming mode." on ConverseStream (LibreChat #6351);
 * - Meta Llama refuses a `toolChoice` of `any` (strands-agents harness-sdk #1241; run-llama
 *   llama_index #19886; langchain-aws PR #627);
 * - Mistral models refuse tool-use IDs in the history that are not 9 letters or digits, except
 *   Bedrock's own `tooluse_…` IDs (anomalyco/opencode PR #48843, tested live: short IDs refused,
 *   Bedrock-generated ones accepted; vercel/ai #11802 saw those refused too on one model);
 * - a model that is not a text or chat model (embeddings, rerank, image, video, speech: Titan and Nova embeddings, Rerank, Nova Canvas, Titan Image, Nova Reel and Sonic, Stability, TwelveLabs, Luma) refuses
 *   both Converse operations whatever the body: the wording is quoted in several projects' notes
 *   of live calls (Nova Sonic on ConverseStream, imported models on Converse).
 */
export function modelRefusal(modelId: string, operation: "converse" | "converse-stream", body: Record<string, unknown>): string | undefined {
  // An opaque ARN (application inference profile) names no model: nothing model-specific applies.
  const model = baseModelOf(modelId) ?? "";
  if (NOT_CHAT.test(model)) return NOT_A_CHAT_MODEL;
  if (model.startsWith("deepseek.r1") && hasTools(body)) {
    return operation === "converse-stream" ? "This model doesn't support tool use in streaming mode." : "This model doesn't support tool use.";
  }
  const choice = isObject(body.toolConfig) ? body.toolConfig.toolChoice : undefined;
  if (model.startsWith("meta.llama") && isObject(choice) && choice.any !== undefined) {
    return "This model doesn't support the toolConfig.toolChoice.any field. Remove toolConfig.toolChoice.any and try again.";
  }
  if (model.startsWith("mistral.")) {
    const id = badMistralToolId(body.messages);
    if (id !== undefined) return `The model returned the following errors: Tool call id was ${id} but must be a-z, A-Z, 0-9, with a length of 9.`;
  }
  return undefined;
}

// Written out here rather than taken from the client's normaliser (internal/tool-use-ids.ts): the
// emulator states AWS's rule on its own, so a wrong client rule cannot agree with itself.
function badMistralToolId(messages: unknown): string | undefined {
  if (!Array.isArray(messages)) return undefined;
  for (const message of messages) {
    if (!isObject(message) || !Array.isArray(message.content)) continue;
    for (const block of message.content) {
      if (!isObject(block)) continue;
      const holder = isObject(block.toolUse) ? block.toolUse : isObject(block.toolResult) ? block.toolResult : undefined;
      const id = holder?.toolUseId;
      if (typeof id === "string" && !/^[a-zA-Z0-9]{9}$/.test(id) && !/^tooluse_[A-Za-z0-9_-]{22}$/.test(id)) return id;
    }
  }
  return undefined;
}
