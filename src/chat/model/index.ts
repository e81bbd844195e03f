// Model room: ChatBedrockConverse with its options, validation, request building, streams, batch, structured output and token counts.
export { ChatBedrockConverse } from "./chat-model.js";
export {
  SETTING_FIELDS,
  CONNECTION_FIELDS,
  type ChatBedrockConverseInput,
  type ChatBedrockConverseCallOptions,
  type RequestSettings,
  type ThinkingOption,
  type CachePointsOption,
} from "./model-options.js";
export { buildConverseRequest, type BuildRequestInput, type BuiltRequest } from "./model-request.js";
export { mergeOptions } from "./model-settings.js";
export { ChatStream } from "./chat-stream.js";
export type { BatchOptions } from "./batch.js";
export {
  describeSchema,
  type StructuredOutputRunnable,
  type StructuredOutputOptions,
  type StructuredOutputWithRaw,
  type InferSchemaOutput,
} from "./structured-output.js";
export { OutputParserException, jsonFromText, toolCallArgs, validateWithSchema } from "./output-parser.js";
export { estimateInputTokens } from "./token-count.js";
