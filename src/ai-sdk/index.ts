// bedrock-edge/ai-sdk: a Vercel AI SDK provider (LanguageModelV3) on bedrock-edge. Re-exports only; types from @ai-sdk/provider.
export { createAmazonBedrock, bedrock, type AmazonBedrockProvider } from "./provider.js";
export type { AmazonBedrockProviderSettings, BedrockProviderCredentials } from "./options.js";
export type { BedrockCallOptions, ReasoningConfig, StructuredOutputMode } from "./provider-options.js";
export { BedrockLanguageModel, PROVIDER_NAME } from "./language-model.js";
export { BedrockAPICallError } from "./api-call-error.js";
export { convertPrompt, type ConvertedPrompt } from "./convert-prompt.js";
export { prepareRequest, type PreparedRequest } from "./prepare-request.js";
export type { BedrockEmbeddingProviderOptions } from "./embedding-model.js";
export type { BedrockImageProviderOptions } from "./image-model.js";
