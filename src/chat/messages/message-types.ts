// Plain data types of the chat layer: content blocks, tool calls and token usage, shaped like LangChain.js's.
import type { ConverseResponse } from "../../wire/index.js";

/** The role tag LangChain.js gives each message class (`message.type`, `message._getType()`). */
export type MessageType = "system" | "human" | "ai" | "tool";

/** A Bedrock citation (`Citation` in the Converse API), kept as Bedrock sends it. */
export interface ChatCitation {
  title?: string;
  source?: string;
  sourceContent?: Array<{ text?: string; [key: string]: unknown }>;
  location?: Record<string, unknown>;
  [key: string]: unknown;
}

/** `{ type: "text" }`; `citations` is set when the model cited a document (Converse `citationsContent`). */
export interface TextContentBlock {
  type: "text";
  text: string;
  citations?: ChatCitation[];
  /** Stream position; present on streamed chunks so `concat` can merge pieces of one block. */
  index?: number;
}

/**
 * Reasoning as @langchain/aws emits it. `signature` must travel back verbatim for Claude's
 * extended thinking to accept the next turn.
 */
export interface ReasoningTextContentBlock {
  type: "reasoning_content";
  reasoningText: { text?: string; signature?: string };
  index?: number;
}

/** Redacted reasoning; `redactedContent` is base64 (Bedrock's bytes), as @langchain/aws keeps it. */
export interface RedactedReasoningContentBlock {
  type: "reasoning_content";
  redactedContent: string;
  index?: number;
}

export type ChatReasoningContentBlock = ReasoningTextContentBlock | RedactedReasoningContentBlock;

/** OpenAI-style image: a data URL (or URL) string, or `{ url, detail }`. */
export interface ImageUrlContentBlock {
  type: "image_url";
  image_url: string | { url: string; detail?: "auto" | "low" | "high" };
}

/**
 * Image blocks: Anthropic-style (`source`), Bedrock-style (`image`, as @langchain/aws accepts),
 * or LangChain standard data blocks (`source_type` in v0.3, `data`/`url`/`mimeType` in v1).
 */
export interface ImageContentBlock {
  type: "image";
  source?:
    | { type: "base64"; media_type: string; data: string }
    | { type: "url"; url: string }
    | Record<string, unknown>;
  image?: Record<string, unknown>;
  source_type?: "base64" | "url" | "id" | "text";
  data?: string | Uint8Array;
  url?: string;
  id?: string;
  mime_type?: string;
  mimeType?: string;
  fileId?: string;
  metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Documents: `{ type: "document", document: <Bedrock DocumentBlock> }` (as @langchain/aws), or standard file blocks. */
export interface ChatDocumentContentBlock {
  type: "document" | "file";
  document?: Record<string, unknown>;
  source?: Record<string, unknown>;
  source_type?: "base64" | "url" | "id" | "text";
  data?: string | Uint8Array;
  url?: string;
  text?: string;
  mime_type?: string;
  mimeType?: string;
  metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Anthropic-style tool use block (Python langchain-aws puts these in content). */
export interface ToolUseContentBlock {
  type: "tool_use";
  id: string;
  name: string;
  input: unknown;
  index?: number;
}

/** A Bedrock cache point, written without a `type`, exactly as LangChain users write it. */
export interface CachePointContentBlock {
  type?: undefined;
  cachePoint: { type: "default"; ttl?: string };
}

/**
 * Anything else: raw Bedrock blocks (`{ guardContent }`, `{ video }`, …) or provider blocks
 * we pass through. Typed as loosely as LangChain.js's `Record<string, any>` member, so code
 * written against LangChain (`if (b.type === "text") b.text.trim()`) compiles unchanged.
 */
export interface UnknownContentBlock {
  type?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [key: string]: any;
}

export type ChatContentBlock =
  | TextContentBlock
  | ChatReasoningContentBlock
  | ImageUrlContentBlock
  | ImageContentBlock
  | ChatDocumentContentBlock
  | ToolUseContentBlock
  | CachePointContentBlock
  | UnknownContentBlock;

/** A message's content: a plain string or a list of blocks. */
export type MessageContent = string | ChatContentBlock[];

/** A complete tool call; `args` is the parsed JSON input. */
export interface ToolCall {
  name: string;
  args: Record<string, any>;
  id?: string;
  type?: "tool_call";
}

/** A streamed piece of a tool call; pieces with the same `index` merge, `args` strings concatenating. */
export interface ToolCallChunk {
  name?: string;
  args?: string;
  id?: string;
  index?: number;
  type?: "tool_call_chunk";
}

/** A tool call whose arguments did not parse; `args` keeps the raw string. */
export interface InvalidToolCall {
  name?: string;
  args?: string;
  id?: string;
  error?: string;
  type?: "invalid_tool_call";
}

/** Token counts split by kind, as LangChain reports them (`cache_read`, `cache_creation`, TTL buckets). */
export interface InputTokenDetails {
  audio?: number;
  cache_read?: number;
  cache_creation?: number;
  /** Cache writes with the 5-minute TTL (from Bedrock's `usage.cacheDetails`). */
  ephemeral_5m_input_tokens?: number;
  /** Cache writes with the 1-hour TTL (from Bedrock's `usage.cacheDetails`). */
  ephemeral_1h_input_tokens?: number;
}

export interface OutputTokenDetails {
  audio?: number;
  reasoning?: number;
}

/** LangChain's usage record; `input_tokens` counts cached tokens too. */
export interface UsageMetadata {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  input_token_details?: InputTokenDetails;
  output_token_details?: OutputTokenDetails;
}

/**
 * What the chat layer puts in an AI message's `response_metadata` (other keys may appear from
 * messages built by hand, hence the index signature). Streams add up to the same keys.
 */
export interface ChatResponseMetadata {
  /** The model ID or ARN the request named (langchain-aws's key). */
  model_name?: string;
  /** The same, under the key other LangChain integrations use. */
  model?: string;
  /** `x-amzn-requestid` of the call. */
  requestId?: string;
  stopReason?: ConverseResponse["stopReason"];
  metrics?: ConverseResponse["metrics"];
  usage?: ConverseResponse["usage"];
  /** Guardrail and prompt-router trace, when tracing is on. */
  trace?: ConverseResponse["trace"];
  additionalModelResponseFields?: ConverseResponse["additionalModelResponseFields"];
  performanceConfig?: ConverseResponse["performanceConfig"];
  serviceTier?: ConverseResponse["serviceTier"];
  [key: string]: unknown;
}

