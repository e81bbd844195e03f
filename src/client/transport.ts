// Sends one Bedrock operation over fetch: auth, timeouts, abort, clock skew, and the retry loop.
import { raceSignal } from "../auth/race-signal.js";
import type { SecretScrubber } from "../auth/secret-scrubber.js";
import { BedrockError } from "../errors/bedrock-error.js";
import { AbortError, NetworkError, TimeoutError } from "../errors/exceptions.js";
import { errorFromResponse } from "../errors/from-response.js";
import { linkSignal, sleep, toAbortError, type LinkedSignal } from "./abort.js";
import type { Authenticator } from "./auth.js";
import { isClockSkewError, type SkewCorrectedClock } from "./clock-skew.js";
import type { CallEvent, HookRunner } from "./hooks.js";
import type { HeaderList } from "./request-headers.js";
import { nextDelay, parseRetryAfter, type RetryOptions } from "./retry.js";
import type { TokenUsage } from "../wire/index.js";

export interface TransportConfig {
  fetch: () => typeof fetch;
  auth: Authenticator;
  /** Backoff settings; `maxRetries` is the default a call may override. */
  retry: RetryOptions;
  /** Default per-attempt timeout; a call may override it. */
  timeoutMs: number;
  /** Signing and Retry-After time; learns the server's offset on a skew error. */
  clock: SkewCorrectedClock;
  /** The whole `x-amz-user-agent` value. */
  userAgent: string;
  /** Added after signing, unsigned (the AI Gateway token: the gateway reads and drops it). */
  unsignedHeaders: HeaderList;
  hooks: HookRunner;
}

export interface Operation<T> {
  /** Where the request goes. */
  url: string;
  /** What SigV4 signs: `url`, except through AI Gateway, where it is Bedrock's own URL. */
  signingUrl: string;
  region: string;
  /** `GET` for the async-invoke reads (sent without a body or `Content-Type`); unset for `POST`. */
  method?: "GET" | undefined;
  body: Uint8Array<ArrayBuffer>;
  /** `Content-Type` of `body` (default `application/json`). */
  contentType?: string | undefined;
  accept: string;
  signal: AbortSignal | undefined;
  /** The caller's extra headers (checked; signed with the rest). */
  headers: HeaderList;
  timeoutMs: number;
  maxRetries: number;
  /** What hooks are told about this call (`attempt` is filled in per attempt). */
  info: Omit<CallEvent, "attempt">;
  /** Token usage of a result, for `onResponse`. */
  usageOf?(result: T): TokenUsage | undefined;
  /**
   * Turns a 2xx response into the result. Runs while the attempt's timeout is still armed;
   * a retryable BedrockError thrown here (say, a throttling frame first in a stream) is retried.
   */
  read(response: Response, attempt: AttemptContext): Promise<T>;
}

export interface AttemptContext {
  requestId: string | undefined;
  attempts: number;
  link: LinkedSignal;
  /** Call when the result outlives `read` (a stream) so the signal stays linked until it ends. */
  keepAlive(): void;
}

export const USER_AGENT = "bedrock-edge/0.1";
// Header values at least this long are masked in fetch's error text (which can quote them).
const MIN_MASKED_HEADER_LENGTH = 8;

/**
 * Runs `op` with up to `op.maxRetries` extra attempts on retryable failures. A clock-skew
 * error that moves the client's clock is retried once at once, outside that count (the AWS
 * SDK retries it too). A failure to get credentials (a provider that throws, or outlives the
 * timeout) is not retried: the provider is asked once per call. Every failure leaves
 * scrubbed of the authenticator's secrets. Hooks hear of each attempt (`onRequest`,
 * `onResponse`), each retry (`onRetry`) and a final failure (`onError`).
 */
export async function send<T>(config: TransportConfig, op: Operation<T>): Promise<T> {
  const { retry, auth, hooks } = config;
  const startedMs = Date.now();
  let attempts = 0;
  let retries = 0;
  let skewRetried = false;
  for (;;) {
    attempts++;
    const event = { ...op.info, attempt: attempts };
    const link = linkSignal(op.signal);
    let kept = false;
    let retryAfterMs: number | undefined;
    let skewCorrected = false;
    const progress = { signed: false };
    let failure: BedrockError;
    try {
      const { response, sentAtMs } = await fetchOnce(config, op, link, progress, event);
      const requestId = response.headers.get("x-amzn-requestid") ?? undefined;
      if (response.ok) {
        const ctx: AttemptContext = { requestId, attempts, link, keepAlive: () => (kept = true) };
        const result = await op.read(response, ctx);
        if (hooks.active) {
          const usage = op.usageOf?.(result);
          hooks.emit("onResponse", { ...event, status: response.status, requestId, latencyMs: Date.now() - sentAtMs, ...(usage ? { usage } : {}) });
        }
        return result;
      }
      retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), config.clock.now().getTime());
      const error = await errorFromResponse(response, { redact: (text) => auth.scrubber.text(text), region: op.region, url: op.url });
      hooks.emit("onResponse", { ...event, status: response.status, requestId, latencyMs: Date.now() - sentAtMs });
      skewCorrected =
        auth.kind === "sigv4" &&
        isClockSkewError(error) &&
        config.clock.learn(response.headers.get("date"), response.headers.get("age"), sentAtMs, Date.now());
      throw error;
    } catch (error) {
      failure = auth.scrubber.error(normalize(error, link, auth.scrubber));
    } finally {
      if (!kept) link.dispose();
    }
    (failure.$metadata as { attempts?: number }).attempts = attempts;
    const facts = () => ({ errorName: failure.name, status: failure.status, requestId: failure.requestId });
    const giveUp: () => never = () => {
      hooks.emit("onError", { ...event, ...facts(), retryable: failure.retryable === true, latencyMs: Date.now() - startedMs });
      throw failure;
    };
    if (!progress.signed) giveUp();
    if (skewCorrected && !skewRetried && !op.signal?.aborted) {
      skewRetried = true;
      hooks.emit("onRetry", { ...event, ...facts(), delayMs: 0, reason: "clock-skew" });
      continue;
    }
    if (!failure.retryable || failure instanceof AbortError || retries >= op.maxRetries) giveUp();
    const delay = nextDelay(retries, retryAfterMs, retry);
    if (delay === undefined) giveUp();
    retries++;
    hooks.emit("onRetry", { ...event, ...facts(), delayMs: delay, reason: "retryable" });
    try {
      await sleep(delay, op.signal);
    } catch (error) {
      failure = error as BedrockError;
      giveUp();
    }
  }
}

async function fetchOnce<T>(
  config: TransportConfig,
  op: Operation<T>,
  link: LinkedSignal,
  progress: { signed: boolean },
  event: CallEvent,
): Promise<{ response: Response; sentAtMs: number }> {
  const startedMs = Date.now();
  const timeoutMs = op.timeoutMs;
  // The attempt's timeout covers credential resolution and signing too: a provider that
  // never settles must not hang the call (or, through the shared refresh, every later one).
  link.arm(timeoutMs, `credentials were not resolved, or the request not signed, within ${timeoutMs} ms`);
  // The caller's headers first: the ones we own were refused when the options were checked.
  const headers = new Headers(op.headers as Array<[string, string]>);
  const method = op.method || "POST";
  // A GET (the async-invoke reads) has no body, so no Content-Type, as the SDK sends it.
  if (!op.method) headers.set("content-type", op.contentType || "application/json");
  headers.set("accept", op.accept);
  headers.set("x-amz-user-agent", config.userAgent);
  const signed = await raceSignal(
    config.auth.apply({ method, url: op.signingUrl, headers, body: op.body }, op.region, link.signal),
    link.signal,
  );
  if (link.signal.aborted) throw link.signal.reason;
  for (const [name, value] of config.unsignedHeaders) signed.set(name, value);
  progress.signed = true;
  link.arm(Math.max(1, timeoutMs - (Date.now() - startedMs)), `Bedrock did not answer within ${timeoutMs} ms`);
  config.hooks.emit("onRequest", event);
  const sentAtMs = Date.now();
  try {
    const response = await config.fetch()(op.url, {
      method,
      headers: signed,
      // fetch refuses a body on GET; the signature covers the empty one.
      body: op.method ? undefined : op.body,
      signal: link.signal,
    });
    return { response, sentAtMs };
  } catch (error) {
    if (link.signal.aborted) throw link.signal.reason;
    throw networkError("fetch to Bedrock failed", error, config.auth.scrubber.with(maskedValues(signed)));
  }
}

/** Maps anything thrown during an attempt onto a BedrockError. */
function normalize(error: unknown, link: LinkedSignal, scrubber: SecretScrubber): BedrockError {
  if (link.signal.aborted) {
    const reason = link.signal.reason;
    if (reason instanceof TimeoutError || reason instanceof AbortError) return reason;
    return toAbortError(reason) as BedrockError;
  }
  if (BedrockError.isInstance(error)) return error;
  return networkError("request to Bedrock failed", error, scrubber);
}

/** A NetworkError whose message and cause hold no secret and no header value we sent. */
function networkError(prefix: string, error: unknown, scrubber: SecretScrubber): NetworkError {
  const message = error instanceof Error ? error.message : String(error);
  return new NetworkError(`${prefix}: ${scrubber.text(message)}`, { cause: scrubber.cause(error) });
}

function maskedValues(headers: Headers): string[] {
  const values: string[] = [];
  for (const [, value] of headers) if (value.length >= MIN_MASKED_HEADER_LENGTH) values.push(value);
  return values;
}
