// A chat stream as a Server-Sent Events Response (for a Worker to return): events per chunk, `done` last, JSON errors before the first.
import type { AIMessageChunk } from "../messages/index.js";
import { errorEventData, errorStatus, type SafeErrorOptions } from "./sse-errors.js";
import { eventsFromChunk, messageOfEvent, stopReasonOf, type ChatSSEEvent } from "./sse-events.js";
import { formatSSE } from "./sse-frame.js";

export interface SSEResponseInit extends ResponseInit, SafeErrorOptions {
  /** Called when the reader goes away (the page closed, `body.cancel()`): abort the model call here. */
  onCancel?: (reason: unknown) => void;
  /** Sees the original error (with Bedrock's own message) before the page gets its safe shape: log it here. */
  onError?: (error: unknown) => void;
}

type ChunkSource = AsyncIterable<AIMessageChunk> | Promise<AsyncIterable<AIMessageChunk>>;

const format = (event: ChatSSEEvent): string => formatSSE(messageOfEvent(event));

/** Pulls SSE text from the chunk source: one non-empty piece per call, the `done` event last. */
function eventText(source: ChunkSource) {
  let iterator: AsyncIterator<AIMessageChunk> | undefined;
  let stopReason: string | undefined;
  return {
    async next(): Promise<{ text: string; last: boolean }> {
      iterator ??= (await source)[Symbol.asyncIterator]();
      for (;;) {
        const next = await iterator.next();
        if (next.done) return { text: format({ event: "done", data: stopReason !== undefined ? { stopReason } : {} }), last: true };
        stopReason = stopReasonOf(next.value) ?? stopReason;
        const text = eventsFromChunk(next.value).map(format).join("");
        if (text !== "") return { text, last: false };
      }
    },
    // Not awaited: an async generator busy in next() only returns once that next() settles.
    release(): void {
      void Promise.resolve(iterator?.return?.()).catch(() => {});
    },
  };
}

/** The JSON answer for a call that failed before its first event: a real status and a safe body. */
function errorResponse(error: unknown, options: SafeErrorOptions, headersInit: HeadersInit | undefined): Response {
  const headers = new Headers(headersInit);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(errorEventData(error, options)), { status: errorStatus(error), headers });
}

/**
 * The JSON error answer `toSSEResponse` gives a call that fails before its first event, for a
 * route that does not stream (an embedding, a rerank): `{ name, message, requestId }` with the
 * status of its kind (400, 403, 429, 502, 503, 504; 500 for anything not a library error), the
 * message generic unless `exposeErrors` or `errorMessage` choose another. Log the error itself.
 * @example
 * try {
 *   return Response.json(await embeddings.embedDocuments(texts));
 * } catch (error) {
 *   console.error(error);
 *   return toErrorResponse(error);
 * }
 */
export function toErrorResponse(error: unknown, init: Pick<ResponseInit, "headers"> & SafeErrorOptions = {}): Response {
  return errorResponse(error, init, init.headers);
}

/**
 * Streams a chat reply as `text/event-stream`: `delta` ({ text }) per text piece, `reasoning`,
 * `tool_call_chunk`, `usage` (usage_metadata), then `done` ({ stopReason }).
 *
 * The status is committed once the first event is ready. A call that fails before it (refused
 * credentials, validation, throttling after retries) gets a JSON `{ name, message, requestId }`
 * with a matching status instead: 400 invalid request, 403 refused credentials or access, 429
 * throttled or over quota, 502 upstream failure, 503 unavailable, 504 timeout, 500 anything that
 * is not a library error. A failure after it ends the stream with an `error` event of the same
 * shape. Either way `message` is a generic one per kind unless `exposeErrors` or `errorMessage`
 * say otherwise; `onError` sees the original. Cancelling the response stops reading the model
 * stream (and calls `onCancel`).
 *
 * @example
 * // A Worker's POST /chat (a fetch handler may return the promise):
 * return toSSEResponse(model.stream(await request.text()), { onError: (e) => console.error(e) });
 */
export async function toSSEResponse(source: ChunkSource, init: SSEResponseInit = {}): Promise<Response> {
  const { onCancel, onError, exposeErrors, errorMessage, ...responseInit } = init;
  const safe: SafeErrorOptions = { exposeErrors, errorMessage };
  const events = eventText(source);
  let first: { text: string; last: boolean } | undefined;
  try {
    first = await events.next();
  } catch (error) {
    onError?.(error);
    events.release();
    return errorResponse(error, safe, responseInit.headers);
  }

  const encoder = new TextEncoder();
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const piece = first ?? (await events.next());
          first = undefined;
          if (cancelled) return;
          controller.enqueue(encoder.encode(piece.text));
          if (piece.last) controller.close();
        } catch (error) {
          if (cancelled) return;
          onError?.(error);
          controller.enqueue(encoder.encode(format({ event: "error", data: errorEventData(error, safe) })));
          controller.close();
          events.release();
        }
      },
      cancel(reason) {
        cancelled = true;
        onCancel?.(reason);
        events.release();
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
