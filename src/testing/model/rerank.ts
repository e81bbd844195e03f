// Bedrock Agent Runtime's Rerank as the emulator serves it (POST /rerank): each source scored against the query with rerankScores.
//
// Shapes and limits from the service model (botocore data/bedrock-agent-runtime service-2.json;
// @aws-sdk/client-bedrock-agent-runtime RerankRequest / RerankResponse): exactly 1 query (`type: "TEXT"`),
// 1–1,000 INLINE sources of `TEXT` or `JSON` documents, text 1–32,000 characters, `numberOfResults`
// 1–1,000, `rerankingConfiguration.type` `BEDROCK_RERANKING_MODEL`, `modelArn` required.
import { isObject } from "../../internal/index.js";
import { namedModel } from "../../internal/model-id.js";
import type { JsonObject } from "../types.js";
import { rerankScores } from "./embeddings.js";

/** The rerank models Bedrock serves (Bedrock user guide, "Supported models for reranking"). */
export const RERANK_MODELS = ["amazon.rerank-v1:0", "cohere.rerank-v3-5:0"] as const;

// AWS's Coral validation wording, as ApplyGuardrail's (apply-guardrail.ts).
const notNull = (member: string) => `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`;
const enumValue = (value: unknown, member: string, set: string) =>
  `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${set}]`;
const length = (member: string, op: string, n: number) => `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must have length ${op} ${n}`;

function documentText(document: unknown): string | undefined {
  if (!isObject(document)) return undefined;
  if (document.type === "TEXT") return isObject(document.textDocument) && typeof document.textDocument.text === "string" ? document.textDocument.text : undefined;
  if (document.type === "JSON") return document.jsonDocument === undefined ? undefined : JSON.stringify(document.jsonDocument);
  return undefined;
}

/** The ValidationException message for a Rerank body Bedrock would refuse, or undefined. */
export function rerankProblem(body: unknown): string | undefined {
  if (!isObject(body)) return "Malformed input request, please reformat your input and try again.";
  const { queries, sources, rerankingConfiguration: config } = body;
  if (queries === undefined) return notNull("queries");
  if (!Array.isArray(queries) || queries.length < 1) return length("queries", "greater than or equal to", 1);
  if (queries.length > 1) return length("queries", "less than or equal to", 1);
  const query = queries[0];
  if (!isObject(query) || query.type !== "TEXT") return enumValue(isObject(query) ? query.type : query, "queries.1.member.type", "TEXT");
  if (!isObject(query.textQuery) || typeof query.textQuery.text !== "string" || query.textQuery.text === "") return length("queries.1.member.textQuery.text", "greater than or equal to", 1);
  if (sources === undefined) return notNull("sources");
  if (!Array.isArray(sources) || sources.length < 1) return length("sources", "greater than or equal to", 1);
  if (sources.length > 1000) return length("sources", "less than or equal to", 1000);
  for (const [i, source] of sources.entries()) {
    const at = `sources.${i + 1}.member`;
    if (!isObject(source) || source.type !== "INLINE") return enumValue(isObject(source) ? source.type : source, `${at}.type`, "INLINE");
    const document = source.inlineDocumentSource;
    if (!isObject(document)) return notNull(`${at}.inlineDocumentSource`);
    if (document.type !== "TEXT" && document.type !== "JSON") return enumValue(document.type, `${at}.inlineDocumentSource.type`, "TEXT, JSON");
    const text = documentText(document);
    if (text === undefined || text === "") return length(`${at}.inlineDocumentSource.textDocument.text`, "greater than or equal to", 1);
    if (text.length > 32000) return length(`${at}.inlineDocumentSource.textDocument.text`, "less than or equal to", 32000);
  }
  if (config === undefined) return notNull("rerankingConfiguration");
  if (!isObject(config) || config.type !== "BEDROCK_RERANKING_MODEL") return enumValue(isObject(config) ? config.type : config, "rerankingConfiguration.type", "BEDROCK_RERANKING_MODEL");
  const bedrock = config.bedrockRerankingConfiguration;
  if (!isObject(bedrock)) return notNull("rerankingConfiguration.bedrockRerankingConfiguration");
  const n = bedrock.numberOfResults;
  if (n !== undefined && (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 1000)) {
    return `1 validation error detected: Value '${String(n)}' at 'rerankingConfiguration.bedrockRerankingConfiguration.numberOfResults' failed to satisfy constraint: Member must have value between 1 and 1000`;
  }
  const model = bedrock.modelConfiguration;
  if (!isObject(model) || model.modelArn === undefined) return notNull("rerankingConfiguration.bedrockRerankingConfiguration.modelConfiguration.modelArn");
  const id = typeof model.modelArn === "string" ? namedModel(model.modelArn) : undefined;
  // The emulator's own wording: no public capture shows Bedrock's for a non-rerank model here.
  if (!id || !(RERANK_MODELS as readonly string[]).includes(id)) return `The provided model ARN is not a reranking model: ${String(model.modelArn)}`;
  return undefined;
}

/** The Rerank answer: sources by relevance to the query, the top `numberOfResults` (all by default), each with its document. */
export function rerankResponse(body: JsonObject): JsonObject {
  const query = ((body.queries as JsonObject[])[0]!.textQuery as JsonObject).text as string;
  const sources = body.sources as JsonObject[];
  const documents = sources.map((s) => s.inlineDocumentSource as JsonObject);
  const n = ((body.rerankingConfiguration as JsonObject).bedrockRerankingConfiguration as JsonObject).numberOfResults as number | undefined;
  const ranked = rerankScores(query, documents.map((d) => documentText(d)!)).slice(0, n ?? documents.length);
  return { results: ranked.map(({ index, relevanceScore }) => ({ index, relevanceScore, document: documents[index]! })) };
}
