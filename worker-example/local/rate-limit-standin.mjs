// A stand-in for the Workers Rate Limiting binding in plain workerd (which has no such binding): a Worker whose RPC method limit({ key }) counts per key.

/**
 * The stand-in's source, run as its own Worker and bound to the example Worker as a service, so
 * `env.CHAT_RATE_LIMITER.limit({ key })` resolves to `{ success }` as on Cloudflare. It counts in
 * fixed windows of PERIOD seconds per key; Cloudflare's counter is per location and approximate,
 * so this is stricter than the real one, never looser.
 */
export const RATE_LIMIT_STANDIN_SOURCE = `import { WorkerEntrypoint } from "cloudflare:workers";

const windows = new Map();

export default class RateLimiter extends WorkerEntrypoint {
  async limit(options) {
    const key = String(options?.key ?? "");
    const limit = Number(this.env.LIMIT);
    const periodMs = Number(this.env.PERIOD) * 1000;
    const start = Math.floor(Date.now() / periodMs) * periodMs;
    const window = windows.get(key);
    const count = window && window.start === start ? window.count + 1 : 1;
    windows.set(key, { start, count });
    return { success: count <= limit };
  }
}
`;

/** The workerd service name for a rate limit binding. */
export const rateLimitServiceName = (binding) => `ratelimit-${binding}`;
