// The answer's citations: [n] markers read from the streamed text, and the SSE events that carry them (`sources` first, `citations` before `done`).
import type { Passage } from "./retrieve.js";

export interface Citation {
  n: number;
  id: string;
  docId: string;
  snippet: string;
  relevanceScore: number;
}

const SNIPPET_CHARS = 200;

export const citationOf = (p: Passage): Citation => ({
  n: p.n,
  id: p.id,
  docId: p.docId,
  snippet: p.text.length > SNIPPET_CHARS ? `${p.text.slice(0, SNIPPET_CHARS)}…` : p.text,
  relevanceScore: p.relevanceScore,
});

/** Source numbers the answer cites (`[2]`, `[1, 3]`, `[1][2]`), only those that exist, in source order. */
export function citedNumbers(answer: string, count: number): number[] {
  const cited = new Set<number>();
  for (const [, list] of answer.matchAll(/\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g)) {
    for (const n of list!.split(",").map(Number)) if (n >= 1 && n <= count) cited.add(n);
  }
  return [...cited].sort((a, b) => a - b);
}

const encoder = new TextEncoder();
const sse = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * Adds the RAG events to a `toSSEResponse` stream: `sources` (every passage the model was given)
 * before the first event, `citations` (the ones its answer cites) right before `done`. Everything
 * else passes through byte for byte; a JSON error answer passes untouched; after an `error` event no
 * citations are claimed. `readSSEEvents` skips event names it does not know, so its callers still work.
 */
export function withCitations(response: Response, passages: readonly Passage[]): Response {
  if (!response.ok || !response.body || !(response.headers.get("content-type") ?? "").startsWith("text/event-stream")) return response;
  const decoder = new TextDecoder();
  let buffered = "";
  let answer = "";
  const transform = new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      controller.enqueue(sse("sources", { sources: passages.map(citationOf) }));
    },
    transform(chunk, controller) {
      buffered += decoder.decode(chunk, { stream: true });
      // toSSEResponse writes `event: <name>\ndata: <one-line JSON>\n\n` per event.
      let end: number;
      while ((end = buffered.indexOf("\n\n")) !== -1) {
        const message = buffered.slice(0, end + 2);
        buffered = buffered.slice(end + 2);
        const name = /^event: (.*)$/m.exec(message)?.[1];
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (name === "delta" && data) answer += String((JSON.parse(data) as { text?: unknown }).text ?? "");
        if (name === "done") {
          const cited = new Set(citedNumbers(answer, passages.length));
          controller.enqueue(sse("citations", { citations: passages.filter((p) => cited.has(p.n)).map(citationOf) }));
        }
        controller.enqueue(encoder.encode(message));
      }
    },
    flush(controller) {
      buffered += decoder.decode();
      if (buffered !== "") controller.enqueue(encoder.encode(buffered));
    },
  });
  return new Response(response.body.pipeThrough(transform), { status: response.status, headers: response.headers });
}
