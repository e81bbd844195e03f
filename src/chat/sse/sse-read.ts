// Reading a `toSSEResponse` reply back (in a page, a test or a script): SSE events, chunks, and JSON error responses as typed errors.
import { BedrockError, StreamDecodeError, errorFromResponse } from "../../errors/index.js";
import type { AIMessageChunk } from "../messages/index.js";
import { errorFromEventData } from "./sse-errors.js";
import { chunkFromEvent, parseChatEvent, type ChatSSEEvent } from "./sse-events.js";
import { SSEParser } from "./sse-frame.js";

/** A `fetch` Response (or a promise of one, as `fetch` and `toSSEResponse` return), or a bare body. */
export type SSESource = Response | ReadableStream<Uint8Array> | Promise<Response | ReadableStream<Uint8Array>>;

/**
 * The typed error of a non-2xx response: `toSSEResponse`'s `{ name, message, requestId }` body
 * gets the class of `name` and the response's status; any other body is read as Bedrock reads
 * errors (`__type` / `message`, else the status).
 */
export async function errorFromSSEResponse(response: Response): Promise<BedrockError> {
  let text = "";
  try {
    text = await response.text();
  } catch {
    // The body broke off: the status still says enough.
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof fields.name === "string" && typeof fields.message === "string") {
    const requestId = typeof fields.requestId === "string" ? fields.requestId : undefined;
    return errorFromEventData({ name: fields.name, message: fields.message, ...(requestId !== undefined && { requestId }) }, response.status);
  }
  try {
    return await errorFromResponse(new Response(text, { status: response.status, headers: response.headers }));
  } catch {
    // A body or error-type header naming no real class (e.g. "__proto__") must not escape as a TypeError.
    return new BedrockError(`The server answered HTTP ${response.status}`, { status: response.status });
  }
}

async function bodyOf(source: SSESource): Promise<ReadableStream<Uint8Array>> {
  const resolved = await source;
  if (!(resolved instanceof Response)) return resolved;
  if (!resolved.ok) throw await errorFromSSEResponse(resolved);
  const type = resolved.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("text/event-stream")) {
    await resolved.body?.cancel().catch(() => {});
    throw new StreamDecodeError(`Expected a text/event-stream response, got ${JSON.stringify(type || "no content type")}`);
  }
  if (!resolved.body) throw new StreamDecodeError("The event stream response has no body");
  return resolved.body;
}

/**
 * Reads the events `toSSEResponse` wrote, from a `fetch` Response or its body. Chunk boundaries
 * may fall anywhere (even inside a UTF-8 character or a CRLF). `error` events are yielded as
 * they come; a stream that ends before `done` or `error` throws StreamDecodeError. Unknown event
 * names are skipped. A non-2xx response (a failure before anything was streamed) throws its
 * typed error. Stopping the loop early cancels the body.
 *
 * @example
 * for await (const { event, data } of readSSEEvents(await fetch("/chat", { method: "POST", body }))) {
 *   if (event === "delta") output.textContent += data.text;
 * }
 */
export async function* readSSEEvents(source: SSESource): AsyncGenerator<ChatSSEEvent, void, undefined> {
  const reader = (await bodyOf(source)).getReader();
  const decoder = new TextDecoder();
  const parser = new SSEParser();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const messages = done ? parser.push(decoder.decode()) : parser.push(decoder.decode(value, { stream: true }));
      for (const message of messages) {
        const event = parseChatEvent(message);
        if (event === undefined) continue;
        if (event.event === "done" || event.event === "error") finished = true;
        yield event;
        if (finished) return;
      }
      if (done) break;
    }
    throw new StreamDecodeError("The event stream ended before its done event: the connection was cut");
  } finally {
    // After `done` the server has nothing left to send; before it, this stops the download.
    await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/**
 * The chunks back from a `toSSEResponse` stream: concatenated, they equal the model's reply
 * (text, reasoning, tool calls, usage, stop reason). An `error` event, or an error response,
 * throws its error class (`ThrottlingException`, …; a plain BedrockError for unknown names).
 *
 * @example
 * let reply: AIMessageChunk | undefined;
 * for await (const chunk of readSSEChunks(fetch("/chat", { method: "POST", headers, body }))) {
 *   reply = reply ? reply.concat(chunk) : chunk;
 * }
 */
export async function* readSSEChunks(source: SSESource): AsyncGenerator<AIMessageChunk, void, undefined> {
  for await (const event of readSSEEvents(source)) yield chunkFromEvent(event);
}
