// Converse `usage` → LanguageModelV3Usage, cache reads and writes included.
import type { JSONObject, LanguageModelV3Usage } from "@ai-sdk/provider";
import type { TokenUsage } from "../wire/index.js";

/**
 * Bedrock's `inputTokens` leaves out cached tokens, so the total adds reads and writes back
 * (the same arithmetic as @ai-sdk/amazon-bedrock, so usage compares across the two).
 * Converse does not split reasoning from text in `outputTokens`.
 */
export function convertUsage(usage: TokenUsage | undefined): LanguageModelV3Usage {
  if (usage === undefined || usage === null) {
    return {
      inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    };
  }
  const input = usage.inputTokens;
  const cacheRead = usage.cacheReadInputTokens ?? 0;
  const cacheWrite = usage.cacheWriteInputTokens ?? 0;
  return {
    inputTokens: {
      total: input === undefined ? undefined : input + cacheRead + cacheWrite,
      noCache: input,
      cacheRead,
      cacheWrite,
    },
    outputTokens: { total: usage.outputTokens, text: usage.outputTokens, reasoning: undefined },
    raw: usage as unknown as JSONObject,
  };
}
