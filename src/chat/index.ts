// The chat layer: ChatBedrockConverse, its LangChain-style messages, and the SSE helpers for serving a reply.
export {
  BaseMessage,
  SystemMessage,
  HumanMessage,
  AIMessage,
  AIMessageChunk,
  ToolMessage,
  isBaseMessage,
  isSystemMessage,
  isHumanMessage,
  isAIMessage,
  isAIMessageChunk,
  isToolMessage,
  concat,
  type BaseMessageFields,
  type AIMessageFields,
  type AIMessageChunkFields,
  type ToolMessageFields,
} from "./messages.js";
export type {
  MessageType,
  MessageContent,
  ContentBlock as ChatContentBlock,
  TextContentBlock,
  ReasoningContentBlock as ChatReasoningContentBlock,
  ReasoningTextContentBlock,
  RedactedReasoningContentBlock,
  ImageUrlContentBlock,
  ImageContentBlock,
  DocumentContentBlock as ChatDocumentContentBlock,
  ToolUseContentBlock,
  CachePointContentBlock,
  UnknownContentBlock,
  Citation as ChatCitation,
  ToolCall,
  ToolCallChunk,
  InvalidToolCall,
  UsageMetadata,
  InputTokenDetails,
  OutputTokenDetails,
} from "./message-types.js";
export type { ChatInput, MessageLike } from "./convert-input.js";
export type { ToolInput, OpenAIToolDefinition, NamedToolDefinition } from "./convert-tools.js";
export type { ToolChoiceInput } from "./convert-tool-choice.js";
export type { CachePointsOptions, CachePointSpot } from "./cache-points.js";
export type { CacheTtl } from "./convert-cache-point.js";
export type { JsonSchema } from "./json-schema.js";
export type { OutputFormatOptions } from "./convert-output-format.js";
export { ChatBedrockConverse, type ChatBedrockConverseInput, type ChatBedrockConverseCallOptions } from "./chat-model.js";
export type { RequestSettings, ThinkingOption, CachePointsOption } from "./model-options.js";
export type { ChatStream } from "./chat-stream.js";
export type { StructuredOutputRunnable, StructuredOutputOptions, StructuredOutputWithRaw, InferSchemaOutput } from "./structured-output.js";
export { OutputParserException } from "./output-parser.js";
export { estimateInputTokens } from "./token-count.js";
export type { BatchOptions } from "./batch.js";
export {
  toSSEResponse,
  readSSEEvents,
  readSSEChunks,
  errorFromSSEResponse,
  type SSEResponseInit,
  type SafeErrorOptions,
  type SSESource,
  type SSEMessage,
  type ChatSSEEvent,
  type ChatSSEEventName,
  type DeltaEventData,
  type ErrorEventData,
  type ReasoningEventData,
} from "./sse.js";
