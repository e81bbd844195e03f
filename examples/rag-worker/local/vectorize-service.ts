// The Vectorize stand-in as a Worker of its own: bound to the RAG Worker as a service named VECTORIZE, so
// `env.VECTORIZE.query(...)` is an RPC call across a binding, as on Cloudflare (arguments and answers are
// copied, every call is async), and the Worker under test is the same bundle that deploys.
import { WorkerEntrypoint } from "cloudflare:workers";
import type { VectorizeQueryOptions, VectorizeVector } from "../src/vectorize.js";
import { MemoryVectorize } from "./memory-vectorize.js";

interface StandInEnv {
  /** The index's dimensions (as `wrangler vectorize create --dimensions`). */
  DIMENSIONS: string;
}

// One index per workerd process: module state lives as long as the isolate, which serves every request.
let index: MemoryVectorize | undefined;
const indexFor = (env: StandInEnv) => (index ??= new MemoryVectorize({ dimensions: Number(env.DIMENSIONS) }));

export default class VectorizeStandIn extends WorkerEntrypoint<StandInEnv> {
  describe() {
    return indexFor(this.env).describe();
  }
  query(vector: number[], options?: VectorizeQueryOptions) {
    return indexFor(this.env).query(vector, options);
  }
  queryById(id: string, options?: VectorizeQueryOptions) {
    return indexFor(this.env).queryById(id, options);
  }
  insert(vectors: VectorizeVector[]) {
    return indexFor(this.env).insert(vectors);
  }
  upsert(vectors: VectorizeVector[]) {
    return indexFor(this.env).upsert(vectors);
  }
  getByIds(ids: string[]) {
    return indexFor(this.env).getByIds(ids);
  }
  deleteByIds(ids: string[]) {
    return indexFor(this.env).deleteByIds(ids);
  }
}
