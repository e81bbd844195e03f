// Section 3: events per second through each client's ConverseStream API, fed by an in-process fetch.
import { fileURLToPath } from "node:url";
import { startChild } from "./lib/child.mjs";
import { contenders } from "./lib/clients.mjs";
import { median, roundRobin } from "./lib/stats.mjs";

export const EVENTS = 10_000;
const WORKER = fileURLToPath(new URL("./workers/throughput.mjs", import.meta.url));
export const FLOOR = "floor: CRC + JSON.parse per frame";
/** Not a client: the same fetch and chunks, one async-generator step per event, no decoding at all. */
export const ITERATION = "reference: fetch body reads + one async step per event, no decoding";

/**
 * Every contender consumes the same 10,000-event reply, cut into the same random 1–4,096-byte
 * chunks. Each lives in its own process (no shared heap or JIT state) and the rounds are
 * interleaved, so machine load drifts over all alike. Ratios are taken per round, then the
 * median; the ratio to the floor uses the floor timed in the contender's process right after.
 */
export async function runThroughput({ runs = 15, warmup = 5, seed = 7 } = {}) {
  const names = [FLOOR, ITERATION, ...contenders({ fetch }, {}).map((c) => c.name)];
  const meta = Object.fromEntries(contenders({ fetch }, {}).map((c) => [c.name, c]));
  const children = new Map(names.map((name) => [name, startChild(WORKER, [name === FLOOR ? "floor" : name === ITERATION ? "iteration" : name, EVENTS, seed])]));
  const info = {};
  try {
    const floorTimes = new Map(names.map((name) => [name, []]));
    const times = await roundRobin(
      names,
      runs,
      async (name, round) => {
        const reply = await children.get(name).call({ run: true });
        info[name] = reply;
        if (round >= 0) floorTimes.get(name).push(reply.floorMs);
        return reply.ms;
      },
      warmup,
    );
    const ours = names.find((n) => meta[n]?.ours && !meta[n]?.chat);
    const sdk = names.find((n) => meta[n]?.sdk);
    const perRound = (a, b) => median(times.get(a).map((t, i) => t / times.get(b)[i]));
    // Against the floor run in the same process right after each stream.
    const vsFloor = (name) => median(times.get(name).map((t, i) => t / floorTimes.get(name)[i]));
    const rows = names.map((name) => {
      const ms = median(times.get(name));
      return {
        name,
        items: info[name].items,
        ms,
        eventsPerSecond: EVENTS / (ms / 1000),
        oursSpeedup: name === ours ? 1 : perRound(name, ours),
        vsFloor: name === FLOOR ? 1 : vsFloor(name),
      };
    });
    return {
      rows,
      iterationVsFloor: vsFloor(ITERATION),
      bytes: info[FLOOR].bytes,
      chunks: info[FLOOR].chunks,
      runs,
      speedupVsSdk: perRound(sdk, ours),
      oursVsFloor: vsFloor(ours),
    };
  } finally {
    for (const child of children.values()) child.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runThroughput({ runs: Number(process.argv[2] ?? 9) });
  console.log(`${result.bytes} bytes in ${result.chunks} chunks`);
  for (const r of result.rows) {
    console.log(r.name.padEnd(42), r.ms.toFixed(1).padStart(7), "ms", Math.round(r.eventsPerSecond).toString().padStart(8), "ev/s", "ours ×" + r.oursSpeedup.toFixed(2), "floor ×" + r.vsFloor.toFixed(2), r.items);
  }
  console.log("speedup vs SDK", result.speedupVsSdk.toFixed(2), "ours vs floor", result.oursVsFloor.toFixed(2));
}
