// The `cachePoints` option: places Bedrock prompt-cache points where they pay, up to the 4 a request allows.
import type { CacheTTL } from "../../wire/index.js";
import { withTtl } from "./convert-cache-point.js";
import type { CachePointBlock, ContentBlock, Message, SystemContentBlock, Tool } from "./convert-wire-types.js";

/** Bedrock accepts at most this many cache points in one request (system, tools and messages together). */
export const MAX_CACHE_POINTS = 4;

/**
 * Where a cache point can go: after the tool list, after the system prompt, after the last user
 * turn (writes the whole conversation so far), after the user turn before it (reads what the
 * previous call wrote).
 */
export type CachePointSpot = "system" | "tools" | "lastTurn" | "previousTurn";

/**
 * Fill order when fewer than four points are free: the system prompt first (it repeats across
 * conversations), then the two newest user turns (incremental caching of a conversation), then
 * the tools, whose prefix a system point already covers.
 */
export const CACHE_POINT_PRIORITY: readonly CachePointSpot[] = ["system", "lastTurn", "previousTurn", "tools"];

export interface CachePointsOptions {
  /** Cache lifetime for the points placed: "5m" (Bedrock's default) or "1h". */
  ttl?: CacheTTL;
  /** Spots to use; default all four, filled in `CACHE_POINT_PRIORITY` order. */
  where?: readonly CachePointSpot[];
}

/** The parts of a Converse request that can hold cache points. */
export interface CacheableRequest {
  system?: SystemContentBlock[] | undefined;
  messages?: Message[] | undefined;
  toolConfig?: { tools: Tool[]; toolChoice?: unknown } | undefined;
}

const isPoint = (block: object | undefined): boolean => block !== undefined && "cachePoint" in block;
const endsWithPoint = (blocks: readonly object[] | undefined): boolean => isPoint(blocks?.[blocks.length - 1]);

/** Cache points already in a request, wherever they are. */
export function countCachePoints(request: CacheableRequest): number {
  let count = 0;
  for (const block of request.system ?? []) if (isPoint(block)) count++;
  for (const tool of request.toolConfig?.tools ?? []) if (isPoint(tool)) count++;
  for (const message of request.messages ?? []) for (const block of message.content) if (isPoint(block)) count++;
  return count;
}

/**
 * A copy of `request` with cache points added at the chosen spots, never taking the total past
 * four: points already in the request (placed by hand) count, and a spot that already ends in
 * one is left as it is. Spots that do not exist (no system prompt, no tools, a single user turn)
 * are skipped. Bedrock ignores points whose prefix is below the model's minimum length.
 * @example
 * const request = placeCachePoints({ system, messages, toolConfig }, { ttl: "1h" });
 */
export function placeCachePoints<R extends CacheableRequest>(request: R, options: CachePointsOptions = {}): R {
  const point: CachePointBlock = withTtl({ type: "default" }, options.ttl, "cachePoints.ttl");
  const wanted = new Set(options.where ?? CACHE_POINT_PRIORITY);
  let budget = MAX_CACHE_POINTS - countCachePoints(request);
  const out: R = { ...request };
  const userTurns = (request.messages ?? []).flatMap((m, i) => (m.role === "user" ? [i] : []));
  const turnAt: Record<"lastTurn" | "previousTurn", number | undefined> = {
    lastTurn: userTurns[userTurns.length - 1],
    previousTurn: userTurns[userTurns.length - 2],
  };

  for (const spot of CACHE_POINT_PRIORITY) {
    if (budget <= 0) break;
    if (!wanted.has(spot)) continue;
    if (spot === "system") {
      const system = out.system;
      if (!system?.length || endsWithPoint(system)) continue;
      out.system = [...system, { cachePoint: point }];
    } else if (spot === "tools") {
      const config = out.toolConfig;
      if (!config?.tools.length || endsWithPoint(config.tools)) continue;
      out.toolConfig = { ...config, tools: [...config.tools, { cachePoint: point }] };
    } else {
      const index = turnAt[spot];
      const turn = index === undefined ? undefined : out.messages?.[index];
      if (index === undefined || !turn || turn.content.length === 0 || endsWithPoint(turn.content)) continue;
      const messages = [...out.messages!];
      messages[index] = { ...turn, content: [...turn.content, { cachePoint: point } as ContentBlock] };
      out.messages = messages;
    }
    budget--;
  }
  return out;
}
