// LanguageModelV3 over a BedrockClient: doGenerate on Converse, doStream on ConverseStream.
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
} from "@ai-sdk/provider";
import type { BedrockClient } from "../client/bedrock-client.js";
import { converse } from "../client/operations/converse.js";
import { converseStream } from "../client/operations/converse-stream.js";
import type { CallOptions } from "../client/options.js";
import { AbortError } from "../errors/index.js";
import type { ConverseStreamOutput } from "../wire/index.js";
import { toApiCallError } from "./api-call-error.js";
import { convertResponse } from "./convert-response.js";
import { prepareRequest } from "./prepare-request.js";
import { createDeltaBatcher, settlesSoon } from "./delta-batcher.js";
import { createStreamMapper, startParts } from "./stream-parts.js";

/** At most this many events are joined into one pull, so a fast stream still reaches the reader in steps. */
const MAX_JOINED_EVENTS = 256;

/** Hands out the provider's client (built on first use). */
export type ClientSource = () => BedrockClient;

/**
 * The client's call options for one AI SDK call: its signal and its headers. The AI SDK adds its
 * own `user-agent` to every call; that one is left out (bedrock-edge sends its own agent).
 */
export function callOptions(options: Pick<LanguageModelV3CallOptions, "headers" | "abortSignal">): CallOptions {
  const headers: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value !== undefined && name.toLowerCase() !== "user-agent") headers.push([name, value]);
  }
  return {
    ...(options.abortSignal ? { signal: options.abortSignal } : {}),
    ...(headers.length > 0 ? { headers } : {}),
  };
}

/** The name @ai-sdk/amazon-bedrock reports, so telemetry keyed on it keeps working. */
export const PROVIDER_NAME = "amazon-bedrock";

export class BedrockLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = "v3";
  readonly provider = PROVIDER_NAME;
  readonly modelId: string;
  /** S3 objects go to Bedrock as they are; the AI SDK downloads every other URL first. */
  readonly supportedUrls: Record<string, RegExp[]> = { "*/*": [/^s3:\/\//] };
  readonly #client: ClientSource;
  readonly #coalesce: boolean;

  constructor(modelId: string, client: ClientSource, options: { coalesceDeltas?: boolean } = {}) {
    this.modelId = modelId;
    this.#client = client;
    this.#coalesce = options.coalesceDeltas !== false;
  }

  /** The request path, the URL of an error whose response carried none. */
  #path(operation: string): string {
    return `/model/${encodeURIComponent(this.modelId)}/${operation}`;
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const { request, warnings, usesJsonTool } = prepareRequest(this.modelId, options);
    const response = await converse(this.#client(), request, callOptions(options))
      .catch((error: unknown) => Promise.reject(toApiCallError(error, this.#path("converse"), request)));
    const { $metadata, ...body } = response;
    const converted = convertResponse(response, usesJsonTool);
    return {
      content: converted.content,
      finishReason: converted.finishReason,
      usage: converted.usage,
      ...(converted.providerMetadata ? { providerMetadata: converted.providerMetadata } : {}),
      warnings,
      request: { body: request },
      response: { modelId: this.modelId, ...($metadata.requestId ? { id: $metadata.requestId } : {}), body },
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const { request, warnings, usesJsonTool } = prepareRequest(this.modelId, options);
    // Resolves once the first event is in: HTTP errors and early throttling reject here, retried already.
    const response = await converseStream(this.#client(), request, callOptions(options))
      .catch((error: unknown) => Promise.reject(toApiCallError(error, this.#path("converse-stream"), request)));
    const iterator = response[Symbol.asyncIterator]();
    const mapper = createStreamMapper({ usesJsonTool });
    const raw = options.includeRawChunks === true;
    const first = startParts(warnings, this.modelId, response.$metadata.requestId);
    let done = false;
    let pending: Promise<IteratorResult<ConverseStreamOutput, void>> | undefined;
    const coalesce = this.#coalesce;

    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      start(controller) {
        for (const part of first) controller.enqueue(part);
      },
      // Reads events until at least one part is out, joining deltas already in hand (see
      // delta-batcher.ts). A pull that enqueued nothing would not be called again: the Streams
      // spec re-pulls only after an enqueue.
      async pull(controller) {
        let emitted = false;
        const enqueue = (part: LanguageModelV3StreamPart) => {
          emitted = true;
          controller.enqueue(part);
        };
        const batcher = coalesce ? createDeltaBatcher(enqueue) : undefined;
        const emit = batcher ? (part: LanguageModelV3StreamPart) => batcher.push(part) : enqueue;
        for (let events = 0; ; events++) {
          let result: IteratorResult<ConverseStreamOutput, void>;
          try {
            result = await (pending ?? iterator.next());
            pending = undefined;
          } catch (error) {
            pending = undefined;
            done = true;
            batcher?.flush();
            if (error instanceof AbortError) return controller.error(error);
            // An exception frame (modelStreamErrorException, throttling mid-stream…) or a cut
            // connection: reported as an error part, then a finish with reason "error".
            emit({ type: "error", error });
            mapper.finish(emit, true);
            batcher?.flush();
            return controller.close();
          }
          if (result.done) {
            done = true;
            mapper.finish(emit);
            batcher?.flush();
            return controller.close();
          }
          if (raw) emit({ type: "raw", rawValue: result.value });
          mapper.event(result.value, emit);
          if (batcher?.holding && events < MAX_JOINED_EVENTS) {
            pending = iterator.next();
            if (await settlesSoon(pending)) continue;
          }
          batcher?.flush();
          if (emitted) return;
        }
      },
      async cancel() {
        if (done) return;
        done = true;
        // A read in flight must settle before the generator can be closed.
        await pending?.catch(() => undefined);
        await iterator.return?.();
      },
    });
    return { stream, request: { body: request } };
  }
}
