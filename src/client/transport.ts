// Sends one Bedrock operation over fetch: auth, timeouts, abort, clock skew, and the retry loop.
import { raceSignal } from "../auth/race-signal.js";
import type { SecretScrubber } from "../auth/secret-scrubber.js";
import { BedrockError } from "../errors/bedrock-error.js";
import { AbortError, NetworkError, TimeoutError } from "../errors/exceptions.js";
import { errorFromResponse } from "../errors/from-response.js";
import { linkSignal, sleep, toAbortError, type LinkedSignal } from "./abort.js";
import type { Authenticator } from "./auth.js";
import { isClockSkewError, type SkewCorrectedClock } from "./clock-skew.js";
import { nextDelay, parseRetryAfter, type RetryOptions } from "./retry.js";

export interface TransportConfig {
  fetch: () => typeof fetch;
  auth: Authenticator;
  retry: RetryOptions;
  timeoutMs: number;
  /** Signing and Retry-After time; learns the server's offset on a skew error. */
  clock: SkewCorrectedClock;
}

export interface Operation<T> {
  url: string;
  region: string;
  body: Uint8Array<ArrayBuffer>;
  accept: string;
  signal: AbortSignal | undefined;
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

const USER_AGENT = "bedrock-edge/0.1";
// Header values at least this long are masked in fetch's error text (which can quote them).
const MIN_MASKED_HEADER_LENGTH = 8;

/**
 * Runs `op` with up to `retry.maxRetries` extra attempts on retryable failures. A clock-skew
 * error that moves the client's clock is retried once at once, outside that count (the AWS
 * SDK retries it too). A failure to get credentials (a provider that throws, or outlives the
 * timeout) is not retried: the provider is asked once per call. Every failure leaves
 * scrubbed of the authenticator's secrets.
 */
export async function send<T>(config: TransportConfig, op: Operation<T>): Promise<T> {
  const { retry, auth } = config;
  let attempts = 0;
  let retries = 0;
  let skewRetried = false;
  for (;;) {
    attempts++;
    const link = linkSignal(op.signal);
    let kept = false;
    let retryAfterMs: number | undefined;
    let skewCorrected = false;
    const progress = { signed: false };
    let failure: BedrockError;
    try {
      const { response, sentAtMs } = await fetchOnce(config, op, link, progress);
      const requestId = response.headers.get("x-amzn-requestid") ?? undefined;
      if (response.ok) {
        const ctx: AttemptContext = { requestId, attempts, link, keepAlive: () => (kept = true) };
        return await op.read(response, ctx);
      }
      retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), config.clock.now().getTime());
      const error = await errorFromResponse(response, { redact: (text) => auth.scrubber.text(text) });
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
    if (!progress.signed) throw failure;
    if (skewCorrected && !skewRetried && !op.signal?.aborted) {
      skewRetried = true;
      continue;
    }
    if (!failure.retryable || failure instanceof AbortError || retries >= retry.maxRetries) throw failure;
    const delay = nextDelay(retries, retryAfterMs, retry);
    if (delay === undefined) throw failure;
    retries++;
    await sleep(delay, op.signal);
  }
}

async function fetchOnce<T>(
  config: TransportConfig,
  op: Operation<T>,
  link: LinkedSignal,
  progress: { signed: boolean },
): Promise<{ response: Response; sentAtMs: number }> {
  const startedMs = Date.now();
  // The attempt's timeout covers credential resolution and signing too: a provider that
  // never settles must not hang the call (or, through the shared refresh, every later one).
  link.arm(config.timeoutMs, `credentials were not resolved, or the request not signed, within ${config.timeoutMs} ms`);
  const headers = new Headers({
    "content-type": "application/json",
    accept: op.accept,
    "x-amz-user-agent": USER_AGENT,
  });
  const signed = await raceSignal(
    config.auth.apply({ method: "POST", url: op.url, headers, body: op.body }, op.region, link.signal),
    link.signal,
  );
  if (link.signal.aborted) throw link.signal.reason;
  progress.signed = true;
  link.arm(Math.max(1, config.timeoutMs - (Date.now() - startedMs)), `Bedrock did not answer within ${config.timeoutMs} ms`);
  const sentAtMs = Date.now();
  try {
    const response = await config.fetch()(op.url, {
      method: "POST",
      headers: signed,
      body: op.body,
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
