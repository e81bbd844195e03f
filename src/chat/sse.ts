// A chat stream as a Server-Sent Events Response (for a Worker to return), and that Response read back into chunks.
import { StreamDecodeError, errorFromResponse } from "../errors/index.js";
import type { AIMessageChunk } from "./messages.js";
import {
  chunkFromEvent,
  errorEventData,
  eventsFromChunk,
  messageOfEvent,
  parseChatEvent,
  stopReasonOf,
  type ChatSSEEvent,
} from "./sse-events.js";
import { SSEParser, formatSSE } from "./sse-frame.js";

export interface SSEResponseInit extends ResponseInit {
  /** Called when the reader goes away (the page closed, `body.cancel()`): abort the model call here. */
  onCancel?: (reason: unknown) => void;
  /** Sees the original error before the page gets its `{ name, message }` (for logging). */
  onError?: (error: unknown) => void;
}

type ChunkSource = AsyncIterable<AIMessageChunk> | Promise<AsyncIterable<AIMessageChunk>>;

/**
 * Streams a chat reply as `text/event-stream`: `delta` ({ text }) per text piece, `reasoning`,
 * `tool_call_chunk`, `usage` (usage_metadata), then `done` ({ stopReason }). A failure, also one
 * while the stream is starting, ends it with `error` ({ name, message }). Cancelling the
 * response stops reading the model stream (and calls `onCancel`).
 *
 * @example
 * // A Worker's POST /chat:
 * return toSSEResponse(model.stream(await request.text()));
 */
export function toSSEResponse(source: ChunkSource, init: SSEResponseInit = {}): Response {
  const { onCancel, onError, ...responseInit } = init;
  const encoder = new TextEncoder();
  let opened: Promise<AsyncIterator<AIMessageChunk>> | undefined;
  const open = () => (opened ??= Promise.resolve(source).then((iterable) => iterable[Symbol.asyncIterator]()));
  // Not awaited: an async generator busy in next() only returns once that next() settles.
  const release = () => void open().then((iterator) => iterator.return?.()).catch(() => {});
  let stopReason: string | undefined;
  let cancelled = false;

  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const iterator = await open();
          for (;;) {
            if (cancelled) return;
            const next = await iterator.next();
            if (cancelled) return;
            if (next.done) {
              controller.enqueue(encoder.encode(format({ event: "done", data: stopReason !== undefined ? { stopReason } : {} })));
              controller.close();
              return;
            }
            stopReason = stopReasonOf(next.value) ?? stopReason;
            const text = eventsFromChunk(next.value).map(format).join("");
            if (text !== "") return controller.enqueue(encoder.encode(text));
          }
        } catch (error) {
          if (cancelled) return;
          onError?.(error);
          controller.enqueue(encoder.encode(format({ event: "error", data: errorEventData(error) })));
          controller.close();
          release();
        }
      },
      cancel(reason) {
        cancelled = true;
        onCancel?.(reason);
        release();
      },
    },
    { highWaterMark: 0 },
  );

  const headers = new Headers(responseInit.headers);
  headers.set("content-type", "text/event-stream; charset=utf-8");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-cache, no-transform");
  // Proxies such as nginx buffer responses unless told otherwise, which would hold back every event.
  if (!headers.has("x-accel-buffering")) headers.set("x-accel-buffering", "no");
  return new Response(body, { ...responseInit, headers });
}

const format = (event: ChatSSEEvent): string => formatSSE(messageOfEvent(event));

type SSESource = Response | ReadableStream<Uint8Array>;

async function bodyOf(source: SSESource): Promise<ReadableStream<Uint8Array>> {
  if (!(source instanceof Response)) return source;
  if (!source.ok) throw await errorFromResponse(source);
  const type = source.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("text/event-stream")) {
    await source.body?.cancel().catch(() => {});
    throw new StreamDecodeError(`Expected a text/event-stream response, got ${JSON.stringify(type || "no content type")}`);
  }
  if (!source.body) throw new StreamDecodeError("The event stream response has no body");
  return source.body;
}

/**
 * Reads the events `toSSEResponse` wrote, from a `fetch` Response or its body. Chunk boundaries
 * may fall anywhere (even inside a UTF-8 character or a CRLF). `error` events are yielded as
 * they come; a stream that ends before `done` or `error` throws StreamDecodeError. Unknown event
 * names are skipped. Stopping the loop early cancels the body.
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
 * (text, reasoning, tool calls, usage, stop reason). An `error` event throws its error class
 * (`ThrottlingException`, …).
 *
 * @example
 * let reply: AIMessageChunk | undefined;
 * for await (const chunk of readSSEChunks(await fetch("/chat", { method: "POST", body }))) {
 *   reply = reply ? reply.concat(chunk) : chunk;
 * }
 */
export async function* readSSEChunks(source: SSESource): AsyncGenerator<AIMessageChunk, void, undefined> {
  for await (const event of readSSEEvents(source)) yield chunkFromEvent(event);
}

export type { ChatSSEEvent, ChatSSEEventName, DeltaEventData, ErrorEventData, ReasoningEventData } from "./sse-events.js";
export { formatSSE, formatSSEComment, SSEParser, type SSEMessage } from "./sse-frame.js";
