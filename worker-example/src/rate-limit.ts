// Per-client request budget for /chat through the Workers Rate Limiting binding, keyed by the client's IP.

import type { Env } from "./env.js";

/**
 * The client's key: `CF-Connecting-IP`, which Cloudflare's edge sets (a client cannot forge it
 * there); an IPv6 address counts as its /64, since one host usually holds the whole prefix.
 * Without the header (a local run) every caller shares one key.
 */
export function clientKey(request: Request): string {
  const ip = request.headers.get("cf-connecting-ip")?.trim() ?? "";
  if (ip === "") return "unknown";
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.split("::");
  const groups = head.split(":").filter(Boolean);
  const rest = tail.split(":").filter(Boolean);
  const full = [...groups, ...Array<string>(Math.max(0, 8 - groups.length - rest.length)).fill("0"), ...rest];
  return `${full.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/**
 * Whether the client is within its budget. Without a binding (only allowed against the local
 * emulator, see `configurationProblem`) there is no limit.
 */
export async function withinRateLimit(request: Request, env: Env): Promise<boolean> {
  if (!env.CHAT_RATE_LIMITER) return true;
  const { success } = await env.CHAT_RATE_LIMITER.limit({ key: clientKey(request) });
  return success;
}
