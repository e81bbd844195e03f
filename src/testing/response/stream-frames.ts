// Scripted stream steps → encoded frames and pauses, with stream faults applied to the sequence.
import type { Dict } from "../../internal/index.js";
import { codec } from "../../event-stream/codec.js";
import { encodeErrorFrame, encodeExceptionFrame, encodeStreamEvent } from "../../event-stream/encode.js";
import { THROTTLING_MESSAGE, UNAVAILABLE_MESSAGE } from "../aws-error.js";
import type { JsonObject, StreamFault, StreamStep } from "../types.js";

/** What a response body is made of, before it is cut into chunks. */
export type Segment =
  | { kind: "frame"; bytes: Uint8Array }
  | { kind: "delay"; ms: number }
  /** The body stops here: "reset" errors the stream (a dropped connection), "end" closes it. */
  | { kind: "stop"; mode: "reset" | "end" };

const utf8 = new TextEncoder();

/** Extra payload members to add to each event, as Bedrock's random-length `"p"` padding. */
export type Padding = () => JsonObject;

function exceptionFrame(type: string, fields: Dict): Uint8Array {
  const { message, ...extra } = fields;
  if (Object.keys(extra).length === 0) return encodeExceptionFrame(type, String(message ?? ""));
  return codec.encode({
    headers: {
      ":exception-type": { type: "string", value: type },
      ":content-type": { type: "string", value: "application/json" },
      ":message-type": { type: "string", value: "exception" },
    },
    body: utf8.encode(JSON.stringify(fields)),
  });
}

function stepSegment(step: StreamStep, padding: Padding | undefined): Segment {
  const keys = Object.keys(step);
  const only = keys.length === 1 ? keys[0] : undefined;
  if (only === "delayMs") return { kind: "delay", ms: Number((step as { delayMs: number }).delayMs) };
  if (only === "bytes" && (step as { bytes: unknown }).bytes instanceof Uint8Array) {
    return { kind: "frame", bytes: (step as { bytes: Uint8Array }).bytes };
  }
  if (only === "exception") {
    const { type, ...fields } = (step as { exception: { type: string; message: string } }).exception;
    return { kind: "frame", bytes: exceptionFrame(type, fields) };
  }
  if (only === "error") {
    const { code, message } = (step as { error: { code: string; message: string } }).error;
    return { kind: "frame", bytes: encodeErrorFrame(code, message) };
  }
  if (only === undefined) throw new TypeError(`a stream step has exactly one key, got ${keys.join(", ") || "none"}`);
  const payload = (step as JsonObject)[only];
  const padded = padding && payload !== null && typeof payload === "object" ? { ...(payload as JsonObject), ...padding() } : payload;
  return { kind: "frame", bytes: encodeStreamEvent({ [only]: padded }) };
}

export function encodeSteps(steps: StreamStep[], padding?: Padding): Segment[] {
  return steps.map((step) => stepSegment(step, padding));
}

/** Index in `segments` of the frame after `count` frames, or -1 when there are not that many. */
function frameIndexAfter(segments: Segment[], count: number): number {
  let seen = 0;
  for (let i = 0; i < segments.length; i++) {
    if (segments[i]!.kind !== "frame") continue;
    if (seen === count) return i;
    seen++;
  }
  return -1;
}

// Bedrock's words in mid-stream exception frames, `{"message": …}` under `:exception-type`:
// serviceUnavailableException per https://github.com/aws-samples/foundation-model-benchmarking-tool/issues/247
// (headers and body as received), throttlingException per https://github.com/aws-samples/aws-genai-llm-chatbot/issues/220
// (the longer, older wording there; the HTTP answer's short one is used). The default
// modelStreamErrorException text is the emulator's own: no public capture of Bedrock's was found.
const STREAM_EXCEPTION_MESSAGES: Record<string, string> = {
  throttlingException: THROTTLING_MESSAGE,
  serviceUnavailableException: UNAVAILABLE_MESSAGE,
};
const DEFAULT_STREAM_EXCEPTION = "modelStreamErrorException";

/** The message of an "exception-frame" fault that gave none. */
export function defaultStreamExceptionMessage(type: string): string {
  return STREAM_EXCEPTION_MESSAGES[type] ?? "The model stream failed.";
}

/** Applies a stream fault; "drip" changes pacing only and is handled by the chunker. */
export function applyStreamFault(segments: Segment[], fault: StreamFault | undefined): Segment[] {
  if (!fault || fault.type === "drip") return segments;
  const at = frameIndexAfter(segments, Math.max(0, fault.afterEvents));
  const before = at < 0 ? segments : segments.slice(0, at);
  switch (fault.type) {
    case "exception-frame": {
      const type = fault.exceptionType ?? DEFAULT_STREAM_EXCEPTION;
      return [...before, { kind: "frame", bytes: exceptionFrame(type, { message: fault.message ?? defaultStreamExceptionMessage(type) }) }];
    }
    case "cut": {
      const frame = at < 0 ? undefined : (segments[at] as { bytes: Uint8Array });
      const half: Segment[] = frame ? [{ kind: "frame", bytes: frame.bytes.slice(0, Math.max(1, Math.floor(frame.bytes.length / 2))) }] : [];
      return [...before, ...half, { kind: "stop", mode: fault.mode ?? "reset" }];
    }
    case "corrupt-crc": {
      if (at < 0) return segments;
      const bytes = (segments[at] as { bytes: Uint8Array }).bytes.slice();
      // Byte 8 is the first byte of the prelude CRC; the last byte belongs to the message CRC.
      const target = fault.which === "prelude" ? 8 : bytes.length - 1;
      bytes[target] = bytes[target]! ^ 0xff;
      return [...before, { kind: "frame", bytes }, ...segments.slice(at + 1)];
    }
  }
}
