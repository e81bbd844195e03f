// Bedrock Agent Runtime's Rerank, shaped like @aws-sdk/client-bedrock-agent-runtime's RerankRequest / RerankResponse.
import type { DocumentType } from "./common.js";

export interface RerankTextDocument {
  text?: string | undefined;
}

export interface RerankQuery {
  type: "TEXT" | undefined;
  textQuery: RerankTextDocument | undefined;
}

export interface RerankDocument {
  type: "TEXT" | "JSON" | undefined;
  textDocument?: RerankTextDocument | undefined;
  jsonDocument?: DocumentType | undefined;
}

export interface RerankSource {
  type: "INLINE" | undefined;
  inlineDocumentSource: RerankDocument | undefined;
}

export interface BedrockRerankingModelConfiguration {
  /** `arn:aws:bedrock:{region}::foundation-model/amazon.rerank-v1:0` or `…/cohere.rerank-v3-5:0`. */
  modelArn: string | undefined;
  additionalModelRequestFields?: Record<string, DocumentType> | undefined;
}

export interface BedrockRerankingConfiguration {
  /** 1–1,000. */
  numberOfResults?: number | undefined;
  modelConfiguration: BedrockRerankingModelConfiguration | undefined;
}

export interface RerankingConfiguration {
  type: "BEDROCK_RERANKING_MODEL" | undefined;
  bedrockRerankingConfiguration: BedrockRerankingConfiguration | undefined;
}

export interface RerankRequest {
  /** Exactly one query. */
  queries: RerankQuery[] | undefined;
  /** 1–1,000 documents. */
  sources: RerankSource[] | undefined;
  rerankingConfiguration: RerankingConfiguration | undefined;
  nextToken?: string | undefined;
}

export interface RerankResult {
  /** The source's position in the request. */
  index: number | undefined;
  relevanceScore: number | undefined;
  document?: RerankDocument | undefined;
}

export interface RerankResponse {
  results: RerankResult[] | undefined;
  nextToken?: string | undefined;
}
