// The wire client: the bare BedrockClient and its operations, BedrockRuntime (all of them as methods),
// the AWS SDK-style commands, and the stream a ConverseStream call returns.
export { BedrockClient, type BedrockClientOptions, type RequestValidator } from "./bedrock-client.js";
export {
  applyGuardrail,
  converse,
  converseStream,
  countTokens,
  getAsyncInvoke,
  invokeModel,
  invokeModelWithResponseStream,
  listAsyncInvokes,
  startAsyncInvoke,
  type ConverseCommandOutput,
} from "./operations/index.js";
export { rerank, type RerankCommandOutput } from "./operations/rerank.js";
export { BedrockRuntime, type ConverseRuntime, type CallOptions } from "./bedrock-runtime.js";
export { aiGateway, type GatewayRoute } from "./gateway.js";
export { createSigningFetch, type SigningFetchOptions } from "./signing-fetch.js";
export {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  ApplyGuardrailCommand,
  StartAsyncInvokeCommand,
  GetAsyncInvokeCommand,
  ListAsyncInvokesCommand,
  type ConverseStreamCommandOutput,
  type InvokeModelWithResponseStreamCommandOutput,
} from "./commands.js";
export { ConverseStreamResponse, type ResponseMetadata } from "./stream-response.js";
export type { InvokeModelWithResponseStreamResponse, InvokeStreamHeaders } from "./invoke-stream-response.js";
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
