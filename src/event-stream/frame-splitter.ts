// Reassembles whole, CRC-checked event-stream frames from arbitrarily split byte chunks.
import { StreamDecodeError } from "../errors/index.js";
import { crc32, hex32 } from "./crc32.js";

// Frame layout: | total_length u32 | headers_length u32 | prelude_crc u32 | headers | payload | message_crc u32 |
export const TOTAL_LENGTH_OFFSET = 0;
export const HEADERS_LENGTH_OFFSET = 4;
export const PRELUDE_CRC_OFFSET = 8;
/** Bytes covered by the prelude CRC (the two length fields). */
export const PRELUDE_LENGTH = 8;
/** Prelude plus its CRC: where the headers start. */
export const HEADERS_OFFSET = 12;
export const MESSAGE_CRC_LENGTH = 4;
/** A frame with no headers and no payload. */
export const MIN_FRAME_LENGTH = HEADERS_OFFSET + MESSAGE_CRC_LENGTH;
/** aws-c-event-stream's cap on a whole message; botocore caps the payload at the same 24 MiB. */
export const MAX_FRAME_LENGTH = 24 * 1024 * 1024;
/** botocore's cap on the headers section. */
export const MAX_HEADERS_LENGTH = 128 * 1024;

export interface FrameSplitterOptions {
  /** Added to errors so a failure can be traced to the request. */
  requestId?: string;
}

/**
 * Synchronous frame splitter: `push(chunk)` returns the frames completed by that chunk, `end()`
 * fails if a partial frame is left. A frame that lies whole inside one chunk is returned as a
 * `subarray` of it (no copy); only frames spanning chunks are copied, into a buffer of exactly
 * the declared length, so returned frames stay valid after later pushes. Not reusable after it
 * has thrown.
 *
 * @example
 * const splitter = new FrameSplitter();
 * for (const chunk of chunks) for (const frame of splitter.push(chunk)) handle(decodeFrame(frame));
 * splitter.end();
 */
export class FrameSplitter {
  /** Collects a prelude that arrives in pieces; 12 bytes are enough to vet the frame. */
  readonly #prelude = new Uint8Array(HEADERS_OFFSET);
  #preludeFilled = 0;
  /** The frame being assembled across chunks, allocated once its prelude has been checked. */
  #partial: Uint8Array | undefined;
  #partialFilled = 0;
  #partialPreludeCrc = 0;
  /** The CRC of the prelude `checkPrelude` last accepted (a field, not a returned object, on this per-frame path). */
  #preludeCrc = 0;
  /** Stream offset of the next frame's first byte, for error messages. */
  #frameStart = 0;
  /** The error that stopped the splitter, once one has. */
  failure: StreamDecodeError | undefined;
  readonly #requestId: string | undefined;

  constructor(options: FrameSplitterOptions = {}) {
    this.#requestId = options.requestId;
  }

  /** Bytes received that do not yet form a whole frame. */
  get pendingBytes(): number {
    return this.#partial ? this.#partialFilled : this.#preludeFilled;
  }

  /** Feeds the next chunk; returns every frame it completes, in order. */
  push(chunk: Uint8Array): Uint8Array[] {
    if (this.failure) throw this.failure;
    const frames: Uint8Array[] = [];
    try {
      let offset = this.pendingBytes > 0 ? this.continuePartial(chunk, frames) : 0;
      const length = chunk.length;
      // Fast path: frames that lie whole in this chunk are checked and sliced in place.
      while (offset < length) {
        if (length - offset < HEADERS_OFFSET) {
          this.#prelude.set(chunk.subarray(offset), 0);
          this.#preludeFilled = length - offset;
          break;
        }
        const total = this.checkPrelude(chunk, offset);
        if (length - offset < total) {
          this.startPartial(total, chunk.subarray(offset));
          break;
        }
        frames.push(this.checkMessage(chunk, offset, total, this.#preludeCrc));
        offset += total;
      }
    } catch (error) {
      this.failure = error as StreamDecodeError;
      // Hand over the good frames first; the failure is thrown by the next push()/end()
      // (or read from `failure`), so events before a corrupt frame still reach the caller.
      if (frames.length === 0) throw error;
    }
    return frames;
  }

  /** Declares the end of input; throws if a frame was cut short. */
  end(): void {
    if (this.failure) throw this.failure;
    const pending = this.pendingBytes;
    if (pending === 0) return;
    const of = this.#partial ? `a ${this.#partial.length}-byte frame` : `the ${HEADERS_OFFSET}-byte prelude`;
    throw (this.failure = this.error(`event stream truncated: got ${pending} byte${pending === 1 ? "" : "s"} of ${of} at offset ${this.#frameStart}`));
  }

  /** Completes a prelude and/or frame begun in earlier chunks; returns how much of `chunk` it used. */
  private continuePartial(chunk: Uint8Array, frames: Uint8Array[]): number {
    let used = 0;
    if (!this.#partial) {
      used = Math.min(HEADERS_OFFSET - this.#preludeFilled, chunk.length);
      this.#prelude.set(chunk.subarray(0, used), this.#preludeFilled);
      if ((this.#preludeFilled += used) < HEADERS_OFFSET) return used;
      const total = this.checkPrelude(this.#prelude, 0);
      this.#preludeFilled = 0;
      this.startPartial(total, this.#prelude);
    }
    const frame = this.#partial!;
    const take = Math.min(frame.length - this.#partialFilled, chunk.length - used);
    frame.set(chunk.subarray(used, used + take), this.#partialFilled);
    used += take;
    if ((this.#partialFilled += take) === frame.length) {
      frames.push(this.checkMessage(frame, 0, frame.length, this.#partialPreludeCrc));
      this.#partial = undefined;
      this.#partialFilled = 0;
    }
    return used;
  }

  /** Buffers the start of a `total`-byte frame whose prelude `checkPrelude` has just accepted. */
  private startPartial(total: number, head: Uint8Array): void {
    (this.#partial = new Uint8Array(total)).set(head, 0);
    this.#partialFilled = head.length;
    this.#partialPreludeCrc = this.#preludeCrc;
  }

  /**
   * Vets the 12-byte prelude at `offset` before anything is buffered and returns the frame's
   * length; its CRC is left in `#preludeCrc`. The failure message is built apart, so this
   * per-frame check stays small enough to inline.
   */
  private checkPrelude(bytes: Uint8Array, offset: number): number {
    const total = readUint32(bytes, offset + TOTAL_LENGTH_OFFSET);
    const headersLength = readUint32(bytes, offset + HEADERS_LENGTH_OFFSET);
    const expected = readUint32(bytes, offset + PRELUDE_CRC_OFFSET);
    const actual = crc32(bytes, offset, offset + PRELUDE_LENGTH);
    if (
      expected !== actual ||
      total < MIN_FRAME_LENGTH ||
      total > MAX_FRAME_LENGTH ||
      headersLength > MAX_HEADERS_LENGTH ||
      headersLength > total - MIN_FRAME_LENGTH
    ) {
      throw this.preludeError(total, headersLength, expected, actual);
    }
    this.#preludeCrc = actual;
    return total;
  }

  /** What is wrong with a prelude `checkPrelude` refused: CRC first, then the limits. */
  private preludeError(total: number, headersLength: number, expected: number, actual: number): StreamDecodeError {
    if (expected !== actual) return this.crcError("prelude", expected, actual);
    const fit = total - MIN_FRAME_LENGTH;
    return this.error(
      `frame at offset ${this.#frameStart}: ${
        total < MIN_FRAME_LENGTH ? `length ${total} < ${MIN_FRAME_LENGTH}`
        : total > MAX_FRAME_LENGTH ? `length ${total} > ${MAX_FRAME_LENGTH}`
        : headersLength > MAX_HEADERS_LENGTH ? `headers length ${headersLength} > ${MAX_HEADERS_LENGTH}`
        : `headers length ${headersLength} > ${fit} (frame length ${total})`
      }`,
    );
  }

  /** Checks the message CRC of the whole frame at `offset` and returns it (a view, not a copy). */
  private checkMessage(bytes: Uint8Array, offset: number, total: number, preludeCrc: number): Uint8Array {
    const crcAt = offset + total - MESSAGE_CRC_LENGTH;
    const expected = readUint32(bytes, crcAt);
    const actual = crc32(bytes, offset + PRELUDE_LENGTH, crcAt, preludeCrc);
    if (expected !== actual) throw this.crcError("message", expected, actual);
    this.#frameStart += total;
    return offset === 0 && total === bytes.length ? bytes : bytes.subarray(offset, offset + total);
  }

  private crcError(which: string, expected: number, actual: number): StreamDecodeError {
    return this.error(`${which} CRC mismatch at offset ${this.#frameStart}: expected ${hex32(expected)}, actual ${hex32(actual)}`);
  }

  private error(message: string): StreamDecodeError {
    return new StreamDecodeError(message, this.#requestId === undefined ? {} : { requestId: this.#requestId });
  }
}

/** Big-endian u32 without a DataView per frame (shared by the frame decoders). */
export function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

/**
 * The same splitter as a `TransformStream`: bytes in, whole verified frames out. The readable
 * side errors with a `StreamDecodeError` on a bad frame or a truncated tail.
 *
 * @example
 * const frames = response.body!.pipeThrough(createFrameSplitterStream());
 */
export function createFrameSplitterStream(options: FrameSplitterOptions = {}): TransformStream<Uint8Array, Uint8Array> {
  const splitter = new FrameSplitter(options);
  return new TransformStream({
    transform(chunk, controller) {
      for (const frame of splitter.push(chunk)) controller.enqueue(frame);
    },
    flush() {
      splitter.end();
    },
  });
}
