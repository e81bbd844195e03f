// Decoded frame → one-key ConverseStream event, or the typed error an exception/error frame carries.
import type { DecodedFrame as Message, MessageHeaderValue } from "./message.js";
import { BedrockError, exceptionClassFor, isRetryableStatus, ModelStreamErrorException, StreamDecodeError } from "../errors/index.js";
import { deserializeStreamEvent, type ConverseStreamOutput } from "../wire/index.js";

const utf8 = new TextDecoder();

export interface FrameToEventOptions {
  /** Copied onto every error, so a failure can be traced to the request. */
  requestId?: string;
}

/** Extra fields Bedrock sends with `modelStreamErrorException` (as the AWS SDK exposes them). */
export interface ModelStreamErrorDetails {
  originalStatusCode?: number;
  originalMessage?: string;
}

/**
 * Routes a frame by `:message-type` as the restJson1 event-stream binding does:
 * - `event`: returns `{ [:event-type]: payload }` via the wire layer's `deserializeStreamEvent`
 *   (drops Bedrock's random-length `p` padding member, turns base64 blobs into `Uint8Array`);
 * - `exception`: throws the modeled error named by `:exception-type` (`throttlingException` →
 *   `ThrottlingException`, …) with the body's `message`; unknown names give a `BedrockError`
 *   whose `code` is the name;
 * - `error`: throws a `BedrockError` with `code` = `:error-code`, message = `:error-message`;
 * - anything else, or a routing header that is missing or not a string: `StreamDecodeError`.
 */
export function frameToEvent(frame: Message, options: FrameToEventOptions = {}): ConverseStreamOutput {
  const context = options.requestId === undefined ? {} : { requestId: options.requestId };
  const messageType = stringHeader(frame, ":message-type", context);
  switch (messageType) {
    case "event": {
      const eventType = stringHeader(frame, ":event-type", context);
      return eventFromBody(eventType, optionalStringHeader(frame, ":content-type", context), frame.body, context);
    }
    case "exception":
      throw exceptionFromFrame(frame, stringHeader(frame, ":exception-type", context), context);
    case "error": {
      const code = stringHeader(frame, ":error-code", context);
      const message = optionalStringHeader(frame, ":error-message", context);
      throw new BedrockError(message || `event stream error ${code}`, { ...context, code, retryable: false });
    }
    default:
      throw new StreamDecodeError(`unknown event-stream :message-type ${JSON.stringify(messageType)}`, context);
  }
}

/** The one-key event of an `event` frame whose headers have been checked, from its JSON payload. */
export function eventFromBody(
  eventType: string,
  contentType: string | undefined,
  body: Uint8Array,
  context: { requestId?: string },
): ConverseStreamOutput {
  let payload: unknown = {};
  if (body.length > 0) {
    if (contentType !== undefined && !isJson(contentType)) {
      throw new StreamDecodeError(`event ${eventType} has unsupported :content-type ${JSON.stringify(contentType)}`, context);
    }
    try {
      payload = JSON.parse(utf8.decode(body));
    } catch (cause) {
      throw new StreamDecodeError(`event ${eventType} payload is not valid JSON`, { ...context, cause });
    }
  }
  // Bedrock's padding member comes last in every payload; deleting a freshly parsed object's last
  // property is cheap in V8 and spares deserializeStreamEvent its copy without the padding.
  if (payload !== null && typeof payload === "object" && "p" in payload) delete (payload as { p?: unknown }).p;
  return deserializeStreamEvent(eventType, payload);
}

function exceptionFromFrame(frame: Message, exceptionType: string, context: { requestId?: string }): BedrockError {
  const text = utf8.decode(frame.body);
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed !== null && typeof parsed === "object") body = parsed as Record<string, unknown>;
  } catch {
    // A non-JSON body still names the error; keep a short excerpt as its message.
  }
  const raw = body.message ?? body.Message ?? (text && !text.startsWith("{") ? text.slice(0, 300) : undefined);
  const message = typeof raw === "string" && raw !== "" ? raw : `${exceptionType} in the event stream`;
  const Ctor = exceptionClassFor(exceptionType);
  const error = Ctor ? new Ctor(message, { ...context, code: exceptionType }) : new BedrockError(message, { ...context, code: exceptionType });
  if (error instanceof ModelStreamErrorException) {
    const details: ModelStreamErrorDetails = {};
    const original = body.originalStatusCode;
    if (typeof original === "number") details.originalStatusCode = original;
    if (typeof body.originalMessage === "string") details.originalMessage = body.originalMessage;
    // The model's own 429 / 5xx is worth sending again (so `retryable` and `$retryable` say so); its 4xx is not.
    Object.assign(error, details, typeof original === "number" && isRetryableStatus(original) ? { retryable: true } : {});
  }
  return error;
}

function isJson(contentType: string): boolean {
  if (contentType === "application/json") return true;
  const essence = contentType.split(";")[0]!.trim().toLowerCase();
  return essence === "application/json" || essence.endsWith("+json");
}

function optionalStringHeader(frame: Message, name: string, context: { requestId?: string }): string | undefined {
  const header: MessageHeaderValue | undefined = Object.hasOwn(frame.headers, name) ? frame.headers[name] : undefined;
  if (header === undefined) return undefined;
  if (header.type !== "string") {
    throw new StreamDecodeError(`event-stream header ${name} must be a string, got ${header.type}`, context);
  }
  return header.value;
}

function stringHeader(frame: Message, name: string, context: { requestId?: string }): string {
  const value = optionalStringHeader(frame, name, context);
  if (value === undefined) throw new StreamDecodeError(`event-stream frame lacks the ${name} header`, context);
  return value;
}
