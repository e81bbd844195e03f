// Cache point blocks in every spelling users write them → Converse `{ cachePoint: { type: "default", ttl? } }`.
import { BedrockInputError } from "../../errors/index.js";
import type { CachePointBlock } from "./convert-wire-types.js";
import { isObject } from "../../internal/index.js";
import type { CacheTTL } from "../../wire/index.js";

/** How long a cache point lives: src/wire's `CacheTTL` ("5m" | "1h"). */

/** `{ cachePoint: { … } }` (Bedrock, LangChain) or `{ type: "cache_point" }`. */
export function isCachePointLike(block: unknown): block is Record<string, unknown> {
  if (!isObject(block)) return false;
  if (block.type === "cache_point") return true;
  return block.type === undefined && isObject(block.cachePoint);
}

/**
 * The Converse cache point for a cache-point-like block. `type` may be omitted or `"default"`;
 * Anthropic's `"ephemeral"` (which @langchain/aws also accepts) means the same on Bedrock.
 */
export function toCachePoint(block: Record<string, unknown>, where: string): CachePointBlock {
  const inner = isObject(block.cachePoint) ? block.cachePoint : block;
  const type = block.type === "cache_point" ? "default" : (inner.type ?? "default");
  if (type !== "default" && type !== "ephemeral") {
    throw new BedrockInputError(`${where}: cache point type must be "default", got ${JSON.stringify(type)}`);
  }
  return withTtl({ type: "default" }, inner.ttl, where);
}

/** Adds a validated `ttl` ("5m" or "1h") to a cache point. */
export function withTtl(point: CachePointBlock, ttl: unknown, where: string): CachePointBlock {
  if (ttl === undefined || ttl === null) return point;
  if (ttl !== "5m" && ttl !== "1h") {
    throw new BedrockInputError(`${where}: cache point ttl must be "5m" or "1h", got ${JSON.stringify(ttl)}`);
  }
  return { ...point, ttl };
}

/** Anthropic's `cache_control: { type: "ephemeral", ttl? }` on a content block, as a cache point to place after it. */
export function cacheControlPoint(block: Record<string, unknown>, where: string): CachePointBlock | undefined {
  const control = block.cache_control;
  if (control === undefined || control === null) return undefined;
  if (!isObject(control)) throw new BedrockInputError(`${where}.cache_control must be an object`);
  return withTtl({ type: "default" }, control.ttl, `${where}.cache_control`);
}
