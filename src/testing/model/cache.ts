// The built-in model's prompt cache: cache points in tools, system and messages become cache reads and writes.
//
// Rule. The prompt is read in Bedrock's order: tool specs, system blocks, then message blocks.
// Each cachePoint marks the prefix before it (its tokens by the emulator's count rule; its key
// a SHA-256 of the model ID and the prefix's JSON). Prefixes shorter than the minimum (default
// 1024 tokens) are not cached. The longest cached, unexpired prefix is read (its expiry is
// refreshed); every longer eligible prefix is written with its point's `ttl` (default "5m", or
// "1h"), the tokens between two points counting toward the later point's TTL. Usage then reports
// `cacheReadInputTokens`, `cacheWriteInputTokens`, `cacheDetails` (writes per TTL, 1h first,
// only when something was written) and `inputTokens` = all input tokens − read − written.
import { awsErrors, EmulatorError } from "../aws-error.js";
import { sha256Hex } from "./hash.js";
import { MODEL_ERROR_PREFIX } from "./reasoning.js";
import { blockTokens, estimateTokens } from "./token-count.js";
import type { JsonObject } from "../types.js";
import { isObject } from "../../internal/index.js";

export const DEFAULT_CACHE_MIN_TOKENS = 1024;
export const MAX_CACHE_POINTS = 4;
const TTL_MS: Record<string, number> = { "5m": 5 * 60 * 1000, "1h": 60 * 60 * 1000 };

/** Where one cache point ends its prefix. */
export interface CheckPoint {
  tokens: number;
  key: string;
  ttl: string;
}

export interface CacheFigures {
  /** Whether the request had any cache point (only then are the cache fields reported). */
  used: boolean;
  read: number;
  write: number;
  details: Array<{ ttl: string; inputTokens: number }>;
}

/** The cache points of a request, in prompt order, with the size and key of the prefix each ends. */
export function checkPoints(request: JsonObject, modelId: string): CheckPoint[] {
  const points: CheckPoint[] = [];
  const prefix: string[] = [modelId];
  let tokens = 0;
  const visit = (item: unknown, cost: number, where: string) => {
    if (isObject(item) && isObject(item.cachePoint)) {
      const ttl = typeof item.cachePoint.ttl === "string" ? item.cachePoint.ttl : "5m";
      points.push({ tokens, key: sha256Hex(prefix.join("\n")), ttl });
      return;
    }
    prefix.push(where + JSON.stringify(item));
    tokens += cost;
  };
  const tools = isObject(request.toolConfig) && Array.isArray(request.toolConfig.tools) ? request.toolConfig.tools : [];
  for (const tool of tools) visit(tool, isObject(tool) && isObject(tool.toolSpec) ? estimateTokens(JSON.stringify(tool.toolSpec)) : 0, "tool:");
  for (const block of Array.isArray(request.system) ? request.system : []) visit(block, blockTokens(block), "system:");
  for (const message of Array.isArray(request.messages) ? request.messages : []) {
    if (!isObject(message) || !Array.isArray(message.content)) continue;
    for (const block of message.content) visit(block, blockTokens(block), `${String(message.role)}:`);
  }
  if (points.length > MAX_CACHE_POINTS) {
    throw new EmulatorError(
      awsErrors.validation(`${MODEL_ERROR_PREFIX}A maximum of ${MAX_CACHE_POINTS} blocks with cache_control may be provided. Found ${points.length}.`),
    );
  }
  return points;
}

/** A per-emulator prompt cache: prefix key → expiry (ms, by the emulator's clock). */
export class PromptCache {
  private readonly entries = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly minTokens: (modelId: string) => number,
  ) {}

  /** Reads and writes for this request's cache points, updating the cache. */
  apply(points: CheckPoint[], modelId: string): CacheFigures {
    if (points.length === 0) return { used: false, read: 0, write: 0, details: [] };
    const now = this.now();
    const min = this.minTokens(modelId);
    const eligible = points.filter((p) => p.tokens >= min && p.tokens > 0);
    let hit = -1;
    for (let i = eligible.length - 1; i >= 0 && hit < 0; i--) {
      const expiry = this.entries.get(eligible[i]!.key);
      if (expiry !== undefined && expiry > now) hit = i;
    }
    const read = hit >= 0 ? eligible[hit]!.tokens : 0;
    if (hit >= 0) this.entries.set(eligible[hit]!.key, now + (TTL_MS[eligible[hit]!.ttl] ?? TTL_MS["5m"]!));
    const perTtl = new Map<string, number>();
    let covered = read;
    for (const point of eligible.slice(hit + 1)) {
      const added = point.tokens - covered;
      covered = point.tokens;
      perTtl.set(point.ttl, (perTtl.get(point.ttl) ?? 0) + added);
      this.entries.set(point.key, now + (TTL_MS[point.ttl] ?? TTL_MS["5m"]!));
    }
    const details = ["1h", "5m"]
      .filter((ttl) => (perTtl.get(ttl) ?? 0) > 0)
      .map((ttl) => ({ ttl, inputTokens: perTtl.get(ttl)! }));
    return { used: true, read, write: covered - read, details };
  }

  clear(): void {
    this.entries.clear();
  }
}
