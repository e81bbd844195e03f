// `npm run bench`: runs every section against the peers and writes bench/RESULTS.md.
// Flags: --quick (fewer rounds, for a smoke test), --only=size,cold,throughput,heap,signing,loopback,aiSdkSize,aiSdkThroughput, --out=FILE.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runAiSdkSize } from "./ai-sdk-size.mjs";
import { runAiSdkThroughput } from "./ai-sdk-throughput.mjs";
import { runColdStart } from "./cold-start.mjs";
import { runHeap } from "./heap.mjs";
import { machine } from "./lib/machine.mjs";
import { runLoopback } from "./loopback.mjs";
import { renderReport } from "./report.mjs";
import { runSigning } from "./signing.mjs";
import { runSize, saveSizes } from "./size.mjs";
import { runThroughput } from "./throughput.mjs";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.find((a) => a.startsWith("--only="))?.slice(7).split(",");
const out = args.find((a) => a.startsWith("--out="))?.slice(6) ?? fileURLToPath(new URL("./RESULTS.md", import.meta.url));

const SECTIONS = [
  ["size", () => runSize()],
  ["cold", () => runColdStart(quick ? { runs: 3 } : { runs: 9 })],
  ["throughput", () => runThroughput(quick ? { runs: 3, warmup: 2 } : { runs: 21, warmup: 5 })],
  ["heap", () => runHeap(quick ? { events: 20_000, every: 5_000 } : {})],
  ["signing", () => runSigning(quick ? { runs: 3, warmup: 1, batch: 50 } : { runs: 15, warmup: 3, batch: 200 })],
  ["loopback", () => runLoopback(quick ? { runs: 3, warmup: 1 } : { runs: 9, warmup: 2 })],
  ["aiSdkSize", () => runAiSdkSize()],
  ["aiSdkThroughput", () => runAiSdkThroughput(quick ? { runs: 3, warmup: 1 } : { runs: 15, warmup: 3 })],
];

const results = { machine: machine(), errors: [] };
const started = performance.now();
for (const [name, run] of SECTIONS) {
  if (only && !only.includes(name)) continue;
  const t = performance.now();
  process.stdout.write(`bench: ${name} … `);
  try {
    results[name] = await run();
    console.log(`${((performance.now() - t) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.log("failed");
    console.error(error);
    results.errors.push(`${name}: ${String(error?.message ?? error).split("\n")[0]}`);
  }
}
writeFileSync(out, renderReport(results) + "\n");
if (results.size && !quick && !args.some((a) => a.startsWith("--out="))) saveSizes(results.size, results.machine.date.slice(0, 10));
// The raw figures too, for anyone re-rendering or comparing runs (git-ignored).
mkdirSync(new URL("./.tmp/", import.meta.url), { recursive: true });
writeFileSync(new URL("./.tmp/last-results.json", import.meta.url), JSON.stringify(results, null, 2));
console.log(`bench: wrote ${out} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (results.errors.length > 0) process.exitCode = 1;
