// Retry timing: capped exponential backoff with full jitter, and Retry-After parsing.

export interface RetryOptions {
  /** Extra attempts after the first (default 3). */
  maxRetries: number;
  /** First backoff ceiling in ms (default 100). */
  baseDelayMs: number;
  /** Largest wait between attempts in ms, Retry-After included (default 20 s). */
  maxDelayMs: number;
  /** Source of jitter in [0, 1); injectable so tests are deterministic. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxRetries: 3,
  baseDelayMs: 100,
  maxDelayMs: 20_000,
  random: Math.random,
};

/**
 * Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniform draw in
 * [0, min(cap, base * 2^attempt)). `attempt` counts retries from 0.
 */
export function backoffDelay(attempt: number, options: RetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.floor(options.random() * ceiling);
}

/** Parses Retry-After (delta-seconds or an HTTP date) into ms from `now`; undefined if absent or bad. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!/[a-z]/i.test(trimmed)) return undefined; // "-1" and friends parse as dates; an HTTP date has a weekday
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The wait before the next attempt, or `undefined` when the server asks for a longer pause
 * than `maxDelayMs` allows (retrying sooner than asked would only be refused again).
 */
export function nextDelay(attempt: number, retryAfterMs: number | undefined, options: RetryOptions): number | undefined {
  const jitter = backoffDelay(attempt, options);
  if (retryAfterMs === undefined) return jitter;
  if (retryAfterMs > options.maxDelayMs) return undefined;
  return Math.max(jitter, retryAfterMs);
}
