// Verified frames → events for one stream, parsing each distinct header section only once.
import type { ConverseStreamOutput } from "../wire/index.js";
import { decodeFrame, type DecodedFrame } from "./decode-frame.js";
import { HEADERS_LENGTH_OFFSET, HEADERS_OFFSET, MESSAGE_CRC_LENGTH, readUint32 } from "./frame-splitter.js";
import { eventFromBody, frameToEvent } from "./frame-to-event.js";

/** A header section seen before, and what it routes to. */
interface KnownHeaders {
  bytes: Uint8Array;
  eventType: string;
  contentType: string | undefined;
}

// Bedrock sends one header section per event type (six or so), byte for byte the same each time.
const MAX_KNOWN = 16;
const MAX_KNOWN_BYTES = 256;

/**
 * `decode(frame)` equals `frameToEvent(decodeFrame(frame))` for frames that passed
 * `FrameSplitter`. An `event` frame whose header section (all string headers) matches one seen
 * earlier in the stream skips header parsing and routing: the same bytes decode to the same
 * headers. Anything else (exceptions, errors, new or unusual headers) takes the full path.
 */
export class EventDecoder {
  /** The `:event-type` of the event `decode` last returned (cheaper to test than the event's key). */
  lastType = "";
  readonly #known: KnownHeaders[] = [];
  readonly #context: { requestId?: string };

  constructor(context: { requestId?: string } = {}) {
    this.#context = context;
  }

  decode(frame: Uint8Array): ConverseStreamOutput {
    const headersLength = readUint32(frame, HEADERS_LENGTH_OFFSET);
    const bodyStart = HEADERS_OFFSET + headersLength;
    const bodyEnd = frame.length - MESSAGE_CRC_LENGTH;
    if (bodyStart <= bodyEnd) {
      for (const entry of this.#known) {
        if (entry.bytes.length === headersLength && sameBytes(entry.bytes, frame, HEADERS_OFFSET)) {
          this.lastType = entry.eventType;
          return eventFromBody(entry.eventType, entry.contentType, frame.subarray(bodyStart, bodyEnd), this.#context);
        }
      }
    }
    return this.#decodeNew(frame, headersLength, bodyStart);
  }

  /** The full path, for a header section not seen before (or not worth remembering). */
  #decodeNew(frame: Uint8Array, headersLength: number, bodyStart: number): ConverseStreamOutput {
    const decoded = decodeFrame(frame, this.#context);
    const event = frameToEvent(decoded, this.#context);
    const route = eventRoute(decoded);
    this.lastType = route?.eventType ?? Object.keys(event)[0]!;
    if (route && this.#known.length < MAX_KNOWN && headersLength <= MAX_KNOWN_BYTES) {
      this.#known.push({ bytes: frame.slice(HEADERS_OFFSET, bodyStart), ...route });
    }
    return event;
  }
}

/** The route of a frame that `frameToEvent` just accepted as an event, if its headers are all strings. */
function eventRoute(frame: DecodedFrame): Omit<KnownHeaders, "bytes"> | undefined {
  for (const name in frame.headers) if (frame.headers[name]!.type !== "string") return undefined;
  const value = (name: string) => frame.headers[name]?.value as string | undefined;
  const eventType = value(":event-type");
  if (value(":message-type") !== "event" || eventType === undefined) return undefined;
  return { eventType, contentType: value(":content-type") };
}

function sameBytes(known: Uint8Array, bytes: Uint8Array, at: number): boolean {
  for (let i = 0; i < known.length; i++) if (known[i] !== bytes[at + i]) return false;
  return true;
}

