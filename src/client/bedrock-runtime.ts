// BedrockRuntime: the bare client with every operation as a method and request validation on (the AWS SDK's aggregated client).
import type {
  ApplyGuardrailCommandOutput,
  ApplyGuardrailRequest,
  ConverseStreamOutput,
  ConverseRequest,
  ConverseStreamRequest,
  CountTokensRequest,
  CountTokensResponse,
  InvokeModelCommandOutput,
  InvokeModelRequest,
  InvokeModelWithResponseStreamRequest,
} from "../wire/index.js";
import { HybridSha256 } from "../auth/hybrid-sha256.js";
import { validateConverseOperations, validateRequest } from "../wire/validate/validate-request.js";
import type { RequestValidator } from "./bedrock-client.js";
import { BedrockClient } from "./bedrock-client.js";
import { aiGateway } from "./gateway.js";
import { converse, type ConverseCommandOutput } from "./operations/converse.js";
import { converseStream } from "./operations/converse-stream.js";
import { countTokens } from "./operations/count-tokens.js";
import { applyGuardrail } from "./operations/apply-guardrail.js";
import { invokeModel } from "./operations/invoke-model.js";
import { invokeModelWithResponseStream } from "./operations/invoke-model-stream.js";
import type { InvokeModelWithResponseStreamResponse } from "./invoke-stream-response.js";
import { validateOptions, type BedrockRuntimeOptions, type CallOptions } from "./options.js";
import type { ConverseStreamResponse } from "./stream-response.js";

export type { CallOptions, ConverseCommandOutput, ConverseStreamOutput };

/**
 * The Converse operations of `BedrockRuntime` (converse, converseStream, countTokens) as methods,
 * each request checked before sending: what `ChatBedrockConverse` builds, so a chat bundle
 * carries none of the InvokeModel operations. Use `BedrockRuntime` for every operation.
 */
export class ConverseRuntime {
  /** The bare client underneath, for the standalone operations. */
  readonly client: BedrockClient;

  /** @param validator which requests are checked before sending (BedrockRuntime: all of them). */
  constructor(options: BedrockRuntimeOptions = {}, validator: RequestValidator = validateConverseOperations) {
    validateOptions(options);
    const { gateway, validate, sha256, ...rest } = options;
    this.client = new BedrockClient({
      ...rest,
      // Short inputs (the signing key's four HMACs, the string to sign) hashed in JavaScript:
      // in Node each WebCrypto call waits for a thread-pool slot, and pages served over plain
      // http have no crypto.subtle. The bare client leaves this 2 KiB out unless given.
      sha256: sha256 ?? HybridSha256,
      ...(gateway !== undefined ? { gateway: aiGateway(gateway) } : {}),
      ...(validate !== false ? { validate: validator } : {}),
    });
  }

  /** Which authentication the client uses; never the secret itself. */
  get authKind(): "bearer" | "sigv4" | "gateway" {
    return this.client.authKind;
  }

  /** Sends a Converse request and returns the whole reply. */
  converse(request: ConverseRequest, options?: CallOptions): Promise<ConverseCommandOutput> {
    return converse(this.client, request, options);
  }

  /**
   * Sends a ConverseStream request. Resolves once the response has started (HTTP errors and a
   * throttling frame that arrives first are retried here); then iterate the events.
   */
  converseStream(request: ConverseStreamRequest, options?: CallOptions): Promise<ConverseStreamResponse> {
    return converseStream(this.client, request, options);
  }

  /** Counts the input tokens a Converse request would use (the CountTokens API). */
  countTokens(request: CountTokensRequest, options?: CallOptions): Promise<CountTokensResponse> {
    return countTokens(this.client, request, options);
  }

}

/**
 * A Bedrock Runtime client for edge runtimes and browsers: every operation as a method, each
 * request checked before it is sent. For the smallest bundle, use `BedrockClient` with the
 * operations you call (`converseStream(client, request)`).
 *
 * @example
 * ```ts
 * const client = new BedrockRuntime({ region: "us-east-1", credentials: { accessKeyId, secretAccessKey } });
 * const response = await client.converseStream({
 *   modelId: "us.amazon.nova-micro-v1:0",
 *   messages: [{ role: "user", content: [{ text: "I love programming." }] }],
 * });
 * for await (const event of response) {
 *   if (event.contentBlockDelta?.delta?.text) console.log(event.contentBlockDelta.delta.text);
 * }
 * ```
 */
export class BedrockRuntime extends ConverseRuntime {
  constructor(options: BedrockRuntimeOptions = {}) {
    super(options, validateRequest);
  }

  /** Sends an InvokeModel request: a body in the model's own format, its answer as bytes (`body.transformToString()`). */
  invokeModel(request: InvokeModelRequest, options?: CallOptions): Promise<InvokeModelCommandOutput> {
    return invokeModel(this.client, request, options);
  }

  /** Sends an InvokeModelWithResponseStream request; resolves at the first event, then iterate `{ chunk: { bytes } }` events. */
  invokeModelWithResponseStream(request: InvokeModelWithResponseStreamRequest, options?: CallOptions): Promise<InvokeModelWithResponseStreamResponse> {
    return invokeModelWithResponseStream(this.client, request, options);
  }

  /** Runs a guardrail on content without a model (the ApplyGuardrail API). */
  applyGuardrail(request: ApplyGuardrailRequest, options?: CallOptions): Promise<ApplyGuardrailCommandOutput> {
    return applyGuardrail(this.client, request, options);
  }
}
