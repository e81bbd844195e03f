// A ConverseStream response body → its one-key events, with truncation, abort and idle-timeout handling.
import { AbortError, BedrockError, NetworkError, StreamDecodeError, TimeoutError } from "../errors/index.js";
import { EventDecoder } from "./event-decoder.js";
import { FrameSplitter } from "./frame-splitter.js";
import type { ConverseStreamOutput } from "../wire/index.js";

export interface DecodeConverseStreamOptions {
  /** Copied onto every error raised while decoding. */
  requestId?: string;
  /** Aborting cancels the body and makes the iterator throw `AbortError` (or the signal's reason, if that is a `BedrockError`). */
  signal?: AbortSignal;
  /** When no bytes arrive for this long while the iterator waits for them, cancel the body and throw `TimeoutError`. */
  idleTimeoutMs?: number;
}

/**
 * Decodes an `application/vnd.amazon.eventstream` ConverseStream body into the AWS SDK's
 * one-key events. Throws the typed error of an exception frame, a `StreamDecodeError` on a bad
 * or truncated frame or when the body ends before both `messageStop` and `metadata` arrived.
 * Leaving the loop early, or any error, cancels the body and releases its reader.
 *
 * @example
 * for await (const event of decodeConverseStream(response.body!, { signal })) {
 *   if (event.contentBlockDelta) console.log(event.contentBlockDelta);
 * }
 */
export function decodeConverseStream(
  body: ReadableStream<Uint8Array>,
  options: DecodeConverseStreamOptions = {},
): AsyncGenerator<ConverseStreamOutput, void, undefined> {
  return decodeEvents(body, options);
}

/**
 * `decodeConverseStream` plus `onEnd`, called once however the stream ends (done, failed, or
 * closed early), so the client can release its per-request state without wrapping every event.
 */
export async function* decodeEvents(
  body: ReadableStream<Uint8Array>,
  options: DecodeConverseStreamOptions,
  onEnd?: () => void,
): AsyncGenerator<ConverseStreamOutput, void, undefined> {
  const { signal, idleTimeoutMs } = options;
  const context = options.requestId === undefined ? {} : { requestId: options.requestId };
  const reader = body.getReader();
  const splitter = new FrameSplitter(context);
  const decoder = new EventDecoder(context);
  // Abort and idle timeout cancel the reader, which settles a pending read() as done: no race
  // promise per read. The flags tell that ending apart from the body's real end.
  let stopReason: BedrockError | undefined;
  const stop = (reason: BedrockError) => {
    stopReason ??= reason;
    reader.cancel(reason).catch(() => {});
  };
  const onAbort = () => stop(abortError(signal!, context));
  const idle = idleTimeoutMs !== undefined && idleTimeoutMs > 0 && Number.isFinite(idleTimeoutMs)
    ? new IdleWatch(idleTimeoutMs, () => stop(new TimeoutError(`no bytes received for ${idleTimeoutMs} ms`, context)))
    : undefined;
  let finished = false;
  let sawMessageStop = false;
  let sawMetadata = false;
  try {
    if (signal?.aborted) throw abortError(signal, context);
    signal?.addEventListener("abort", onAbort, { once: true });
    for (;;) {
      idle?.reading();
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (error) {
        if (stopReason) throw stopReason;
        if (BedrockError.isInstance(error)) throw error;
        // fetch reports a dropped connection as a bare TypeError ("terminated"); type it.
        const detail = error instanceof Error ? error.message : String(error);
        throw new NetworkError(`connection lost mid-stream: ${detail}`, { ...context, cause: error });
      }
      const { done, value } = read;
      idle?.idle();
      if (stopReason) throw stopReason;
      if (done) break;
      for (const frame of splitter.push(value)) {
        const event = decoder.decode(frame);
        if (decoder.lastType === "messageStop") sawMessageStop = true;
        else if (decoder.lastType === "metadata") sawMetadata = true;
        yield event;
      }
      if (splitter.failure) throw splitter.failure;
    }
    finished = true;
    splitter.end();
    if (!sawMessageStop || !sawMetadata) throw new StreamDecodeError("stream ended before messageStop/metadata", context);
  } finally {
    signal?.removeEventListener("abort", onAbort);
    idle?.dispose();
    // Early return() or a throw: stop the transfer. A finished body needs no cancel.
    if (!finished && !stopReason) reader.cancel().catch(() => {});
    reader.releaseLock();
    onEnd?.();
  }
}

function abortError(signal: AbortSignal, context: { requestId?: string }): BedrockError {
  // The client may abort with a typed reason (its overall TimeoutError); surface that as is.
  if (BedrockError.isInstance(signal.reason)) return signal.reason;
  return new AbortError("The stream was aborted", { ...context, cause: signal.reason });
}

/**
 * Fires `onIdle` once a read has been pending for `ms`. One timer, re-armed lazily, rather
 * than a clearTimeout/setTimeout pair per chunk; time spent by the consumer between reads
 * (backpressure) does not count as idle.
 */
class IdleWatch {
  private since = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ms: number,
    private readonly onIdle: () => void,
  ) {}

  reading(): void {
    this.since = Date.now();
    if (this.timer === undefined) this.arm(this.ms);
  }

  idle(): void {
    this.since = -1;
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(delay: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.since < 0) return;
      const left = this.since + this.ms - Date.now();
      if (left <= 0) this.onIdle();
      else this.arm(left);
    }, delay);
  }
}
