// What ChatBedrockConverse.stream resolves to: an async iterable of chunks that also exposes a ReadableStream.
import type { ResponseMetadata } from "../client/stream-response.js";

/**
 * The chunks of one streamed reply, read once: iterate it (`for await (const chunk of stream)`)
 * or read `stream.stream` (a WHATWG ReadableStream), not both. Breaking out of the loop, or
 * cancelling, releases the connection.
 * @example
 * const stream = await model.stream("I love programming.");
 * let full: AIMessageChunk | undefined;
 * for await (const chunk of stream) full = full ? full.concat(chunk) : chunk;
 */
export class ChatStream<T> implements AsyncIterable<T> {
  /** HTTP status, request ID and attempts of the underlying ConverseStream response. */
  readonly $metadata: ResponseMetadata | undefined;
  #iterator: AsyncIterator<T>;
  #stream: ReadableStream<T> | undefined;
  #claimed: "iterator" | "stream" | undefined;

  constructor(iterator: AsyncIterator<T>, metadata?: ResponseMetadata) {
    this.#iterator = iterator;
    this.$metadata = metadata;
  }

  /** `x-amzn-requestid` of the ConverseStream call. */
  get requestId(): string | undefined {
    return this.$metadata?.requestId;
  }

  /** The chunks as a ReadableStream (created on first access). */
  get stream(): ReadableStream<T> {
    if (this.#stream) return this.#stream;
    this.#claim("stream");
    const iterator = this.#iterator;
    this.#stream = new ReadableStream<T>(
      {
        async pull(controller) {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
        async cancel() {
          await iterator.return?.();
        },
      },
      { highWaterMark: 0 },
    );
    return this.#stream;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    this.#claim("iterator");
    return this.#iterator;
  }

  /** Stops reading and releases the connection. */
  async cancel(): Promise<void> {
    if (this.#stream) await this.#stream.cancel();
    else await this.#iterator.return?.();
  }

  #claim(kind: "iterator" | "stream"): void {
    if (this.#claimed && this.#claimed !== kind) {
      throw new TypeError("A ChatStream can be consumed once: iterate it or read .stream, not both");
    }
    this.#claimed = kind;
  }
}
