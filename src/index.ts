// bedrock-edge: the public entry. Re-exports only; each layer lives in its own folder.
export { BedrockRuntime, type CallOptions, type ConverseOutput } from "./client/bedrock-runtime.js";
export {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  type ConverseStreamCommandOutput,
} from "./client/commands.js";
export { ConverseStreamResponse, type ResponseMetadata } from "./client/stream-response.js";
export type { BedrockRuntimeOptions } from "./client/options.js";

export * from "./errors/index.js";
export * from "./auth/index.js";
export * from "./wire/index.js";

export { decodeConverseStream, type DecodeConverseStreamOptions } from "./event-stream/converse-stream.js";
export {
  FrameSplitter,
  createFrameSplitterStream,
  type FrameSplitterOptions,
  MAX_FRAME_LENGTH,
  MAX_HEADERS_LENGTH,
} from "./event-stream/frame-splitter.js";
export { decodeFrame, type DecodedFrame, type MessageHeaders, type MessageHeaderValue } from "./event-stream/decode-frame.js";
export { frameToEvent, type FrameToEventOptions, type ModelStreamErrorDetails } from "./event-stream/frame-to-event.js";

// Chat layer (LangChain-style, no @langchain/core).
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
  parseToolArgs,
  toolCallsFromChunks,
  type BaseMessageFields,
  type AIMessageFields,
  type AIMessageChunkFields,
  type ToolMessageFields,
} from "./chat/messages.js";
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
  DocumentContentBlock,
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
} from "./chat/message-types.js";
export { convertConverseResponse, type ConvertResponseOptions } from "./chat/convert-response.js";
export { createStreamConverter, type StreamConverter } from "./chat/convert-stream.js";
export { toUsageMetadata } from "./chat/usage.js";
export { coerceMessages, type ChatInput, type MessageLike } from "./chat/convert-input.js";
export { convertMessages, convertSystemContent, type ConvertMessagesOptions, type ConvertedMessages } from "./chat/convert-messages.js";
export { convertContent } from "./chat/convert-content.js";
export {
  convertTools,
  buildToolConfig,
  toolNames,
  type ToolInput,
  type OpenAIToolDefinition,
  type NamedToolDefinition,
  type ConvertToolsOptions,
  type ToolConfigOptions,
} from "./chat/convert-tools.js";
export { convertToolChoice, type ToolChoiceInput, type ToolChoiceOptions } from "./chat/convert-tool-choice.js";
export { placeCachePoints, countCachePoints, MAX_CACHE_POINTS, type CachePointsOptions, type CachePointSpot } from "./chat/cache-points.js";
export type { CacheTtl } from "./chat/convert-cache-point.js";
export { toJsonSchema, strictJsonSchema, type JsonSchema } from "./chat/json-schema.js";
export { toOutputConfig, type OutputFormatOptions } from "./chat/convert-output-format.js";
export {
  ChatBedrockConverse,
  type ChatBedrockConverseInput,
  type ChatBedrockConverseCallOptions,
} from "./chat/chat-model.js";
export type { RequestSettings, ThinkingOption, CachePointsOption } from "./chat/model-options.js";
export { ChatStream } from "./chat/chat-stream.js";
export {
  StructuredOutputRunnable,
  type StructuredOutputOptions,
  type StructuredOutputWithRaw,
  type InferSchemaOutput,
} from "./chat/structured-output.js";
export { OutputParserException } from "./chat/output-parser.js";
export { estimateInputTokens, ESTIMATED_MEDIA_TOKENS } from "./chat/token-count.js";
export type { BatchOptions } from "./chat/batch.js";
export {
  toSSEResponse,
  readSSEEvents,
  readSSEChunks,
  errorFromSSEResponse,
  formatSSE,
  formatSSEComment,
  SSEParser,
  type SSEResponseInit,
  type SafeErrorOptions,
  type SSESource,
  type SSEMessage,
  type ChatSSEEvent,
  type ChatSSEEventName,
  type DeltaEventData,
  type ErrorEventData,
  type ReasoningEventData,
} from "./chat/sse.js";
