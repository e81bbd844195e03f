// Bedrock TokenUsage → LangChain usage_metadata (cached tokens counted as input, TTL breakdown).
import type { InputTokenDetails, UsageMetadata } from "../messages/index.js";

/** The fields of Bedrock's `TokenUsage` we read (the wire type satisfies it). */
export interface TokenUsageLike {
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
  totalTokens?: number | undefined;
  cacheReadInputTokens?: number | undefined;
  cacheWriteInputTokens?: number | undefined;
  cacheDetails?: Array<{ ttl?: string | undefined; inputTokens?: number | undefined }> | undefined;
}

const TTL_KEYS: Record<string, keyof InputTokenDetails> = {
  "5m": "ephemeral_5m_input_tokens",
  "1h": "ephemeral_1h_input_tokens",
};

/**
 * Converts Bedrock usage as LangChain reports it: `input_tokens` is Bedrock's `inputTokens` plus
 * cache reads and cache writes (Bedrock counts them apart), and `total_tokens` is input plus output.
 * `input_token_details` appears only when Bedrock reported cache figures.
 *
 * @example
 * toUsageMetadata({ inputTokens: 10, outputTokens: 5, totalTokens: 115, cacheReadInputTokens: 100 })
 * // → { input_tokens: 110, output_tokens: 5, total_tokens: 115, input_token_details: { cache_read: 100 } }
 */
export function toUsageMetadata(usage: TokenUsageLike): UsageMetadata {
  const cacheRead = usage.cacheReadInputTokens;
  const cacheWrite = usage.cacheWriteInputTokens;
  const input_tokens = (usage.inputTokens ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0);
  const output_tokens = usage.outputTokens ?? 0;
  const result: UsageMetadata = {
    input_tokens,
    output_tokens,
    total_tokens: input_tokens + output_tokens,
  };
  const details: InputTokenDetails = {};
  if (cacheRead !== undefined) details.cache_read = cacheRead;
  if (cacheWrite !== undefined) details.cache_creation = cacheWrite;
  for (const detail of usage.cacheDetails ?? []) {
    // Own keys only: the TTL comes off the wire (`constructor` must not find Object's).
    const key = detail.ttl !== undefined && Object.hasOwn(TTL_KEYS, detail.ttl) ? TTL_KEYS[detail.ttl] : undefined;
    if (key) details[key] = (details[key] ?? 0) + (detail.inputTokens ?? 0);
  }
  if (Object.keys(details).length > 0) result.input_token_details = details;
  return result;
}
