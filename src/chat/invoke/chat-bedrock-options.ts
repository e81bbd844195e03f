// ChatBedrock's constructor fields and call options: BedrockChat's and langchain-aws ChatBedrock's names.
import type { AwsCredentials, CredentialsProvider } from "../../auth/index.js";
import type { BedrockClient } from "../../client/bedrock-client.js";
import type { HeadersInput } from "../../client/request-headers.js";
import type { ToolChoiceInput, ToolInput } from "../tools/index.js";
import type { JsonObject } from "./adapter-types.js";
import type { InvokeProvider } from "./provider.js";

export interface ChatBedrockInput {
  /** Model ID, inference profile ID or ARN (`modelId` is the alias langchain-aws uses). */
  model?: string;
  modelId?: string;
  /**
   * The body format, for ARNs that do not name their model (custom, imported and
   * provisioned-throughput models, application inference profiles), as langchain-aws's `provider`.
   */
  provider?: InvokeProvider;
  region?: string;
  credentials?: AwsCredentials | CredentialsProvider;
  /** BedrockChat's separate credential fields (used when `credentials` is not given). */
  awsAccessKeyId?: string;
  awsSecretAccessKey?: string;
  awsSessionToken?: string;
  /** A Bedrock API key (bearer token) instead of SigV4 credentials. */
  apiKey?: string;
  /**
   * BedrockChat's `endpointUrl` is a host (`bedrock-runtime.us-west-2.amazonaws.com`);
   * langchain-aws's `endpoint_url` a full URL. Both forms are taken: a value with `://` is a URL.
   */
  endpointUrl?: string;
  /** BedrockChat's host override. */
  endpointHost?: string;
  /** The client's own form: an absolute URL. */
  endpoint?: string | URL;
  fetch?: typeof fetch;
  /** BedrockChat's name for `fetch`. */
  fetchFn?: typeof fetch;
  /** A BedrockClient (or BedrockRuntime) to send with, instead of the connection fields above. */
  client?: BedrockClient;
  headers?: HeadersInput;
  maxRetries?: number;
  timeout?: number;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  stopSequences?: string[];
  /** Merged over the native body last (BedrockChat's `{ ...inputBody, ...modelKwargs }`), e.g. `{ top_k: 5 }`. */
  modelKwargs?: JsonObject;
  /** Anthropic extended thinking: a token budget or `{ type: "enabled", budget_tokens }`. */
  thinking?: JsonObject | number;
  /** `invoke` streams under the hood and returns the joined chunks. */
  streaming?: boolean;
  /** Whether streamed chunks carry `usage_metadata` (default true). */
  streamUsage?: boolean;
  /** BedrockChat's guardrail fields: sent as InvokeModel's guardrail headers. */
  guardrailIdentifier?: string;
  guardrailVersion?: string;
  trace?: "ENABLED" | "DISABLED" | "ENABLED_FULL";
  /** BedrockChat's: written into the body as `amazon-bedrock-guardrailConfig` (tagged input). */
  guardrailConfig?: { tagSuffix: string; streamProcessingMode?: "SYNCHRONOUS" | "ASYNCHRONOUS" };
  /**
   * BedrockChat's: an application inference profile ARN requests go to, while `model` still
   * names the model (and so the body format).
   */
  applicationInferenceProfile?: string;
  /** Receives warnings (a forced tool choice downgraded under extended thinking); console.warn once each by default. */
  warn?: (message: string) => void;
}

export interface ChatBedrockCallOptions {
  /** Stop sequences for this call (replacing `stopSequences`). */
  stop?: string[];
  signal?: AbortSignal;
  timeout?: number;
  maxRetries?: number;
  headers?: HeadersInput;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  /** Merged key by key over the constructor's `modelKwargs`. */
  modelKwargs?: JsonObject;
  thinking?: JsonObject | number;
  tools?: ToolInput[];
  tool_choice?: ToolChoiceInput;
}
