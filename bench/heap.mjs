// Section 3, second part: heap growth over a 100,000-event stream consumed without keeping anything.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { contenders } from "./lib/clients.mjs";

const WORKER = fileURLToPath(new URL("./workers/heap.mjs", import.meta.url));

/** Each contender in its own `node --expose-gc` process; heapUsed after a full GC every `every` items. */
export function runHeap({ events = 100_000, every = 10_000, names } = {}) {
  const list = contenders({ fetch }, {}).filter((c) => (names ? names.includes(c.name) : c.ours || c.sdk));
  return list.map((c) => {
    const result = spawnSync(process.execPath, ["--expose-gc", WORKER, c.name, String(events), String(every)], { encoding: "utf8", timeout: 300_000 });
    if (result.status !== 0) return { name: c.name, error: result.stderr.split("\n").find((l) => l.trim()) ?? `exit ${result.status}` };
    const run = JSON.parse(result.stdout);
    const heaps = run.samples.map((s) => s.heap);
    // Growth from the first sample (after `every` items) to the last: flat means near zero.
    return { ...run, first: heaps[0], last: heaps.at(-1), max: Math.max(...heaps), growth: heaps.at(-1) - heaps[0] };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of runHeap()) console.log(row.name, row.error ?? `${row.items} items, ${(row.first / 1048576).toFixed(2)} → ${(row.last / 1048576).toFixed(2)} MiB (max ${(row.max / 1048576).toFixed(2)}), ${row.ms.toFixed(0)} ms`);
}
