// The AI SDK reranking model: RerankingModelV3 over Bedrock Agent Runtime's Rerank, the body @ai-sdk/amazon-bedrock sends.
//
// As @ai-sdk/amazon-bedrock 4.x's reranking/bedrock-reranking-model.ts: the model ARN is the
// foundation-model ARN in the provider's region (`arn:aws:bedrock:{region}::foundation-model/{modelId}`;
// here with the region's partition, so `aws-cn` regions get theirs), `topN` is `numberOfResults`,
// providerOptions.bedrock.{nextToken, additionalModelRequestFields} go through; a model ID that is an
// ARN already is sent as it is.
import type { RerankingModelV3, RerankingModelV3CallOptions } from "@ai-sdk/provider";
import { clientConfig } from "../client/bedrock-client.js";
import { rerank } from "../client/operations/rerank.js";
import { partitionOf } from "../client/partitions.js";
import { BedrockInputError } from "../errors/index.js";
import { isObject } from "../internal/index.js";
import type { DocumentType, RerankRequest } from "../wire/index.js";
import { toApiCallError } from "./api-call-error.js";
import { callOptions, PROVIDER_NAME, type ClientSource } from "./language-model.js";

type RerankResult = Awaited<ReturnType<RerankingModelV3["doRerank"]>>;

export class BedrockRerankingModel implements RerankingModelV3 {
  readonly specificationVersion = "v3";
  readonly provider = PROVIDER_NAME;
  readonly modelId: string;
  readonly #client: ClientSource;

  constructor(modelId: string, client: ClientSource) {
    this.modelId = modelId;
    this.#client = client;
  }

  async doRerank(options: RerankingModelV3CallOptions): Promise<RerankResult> {
    const bedrock = options.providerOptions?.bedrock ?? {};
    if (!isObject(bedrock)) throw new BedrockInputError("providerOptions.bedrock must be an object");
    const client = this.#client();
    const config = clientConfig(client);
    const region = config.region ?? config.envRegion;
    if (region === undefined) throw new BedrockInputError("region is required for reranking: pass `region` or set AWS_REGION");
    const modelArn = this.modelId.startsWith("arn:") ? this.modelId : `arn:${partitionOf(region).id}:bedrock:${region}::foundation-model/${this.modelId}`;
    const { documents } = options;
    const request = JSON.parse(
      JSON.stringify({
        nextToken: bedrock.nextToken,
        queries: [{ textQuery: { text: options.query }, type: "TEXT" }],
        rerankingConfiguration: {
          bedrockRerankingConfiguration: {
            modelConfiguration: { modelArn, additionalModelRequestFields: bedrock.additionalModelRequestFields as Record<string, DocumentType> | undefined },
            numberOfResults: options.topN,
          },
          type: "BEDROCK_RERANKING_MODEL",
        },
        sources: documents.values.map((value) => ({
          type: "INLINE",
          inlineDocumentSource: documents.type === "text" ? { type: "TEXT", textDocument: { text: value as string } } : { type: "JSON", jsonDocument: value },
        })),
      }),
    ) as RerankRequest;
    const { $metadata: _, ...body } = await rerank(client, request, callOptions(options)).catch((error: unknown) => Promise.reject(toApiCallError(error, "/rerank", request)));
    return {
      ranking: (body.results ?? []).map((r) => ({ index: r.index!, relevanceScore: r.relevanceScore! })),
      response: { body },
    };
  }
}
