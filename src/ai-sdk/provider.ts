// createAmazonBedrock and the default `bedrock` instance: the AI SDK provider over one bare BedrockClient.
import type { EmbeddingModelV3, ImageModelV3, LanguageModelV3, ProviderV3, RerankingModelV3 } from "@ai-sdk/provider";
import { BedrockClient } from "../client/bedrock-client.js";
import { aiGateway } from "../client/gateway.js";
import { BedrockInputError } from "../errors/index.js";
import { BedrockEmbeddingModel } from "./embedding-model.js";
import { BedrockImageModel } from "./image-model.js";
import { BedrockLanguageModel } from "./language-model.js";
import { BedrockRerankingModel } from "./reranking-model.js";
import { toRuntimeOptions, type AmazonBedrockProviderSettings } from "./options.js";

export interface AmazonBedrockProvider extends ProviderV3 {
  (modelId: string): LanguageModelV3;
  languageModel(modelId: string): LanguageModelV3;
  /** Same as calling the provider. */
  chat(modelId: string): LanguageModelV3;
  /** An embedding model over InvokeModel (Titan, Cohere Embed, Nova embeddings), as @ai-sdk/amazon-bedrock's. */
  embedding(modelId: string): EmbeddingModelV3;
  embeddingModel(modelId: string): EmbeddingModelV3;
  /** The AI SDK's older name of `embedding`. */
  textEmbeddingModel(modelId: string): EmbeddingModelV3;
  /** A reranking model over Bedrock Agent Runtime's Rerank (`amazon.rerank-v1:0`, `cohere.rerank-v3-5:0`), as @ai-sdk/amazon-bedrock's. */
  reranking(modelId: string): RerankingModelV3;
  rerankingModel(modelId: string): RerankingModelV3;
  /** An image model over InvokeModel (Nova Canvas, Titan Image Generator v1/v2), as @ai-sdk/amazon-bedrock's. */
  image(modelId: string): ImageModelV3;
  imageModel(modelId: string): ImageModelV3;
}

const NO_CREDENTIALS =
  "No credentials: pass `apiKey`, `accessKeyId` and `secretAccessKey` (and `sessionToken`), or `credentialProvider` to createAmazonBedrock, or set AWS_BEARER_TOKEN_BEDROCK or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY";

/**
 * Creates an AI SDK provider on bedrock-edge's Converse client. Takes the settings of
 * `@ai-sdk/amazon-bedrock`, so switching is one import line.
 *
 * @example
 * ```ts
 * import { streamText } from "ai";
 * import { createAmazonBedrock } from "bedrock-edge/ai-sdk"; // was "@ai-sdk/amazon-bedrock"
 *
 * const bedrock = createAmazonBedrock({ region: "us-east-1", apiKey: env.BEDROCK_API_KEY });
 * const result = streamText({ model: bedrock("us.amazon.nova-micro-v1:0"), prompt: "I love programming." });
 * return result.toUIMessageStreamResponse();
 * ```
 */
export function createAmazonBedrock(settings: AmazonBedrockProviderSettings = {}): AmazonBedrockProvider {
  const options = toRuntimeOptions(settings);
  // Built on first use, so `bedrock` can exist before credentials do (they may come from the environment later).
  // The bare client, requests unchecked: the AI SDK builds them from its own typed prompt, and
  // @ai-sdk/amazon-bedrock leaves the rest to Bedrock's ValidationException too.
  const { gateway, validate: _checkedByTheAiSdk, ...rest } = options;
  let shared: BedrockClient | undefined;
  const client = (): BedrockClient => {
    try {
      return (shared ??= new BedrockClient(gateway === undefined ? rest : { ...rest, gateway: aiGateway(gateway) }));
    } catch (error) {
      // The client names its own options; here the settings are @ai-sdk/amazon-bedrock's.
      if (error instanceof BedrockInputError && error.message.startsWith("No credentials")) throw new BedrockInputError(NO_CREDENTIALS);
      throw error;
    }
  };
  const checkId = (modelId: unknown) => {
    if (typeof modelId !== "string" || modelId.trim() === "") {
      throw new BedrockInputError("modelId must be a non-empty string (a model ID, inference profile ID or ARN)");
    }
  };
  const embedding = (modelId: string): EmbeddingModelV3 => {
    checkId(modelId);
    return new BedrockEmbeddingModel(modelId, client);
  };
  const reranking = (modelId: string): RerankingModelV3 => {
    checkId(modelId);
    return new BedrockRerankingModel(modelId, client);
  };
  const image = (modelId: string): ImageModelV3 => {
    checkId(modelId);
    return new BedrockImageModel(modelId, client);
  };
  const languageModel = (modelId: string): LanguageModelV3 => {
    checkId(modelId);
    return new BedrockLanguageModel(modelId, client, { coalesceDeltas: settings.coalesceDeltas !== false });
  };
  const provider = function (modelId: string) {
    if (new.target) throw new BedrockInputError("createAmazonBedrock's provider is a function: call it without `new`");
    return languageModel(modelId);
  } as AmazonBedrockProvider;
  Object.assign(provider, {
    specificationVersion: "v3",
    languageModel,
    chat: languageModel,
    embedding,
    embeddingModel: embedding,
    textEmbeddingModel: embedding,
    reranking,
    rerankingModel: reranking,
    image,
    imageModel: image,
  });
  return provider;
}

/** The default provider: region and credentials from the environment (AWS_REGION, AWS_BEARER_TOKEN_BEDROCK, AWS_ACCESS_KEY_ID…). */
export const bedrock: AmazonBedrockProvider = /* @__PURE__ */ createAmazonBedrock();
