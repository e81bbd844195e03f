// An in-memory stand-in for a Vectorize index (cosine metric): the binding's methods and shapes, its documented limits, exact search.
//
// Where it differs from Cloudflare's: mutations apply at once (Vectorize applies them asynchronously,
// a few seconds later); search is exact (Vectorize's is approximate); filters need no metadata index;
// "indexed" metadata is the `indexedMetadata` fields, untruncated; error messages are this file's own
// words, not Cloudflare's.
import {
  VECTORIZE_LIMITS,
  type VectorizeFilter,
  type VectorizeMatch,
  type VectorizeMatches,
  type VectorizeMetadata,
  type VectorizeQueryOptions,
  type VectorizeVector,
} from "../src/vectorize.js";

export interface MemoryVectorizeOptions {
  dimensions: number;
  /** Metadata fields returned with `returnMetadata: "indexed"` (Vectorize: the fields with a metadata index). */
  indexedMetadata?: string[];
}

interface Stored {
  id: string;
  values: Float32Array;
  namespace: string | undefined;
  metadata: VectorizeMetadata | undefined;
}

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).byteLength;

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

type Scalar = string | number | boolean | null;

function matchesFilter(metadata: VectorizeMetadata | undefined, filter: VectorizeFilter | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([field, condition]) => {
    const value = (metadata?.[field] ?? null) as Scalar;
    if (condition === null || typeof condition !== "object") return value === condition;
    return Object.entries(condition).every(([op, operand]) => {
      switch (op) {
        case "$eq":
          return value === operand;
        case "$ne":
          return value !== operand;
        case "$in":
          return (operand as Scalar[]).includes(value);
        case "$nin":
          return !(operand as Scalar[]).includes(value);
        case "$lt":
          return value !== null && operand !== null && value < (operand as Scalar)!;
        case "$lte":
          return value !== null && operand !== null && value <= (operand as Scalar)!;
        case "$gt":
          return value !== null && operand !== null && value > (operand as Scalar)!;
        case "$gte":
          return value !== null && operand !== null && value >= (operand as Scalar)!;
        default:
          throw new Error(`Unsupported filter operator ${op}`);
      }
    });
  });
}

export class MemoryVectorize {
  readonly dimensions: number;
  readonly indexedMetadata: readonly string[];
  private readonly vectors = new Map<string, Stored>();
  private mutations = 0;

  constructor(options: MemoryVectorizeOptions) {
    if (!Number.isInteger(options.dimensions) || options.dimensions < 1 || options.dimensions > VECTORIZE_LIMITS.maxDimensions) {
      throw new Error(`dimensions must be an integer from 1 to ${VECTORIZE_LIMITS.maxDimensions}`);
    }
    this.dimensions = options.dimensions;
    this.indexedMetadata = options.indexedMetadata ?? [];
  }

  async describe(): Promise<{ vectorCount: number; dimensions: number; processedUpToDatetime: number; processedUpToMutation: number }> {
    return { vectorCount: this.vectors.size, dimensions: this.dimensions, processedUpToDatetime: Date.now(), processedUpToMutation: this.mutations };
  }

  /** Adds vectors whose IDs are new; existing IDs are left as they are (Vectorize V2's insert). */
  async insert(vectors: VectorizeVector[]): Promise<{ mutationId: string }> {
    const checked = this.check(vectors);
    for (const vector of checked) if (!this.vectors.has(vector.id)) this.vectors.set(vector.id, vector);
    return this.mutation();
  }

  /** Adds or replaces vectors whole (no merge of metadata). */
  async upsert(vectors: VectorizeVector[]): Promise<{ mutationId: string }> {
    for (const vector of this.check(vectors)) this.vectors.set(vector.id, vector);
    return this.mutation();
  }

  async deleteByIds(ids: string[]): Promise<{ mutationId: string }> {
    for (const id of ids) this.vectors.delete(id);
    return this.mutation();
  }

  async getByIds(ids: string[]): Promise<VectorizeVector[]> {
    return ids.flatMap((id) => {
      const stored = this.vectors.get(id);
      return stored ? [this.output(stored, true, "all")] : [];
    });
  }

  async query(vector: number[] | Float32Array | Float64Array, options: VectorizeQueryOptions = {}): Promise<VectorizeMatches> {
    const query = this.values(vector, "the query vector");
    const level = options.returnMetadata === true ? "all" : options.returnMetadata === false || options.returnMetadata === undefined ? "none" : options.returnMetadata;
    const returnValues = options.returnValues === true;
    const topK = options.topK ?? 5;
    const max = returnValues || level === "all" ? VECTORIZE_LIMITS.maxTopKWithValuesOrMetadata : VECTORIZE_LIMITS.maxTopK;
    if (!Number.isInteger(topK) || topK < 1 || topK > max) {
      throw new Error(`topK must be an integer from 1 to ${max}${max === VECTORIZE_LIMITS.maxTopK ? "" : " when the query returns values or all metadata"}, got ${String(topK)}`);
    }
    const scored = [...this.vectors.values()]
      .filter((stored) => (options.namespace === undefined || stored.namespace === options.namespace) && matchesFilter(stored.metadata, options.filter))
      .map((stored) => ({ stored, score: cosine(query, stored.values) }))
      .sort((a, b) => b.score - a.score || (a.stored.id < b.stored.id ? -1 : 1))
      .slice(0, topK);
    const matches: VectorizeMatch[] = scored.map(({ stored, score }) => {
      const { values, ...rest } = this.output(stored, returnValues, level);
      return { ...rest, ...(returnValues ? { values: Array.from(values) } : {}), score };
    });
    return { matches, count: matches.length };
  }

  async queryById(id: string, options?: VectorizeQueryOptions): Promise<VectorizeMatches> {
    const stored = this.vectors.get(id);
    if (!stored) throw new Error(`No vector with id ${JSON.stringify(id)}`);
    return this.query(stored.values, options);
  }

  private mutation(): { mutationId: string } {
    return { mutationId: crypto.randomUUID() };
  }

  private output(stored: Stored, withValues: boolean, level: "all" | "indexed" | "none"): VectorizeVector {
    const metadata =
      level === "all" ? stored.metadata : level === "indexed" && stored.metadata ? Object.fromEntries(Object.entries(stored.metadata).filter(([k]) => this.indexedMetadata.includes(k))) : undefined;
    return {
      id: stored.id,
      values: withValues ? Array.from(stored.values) : [],
      ...(stored.namespace !== undefined ? { namespace: stored.namespace } : {}),
      ...(metadata !== undefined ? { metadata: structuredClone(metadata) } : {}),
    };
  }

  private values(values: unknown, what: string): Float32Array {
    if (!(Array.isArray(values) || values instanceof Float32Array || values instanceof Float64Array)) throw new Error(`${what} must be an array of numbers`);
    if (values.length !== this.dimensions) throw new Error(`${what} has ${values.length} dimensions; the index has ${this.dimensions}`);
    for (const x of values as Iterable<unknown>) if (typeof x !== "number" || !Number.isFinite(x)) throw new Error(`${what} must hold finite numbers`);
    // Vectorize stores 32-bit floats.
    return Float32Array.from(values as ArrayLike<number>);
  }

  private check(vectors: VectorizeVector[]): Stored[] {
    if (!Array.isArray(vectors)) throw new Error("vectors must be an array");
    if (vectors.length > VECTORIZE_LIMITS.maxUpsertBatch) throw new Error(`At most ${VECTORIZE_LIMITS.maxUpsertBatch} vectors per call, got ${vectors.length}`);
    return vectors.map((vector, i) => {
      const id = vector?.id;
      if (typeof id !== "string" || id === "" || bytes(id) > VECTORIZE_LIMITS.maxIdBytes) throw new Error(`vectors[${i}].id must be a string of 1 to ${VECTORIZE_LIMITS.maxIdBytes} bytes`);
      const metadata = vector.metadata;
      if (metadata !== undefined && bytes(JSON.stringify(metadata)) > VECTORIZE_LIMITS.maxMetadataBytes) {
        throw new Error(`vectors[${i}].metadata is over ${VECTORIZE_LIMITS.maxMetadataBytes} bytes`);
      }
      return { id, values: this.values(vector.values, `vectors[${i}].values`), namespace: vector.namespace, metadata: metadata === undefined ? undefined : structuredClone(metadata) };
    });
  }
}
