// The part of the Vectorize binding this Worker uses, in the shapes of @cloudflare/workers-types' `Vectorize`
// (the V2 index: mutations answer `{ mutationId }`), and the limits Cloudflare documents for it.
//
// Declared here rather than imported so the example compiles without the global Workers types (which
// clash with the DOM lib); `env.VECTORIZE` on Cloudflare is the full `Vectorize` class, a superset.

export type VectorizeMetadataValue = string | number | boolean | string[];
export type VectorizeMetadata = Record<string, VectorizeMetadataValue | Record<string, VectorizeMetadataValue>>;

export interface VectorizeVector {
  id: string;
  values: number[] | Float32Array | Float64Array;
  namespace?: string;
  metadata?: VectorizeMetadata;
}

export interface VectorizeMatch {
  id: string;
  /** For a cosine index: the cosine similarity, higher is closer. */
  score: number;
  values?: number[];
  namespace?: string;
  metadata?: VectorizeMetadata;
}

export interface VectorizeMatches {
  matches: VectorizeMatch[];
  count: number;
}

type FilterValue = string | number | boolean | null;
export type VectorizeFilter = Record<
  string,
  FilterValue | { $eq?: FilterValue; $ne?: FilterValue; $lt?: FilterValue; $lte?: FilterValue; $gt?: FilterValue; $gte?: FilterValue } | { $in?: FilterValue[]; $nin?: FilterValue[] }
>;

export interface VectorizeQueryOptions {
  /** Default 5. */
  topK?: number;
  namespace?: string;
  returnValues?: boolean;
  /** Default "none". `true`/`false` are the V1 spellings of "all"/"none". */
  returnMetadata?: boolean | "all" | "indexed" | "none";
  filter?: VectorizeFilter;
}

export interface VectorizeIndex {
  query(vector: number[] | Float32Array | Float64Array, options?: VectorizeQueryOptions): Promise<VectorizeMatches>;
  upsert(vectors: VectorizeVector[]): Promise<{ mutationId: string }>;
  getByIds(ids: string[]): Promise<VectorizeVector[]>;
  deleteByIds(ids: string[]): Promise<{ mutationId: string }>;
}

/**
 * Cloudflare's Vectorize limits (https://developers.cloudflare.com/vectorize/platform/limits/ and the
 * Workers API page, https://developers.cloudflare.com/vectorize/reference/client-api/): IDs up to 64
 * bytes, metadata up to 10 KiB per vector, 1,000 vectors per upsert from a Worker, at most 1,536
 * dimensions, and topK at most 100, or 20 when the query returns values or all metadata.
 */
export const VECTORIZE_LIMITS = {
  maxIdBytes: 64,
  maxMetadataBytes: 10 * 1024,
  maxUpsertBatch: 1000,
  maxDimensions: 1536,
  maxTopK: 100,
  maxTopKWithValuesOrMetadata: 20,
} as const;
