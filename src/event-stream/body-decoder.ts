// One event-stream response body being decoded: reads, frame splitting, abort, idle timeout, and the end check.
import { AbortError, BedrockError, NetworkError, TimeoutError } from "../errors/index.js";
import { FrameSplitter } from "./frame-splitter.js";

export interface DecodeStreamOptions {
  /** Copied onto every error raised while decoding. */
  requestId?: string;
  /** Aborting cancels the body and makes the iterator throw `AbortError` (or the signal's reason, if that is a `BedrockError`). */
  signal?: AbortSignal;
  /** When no bytes arrive for this long while the iterator waits for them, cancel the body and throw `TimeoutError`. */
  idleTimeoutMs?: number;
}

/** What one operation's stream makes of its frames: an event per frame, and a check when the body ends. */
export interface StreamEvents<T> {
  decode(frame: Uint8Array): T;
  /** Throws when the body ended before the events the operation requires. */
  ended(): void;
}

/**
 * Frames of `body` through `events`, `onEnd` called once however the stream ends (done,
 * failed, or closed early), so the client can release its per-request state without wrapping
 * every event.
 */
export async function* decodeBody<T>(
  body: ReadableStream<Uint8Array>,
  options: DecodeStreamOptions,
  events: StreamEvents<T>,
  onEnd?: () => void,
): AsyncGenerator<T, void, undefined> {
  // Everything but the loop lives in BodyDecoder: an async generator saves and restores its
  // live locals at every yield, and with the state below inline that cost a tenth of the time.
  const source = new BodyDecoder(body, options, onEnd);
  try {
    source.start();
    for (let frames = await source.read(); frames !== undefined; frames = await source.read()) {
      for (let i = 0; i < frames.length; i++) yield events.decode(frames[i]!);
    }
    events.ended();
  } finally {
    source.close();
  }
}

/** One response body being decoded: reads, frame splitting, abort and idle timeout. */
class BodyDecoder {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #splitter: FrameSplitter;
  readonly #context: { requestId?: string };
  readonly #signal: AbortSignal | undefined;
  readonly #idle: IdleWatch | undefined;
  readonly #onEnd: (() => void) | undefined;
  // Abort and idle timeout cancel the reader, which settles a pending read() as done: no race
  // promise per read. The reason tells that ending apart from the body's real end.
  #stopReason: BedrockError | undefined;
  #finished = false;
  #handedOut = false;
  readonly #onAbort = () => this.#stop(abortError(this.#signal!, this.#context));

  constructor(body: ReadableStream<Uint8Array>, options: DecodeStreamOptions, onEnd: (() => void) | undefined) {
    const { signal, idleTimeoutMs } = options;
    this.#context = options.requestId === undefined ? {} : { requestId: options.requestId };
    this.#reader = body.getReader();
    this.#splitter = new FrameSplitter(this.#context);
    this.#signal = signal;
    this.#onEnd = onEnd;
    this.#idle =
      idleTimeoutMs !== undefined && idleTimeoutMs > 0 && Number.isFinite(idleTimeoutMs)
        ? new IdleWatch(idleTimeoutMs, () => this.#stop(new TimeoutError(`no bytes received for ${idleTimeoutMs} ms`, this.#context)))
        : undefined;
  }

  start(): void {
    if (this.#signal?.aborted) throw abortError(this.#signal, this.#context);
    this.#signal?.addEventListener("abort", this.#onAbort, { once: true });
  }

  /** The frames the next chunk completes, or undefined once the body has ended well. */
  async read(): Promise<Uint8Array[] | undefined> {
    // A bad frame is thrown only after the good frames before it were handed out.
    if (this.#splitter.failure) throw this.#splitter.failure;
    this.#idle?.reading();
    let read: ReadableStreamReadResult<Uint8Array>;
    try {
      read = await this.#reader.read();
    } catch (error) {
      if (this.#stopReason) throw this.#stopReason;
      if (BedrockError.isInstance(error)) throw error;
      // fetch reports a dropped connection as a bare TypeError ("terminated"); type it.
      const detail = error instanceof Error ? error.message : String(error);
      throw new NetworkError(`connection lost mid-stream: ${detail}`, { ...this.#context, cause: error });
    }
    this.#idle?.idle();
    if (this.#stopReason) throw this.#stopReason;
    if (!read.done) {
      const frames = this.#splitter.push(read.value);
      if (!this.#handedOut && frames.length > 0) {
        // The first events go out: drop the timer until the consumer asks for more. A streaming
        // operation reads the first event itself and may never be read again; an armed 60 s timer would
        // keep Node from exiting (the next read arms a fresh one).
        this.#handedOut = true;
        this.#idle?.dispose();
      }
      return frames;
    }
    this.#finished = true;
    this.#splitter.end();
    return undefined;
  }

  close(): void {
    this.#signal?.removeEventListener("abort", this.#onAbort);
    this.#idle?.dispose();
    // Early return() or a throw: stop the transfer. A finished body needs no cancel.
    if (!this.#finished && !this.#stopReason) this.#reader.cancel().catch(() => {});
    this.#reader.releaseLock();
    this.#onEnd?.();
  }

  #stop(reason: BedrockError): void {
    this.#stopReason ??= reason;
    this.#reader.cancel(reason).catch(() => {});
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
 * (backpressure) does not count as idle. No timer exists before the first read or after
 * `dispose()` until the next `reading()`.
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
