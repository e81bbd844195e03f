// Response room: a Converse response or ConverseStream events → AIMessage / AIMessageChunks, with usage metadata.
export { convertConverseResponse, type ConvertResponseOptions } from "./convert-response.js";
export { createStreamConverter, type StreamConverter } from "./convert-stream.js";
export { toUsageMetadata, type TokenUsageLike } from "./usage.js";
