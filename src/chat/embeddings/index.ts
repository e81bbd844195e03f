// Embeddings in the chat layer: BedrockEmbeddings and the per-family bodies it sends.
export { BedrockEmbeddings, type BedrockEmbeddingsInput } from "./bedrock-embeddings.js";
export type { CohereInputType, EmbeddingModelFamily, EmbeddingSettings } from "./embedding-bodies.js";
