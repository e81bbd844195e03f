// A stream's first event, read while retries were still possible, handed out ahead of the rest.
import type { SecretScrubber } from "../../auth/secret-scrubber.js";

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
