// InvokeModel and InvokeModelWithResponseStream: a model-native body in, the model's own bytes out.
import type { PerformanceConfigLatency, ServiceTierType, Open } from "./enums.js";

/** `X-Amzn-Bedrock-Trace`: whether the model's guardrail trace is returned. */
export type InvokeTrace = Open<"ENABLED" | "DISABLED" | "ENABLED_FULL">;

/**
 * The body of an InvokeModel call: bytes or a string as the AWS SDK takes them, or (our
 * convenience) any other JSON value, which is sent as `JSON.stringify(body)`.
 */
export type InvokeBody = Uint8Array | string | Record<string, unknown> | readonly unknown[];

/**
 * `POST /model/{modelId}/invoke`, in the AWS SDK's `InvokeModelCommandInput` shape.
 * @example
 * const request: InvokeModelRequest = {
 *   modelId: "anthropic.claude-3-haiku-20240307-v1:0",
 *   body: { anthropic_version: "bedrock-2023-05-31", max_tokens: 256, messages: [{ role: "user", content: "Hi" }] },
 * };
 */
export interface InvokeModelRequest {
  modelId: string | undefined;
  body?: InvokeBody | undefined;
  /** `Content-Type` of `body` (default `application/json`, which Bedrock requires of model bodies). */
  contentType?: string | undefined;
  /** `Accept`: the type you want the answer in (default `application/json`). */
  accept?: string | undefined;
  trace?: InvokeTrace | undefined;
  guardrailIdentifier?: string | undefined;
  guardrailVersion?: string | undefined;
  performanceConfigLatency?: PerformanceConfigLatency | undefined;
  serviceTier?: ServiceTierType | undefined;
}

/** `POST /model/{modelId}/invoke-with-response-stream`; `accept` travels as `X-Amzn-Bedrock-Accept`. */
export type InvokeModelWithResponseStreamRequest = InvokeModelRequest;

/** The answer's bytes, with the AWS SDK's `Uint8ArrayBlobAdapter` helper. */
export interface InvokeResponseBody extends Uint8Array<ArrayBuffer> {
  /** The bytes decoded as UTF-8 (the SDK's helper; only `utf-8` is supported). */
  transformToString(encoding?: string): string;
}

/** What `invokeModel` resolves to, as the AWS SDK's `InvokeModelCommandOutput`. */
export interface InvokeModelCommandOutput {
  body: InvokeResponseBody;
  /** The answer's `Content-Type`. */
  contentType: string | undefined;
  performanceConfigLatency?: PerformanceConfigLatency | undefined;
  serviceTier?: ServiceTierType | undefined;
  $metadata: { httpStatusCode: number; requestId: string | undefined; attempts: number };
  /**
   * Bedrock's invocation metrics, from the `x-amzn-bedrock-*-token-count` and `-invocation-latency`
   * headers it sends on every InvokeModel answer (the AWS SDK leaves them in the raw response;
   * langchain-aws reads them there for usage). Not enumerable, so the output still equals the SDK's.
   */
  readonly $invocationMetrics?: InvocationMetrics | undefined;
}

/** The names of `amazon-bedrock-invocationMetrics`, the same figures on a stream's last chunk. */
export interface InvocationMetrics {
  inputTokenCount?: number;
  outputTokenCount?: number;
  invocationLatency?: number;
}

/** One piece of the model's native stream: `bytes` is one of its JSON events, UTF-8. */
export interface PayloadPart {
  bytes?: Uint8Array | undefined;
}

/**
 * An event of InvokeModelWithResponseStream, in the SDK's shape: `{ chunk: { bytes } }`, or
 * `{ $unknown: [name, payload] }` for an event type this client does not know. The stream's
 * exceptions (`internalServerException`, `modelStreamErrorException`, `validationException`,
 * `throttlingException`, `modelTimeoutException`, `serviceUnavailableException`) are thrown as the
 * errors of those names rather than yielded.
 */
export type ResponseStream = { chunk: PayloadPart; $unknown?: never } | { chunk?: never; $unknown: [string, unknown] };
