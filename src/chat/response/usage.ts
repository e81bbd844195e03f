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

const TTL_KEYS: Record<string, "ephemeral_5m_input_tokens" | "ephemeral_1h_input_tokens"> = {
  "5m": "ephemeral_5m_input_tokens",
  "1h": "ephemeral_1h_input_tokens",
};

/**
 * Converts Bedrock usage as LangChain reports it: `input_tokens` is Bedrock's `inputTokens` plus
 * cache reads and cache writes (Bedrock counts them apart), and `total_tokens` is Bedrock's
 * `totalTokens` as given (input plus output only when Bedrock leaves it out).
 * `input_token_details` appears only when Bedrock reported cache figures. With the per-TTL
 * breakdown (`cacheDetails`), cache writes sit in `ephemeral_5m_input_tokens` /
 * `ephemeral_1h_input_tokens` and `cache_creation` is 0, so the details sum without counting a
 * write twice.
 *
 * @example
 * toUsageMetadata({ inputTokens: 10, outputTokens: 5, totalTokens: 115, cacheReadInputTokens: 100 })
 * // → { input_tokens: 110, output_tokens: 5, total_tokens: 115, input_token_details: { cache_read: 100 } }
 */
export function toUsageMetadata(usage: TokenUsageLike): UsageMetadata {
  const cacheRead = usage.cacheReadInputTokens;
  const cacheWrite = usage.cacheWriteInputTokens;
  // Follows langchain-aws (PR #1023) and @langchain/aws (message_outputs.js): cache reads and writes count as input.
  const input_tokens = (usage.inputTokens ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0);
  const output_tokens = usage.outputTokens ?? 0;
  const result: UsageMetadata = {
    input_tokens,
    output_tokens,
    // Follows both references (langchain-aws `_extract_usage_metadata`, @langchain/aws
    // `totalTokens ?? input + output`): Bedrock's own total, recomputed only when it is missing.
    total_tokens: usage.totalTokens ?? input_tokens + output_tokens,
  };
  const details: InputTokenDetails = {};
  if (cacheRead !== undefined) details.cache_read = cacheRead;
  if (cacheWrite !== undefined) details.cache_creation = cacheWrite;
  Object.assign(details, ttlBreakdown(usage.cacheDetails, cacheWrite !== undefined));
  if (Object.keys(details).length > 0) result.input_token_details = details;
  return result;
}

/**
 * The per-TTL cache writes. Follows langchain-aws PR #1098, which copies langchain-anthropic's
 * `_create_usage_metadata`: once a TTL is reported both buckets are set (0 for the absent one),
 * and when they hold any tokens `cache_creation` becomes 0 (the buckets are disjoint; PR #1216,
 * which proposed keeping both, was withdrawn for that reason). Unknown TTLs add nothing.
 */
function ttlBreakdown(cacheDetails: TokenUsageLike["cacheDetails"], writeReported: boolean): InputTokenDetails {
  const sums = { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 };
  let known = false;
  for (const detail of cacheDetails ?? []) {
    // Own keys only: the TTL comes off the wire (`constructor` must not find Object's).
    const key = detail.ttl !== undefined && Object.hasOwn(TTL_KEYS, detail.ttl) ? TTL_KEYS[detail.ttl] : undefined;
    if (key === undefined) continue;
    known = true;
    sums[key] += detail.inputTokens ?? 0;
  }
  if (!known) return {};
  const written = sums.ephemeral_5m_input_tokens + sums.ephemeral_1h_input_tokens;
  // `cache_creation` only where Bedrock reported a write count: details list what Bedrock sent.
  return written > 0 && writeReported ? { ...sums, cache_creation: 0 } : sums;
}
