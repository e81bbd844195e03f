// Section 5: end to end over loopback — time to first and last token for the same stream from the emulator.
import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { EMULATOR_CREDENTIALS } from "../dist/testing/node.js";
import { contenders } from "./lib/clients.mjs";
import { median, roundRobin } from "./lib/stats.mjs";

const EMULATOR = fileURLToPath(new URL("./workers/emulator.mjs", import.meta.url));

/** Sends one request and times the first text delta and the end of the stream. */
async function timeOne(contender, call) {
  const start = performance.now();
  let first;
  let items = 0;
  for await (const item of await call()) {
    items++;
    if (first === undefined && contender.text(item)) first = performance.now() - start;
  }
  return { first, last: performance.now() - start, items };
}

/**
 * The emulator runs in its own process (so serving does not steal the clients' event loop)
 * and streams the same reply, one frame per write, with Bedrock's padding. Each client makes
 * real HTTP requests to it; rounds are interleaved; medians and per-round ratios to ours.
 */
export async function runLoopback({ events = 2000, runs = 9, warmup = 2 } = {}) {
  const child = fork(EMULATOR, [String(events)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const [{ url }] = await once(child, "message");
  try {
    const list = contenders({ endpoint: url }, EMULATOR_CREDENTIALS);
    const calls = new Map(list.map((c) => [c, c.create()]));
    const seen = {};
    const results = await roundRobin(
      list,
      runs,
      async (c) => {
        const r = await timeOne(c, calls.get(c));
        seen[c.name] = r.items;
        if (r.first === undefined) throw new Error(`${c.name} yielded no text over loopback`);
        return r;
      },
      warmup,
    );
    const ours = list.find((c) => c.ours && !c.chat);
    const perRound = (c, key) => median(results.get(c).map((r, i) => r[key] / results.get(ours)[i][key]));
    return {
      events,
      runs,
      rows: list.map((c) => ({
        name: c.name,
        items: seen[c.name],
        firstMs: median(results.get(c).map((r) => r.first)),
        lastMs: median(results.get(c).map((r) => r.last)),
        firstVsOurs: perRound(c, "first"),
        lastVsOurs: perRound(c, "last"),
      })),
    };
  } finally {
    child.disconnect();
    if (child.exitCode === null) await once(child, "exit");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runLoopback({ runs: Number(process.argv[2] ?? 5) });
  for (const r of result.rows) console.log(r.name.padEnd(42), r.firstMs.toFixed(2), r.lastMs.toFixed(1), r.firstVsOurs.toFixed(2), r.lastVsOurs.toFixed(2), r.items);
}
