// The chat SSE protocol: typed events and AIMessageChunk ↔ events (error shapes live in sse-errors.ts).
import { StreamDecodeError } from "../../errors/index.js";
import {
  AIMessageChunk,
  type ChatCitation,
  type ChatContentBlock,
  type ToolCallChunk,
  type UsageMetadata,
} from "../messages/index.js";
import { errorFromEventData, type ErrorEventData } from "./sse-errors.js";
import type { SSEMessage } from "./sse-frame.js";

export type { ErrorEventData } from "./sse-errors.js";

/** A text delta. `index` (the content block position) is present once a reply mixes block kinds. */
export interface DeltaEventData {
  text: string;
  index?: number;
  citations?: ChatCitation[];
}

/** Reasoning text (with its signature piece, if any), or redacted reasoning as base64. */
export type ReasoningEventData =
  | { text: string; signature?: string; index?: number }
  | { redactedContent: string; index?: number };

/** The events of a streamed reply, in order: content events, then `usage`, then `done` (or `error`). */
export type ChatSSEEvent =
  | { event: "delta"; data: DeltaEventData }
  | { event: "reasoning"; data: ReasoningEventData }
  | { event: "tool_call_chunk"; data: Omit<ToolCallChunk, "type"> }
  /** Any other content block (images, server tool results, …), as JSON. */
  | { event: "block"; data: { block: ChatContentBlock } }
  | { event: "usage"; data: UsageMetadata }
  | { event: "done"; data: { stopReason?: string } }
  | { event: "error"; data: ErrorEventData };

export type ChatSSEEventName = ChatSSEEvent["event"];

const EVENT_NAMES: ReadonlySet<string> = new Set<ChatSSEEventName>([
  "delta",
  "reasoning",
  "tool_call_chunk",
  "block",
  "usage",
  "done",
  "error",
]);

/** The content, tool call and usage events one chunk carries (its stop reason is read with `stopReasonOf`). */
export function eventsFromChunk(chunk: AIMessageChunk): ChatSSEEvent[] {
  const events: ChatSSEEvent[] = [];
  if (typeof chunk.content === "string") {
    if (chunk.content !== "") events.push({ event: "delta", data: { text: chunk.content } });
  } else {
    for (const block of chunk.content) events.push(...eventsFromBlock(block));
  }
  for (const { type: _type, ...piece } of chunk.tool_call_chunks) events.push({ event: "tool_call_chunk", data: piece });
  if (chunk.usage_metadata) events.push({ event: "usage", data: chunk.usage_metadata });
  return events;
}

function eventsFromBlock(block: ChatContentBlock): ChatSSEEvent[] {
  const fields = block as Record<string, unknown>;
  const index = typeof fields.index === "number" ? { index: fields.index } : {};
  if (block.type === "text" && typeof block.text === "string") {
    const citations = Array.isArray(block.citations) && block.citations.length > 0 ? { citations: block.citations as ChatCitation[] } : {};
    if (block.text === "" && !("citations" in citations)) return [];
    return [{ event: "delta", data: { text: block.text, ...index, ...citations } }];
  }
  if (block.type === "reasoning_content") {
    if (typeof fields.redactedContent === "string") return [{ event: "reasoning", data: { redactedContent: fields.redactedContent, ...index } }];
    const { text = "", signature } = (fields.reasoningText ?? {}) as { text?: string; signature?: string };
    return [{ event: "reasoning", data: { text, ...(signature !== undefined && { signature }), ...index } }];
  }
  return [{ event: "block", data: { block } }];
}

/** The chunk's `response_metadata.stopReason`, if it has one. */
export function stopReasonOf(chunk: AIMessageChunk): string | undefined {
  const reason = chunk.response_metadata["stopReason"];
  return typeof reason === "string" ? reason : undefined;
}

/** The chunk an event stands for; an `error` event throws the matching error class instead. */
export function chunkFromEvent(event: ChatSSEEvent): AIMessageChunk {
  switch (event.event) {
    case "delta": {
      const { text, index, citations } = event.data;
      if (index === undefined && citations === undefined) return new AIMessageChunk({ content: text });
      return new AIMessageChunk({
        content: [{ type: "text", text, ...(citations !== undefined && { citations }), ...(index !== undefined && { index }) }],
      });
    }
    case "reasoning": {
      const data = event.data;
      const index = data.index !== undefined ? { index: data.index } : {};
      const block: ChatContentBlock =
        "redactedContent" in data
          ? { type: "reasoning_content", redactedContent: data.redactedContent, ...index }
          : { type: "reasoning_content", reasoningText: { text: data.text, ...(data.signature !== undefined && { signature: data.signature }) }, ...index };
      return new AIMessageChunk({ content: [block] });
    }
    case "tool_call_chunk":
      return new AIMessageChunk({ content: "", tool_call_chunks: [event.data] });
    case "block":
      return new AIMessageChunk({ content: [event.data.block] });
    case "usage":
      return new AIMessageChunk({ content: "", usage_metadata: event.data });
    case "done":
      return new AIMessageChunk({ content: "", response_metadata: event.data.stopReason !== undefined ? { stopReason: event.data.stopReason } : {} });
    case "error":
      throw errorFromEventData(event.data);
    default: {
      const unknown: never = event;
      throw new StreamDecodeError(`Unknown chat SSE event ${JSON.stringify((unknown as { event: string }).event)}`);
    }
  }
}

/** Parses one SSE message into a chat event; `undefined` for event names this version does not know. */
export function parseChatEvent(message: SSEMessage): ChatSSEEvent | undefined {
  const name = message.event ?? "message";
  if (!EVENT_NAMES.has(name)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(message.data);
  } catch {
    throw new StreamDecodeError(`The "${name}" event does not carry JSON data`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new StreamDecodeError(`The "${name}" event's data must be a JSON object`);
  }
  const fields = data as Record<string, unknown>;
  const bad = (field: string) => new StreamDecodeError(`The "${name}" event's ${field} must be a string`);
  if (name === "delta" && typeof fields.text !== "string") throw bad("text");
  if (name === "error" && (typeof fields.name !== "string" || typeof fields.message !== "string")) throw bad("name and message");
  if (name === "error" && fields.requestId !== undefined && typeof fields.requestId !== "string") throw bad("requestId");
  if (name === "block" && (typeof fields.block !== "object" || fields.block === null)) {
    throw new StreamDecodeError(`The "block" event's block must be an object`);
  }
  return { event: name, data } as ChatSSEEvent;
}

/** The SSE message for an event. */
export function messageOfEvent(event: ChatSSEEvent): SSEMessage {
  return { event: event.event, data: JSON.stringify(event.data) };
}
