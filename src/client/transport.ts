// Sends one Bedrock operation over fetch: auth, timeouts, abort, and the retry loop.
import { BedrockError } from "../errors/bedrock-error.js";
import { AbortError, NetworkError, TimeoutError } from "../errors/exceptions.js";
import { errorFromResponse } from "../errors/from-response.js";
import { linkSignal, sleep, toAbortError, type LinkedSignal } from "./abort.js";
import type { Authenticator } from "./auth.js";
import { nextDelay, parseRetryAfter, type RetryOptions } from "./retry.js";

export interface TransportConfig {
  fetch: () => typeof fetch;
  auth: Authenticator;
  retry: RetryOptions;
  timeoutMs: number;
  now: () => Date;
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

/** Runs `op` with up to `retry.maxRetries` extra attempts on retryable failures. */
export async function send<T>(config: TransportConfig, op: Operation<T>): Promise<T> {
  const { retry } = config;
  for (let attempt = 0; ; attempt++) {
    const link = linkSignal(op.signal);
    let kept = false;
    let retryAfterMs: number | undefined;
    let failure: BedrockError;
    try {
      link.arm(config.timeoutMs, `Bedrock did not answer within ${config.timeoutMs} ms`);
      const response = await fetchOnce(config, op, link);
      const requestId = response.headers.get("x-amzn-requestid") ?? undefined;
      if (response.ok) {
        const ctx: AttemptContext = { requestId, attempts: attempt + 1, link, keepAlive: () => (kept = true) };
        return await op.read(response, ctx);
      }
      retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), config.now().getTime());
      throw await errorFromResponse(response);
    } catch (error) {
      failure = normalize(error, link);
    } finally {
      if (!kept) link.dispose();
    }
    (failure.$metadata as { attempts?: number }).attempts = attempt + 1;
    if (!failure.retryable || failure instanceof AbortError || attempt >= retry.maxRetries) throw failure;
    const delay = nextDelay(attempt, retryAfterMs, retry);
    if (delay === undefined) throw failure;
    await sleep(delay, op.signal);
  }
}

async function fetchOnce<T>(config: TransportConfig, op: Operation<T>, link: LinkedSignal): Promise<Response> {
  const headers = new Headers({
    "content-type": "application/json",
    accept: op.accept,
    "x-amz-user-agent": USER_AGENT,
  });
  const signed = await config.auth.apply({ method: "POST", url: op.url, headers, body: op.body }, op.region);
  if (link.signal.aborted) throw link.signal.reason;
  try {
    return await config.fetch()(op.url, {
      method: "POST",
      headers: signed,
      body: op.body,
      signal: link.signal,
    });
  } catch (error) {
    if (link.signal.aborted) throw link.signal.reason;
    throw new NetworkError(`fetch to Bedrock failed: ${messageOf(error)}`, { cause: error });
  }
}

/** Maps anything thrown during an attempt onto a BedrockError. */
function normalize(error: unknown, link: LinkedSignal): BedrockError {
  if (link.signal.aborted) {
    const reason = link.signal.reason;
    if (reason instanceof TimeoutError || reason instanceof AbortError) return reason;
    return toAbortError(reason) as BedrockError;
  }
  if (BedrockError.isInstance(error)) return error;
  return new NetworkError(`request to Bedrock failed: ${messageOf(error)}`, { cause: error });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
