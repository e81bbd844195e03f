// Public types of the Bedrock Runtime emulator: options, scripts, faults, recorded requests.
import type { Dict } from "../internal/index.js";

/** A JSON object as it travels on the wire (the emulator never trusts its shape). */
export type JsonObject = Dict;

/** The operations the emulator serves, named as in the URL. */
export type EmulatorOperation =
  | "converse"
  | "converse-stream"
  | "count-tokens"
  | "invoke"
  | "invoke-with-response-stream"
  | "apply-guardrail"
  | "rerank"
  | "start-async-invoke"
  | "get-async-invoke"
  | "list-async-invokes";

/** Credentials the emulator knows. With `sessionToken`, requests must send it as `x-amz-security-token`. */
export interface EmulatorCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** After this instant (by the emulator's clock) requests get 403 `ExpiredTokenException`. */
  expiration?: Date;
}

/** How response bytes are split into chunks. A number is bytes per chunk; "random" draws 1–64 bytes from the seeded PRNG. */
export type Chunking = "whole" | "per-frame" | number | "random";

/** One step of a scripted stream. */
export type StreamStep =
  /** A ConverseStream event in the SDK's one-key shape, e.g. `{ contentBlockDelta: {...} }`. */
  | JsonObject
  /** An `:message-type: exception` frame; extra fields (e.g. `originalStatusCode`) go into the payload. */
  | { exception: { type: string; message: string; [field: string]: unknown } }
  /** An `:message-type: error` frame. */
  | { error: { code: string; message: string } }
  /** Pause before the next step. */
  | { delayMs: number }
  /** Raw bytes sent as they are (for decoder edge cases). */
  | { bytes: Uint8Array };

/** Faults that end or damage a response body. `afterEvents` counts whole frames sent first. */
export type StreamFault =
  /** An exception frame after K frames, then the stream ends (as Bedrock does). */
  | { type: "exception-frame"; afterEvents: number; exceptionType?: string; message?: string }
  /** Half of frame K+1 is sent, then the connection is cut ("reset": the body errors) or closed cleanly ("end"). */
  | { type: "cut"; afterEvents: number; mode?: "reset" | "end" }
  /** Frame K+1 has a broken CRC ("message": the trailing CRC, "prelude": the prelude CRC). */
  | { type: "corrupt-crc"; afterEvents: number; which?: "message" | "prelude" }
  /** Every chunk after the first waits `delayMs`; `chunkBytes` sets the chunk size (default 1). */
  | { type: "drip"; delayMs: number; chunkBytes?: number };

/** Faults answered instead of a response. */
export type HttpFault =
  /** 429 ThrottlingException in Bedrock's words; `Retry-After` only when `retryAfterSeconds` is given (Bedrock sends none). */
  | { type: "throttle"; retryAfterSeconds?: number; message?: string }
  /** 500 InternalServerException or 503 ServiceUnavailableException. */
  | { type: "server-error"; status?: 500 | 503; message?: string }
  /** Any AWS error: status, `x-amzn-errortype` and message as given. */
  | { type: "error"; status: number; errorType: string; message: string; headers?: Record<string, string> }
  /** No response at all: the fetch handler rejects with a TypeError, the Node launcher drops the socket. */
  | { type: "disconnect" };

/**
 * Faults of the emulator's own clock. "clock-skew" runs the server clock `offsetMs` ahead (positive)
 * or behind (negative) the `now` option, for every request it hits, before anything else: the
 * `Date` header, the x-amz-date window, credential and key expiry all read the skewed clock, so a
 * client whose clock is right looks skewed. Unlike other faults it lasts until `reset()` unless
 * `times` is given; queue several to change the offset over time (the first that fits applies).
 */
export type ClockFault = { type: "clock-skew"; offsetMs: number };

export type Fault = (StreamFault | HttpFault | ClockFault) & {
  /** How many requests this fault hits (default 1, "clock-skew" Infinity; `Infinity` for every request). */
  times?: number;
  /** Only these operations consume it (default: every operation the fault can apply to). */
  operations?: EmulatorOperation[];
};

/** A scripted answer to one request. Fields that do not fit the operation are ignored. */
export interface ScriptedResponse {
  /** Body of a `/converse` response (a ConverseResponse as JSON). */
  converse?: JsonObject;
  /** Steps of a `/converse-stream` or `/invoke-with-response-stream` response, encoded as event-stream frames (for the latter, `{ chunk: { bytes: "<base64>" } }`). */
  stream?: StreamStep[];
  /** Body of a `/count-tokens` response, e.g. `{ inputTokens: 12 }`. */
  countTokens?: JsonObject;
  /** Body of an `/invoke` response (the model's native JSON; a string is sent as it is). */
  invoke?: JsonObject | string;
  /** Body of an ApplyGuardrail response. */
  applyGuardrail?: JsonObject;
  /** Rerank's answer body (`{ results: [{ index, relevanceScore }] }`). */
  rerank?: JsonObject;
  /** Answer with an AWS error instead (status default 400). */
  error?: { status?: number; type: string; message: string };
  chunking?: Chunking;
  /** HTTP status of a successful answer (default 200). */
  status?: number;
  headers?: Record<string, string>;
  /** A fault applied to this response only. */
  fault?: StreamFault;
}

/** A script entry: a fixed answer, or a matcher that answers only the requests it returns a response for. */
export type Script = ScriptedResponse | ((request: RecordedRequest) => ScriptedResponse | undefined);

/** How the request proved who sent it. Secrets are never recorded. */
export type RecordedAuth = { kind: "sigv4"; accessKeyId: string } | { kind: "bearer" } | { kind: "none" };

/** One request the emulator received, for assertions (retries happened, headers sent, body shape). */
export interface RecordedRequest {
  requestId: string;
  method: string;
  url: string;
  /** Path exactly as received (percent-encoding kept). */
  path: string;
  operation?: EmulatorOperation;
  /** Model ID decoded once from the path (for ApplyGuardrail, the guardrail identifier; for GetAsyncInvoke, the invocation ARN). */
  modelId?: string;
  /** Lower-cased headers; bearer keys and session tokens are redacted. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  body: unknown;
  auth: RecordedAuth;
  /** HTTP status answered (0 when the connection was dropped on purpose). */
  status: number;
  /** AWS error type answered, if any. */
  errorType?: string;
  /** Fault type applied, if any. */
  fault?: string;
  /** Whether a script (rather than the built-in model) produced the answer. */
  scripted: boolean;
  /** When it arrived, by the emulator's server clock (a "clock-skew" fault included). */
  receivedAt: number;
  /** Offset of the server clock for this request, when a "clock-skew" fault applied. */
  clockOffsetMs?: number;
}
