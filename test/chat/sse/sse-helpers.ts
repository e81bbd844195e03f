// Test helpers for the SSE layer: chunk sources, byte re-chunking, and a comparable view of a reply.
import { AIMessageChunk } from "../../../src/chat/messages/messages.js";

/** An async generator over fixed chunks, optionally failing after them. */
export async function* chunksFrom(chunks: readonly AIMessageChunk[], failWith?: unknown): AsyncGenerator<AIMessageChunk> {
  for (const chunk of chunks) yield chunk;
  if (failWith !== undefined) throw failWith;
}

/** The bytes of a stream re-cut into pieces of the given sizes (cycled), to put boundaries anywhere. */
export function rechunk(bytes: Uint8Array, sizes: readonly number[]): ReadableStream<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    pieces.push(bytes.slice(at, at + size));
    at += size;
  }
  return new ReadableStream({
    pull(controller) {
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

/** A stream response with the given body, typed as toSSEResponse would type it. */
export function sseResponse(body: ReadableStream<Uint8Array> | string): Response {
  return new Response(body, { headers: { "content-type": "text/event-stream; charset=utf-8" } });
}

/** Concatenates chunks (undefined for none). */
export function concatAll(chunks: readonly AIMessageChunk[]): AIMessageChunk | undefined {
  return chunks.reduce<AIMessageChunk | undefined>((full, chunk) => (full ? full.concat(chunk) : chunk), undefined);
}

/** What a reply means to a page: everything the SSE protocol carries. */
export function replyView(message: AIMessageChunk | undefined) {
  return {
    text: message?.text ?? "",
    content: message?.content ?? "",
    tool_calls: message?.tool_calls ?? [],
    invalid_tool_calls: message?.invalid_tool_calls ?? [],
    usage_metadata: message?.usage_metadata,
    stopReason: message?.response_metadata["stopReason"],
  };
}

export async function collectChunks(iterable: AsyncIterable<AIMessageChunk>): Promise<AIMessageChunk[]> {
  const out: AIMessageChunk[] = [];
  for await (const chunk of iterable) out.push(chunk);
  return out;
}

export const text = (content: string): AIMessageChunk => new AIMessageChunk({ content });
