// POST /ingest: passages embedded as documents and upserted into Vectorize, each vector carrying its text and document in metadata.
import type { BedrockEmbeddings } from "bedrock-edge";
import type { IngestDocument } from "./input.js";
import type { VectorizeIndex, VectorizeVector } from "./vectorize.js";

/** Vector ID of passage `n` of a document: IDs are the join key between Vectorize and citations. */
export const passageId = (docId: string, n: number): string => `${docId}#${n}`;

export interface IngestResult {
  documents: { id: string; passages: number }[];
  mutationId: string;
}

/**
 * Passages a re-ingested document no longer has: its first vector's metadata records how many it had,
 * and upsert only replaces the IDs it is given.
 */
async function stalePassageIds(index: VectorizeIndex, documents: IngestDocument[]): Promise<string[]> {
  const previous = await index.getByIds(documents.map((d) => passageId(d.id, 0)));
  const before = new Map(previous.map((v) => [String(v.metadata?.docId), Number(v.metadata?.chunks) || 0]));
  return documents.flatMap((d) => {
    const old = before.get(d.id) ?? 0;
    return Array.from({ length: Math.max(0, old - d.chunks.length) }, (_, i) => passageId(d.id, d.chunks.length + i));
  });
}

export async function ingest(documents: IngestDocument[], index: VectorizeIndex, embeddings: BedrockEmbeddings, dimensions: number): Promise<IngestResult> {
  const passages = documents.flatMap((d) => d.chunks.map((text, n) => ({ document: d, text, n })));
  // One call per passage for Titan, up to 96 per call for Cohere, 4 at a time: the library batches.
  const values = await embeddings.embedDocuments(passages.map((p) => p.text));
  const wrong = values.find((v) => v.length !== dimensions);
  if (wrong) throw new Error(`The embedding model answered ${wrong.length}-wide vectors; EMBEDDING_DIMENSIONS (the index) is ${dimensions}`);
  const stale = await stalePassageIds(index, documents);
  if (stale.length > 0) await index.deleteByIds(stale);
  const vectors: VectorizeVector[] = passages.map(({ document, text, n }, i) => ({
    id: passageId(document.id, n),
    values: values[i]!,
    metadata: { ...document.metadata, docId: document.id, chunk: n, chunks: document.chunks.length, text },
  }));
  const { mutationId } = await index.upsert(vectors);
  return { documents: documents.map((d) => ({ id: d.id, passages: d.chunks.length })), mutationId };
}
