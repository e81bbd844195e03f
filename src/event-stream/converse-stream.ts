// A ConverseStream response body → its one-key events, with truncation, abort and idle-timeout handling.
import { StreamDecodeError } from "../errors/index.js";
import { decodeBody, type DecodeStreamOptions, type StreamEvents } from "./body-decoder.js";
import { EventDecoder } from "./event-decoder.js";
import type { ConverseStreamOutput } from "../wire/index.js";

export type DecodeConverseStreamOptions = DecodeStreamOptions;

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
export function decodeEvents(
  body: ReadableStream<Uint8Array>,
  options: DecodeConverseStreamOptions,
  onEnd?: () => void,
): AsyncGenerator<ConverseStreamOutput, void, undefined> {
  const context = options.requestId === undefined ? {} : { requestId: options.requestId };
  const decoder = new EventDecoder(context);
  let sawMessageStop = false;
  let sawMetadata = false;
  // The body must bring both messageStop and metadata.
  const events: StreamEvents<ConverseStreamOutput> = {
    decode(frame) {
      const event = decoder.decode(frame);
      const type = decoder.lastType;
      if (type === "messageStop") sawMessageStop = true;
      else if (type === "metadata") sawMetadata = true;
      return event;
    },
    ended() {
      if (!sawMessageStop || !sawMetadata) throw new StreamDecodeError("stream ended before messageStop/metadata", context);
    },
  };
  return decodeBody(body, options, events, onEnd);
}
