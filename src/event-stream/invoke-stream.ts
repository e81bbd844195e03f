// An InvokeModelWithResponseStream body → `{ chunk: { bytes } }` events, exception frames thrown typed.
import { StreamDecodeError } from "../errors/index.js";
import { decodeBase64 } from "../wire/serde/base64.js";
import type { ResponseStream } from "../wire/types/invoke.js";
import { decodeBody, type DecodeStreamOptions, type StreamEvents } from "./body-decoder.js";
import { EventDecoder } from "./event-decoder.js";

/**
 * Decodes an `application/vnd.amazon.eventstream` InvokeModelWithResponseStream body into the
 * AWS SDK's events: `{ chunk: { bytes } }`, `bytes` one of the model's native stream events as
 * UTF-8 (sent base64 in the frame's JSON). An exception frame throws its typed error
 * (`ThrottlingException`, `ModelStreamErrorException`, …). Unlike ConverseStream, no event is
 * required before the body ends: the stream's shape is the model's. An unknown event type comes
 * as the SDK's `{ $unknown: [name, payload] }`.
 *
 * @example
 * for await (const event of decodeInvokeStream(response.body!)) {
 *   if (event.chunk?.bytes) console.log(JSON.parse(new TextDecoder().decode(event.chunk.bytes)));
 * }
 */
export function decodeInvokeStream(
  body: ReadableStream<Uint8Array>,
  options: DecodeStreamOptions = {},
  onEnd?: () => void,
): AsyncGenerator<ResponseStream, void, undefined> {
  return decodeBody(body, options, new InvokeEvents(options.requestId === undefined ? {} : { requestId: options.requestId }), onEnd);
}

class InvokeEvents implements StreamEvents<ResponseStream> {
  readonly #decoder: EventDecoder;
  readonly #context: { requestId?: string };

  constructor(context: { requestId?: string }) {
    this.#context = context;
    this.#decoder = new EventDecoder(context);
  }

  decode(frame: Uint8Array): ResponseStream {
    const event = this.#decoder.decode(frame) as Record<string, unknown>;
    const type = this.#decoder.lastType;
    if (type !== "chunk") return { $unknown: [type, event[type]] };
    const part = event.chunk as { bytes?: unknown } | null;
    if (part === null || typeof part !== "object") throw new StreamDecodeError("chunk event payload is not an object", this.#context);
    if (part.bytes === undefined) return { chunk: {} };
    if (typeof part.bytes !== "string") throw new StreamDecodeError("chunk.bytes is not a base64 string", this.#context);
    try {
      return { chunk: { bytes: decodeBase64(part.bytes) } };
    } catch (cause) {
      throw new StreamDecodeError("chunk.bytes is not valid base64", { ...this.#context, cause });
    }
  }

  ended(): void {}
}
