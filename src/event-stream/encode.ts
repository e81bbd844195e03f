// Encodes ConverseStream frames the way Bedrock sends them (used by the emulator and tests).
import { codec } from "./codec.js";

const utf8 = new TextEncoder();

/** An `:message-type: event` frame carrying one ConverseStream event as JSON. */
export function encodeEventFrame(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ":event-type": { type: "string", value: eventType },
      ":content-type": { type: "string", value: "application/json" },
      ":message-type": { type: "string", value: "event" },
    },
    body: utf8.encode(JSON.stringify(payload)),
  });
}

/** An `:message-type: exception` frame, as Bedrock sends `throttlingException` and friends mid-stream. */
export function encodeExceptionFrame(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ":exception-type": { type: "string", value: exceptionType },
      ":content-type": { type: "string", value: "application/json" },
      ":message-type": { type: "string", value: "exception" },
    },
    body: utf8.encode(JSON.stringify({ message })),
  });
}

/** An `:message-type: error` frame (an unmodeled error with code and message headers). */
export function encodeErrorFrame(code: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ":error-code": { type: "string", value: code },
      ":error-message": { type: "string", value: message },
      ":message-type": { type: "string", value: "error" },
    },
    body: new Uint8Array(0),
  });
}

/** Encodes a ConverseStream event in the SDK's one-key shape (`{ messageStart: {...} }`). */
export function encodeStreamEvent(event: Record<string, unknown>): Uint8Array {
  const keys = Object.keys(event);
  if (keys.length !== 1) throw new TypeError(`a stream event has exactly one key, got ${keys.join(", ") || "none"}`);
  const key = keys[0]!;
  return encodeEventFrame(key, event[key]);
}
