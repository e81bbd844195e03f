// The object converseStream resolves to: an async iterable of events that also exposes a ReadableStream.
import type { ConverseStreamOutput } from "../wire/index.js";
import { ReadOnceStream, type ResponseMetadata } from "./read-once-stream.js";

export type { ResponseMetadata };

/**
 * Events of one ConverseStream response, in the AWS SDK's one-key shape. Iterate it, or read
 * `response.stream` like the SDK's `stream` (see ReadOnceStream: consume it once).
 */
export class ConverseStreamResponse extends ReadOnceStream<ConverseStreamOutput> {
  declare readonly $metadata: ResponseMetadata;

  constructor(iterator: AsyncIterator<ConverseStreamOutput>, metadata: ResponseMetadata) {
    super(iterator, metadata);
  }
}
