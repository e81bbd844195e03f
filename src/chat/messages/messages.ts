// LangChain.js-compatible message classes (System, Human, AI, AIMessageChunk, Tool), without @langchain/core.
import type {
  ChatContentBlock,
  ChatResponseMetadata,
  InvalidToolCall,
  MessageContent,
  MessageType,
  ToolCall,
  ToolCallChunk,
  UsageMetadata,
} from "./message-types.js";
import { mergeContent, mergeLists, mergeMetadata, mergeUsage } from "./message-merge.js";
import { toolCallsFromChunks } from "./message-tool-calls.js";

export type * from "./message-types.js";

export interface BaseMessageFields {
  content?: MessageContent;
  id?: string;
  name?: string;
  additional_kwargs?: Record<string, unknown>;
  response_metadata?: Record<string, unknown>;
}

export interface AIMessageFields extends BaseMessageFields {
  tool_calls?: ToolCall[];
  invalid_tool_calls?: InvalidToolCall[];
  usage_metadata?: UsageMetadata;
}

export interface AIMessageChunkFields extends AIMessageFields {
  tool_call_chunks?: ToolCallChunk[];
}

export interface ToolMessageFields extends BaseMessageFields {
  tool_call_id: string;
  status?: "success" | "error";
  artifact?: unknown;
}

// LangChain accepts bare content (a string or a block list) wherever it accepts fields.
function toFields<F extends BaseMessageFields>(input: MessageContent | F): F {
  return typeof input === "string" || Array.isArray(input) ? ({ content: input } as F) : input;
}

/** Base of every message; `type` / `getType()` tell the role as LangChain.js names it. */
export abstract class BaseMessage {
  abstract readonly type: MessageType;
  content: MessageContent;
  id?: string;
  name?: string;
  additional_kwargs: Record<string, unknown>;
  response_metadata: Record<string, unknown>;

  constructor(input: MessageContent | BaseMessageFields) {
    const fields = toFields(input);
    this.content = fields.content ?? "";
    if (fields.id !== undefined) this.id = fields.id;
    if (fields.name !== undefined) this.name = fields.name;
    this.additional_kwargs = { ...fields.additional_kwargs };
    this.response_metadata = { ...fields.response_metadata };
  }

  /** The text of the message: the string content, or its text blocks joined. */
  get text(): string {
    if (typeof this.content === "string") return this.content;
    return this.content
      .map((block: ChatContentBlock) =>
        block.type === "text" && typeof block.text === "string" ? block.text : "",
      )
      .join("");
  }

  getType(): MessageType {
    return this.type;
  }

  /** LangChain's older spelling of `getType()`. */
  _getType(): MessageType {
    return this.type;
  }

  /** A plain object of the message's fields, for logging and JSON. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { type: this.type, content: this.content };
    if (this.id !== undefined) out["id"] = this.id;
    if (this.name !== undefined) out["name"] = this.name;
    out["additional_kwargs"] = this.additional_kwargs;
    out["response_metadata"] = this.response_metadata;
    return out;
  }
}

export class SystemMessage extends BaseMessage {
  readonly type = "system" as const;
  constructor(input: MessageContent | BaseMessageFields) {
    super(input);
  }
}

export class HumanMessage extends BaseMessage {
  readonly type = "human" as const;
  constructor(input: MessageContent | BaseMessageFields) {
    super(input);
  }
}

export class AIMessage extends BaseMessage {
  readonly type = "ai" as const;
  declare response_metadata: ChatResponseMetadata;
  tool_calls: ToolCall[];
  invalid_tool_calls: InvalidToolCall[];
  usage_metadata?: UsageMetadata;

  constructor(input: MessageContent | AIMessageFields) {
    const fields = toFields(input);
    super(fields);
    this.tool_calls = (fields.tool_calls ?? []).map((c) => ({ ...c, type: "tool_call" as const }));
    this.invalid_tool_calls = (fields.invalid_tool_calls ?? []).map((c) => ({
      ...c,
      type: "invalid_tool_call" as const,
    }));
    if (fields.usage_metadata !== undefined) this.usage_metadata = fields.usage_metadata;
  }

  override toJSON(): Record<string, unknown> {
    const out = super.toJSON();
    out["tool_calls"] = this.tool_calls;
    out["invalid_tool_calls"] = this.invalid_tool_calls;
    if (this.usage_metadata !== undefined) out["usage_metadata"] = this.usage_metadata;
    return out;
  }
}

/**
 * A streamed piece of an AI message. `concat` merges pieces; tool calls are re-derived from the
 * merged `tool_call_chunks`, so a finished stream yields parsed `tool_calls`. It extends `AIMessage`,
 * so a concatenated stream goes wherever an `AIMessage` does.
 */
export class AIMessageChunk extends AIMessage {
  tool_call_chunks: ToolCallChunk[];

  constructor(input: MessageContent | AIMessageChunkFields) {
    const fields = toFields(input);
    const chunks = fields.tool_call_chunks ?? chunksFromCalls(fields);
    const derived =
      fields.tool_call_chunks !== undefined && fields.tool_calls === undefined
        ? toolCallsFromChunks(chunks)
        : undefined;
    super({ ...fields, ...derived });
    this.tool_call_chunks = chunks.map((c) => ({ ...c, type: "tool_call_chunk" as const }));
  }

  /** Merges a later chunk into a new chunk (this one is left unchanged). */
  concat(other: AIMessageChunk): AIMessageChunk {
    const fields: AIMessageChunkFields = {
      content: mergeContent(this.content, other.content),
      additional_kwargs: mergeMetadata(this.additional_kwargs, other.additional_kwargs),
      response_metadata: mergeMetadata(this.response_metadata, other.response_metadata),
      tool_call_chunks: mergeLists(this.tool_call_chunks, other.tool_call_chunks),
    };
    const id = this.id ?? other.id;
    if (id !== undefined) fields.id = id;
    const name = this.name ?? other.name;
    if (name !== undefined) fields.name = name;
    const usage = mergeUsage(this.usage_metadata, other.usage_metadata);
    if (usage !== undefined) fields.usage_metadata = usage;
    return new AIMessageChunk(fields);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), tool_call_chunks: this.tool_call_chunks };
  }
}

// A chunk built from finished calls keeps them as chunks, so `concat` does not lose them.
function chunksFromCalls(fields: AIMessageFields): ToolCallChunk[] {
  const valid = (fields.tool_calls ?? []).map((c) => ({
    name: c.name,
    args: JSON.stringify(c.args),
    ...(c.id !== undefined && { id: c.id }),
  }));
  const invalid = (fields.invalid_tool_calls ?? []).map((c) => ({
    ...(c.name !== undefined && { name: c.name }),
    args: c.args ?? "",
    ...(c.id !== undefined && { id: c.id }),
  }));
  return [...valid, ...invalid];
}

export class ToolMessage extends BaseMessage {
  readonly type = "tool" as const;
  tool_call_id: string;
  status?: "success" | "error";
  artifact?: unknown;

  /** `new ToolMessage({ content, tool_call_id })`, or LangChain's older `(content, tool_call_id, name)`. */
  constructor(input: MessageContent | ToolMessageFields, tool_call_id?: string, name?: string) {
    const fields: ToolMessageFields =
      typeof input === "string" || Array.isArray(input)
        ? { content: input, tool_call_id: tool_call_id ?? "", ...(name !== undefined && { name }) }
        : input;
    super(fields);
    this.tool_call_id = fields.tool_call_id;
    if (fields.status !== undefined) this.status = fields.status;
    if (fields.artifact !== undefined) this.artifact = fields.artifact;
  }

  override toJSON(): Record<string, unknown> {
    const out = super.toJSON();
    out["tool_call_id"] = this.tool_call_id;
    if (this.status !== undefined) out["status"] = this.status;
    if (this.artifact !== undefined) out["artifact"] = this.artifact;
    return out;
  }
}

// Guards check the role tag rather than the class, so messages from another copy of this
// package (or a structurally identical object) pass too.
const hasType = (m: unknown, type: MessageType): boolean =>
  typeof m === "object" &&
  m !== null &&
  ((m as { type?: unknown }).type === type ||
    (typeof (m as { getType?: unknown }).getType === "function" &&
      (m as { getType(): unknown }).getType() === type));

export const isBaseMessage = (m: unknown): m is BaseMessage =>
  m instanceof BaseMessage ||
  (["system", "human", "ai", "tool"] as const).some((t) => hasType(m, t) && "content" in (m as object));
export const isSystemMessage = (m: unknown): m is SystemMessage => hasType(m, "system");
export const isHumanMessage = (m: unknown): m is HumanMessage => hasType(m, "human");
export const isAIMessage = (m: unknown): m is AIMessage => hasType(m, "ai");
export const isToolMessage = (m: unknown): m is ToolMessage => hasType(m, "tool");
export const isAIMessageChunk = (m: unknown): m is AIMessageChunk =>
  m instanceof AIMessageChunk ||
  (hasType(m, "ai") &&
    Array.isArray((m as { tool_call_chunks?: unknown }).tool_call_chunks) &&
    typeof (m as { concat?: unknown }).concat === "function");

/** Concatenates chunks left to right, as LangChain's `concat` utility does for message chunks. */
export function concat(first: AIMessageChunk, ...rest: AIMessageChunk[]): AIMessageChunk {
  return rest.reduce((acc, chunk) => acc.concat(chunk), first);
}
