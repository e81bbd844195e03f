// Runs `fn` over `items` in batches of `size`, at most `limit` at once, the results flattened in input order.

export async function mapBatches<T, R>(items: readonly T[], size: number, limit: number, fn: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  const results: R[][] = new Array(batches.length);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const index = next++;
      try {
        results[index] = await fn(batches[index]!);
      } catch (error) {
        next = batches.length; // no new calls once one has failed
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, batches.length) }, worker));
  return results.flat();
}
