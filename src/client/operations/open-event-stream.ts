// The shared start of an event-stream operation: the first event read while retries were still possible, then the rest.
import type { SecretScrubber } from "../../auth/secret-scrubber.js";
import { BedrockError } from "../../errors/bedrock-error.js";
import type { DecodeConverseStreamOptions } from "../../event-stream/converse-stream.js";
import type { ConverseStreamOutput } from "../../wire/index.js";
import type { ClientConfig } from "../bedrock-client.js";
import type { CallEvent } from "../hooks.js";
import { observeStream } from "../observe-stream.js";
import type { AttemptContext } from "../transport.js";

/**
 * The shared start of an event-stream operation's `read`: decodes the body, waits for the first
 * event while retries are still possible (nothing has reached the caller yet), then hands the
 * events out through the scrubber and the hooks' stream observer.
 */
export async function openEventStream<T>(
  config: ClientConfig,
  response: Response,
  ctx: AttemptContext,
  call: { info: Omit<CallEvent, "attempt">; idleTimeoutMs: number; startedMs: number },
  decode: (body: ReadableStream<Uint8Array>, options: DecodeConverseStreamOptions, onEnd: () => void) => AsyncGenerator<T, void, undefined>,
): Promise<AsyncIterableIterator<T>> {
  if (!response.body) throw new BedrockError("Bedrock returned an empty stream body", { status: response.status });
  const events = decode(
    response.body,
    { ...(ctx.requestId ? { requestId: ctx.requestId } : {}), signal: ctx.link.signal, idleTimeoutMs: call.idleTimeoutMs },
    () => ctx.link.dispose(),
  );
  const first = await events.next();
  ctx.link.arm(undefined, "");
  ctx.keepAlive();
  const facts = { ...call.info, attempt: ctx.attempts, requestId: ctx.requestId, startedMs: call.startedMs };
  // observeStream reads only Converse's metadata and messageStop; other events pass through it unchanged.
  const replayed = replayFirst(first, events, config.transport.auth.scrubber) as unknown as AsyncIterableIterator<ConverseStreamOutput>;
  return observeStream(replayed, config.transport.hooks, facts) as unknown as AsyncIterableIterator<T>;
}

/**
 * Hands out an already-read first result, then the generator's own results. Errors from the
 * decoder (an exception frame quotes server text) leave through the scrubber; a rejection
 * handler per event is the whole cost (an `async next()` would cost more than decoding).
 */
export function replayFirst<T>(
  first: IteratorResult<T, void>,
  rest: AsyncGenerator<T, void, undefined>,
  scrubber: SecretScrubber,
): AsyncIterableIterator<T> {
  let pending: IteratorResult<T, void> | undefined = first;
  const fail = (error: unknown): never => {
    throw scrubber.error(error);
  };
  return {
    next() {
      if (pending === undefined) return rest.next().then(undefined, fail);
      const result = pending;
      pending = undefined;
      return Promise.resolve(result);
    },
    return() {
      pending = undefined;
      return rest.return(undefined);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
