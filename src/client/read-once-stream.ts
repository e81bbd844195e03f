// A result that is both an async iterable and a ReadableStream of the same items, consumed once.

/** A WHATWG ReadableStream that can also be read with `for await`, whatever the DOM lib says. */
export type IterableReadableStream<T> = ReadableStream<T> & AsyncIterable<T>;

export interface ResponseMetadata {
  httpStatusCode: number;
  requestId: string | undefined;
  attempts: number;
}

/**
 * Items of one streamed response. Consume it once: iterate it (`for await (const x of result)`)
 * or read `.stream` (a WHATWG ReadableStream, itself async-iterable where the runtime supports
 * it), not both. Breaking out of the loop, `cancel()`, or cancelling the stream releases the
 * connection.
 */
export class ReadOnceStream<T> implements AsyncIterable<T> {
  /** HTTP status, request ID and attempts of the underlying response. */
  readonly $metadata: ResponseMetadata | undefined;
  #iterator: AsyncIterator<T>;
  #stream: IterableReadableStream<T> | undefined;
  #claimed: "iterator" | "stream" | undefined;
  #release: (() => Promise<void>) | undefined;

  /**
   * @param release also called on cancel: an async generator that never started ignores
   * `return()`, so the response under it needs releasing directly.
   */
  constructor(iterator: AsyncIterator<T>, metadata?: ResponseMetadata, release?: () => Promise<void>) {
    this.#iterator = iterator;
    this.$metadata = metadata;
    this.#release = release;
  }

  /** `x-amzn-requestid` of the call. */
  get requestId(): string | undefined {
    return this.$metadata?.requestId;
  }

  /**
   * The items as a ReadableStream (created on first access; pulls only when read) that is also
   * an AsyncIterable, so `for await (const event of stream)` ported from the AWS SDK compiles
   * under DOM libs (which type ReadableStream without `[Symbol.asyncIterator]`) and runs where
   * the platform's stream lacks it (Safari before 18.4).
   */
  get stream(): IterableReadableStream<T> {
    if (this.#stream) return this.#stream;
    this.#claim("stream");
    const iterator = this.#iterator;
    const release = this.#release;
    const stream = new ReadableStream<T>(
      {
        async pull(controller) {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
        async cancel() {
          await iterator.return?.();
          await release?.();
        },
      },
      { highWaterMark: 0 },
    );
    this.#stream = withAsyncIterator(stream);
    return this.#stream;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    this.#claim("iterator");
    return this.#iterator;
  }

  /** Stops reading and releases the connection. */
  async cancel(): Promise<void> {
    if (this.#stream) return this.#stream.cancel();
    await this.#iterator.return?.();
    await this.#release?.();
  }

  #claim(kind: "iterator" | "stream"): void {
    if (this.#claimed && this.#claimed !== kind) {
      throw new TypeError(`A ${this.constructor.name} can be consumed once: iterate it or read .stream, not both`);
    }
    this.#claimed = kind;
  }
}

/**
 * Adds `[Symbol.asyncIterator]` to a stream that has none (the platform's own is kept). Like the
 * standard one: reads through a reader; `break` cancels the stream, which releases the response.
 */
function withAsyncIterator<T>(stream: ReadableStream<T>): IterableReadableStream<T> {
  const target = stream as IterableReadableStream<T>;
  if (typeof target[Symbol.asyncIterator] === "function") return target;
  Object.defineProperty(target, Symbol.asyncIterator, {
    configurable: true,
    value(): AsyncIterator<T> {
      const reader = stream.getReader();
      let finished = false;
      const finish = (): IteratorReturnResult<undefined> => {
        if (!finished) reader.releaseLock();
        finished = true;
        return { done: true, value: undefined };
      };
      return {
        async next() {
          if (finished) return { done: true, value: undefined };
          let result: ReadableStreamReadResult<T>;
          try {
            result = await reader.read();
          } catch (error) {
            finish();
            throw error;
          }
          return result.done ? finish() : { done: false, value: result.value };
        },
        async return() {
          if (!finished) await reader.cancel();
          return finish();
        },
      };
    },
  });
  return target;
}
