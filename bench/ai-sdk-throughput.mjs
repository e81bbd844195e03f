// Section: events per second of a 10,000-event reply through `ai` streamText (and the provider's doStream alone), ours against @ai-sdk/amazon-bedrock.
import { fileURLToPath } from "node:url";
import { startChild } from "./lib/child.mjs";
import { median, roundRobin } from "./lib/stats.mjs";
import { EVENTS } from "./throughput.mjs";

const WORKER = fileURLToPath(new URL("./workers/ai-sdk-throughput.mjs", import.meta.url));

export const AI_SDK_CONTENDERS = [
  { name: "ai streamText + bedrock-edge/ai-sdk", provider: "ours", kind: "streamText" },
  { name: "ai streamText + @ai-sdk/amazon-bedrock", provider: "theirs", kind: "streamText" },
  { name: "ai streamText + bedrock-edge/ai-sdk, coalesceDeltas off", provider: "ours", kind: "streamText-per-event" },
  { name: "bedrock-edge/ai-sdk doStream", provider: "ours", kind: "doStream" },
  { name: "@ai-sdk/amazon-bedrock doStream", provider: "theirs", kind: "doStream" },
];

/**
 * The same bytes and chunks as the throughput section (its reply, seed and chunking), each
 * contender in its own process, rounds interleaved; ratios per round, then the median.
 */
export async function runAiSdkThroughput({ runs = 15, warmup = 5, seed = 7 } = {}) {
  const names = AI_SDK_CONTENDERS.map((c) => c.name);
  const children = new Map(AI_SDK_CONTENDERS.map((c) => [c.name, startChild(WORKER, [c.provider, EVENTS, seed, c.kind])]));
  const items = {};
  try {
    const times = await roundRobin(
      names,
      runs,
      async (name) => {
        const reply = await children.get(name).call({ run: true });
        items[name] = reply.items;
        return reply.ms;
      },
      warmup,
    );
    const perRound = (slow, fast) => median(times.get(slow).map((t, i) => t / times.get(fast)[i]));
    const rows = AI_SDK_CONTENDERS.map((c) => {
      const ms = median(times.get(c.name));
      return { ...c, ms, items: items[c.name], eventsPerSecond: EVENTS / (ms / 1000) };
    });
    return {
      rows,
      runs,
      streamTextSpeedup: perRound(names[1], names[0]),
      perEventSpeedup: perRound(names[1], names[2]),
      doStreamSpeedup: perRound(names[4], names[3]),
    };
  } finally {
    for (const child of children.values()) child.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runAiSdkThroughput({ runs: Number(process.argv[2] ?? 9), warmup: 3 });
  for (const r of result.rows) console.log(r.name.padEnd(42), r.ms.toFixed(1).padStart(7), "ms", Math.round(r.eventsPerSecond).toString().padStart(8), "ev/s", r.items, "items");
  console.log("streamText: ours ×", result.streamTextSpeedup.toFixed(2), " per event ×", result.perEventSpeedup.toFixed(2), " doStream: ours ×", result.doStreamSpeedup.toFixed(2));
}
