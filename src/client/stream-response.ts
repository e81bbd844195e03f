// The object converseStream resolves to: an async iterable of events that also exposes a ReadableStream.
import type { ConverseStreamOutput } from "../wire/index.js";

export interface ResponseMetadata {
  httpStatusCode: number;
  requestId: string | undefined;
  attempts: number;
}

/**
 * Events of one ConverseStream response, in the AWS SDK's one-key shape. Consume it once:
 * either iterate it (`for await (const event of response)`), or read `response.stream`
 * (a ReadableStream, itself async-iterable where the runtime supports it, like the SDK's `stream`).
 * Breaking out of the loop or cancelling the stream releases the connection.
 */
export class ConverseStreamResponse implements AsyncIterable<ConverseStreamOutput> {
  readonly $metadata: ResponseMetadata;
  #iterator: AsyncIterator<ConverseStreamOutput>;
  #stream: ReadableStream<ConverseStreamOutput> | undefined;
  #claimed: "iterator" | "stream" | undefined;

  constructor(iterator: AsyncIterator<ConverseStreamOutput>, metadata: ResponseMetadata) {
    this.#iterator = iterator;
    this.$metadata = metadata;
  }

  get requestId(): string | undefined {
    return this.$metadata.requestId;
  }

  /** The events as a WHATWG ReadableStream (created on first access). */
  get stream(): ReadableStream<ConverseStreamOutput> {
    if (this.#stream) return this.#stream;
    this.#claim("stream");
    const iterator = this.#iterator;
    this.#stream = new ReadableStream<ConverseStreamOutput>(
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

  [Symbol.asyncIterator](): AsyncIterator<ConverseStreamOutput> {
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
      throw new TypeError("A ConverseStreamResponse can be consumed once: iterate it or read .stream, not both");
    }
    this.#claimed = kind;
  }
}
