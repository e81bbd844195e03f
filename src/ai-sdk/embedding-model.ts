// The AI SDK embedding model: EmbeddingModelV3 over InvokeModel, sending the bodies @ai-sdk/amazon-bedrock sends.
//
// Bodies as @ai-sdk/amazon-bedrock 4.x's bedrock-embedding-model.ts builds them (its providerOptions.bedrock
// names: dimensions, normalize for Titan; inputType (default search_query), truncate, outputDimension for
// Cohere; embeddingPurpose (default GENERIC_INDEX), embeddingDimension (default 1024), truncate (default
// END) for Nova), so a switch of provider sends the same requests. Differences, on purpose:
// - the family comes from the base model (prefix and foundation-model ARN read) rather than substring
//   tests, so `us.cohere.embed-v4:0` and an ARN of it are Cohere alike (the peer gets these right too);
// - Cohere v3 has no `output_dimension`: it is refused here before the call, not by Bedrock;
// - usage as the peer reads it: Titan's `inputTextTokenCount`, Nova's `inputTokenCount`, else the
//   X-Amzn-Bedrock-Input-Token-Count header.
import type { EmbeddingModelV3, EmbeddingModelV3CallOptions, EmbeddingModelV3Result } from "@ai-sdk/provider";
import { invokeJson } from "../client/operations/invoke-json.js";
import { embeddingModelFamily, readEmbeddings, type EmbeddingModelFamily } from "../chat/embeddings/embedding-bodies.js";
import { BedrockInputError } from "../errors/index.js";
import { isObject } from "../internal/index.js";
import { toApiCallError } from "./api-call-error.js";
import { callOptions, PROVIDER_NAME, type ClientSource } from "./language-model.js";

/** providerOptions.bedrock of an embedding call, @ai-sdk/amazon-bedrock's names. */
export interface BedrockEmbeddingProviderOptions {
  dimensions?: 256 | 512 | 1024;
  normalize?: boolean;
  embeddingDimension?: 256 | 384 | 1024 | 3072;
  embeddingPurpose?: string;
  inputType?: "search_document" | "search_query" | "classification" | "clustering";
  truncate?: "NONE" | "START" | "END";
  outputDimension?: 256 | 512 | 1024 | 1536;
}

const isCohere = (family: EmbeddingModelFamily) => family === "cohere-v3" || family === "cohere-v4";

/** The InvokeModel body for `values`, as @ai-sdk/amazon-bedrock builds it (undefined fields dropped by JSON). */
export function aiSdkEmbeddingBody(family: EmbeddingModelFamily, values: readonly string[], options: BedrockEmbeddingProviderOptions): Record<string, unknown> {
  if (family === "nova") {
    return {
      taskType: "SINGLE_EMBEDDING",
      singleEmbeddingParams: {
        embeddingPurpose: options.embeddingPurpose ?? "GENERIC_INDEX",
        embeddingDimension: options.embeddingDimension ?? 1024,
        text: { truncationMode: options.truncate ?? "END", value: values[0] },
      },
    };
  }
  if (isCohere(family)) {
    if (family === "cohere-v3" && options.outputDimension !== undefined) throw new BedrockInputError("outputDimension applies to Cohere Embed v4 only");
    return { input_type: options.inputType ?? "search_query", texts: [...values], truncate: options.truncate, output_dimension: options.outputDimension };
  }
  return { inputText: values[0], dimensions: options.dimensions, normalize: options.normalize };
}

export class BedrockEmbeddingModel implements EmbeddingModelV3 {
  readonly specificationVersion = "v3";
  readonly provider = PROVIDER_NAME;
  readonly modelId: string;
  readonly supportsParallelCalls = true;
  readonly maxEmbeddingsPerCall: number;
  readonly #client: ClientSource;
  readonly #family: EmbeddingModelFamily;

  constructor(modelId: string, client: ClientSource) {
    this.modelId = modelId;
    this.#client = client;
    this.#family = embeddingModelFamily(modelId);
    this.maxEmbeddingsPerCall = isCohere(this.#family) ? 96 : 1;
  }

  async doEmbed(options: EmbeddingModelV3CallOptions): Promise<EmbeddingModelV3Result> {
    if (options.values.length > this.maxEmbeddingsPerCall) {
      throw new BedrockInputError(`${this.modelId} takes at most ${this.maxEmbeddingsPerCall} values per call, got ${options.values.length}`);
    }
    const bedrockOptions = options.providerOptions?.bedrock;
    if (bedrockOptions !== undefined && !isObject(bedrockOptions)) throw new BedrockInputError("providerOptions.bedrock must be an object");
    const body = JSON.parse(JSON.stringify(aiSdkEmbeddingBody(this.#family, options.values, (bedrockOptions ?? {}) as BedrockEmbeddingProviderOptions)));
    const path = `/model/${encodeURIComponent(this.modelId)}/invoke`;
    const out = await invokeJson(this.#client(), this.modelId, body, callOptions(options)).catch((error: unknown) => Promise.reject(toApiCallError(error, path, body)));
    const json = out.json as { inputTextTokenCount?: unknown; inputTokenCount?: unknown };
    const tokens = typeof json.inputTextTokenCount === "number" ? json.inputTextTokenCount : typeof json.inputTokenCount === "number" ? json.inputTokenCount : out.inputTokens;
    return {
      embeddings: readEmbeddings(json),
      ...(tokens !== undefined ? { usage: { tokens } } : {}),
      response: { body: json },
      warnings: [],
    };
  }
}
