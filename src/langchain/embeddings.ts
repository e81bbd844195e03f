// BedrockEmbeddings for LangChain.js: @langchain/core's Embeddings over bedrock-edge's BedrockEmbeddings.
import { Embeddings } from "@langchain/core/embeddings";
import { BedrockEmbeddings as CoreEmbeddings, type BedrockEmbeddingsInput } from "../chat/embeddings/index.js";

/**
 * A LangChain `Embeddings` (for vector stores, retrievers) on Bedrock: the fields of bedrock-edge's
 * BedrockEmbeddings (`model`, `region`, `credentials`, `client`, `dimensions`, `maxConcurrency`, …).
 * Retries are the client's (throttling and 5xx, with backoff), so LangChain's AsyncCaller does not
 * retry again on top (`maxRetries` here is the client's).
 * @example
 * import { BedrockEmbeddings } from "bedrock-edge/langchain";
 * import { MemoryVectorStore } from "langchain/vectorstores/memory";
 * const store = await MemoryVectorStore.fromTexts(texts, metadatas, new BedrockEmbeddings({ region: "us-east-1" }));
 */
export class BedrockEmbeddings extends Embeddings {
  readonly model: string;
  readonly #core: CoreEmbeddings;

  constructor(fields: BedrockEmbeddingsInput = {}) {
    super({ maxRetries: 0, ...(fields.maxConcurrency !== undefined ? { maxConcurrency: fields.maxConcurrency } : {}) });
    this.#core = new CoreEmbeddings(fields);
    this.model = this.#core.model;
  }

  embedQuery(document: string): Promise<number[]> {
    return this.#core.embedQuery(document);
  }

  embedDocuments(documents: string[]): Promise<number[][]> {
    return this.#core.embedDocuments(documents);
  }
}
