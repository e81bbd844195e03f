// The emulator's documented token rule, so tests can predict usage figures exactly.
//
// Rule: a piece of text costs ceil(characters / 4) tokens (characters = Unicode code points).
// Input pieces: each system text, each message text, reasoning text, the JSON of each toolUse
// input and toolResult json/text, each tool spec's JSON and each document's text source.
// Images, videos and audio cost a flat MEDIA_TOKENS each; byte documents ceil(bytes / 4).

import { isObject, type Dict } from "../../internal/index.js";

export const MEDIA_TOKENS = 256;

/** ceil(code points / 4); an empty string costs nothing. */
export function estimateTokens(text: string): number {
  return Math.ceil([...text].length / 4);
}

function base64Bytes(value: unknown): number {
  if (typeof value !== "string") return 0;
  const padding = value.endsWith("==") ? 2 : value.endsWith("=") ? 1 : 0;
  return Math.floor((value.length * 3) / 4) - padding;
}

function sourceTokens(source: unknown): number {
  if (!isObject(source)) return MEDIA_TOKENS;
  if (typeof source.text === "string") return estimateTokens(source.text);
  if (typeof source.bytes === "string") return Math.ceil(base64Bytes(source.bytes) / 4);
  return MEDIA_TOKENS;
}

/** Tokens of one content block of any kind (0 for cache points and unknown kinds). */
export function blockTokens(block: unknown): number {
  if (!isObject(block)) return 0;
  if (typeof block.text === "string") return estimateTokens(block.text);
  if (isObject(block.json)) return estimateTokens(JSON.stringify(block.json));
  if (isObject(block.toolUse)) return estimateTokens(JSON.stringify(block.toolUse.input ?? {}));
  if (isObject(block.toolResult)) {
    const content = Array.isArray(block.toolResult.content) ? block.toolResult.content : [];
    return content.reduce((sum: number, inner: unknown) => sum + blockTokens(inner), 0);
  }
  if (isObject(block.reasoningContent)) {
    const text = block.reasoningContent.reasoningText;
    return isObject(text) && typeof text.text === "string" ? estimateTokens(text.text) : 0;
  }
  if (isObject(block.document)) return sourceTokens(block.document.source);
  if (block.image !== undefined || block.video !== undefined || block.audio !== undefined) return MEDIA_TOKENS;
  if (isObject(block.guardContent) && isObject(block.guardContent.text)) return blockTokens(block.guardContent.text);
  return 0;
}

/** Input tokens of a Converse-shaped body (`system`, `messages`, `toolConfig`). */
export function countInputTokens(body: Dict): number {
  let total = 0;
  for (const block of Array.isArray(body.system) ? body.system : []) total += blockTokens(block);
  for (const message of Array.isArray(body.messages) ? body.messages : []) {
    const content = isObject(message) && Array.isArray(message.content) ? message.content : [];
    for (const block of content) total += blockTokens(block);
  }
  const tools = isObject(body.toolConfig) && Array.isArray(body.toolConfig.tools) ? body.toolConfig.tools : [];
  for (const tool of tools) {
    if (isObject(tool) && isObject(tool.toolSpec)) total += estimateTokens(JSON.stringify(tool.toolSpec));
  }
  return total;
}
