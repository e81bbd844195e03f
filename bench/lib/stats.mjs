// Small statistics and formatting helpers shared by the bench sections.

/** Median of a list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `runs` times (after `warmup` unrecorded runs) and returns every result. */
export async function repeat(runs, fn, warmup = 0) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await fn(i));
  return out;
}

/** Interleaves the contenders round by round, so drift (thermal, GC, JIT) hits all alike. */
export async function roundRobin(contenders, runs, measure, warmup = 1) {
  const results = new Map(contenders.map((c) => [c, []]));
  for (let round = -warmup; round < runs; round++) {
    for (const c of contenders) {
      const value = await measure(c, round);
      if (round >= 0) results.get(c).push(value);
    }
  }
  return results;
}

export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
export const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)) + " ms";
export const us = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1)) + " µs";
export const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "—");
export const int = (value) => Math.round(value).toLocaleString("en-US");

/** Milliseconds from a high-resolution clock. */
export const now = () => performance.now();
