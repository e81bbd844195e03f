// Verified frame bytes → { headers, body }: a lean header parser producing Smithy's Message shape.
import { StreamDecodeError } from "../errors/index.js";
import { HEADERS_LENGTH_OFFSET, HEADERS_OFFSET, MESSAGE_CRC_LENGTH, readUint32 } from "./frame-splitter.js";
import type { DecodedFrame as Message, Int64Value, MessageHeaderValue, MessageHeaders } from "./message.js";

export type { DecodedFrame, MessageHeaders, MessageHeaderValue } from "./message.js";

// Wire type codes of header values.
const TRUE = 0;
const FALSE = 1;
const BYTE = 2;
const SHORT = 3;
const INTEGER = 4;
const LONG = 5;
const BINARY = 6;
const STRING = 7;
const TIMESTAMP = 8;
const UUID = 9;
const UUID_LENGTH = 16;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Splits a frame that `FrameSplitter` has already length- and CRC-checked into typed headers
 * and a body (a view into `frame`). Produces exactly what Smithy's `EventStreamCodec.decode`
 * does for valid frames (the tests hold it to that), but does not recompute both CRCs, bounds-checks
 * every header against `headers_length`, checks UTF-8, and rejects a header name that appears twice:
 * Smithy keeps the last, botocore raises `DuplicateHeader`; routing on an ambiguous
 * `:message-type` or `:event-type` is not something to guess at.
 */
export function decodeFrame(frame: Uint8Array, options: { requestId?: string } = {}): Message {
  const fail = (message: string) =>
    new StreamDecodeError(message, options.requestId === undefined ? {} : { requestId: options.requestId });
  // FrameSplitter has vetted the lengths; this one test only keeps other input in bounds (a frame
  // under 16 bytes fails it too: missing bytes read as 0, so headersEnd >= 12 > bodyEnd).
  const headersEnd = HEADERS_OFFSET + readUint32(frame, HEADERS_LENGTH_OFFSET);
  const bodyEnd = frame.length - MESSAGE_CRC_LENGTH;
  if (headersEnd > bodyEnd) throw fail(`headers overrun a ${frame.length}-byte frame`);

  const headers: MessageHeaders = {};
  let at = HEADERS_OFFSET;
  // `header` is the name whose value is being read, or undefined while reading a name;
  // it is only formatted on the error path.
  const label = (header: string | undefined) => (header === undefined ? "name" : JSON.stringify(header));
  const need = (n: number, header: string | undefined) => {
    if (at + n > headersEnd) throw fail(`header ${label(header)} runs past the ${headersEnd - HEADERS_OFFSET}-byte headers section`);
  };
  const text = (start: number, length: number, header: string | undefined) => {
    try {
      return decodeUtf8(frame, start, length);
    } catch {
      throw fail(`header ${label(header)} is not valid UTF-8`);
    }
  };
  while (at < headersEnd) {
    const nameLength = frame[at++]!;
    need(nameLength + 1, undefined);
    const name = text(at, nameLength, undefined);
    at += nameLength;
    if (Object.hasOwn(headers, name)) throw fail(`duplicate header ${JSON.stringify(name)}`);
    const type = frame[at++]!;
    let value: MessageHeaderValue;
    switch (type) {
      case TRUE:
      case FALSE:
        value = { type: "boolean", value: type === TRUE };
        break;
      case BYTE:
        need(1, name);
        value = { type: "byte", value: (frame[at]! << 24) >> 24 };
        at += 1;
        break;
      case SHORT:
        need(2, name);
        value = { type: "short", value: (((frame[at]! << 8) | frame[at + 1]!) << 16) >> 16 };
        at += 2;
        break;
      case INTEGER:
        need(4, name);
        value = { type: "integer", value: readUint32(frame, at) | 0 };
        at += 4;
        break;
      case LONG:
      case TIMESTAMP: {
        need(8, name);
        value =
          type === LONG
            ? { type: "long", value: new Int64(frame.slice(at, at + 8)) }
            : { type: "timestamp", value: new Date(readInt64(frame, at)) };
        at += 8;
        break;
      }
      case BINARY:
      case STRING: {
        need(2, name);
        const length = (frame[at]! << 8) | frame[at + 1]!;
        at += 2;
        need(length, name);
        value =
          type === BINARY
            ? { type: "binary", value: frame.subarray(at, at + length) }
            : { type: "string", value: text(at, length, name) };
        at += length;
        break;
      }
      case UUID:
        need(UUID_LENGTH, name);
        value = { type: "uuid", value: formatUuid(frame, at) };
        at += UUID_LENGTH;
        break;
      default:
        throw fail(`header ${label(name)} has unknown value type ${type}`);
    }
    // A plain assignment to `__proto__` would replace the prototype instead of adding a header.
    if (name === "__proto__") Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
    else headers[name] = value;
  }
  return { headers, body: frame.subarray(headersEnd, bodyEnd) };
}


/** Big-endian two's-complement 64-bit integer as a Number (rounded past 2^53, as Smithy's Int64 does). */
function readInt64(bytes: Uint8Array, at: number): number {
  return (readUint32(bytes, at) | 0) * 2 ** 32 + readUint32(bytes, at + 4);
}

/** A `long` header's value: Smithy's `Int64` shape (bytes, valueOf, toString) without its class. */
class Int64 implements Int64Value {
  constructor(readonly bytes: Uint8Array) {}
  valueOf(): number {
    return readInt64(this.bytes, 0);
  }
  toString(): string {
    return String(this.valueOf());
  }
}

/** Strings every Bedrock frame repeats; matching their bytes is cheaper than decoding them. */
const COMMON_STRINGS = [
  ":message-type", ":event-type", ":content-type", ":exception-type", ":error-code", ":error-message",
  "application/json", "event", "exception", "error",
  "messageStart", "contentBlockStart", "contentBlockDelta", "contentBlockStop", "messageStop", "metadata",
];
const COMMON_BY_LENGTH: Array<Array<[Uint8Array, string]>> = [];
for (const text of COMMON_STRINGS) (COMMON_BY_LENGTH[text.length] ??= []).push([new TextEncoder().encode(text), text]);

function common(bytes: Uint8Array, start: number, length: number): string | undefined {
  const candidates = COMMON_BY_LENGTH[length];
  if (!candidates) return undefined;
  next: for (const [known, text] of candidates) {
    for (let i = 0; i < length; i++) if (known[i] !== bytes[start + i]) continue next;
    return text;
  }
  return undefined;
}

/** Header names and values are short and almost always ASCII: skip TextDecoder for those. */
function decodeUtf8(bytes: Uint8Array, start: number, length: number): string {
  const known = common(bytes, start, length);
  if (known !== undefined) return known;
  const end = start + length;
  let out = "";
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x80) return utf8.decode(bytes.subarray(start, end));
    out += String.fromCharCode(byte);
  }
  return out;
}

/** 16 bytes as `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, as Smithy prints UUID headers. */
function formatUuid(bytes: Uint8Array, at: number): string {
  let hex = "";
  for (let i = 0; i < UUID_LENGTH; i++) hex += bytes[at + i]!.toString(16).padStart(2, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
