// POST /ask, first half: the question embedded, the nearest passages from Vectorize, reranked by Bedrock's Rerank into the few the model will read.
import { rerank, type BedrockRuntime, type BedrockEmbeddings } from "bedrock-edge";
import type { VectorizeIndex } from "./vectorize.js";

/** Passages handed to the model: reranking exists so these few are the right few. */
export const PASSAGES_FOR_ANSWER = 4;

export interface Passage {
  /** The number the model cites it by: 1 is the reranker's best. */
  n: number;
  /** Vector ID (`<docId>#<passage>`). */
  id: string;
  docId: string;
  text: string;
  /** Cosine similarity from Vectorize. */
  score: number;
  /** Rerank's relevance score. */
  relevanceScore: number;
}

export interface RetrieveDeps {
  index: VectorizeIndex;
  embeddings: BedrockEmbeddings;
  runtime: BedrockRuntime;
  rerankModelArn: string;
}

export async function retrieve(question: string, topK: number, deps: RetrieveDeps): Promise<Passage[]> {
  const vector = await deps.embeddings.embedQuery(question);
  // "all": the passage text lives in unindexed metadata; it caps topK at 20 (input.ts enforces it).
  const { matches } = await deps.index.query(vector, { topK, returnMetadata: "all" });
  const candidates = matches.flatMap((m) =>
    typeof m.metadata?.text === "string" && m.metadata.text !== "" ? [{ id: m.id, docId: String(m.metadata.docId ?? m.id), text: m.metadata.text, score: m.score }] : [],
  );
  if (candidates.length === 0) return [];
  const { results } = await rerank(deps.runtime.client, {
    queries: [{ type: "TEXT", textQuery: { text: question } }],
    sources: candidates.map((c) => ({ type: "INLINE", inlineDocumentSource: { type: "TEXT", textDocument: { text: c.text } } })),
    rerankingConfiguration: {
      type: "BEDROCK_RERANKING_MODEL",
      bedrockRerankingConfiguration: { numberOfResults: Math.min(PASSAGES_FOR_ANSWER, candidates.length), modelConfiguration: { modelArn: deps.rerankModelArn } },
    },
  });
  // Indexes come from the wire: keep only those that name a candidate, each once.
  const seen = new Set<number>();
  const ranked = (results ?? []).filter((r) => Number.isInteger(r.index) && r.index! >= 0 && r.index! < candidates.length && !seen.has(r.index!) && seen.add(r.index!));
  return ranked.slice(0, PASSAGES_FOR_ANSWER).map((r, i) => ({ n: i + 1, ...candidates[r.index!]!, relevanceScore: r.relevanceScore ?? 0 }));
}
