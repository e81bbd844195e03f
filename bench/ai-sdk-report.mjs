// Renders the AI SDK sections (provider bundle size, streamText throughput) for bench/RESULTS.md.
import { int, kib, ratio } from "./lib/stats.mjs";

const table = (head, rows) =>
  [`| ${head.join(" | ")} |`, `| ${head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
const mark = (ok) => (ok ? "✅ met" : "❌ missed");

/** Rows for the targets table. */
export function aiSdkTargets(r) {
  const rows = [];
  if (r.aiSdkSize) {
    rows.push(["6. `bedrock-edge/ai-sdk` provider ≤ ¼ of `@ai-sdk/amazon-bedrock` gzip", `${(100 * r.aiSdkSize.providerShare).toFixed(0)}% of its size`, mark(r.aiSdkSize.providerShare <= 0.25)]);
  }
  if (r.aiSdkThroughput) {
    rows.push(["6. `streamText` events/s over ours ≥ 1.5× over `@ai-sdk/amazon-bedrock`", ratio(r.aiSdkThroughput.streamTextSpeedup), mark(r.aiSdkThroughput.streamTextSpeedup >= 1.5)]);
  }
  return rows;
}

/** The section's Markdown lines. */
export function renderAiSdk(r) {
  const out = [];
  if (!r.aiSdkSize && !r.aiSdkThroughput) return out;
  out.push("## 6. Vercel AI SDK provider", "");
  if (r.aiSdkSize) {
    out.push(
      "Bundle size as in section 1 (esbuild browser ESM, minified, gzip -9; `bench/ai-sdk-size.mjs`). The provider rows call `doStream`; the `ai` rows build `streamText` with tools and answer with `toUIMessageStreamResponse()`.",
      "",
      table(["entry", "minified", "gzip"], r.aiSdkSize.rows.map((x) => [x.name, kib(x.minified), kib(x.gzipped)])),
      "",
    );
  }
  if (r.aiSdkThroughput) {
    const t = r.aiSdkThroughput;
    out.push(
      `The 10,000-event reply and chunks of section 3, through \`ai\` \`streamText(...).fullStream\` and through the provider's own \`doStream\`; each contender in its own process, ${t.runs} interleaved rounds after warm-up (\`bench/ai-sdk-throughput.mjs\`). By default bedrock-edge joins deltas of one block that are already decoded into one part (\`coalesceDeltas\`); the "off" row gives one part per Bedrock event, as @ai-sdk/amazon-bedrock does. An in-process fetch has every byte in hand at once, so there the joining is at its most effective; over a network it joins what one socket read brought.`,
      "",
      table(
        ["contender", "time", "events/s", "stream parts"],
        t.rows.map((x) => [x.name, `${x.ms.toFixed(1)} ms`, int(x.eventsPerSecond), int(x.items)]),
      ),
      "",
      `streamText over ours ÷ over theirs: **${ratio(t.streamTextSpeedup)}** (coalescing off: ${ratio(t.perEventSpeedup)}); doStream alone: **${ratio(t.doStreamSpeedup)}**.`,
      "",
    );
  }
  return out;
}
