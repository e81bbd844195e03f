// The wire client: BedrockRuntime, the AWS SDK-style commands, and the stream a ConverseStream call returns.
export { BedrockRuntime, type CallOptions, type ConverseCommandOutput } from "./bedrock-runtime.js";
export {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  type ConverseStreamCommandOutput,
} from "./commands.js";
export { ConverseStreamResponse, type ResponseMetadata } from "./stream-response.js";
export type { IterableReadableStream } from "./read-once-stream.js";
export type { BedrockRuntimeOptions } from "./options.js";
export type { HeadersInput } from "./request-headers.js";
export type { GatewayOptions } from "./gateway.js";
export type {
  ClientHooks,
  CallEvent,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
  FailureEvent,
  StreamEndEvent,
  OperationName,
} from "./hooks.js";
