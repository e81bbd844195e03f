// Shared by the RAG Worker tests: POST JSON to the Worker, and read any SSE events (the RAG ones included) from a reply.
import { SSEParser } from "../../src/chat/sse/index.js";

export interface RagReply {
  status: number;
  contentType: string | null;
  /** Every SSE event of a streamed reply, by name, data parsed (empty for a JSON reply). */
  events: Array<{ event: string; data: any }>;
  /** The JSON body of a non-streamed reply. */
  json: any;
  raw: string;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RagReply> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const raw = await response.text();
  const contentType = response.headers.get("content-type");
  const streamed = (contentType ?? "").startsWith("text/event-stream");
  // Parsed by hand rather than with readSSEEvents, which skips the `sources` and `citations` events it does not know.
  const events = streamed ? new SSEParser().push(raw).map((m) => ({ event: m.event ?? "message", data: JSON.parse(m.data) })) : [];
  return { status: response.status, contentType, events, json: streamed ? undefined : JSON.parse(raw), raw };
}

export const answerText = (events: RagReply["events"]): string => events.map((e) => (e.event === "delta" ? e.data.text : "")).join("");
