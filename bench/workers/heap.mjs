// Child process (run with --expose-gc) for section 3's heap check: one long stream, heap sampled after GC.
import { contenders } from "../lib/clients.mjs";
import { longReplyFetch } from "../lib/stream-body.mjs";

const [name, count, every] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
if (typeof globalThis.gc !== "function") throw new Error("run with --expose-gc");

const contender = contenders({ fetch: longReplyFetch(count) }, CREDENTIALS).find((c) => c.name === name);
const call = contender.create();
// One short warm-up stream first, so lazily loaded code and JIT state are not counted as growth.
await (async () => {
  const warm = contenders({ fetch: longReplyFetch(2000) }, CREDENTIALS).find((c) => c.name === name).create();
  for await (const _ of await warm());
})();
const heap = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const samples = [];
let items = 0;
const start = performance.now();
for await (const _ of await call()) {
  // Nothing is kept: each item is dropped as soon as it has been counted.
  if (++items % every === 0) samples.push({ items, heap: heap() });
}
samples.push({ items, heap: heap() });
process.stdout.write(JSON.stringify({ name, items, ms: performance.now() - start, samples }));
