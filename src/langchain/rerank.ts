// BedrockRerank for LangChain.js: a document compressor over Bedrock Agent Runtime's Rerank, as langchain-aws's BedrockRerank.
import { Document, type DocumentInterface } from "@langchain/core/documents";
import { BaseDocumentCompressor } from "@langchain/core/retrievers/document_compressors";
import { connectionClient, type BedrockEmbeddingsInput } from "../chat/embeddings/bedrock-embeddings.js";
import type { BedrockClient } from "../client/bedrock-client.js";
import { rerank } from "../client/operations/rerank.js";
import { partitionOf } from "../client/partitions.js";
import { BedrockInputError } from "../errors/exceptions.js";
import type { DocumentType, RerankSource } from "../wire/index.js";

export interface BedrockRerankInput extends Omit<BedrockEmbeddingsInput, "model" | "dimensions" | "normalize" | "inputType" | "truncate" | "maxConcurrency" | "batchSize"> {
  /** The rerank model's ARN (langchain-aws's `model_arn`), e.g. `arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0`. */
  modelArn?: string;
  /** Or its ID (`amazon.rerank-v1:0`, `cohere.rerank-v3-5:0`): the foundation-model ARN is built from `region`. */
  model?: string;
  /** How many documents `compressDocuments` keeps (langchain-aws's `top_n`, default 3). */
  topN?: number;
  /** Sent as `additionalModelRequestFields` (langchain-aws's `additional_model_request_fields`). */
  additionalModelRequestFields?: Record<string, DocumentType>;
}

/** One document for Rerank: a string as TEXT, an object as JSON (as langchain-aws sends them). */
function toSource(document: string | DocumentInterface | Record<string, unknown>): RerankSource {
  if (typeof document === "string") return { type: "INLINE", inlineDocumentSource: { type: "TEXT", textDocument: { text: document } } };
  if (typeof (document as DocumentInterface).pageContent === "string") {
    return { type: "INLINE", inlineDocumentSource: { type: "TEXT", textDocument: { text: (document as DocumentInterface).pageContent } } };
  }
  return { type: "INLINE", inlineDocumentSource: { type: "JSON", jsonDocument: document } };
}

/**
 * Reranks documents by relevance to a query with a Bedrock rerank model; `compressDocuments` keeps
 * the top `topN`, each a copy with `metadata.relevance_score` (langchain-aws's BedrockRerank).
 * @example
 * const reranker = new BedrockRerank({ region: "us-west-2", model: "amazon.rerank-v1:0", topN: 2 });
 * const top = await reranker.compressDocuments(docs, "colourful socks");
 */
export class BedrockRerank extends BaseDocumentCompressor {
  readonly modelArn: string;
  readonly topN: number;
  readonly client: BedrockClient;
  readonly additionalModelRequestFields: Record<string, DocumentType> | undefined;

  constructor(fields: BedrockRerankInput) {
    super();
    const { modelArn, model, topN = 3, additionalModelRequestFields, ...connection } = fields ?? {};
    if (modelArn === undefined && model === undefined) throw new BedrockInputError("modelArn (or model) is required");
    if (!Number.isInteger(topN) || topN < 1 || topN > 1000) throw new BedrockInputError(`topN must be an integer from 1 to 1000, got ${String(topN)}`);
    const region = connection.region;
    if (modelArn === undefined && region === undefined) throw new BedrockInputError("region is required to build the model ARN from `model`; or pass `modelArn`");
    this.modelArn = modelArn ?? `arn:${partitionOf(region!).id}:bedrock:${region}::foundation-model/${model}`;
    this.topN = topN;
    this.additionalModelRequestFields = additionalModelRequestFields;
    this.client = connectionClient(connection, this.modelArn);
  }

  /** `[{ index, relevanceScore }]`, best first, at most `topN` (langchain-aws's `rerank`). */
  async rerank(documents: ReadonlyArray<string | DocumentInterface | Record<string, unknown>>, query: string, topN = this.topN): Promise<Array<{ index: number; relevanceScore: number }>> {
    if (documents.length === 0) return [];
    const { results } = await rerank(this.client, {
      queries: [{ type: "TEXT", textQuery: { text: query } }],
      sources: documents.map(toSource),
      rerankingConfiguration: {
        type: "BEDROCK_RERANKING_MODEL",
        bedrockRerankingConfiguration: {
          numberOfResults: Math.min(topN, documents.length),
          modelConfiguration: { modelArn: this.modelArn, ...(this.additionalModelRequestFields ? { additionalModelRequestFields: this.additionalModelRequestFields } : {}) },
        },
      },
    });
    return (results ?? []).map((r) => ({ index: r.index!, relevanceScore: r.relevanceScore! }));
  }

  async compressDocuments(documents: DocumentInterface[], query: string): Promise<DocumentInterface[]> {
    const ranked = await this.rerank(documents, query);
    return ranked.map(({ index, relevanceScore }) => {
      const doc = documents[index]!;
      return new Document({ pageContent: doc.pageContent, metadata: { ...structuredClone(doc.metadata), relevance_score: relevanceScore }, ...(doc.id !== undefined ? { id: doc.id } : {}) });
    });
  }
}
