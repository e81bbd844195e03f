// The object invokeModelWithResponseStream resolves to: the chunk events, plus the answer's headers.
import type { PerformanceConfigLatency, ResponseStream, ServiceTierType } from "../wire/index.js";
import { ReadOnceStream, type IterableReadableStream, type ResponseMetadata } from "./read-once-stream.js";

/** The answer's headers: the stream's content type (`X-Amzn-Bedrock-Content-Type`), latency mode, tier. */
export interface InvokeStreamHeaders {
  contentType: string | undefined;
  performanceConfigLatency?: PerformanceConfigLatency | undefined;
  serviceTier?: ServiceTierType | undefined;
}

/**
 * Events of one InvokeModelWithResponseStream response, `{ chunk: { bytes } }` each. Iterate it,
 * or read `body` as the SDK's `InvokeModelWithResponseStreamCommandOutput.body` (the same events
 * as an async-iterable ReadableStream; consume one or the other, once).
 */
export class InvokeModelWithResponseStreamResponse extends ReadOnceStream<ResponseStream> {
  declare readonly $metadata: ResponseMetadata;
  readonly contentType: string | undefined;
  readonly performanceConfigLatency?: PerformanceConfigLatency | undefined;
  readonly serviceTier?: ServiceTierType | undefined;

  constructor(iterator: AsyncIterator<ResponseStream>, metadata: ResponseMetadata, headers: InvokeStreamHeaders) {
    super(iterator, metadata);
    this.contentType = headers.contentType;
    if (headers.performanceConfigLatency !== undefined) this.performanceConfigLatency = headers.performanceConfigLatency;
    if (headers.serviceTier !== undefined) this.serviceTier = headers.serviceTier;
  }

  /** The events as the SDK's `body`: `for await (const event of response.body)`. */
  get body(): IterableReadableStream<ResponseStream> {
    return this.stream;
  }
}
