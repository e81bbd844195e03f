// Runs one call per input with bounded concurrency, keeping the input order (LangChain's `batch`).
import { BedrockInputError } from "../../errors/index.js";

export interface BatchOptions {
  /** Largest number of calls in flight (default: all at once). */
  maxConcurrency?: number;
  /** Resolve with the error in place of a failed item instead of rejecting the batch. */
  returnExceptions?: boolean;
}

/**
 * Calls `run` for every input, at most `maxConcurrency` at a time, and resolves with the results
 * in input order. Without `returnExceptions` the first failure rejects the batch, as LangChain's
 * default does, and no further calls start (calls already in flight finish on their own).
 * @example
 * await runBatch(["a", "b", "c"], (text) => model.invoke(text), { maxConcurrency: 2 });
 */
export async function runBatch<I, O>(
  inputs: readonly I[],
  run: (input: I, index: number) => Promise<O>,
  options: BatchOptions & { returnExceptions: true },
): Promise<Array<O | Error>>;
export async function runBatch<I, O>(inputs: readonly I[], run: (input: I, index: number) => Promise<O>, options?: BatchOptions): Promise<O[]>;
export async function runBatch<I, O>(
  inputs: readonly I[],
  run: (input: I, index: number) => Promise<O>,
  options: BatchOptions = {},
): Promise<Array<O | Error>> {
  if (!Array.isArray(inputs)) throw new BedrockInputError("batch inputs must be an array");
  const limit = options.maxConcurrency ?? Infinity;
  if (!(limit >= 1)) throw new BedrockInputError(`maxConcurrency must be a positive integer, got ${String(limit)}`);
  const results = new Array<O | Error>(inputs.length);
  let next = 0;
  let failed = false;

  async function worker(): Promise<void> {
    while (!failed && next < inputs.length) {
      const index = next++;
      try {
        results[index] = await run(inputs[index]!, index);
      } catch (error) {
        if (!options.returnExceptions) {
          failed = true;
          throw error;
        }
        results[index] = error instanceof Error ? error : new Error(String(error));
      }
    }
  }

  const workers = Array.from({ length: Math.min(limit, inputs.length) }, () => worker());
  await Promise.all(workers);
  return results;
}
