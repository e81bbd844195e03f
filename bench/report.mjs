// Renders the results of every section as bench/RESULTS.md: targets first, then one table per section.
import { aiSdkTargets, renderAiSdk } from "./ai-sdk-report.mjs";
import { int, kib, ratio } from "./lib/stats.mjs";

const mib = (bytes) => `${(bytes / 1048576).toFixed(2)} MiB`;
const signedMib = (bytes) => `${bytes >= 0 ? "+" : "−"}${(Math.abs(bytes) / 1048576).toFixed(2)} MiB`;
const fixed = (value, digits = 1) => value.toFixed(digits);
const table = (head, rows) =>
  [`| ${head.join(" | ")} |`, `| ${head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
const mark = (ok) => (ok ? "✅ met" : "❌ missed");

export function renderReport(r) {
  const out = [];
  const m = r.machine;
  out.push("# bedrock-edge benchmarks", "");
  out.push(
    `Written by \`npm run bench\` (bench/run.mjs) on ${m.date.slice(0, 10)}. Every figure is the median of several runs and every`,
    "comparison a ratio taken in the same run (per round, then the median), with the contenders interleaved round by round.",
    "Sizes are in KiB (1,024 bytes).",
    "",
  );
  out.push("**Machine:** " + [m.cpu, m.memory, m.os, `Node ${m.node}`, `load average at start ${m.load}`].join(" · "), "");
  out.push("**Versions:** " + [m.ours, ...Object.entries(m.packages).map(([k, v]) => `${k} ${v}`)].join(" · "), "");

  // Targets.
  const targets = [];
  if (r.size) {
    const a = r.size.rows.find((x) => x.group === "a" && x.ours);
    const b = r.size.rows.find((x) => x.group === "b" && x.ours);
    targets.push(["1a. `BedrockClient` + `converseStream` bundle ≤ 12 KiB gzip", kib(a.gzipped), mark(a.gzipped <= 12 * 1024)]);
    targets.push(["1b. `ChatBedrockConverse` + `stream` + `bindTools` bundle ≤ 20 KiB gzip", kib(b.gzipped), mark(b.gzipped <= 20 * 1024)]);
  }
  if (r.throughput) {
    targets.push(["3. ConverseStream events/s ≥ 3× the AWS SDK", ratio(r.throughput.speedupVsSdk), mark(r.throughput.speedupVsSdk >= 3)]);
    targets.push(["3. within 2× of the floor (CRC + JSON.parse)", `${ratio(r.throughput.oursVsFloor)} the floor's time`, mark(r.throughput.oursVsFloor <= 2)]);
  }
  if (r.heap) {
    const ours = r.heap.find((h) => h.name === "bedrock-edge BedrockRuntime");
    if (ours && !ours.error) {
      const flat = Math.abs(ours.growth) < 1048576;
      targets.push(["3. heap over a 100,000-event stream: flat", `${signedMib(ours.growth)} from 10,000 to 100,000 events`, mark(flat)]);
    }
  }
  if (r.signing) {
    const ours = r.signing.rows.find((x) => x.ours);
    targets.push(["4. signing a 5 MB body ≥ 80% of `crypto.subtle.digest`'s throughput", `${(100 * ours.largeVsFloor).toFixed(0)}%`, mark(ours.largeVsFloor >= 0.8)]);
  }
  targets.push(...aiSdkTargets(r));
  out.push("## Targets", "", table(["target", "measured", ""], targets), "");

  if (r.size) {
    const s = r.size;
    out.push("## 1. Bundle size", "");
    out.push("esbuild, `platform: \"browser\"`, ESM, minified, then gzip -9. Each entry imports the client and calls the API (`bench/size.mjs`), so tree shaking keeps what that call needs.", "");
    // Our rows say how they changed against the last full run (bench/sizes.json): growth is never silent.
    const change = (x) => {
      if (!x.previous) return "";
      const d = x.gzipped - x.previous.gzipped;
      return `${d >= 0 ? "+" : "−"}${kib(Math.abs(d))} (${d >= 0 ? "+" : "−"}${Math.abs((100 * d) / x.previous.gzipped).toFixed(1)} %) since ${x.previous.from}`;
    };
    const rows = (group) =>
      s.rows
        .filter((x) => x.group === group)
        .map((x) => [x.name, x.error ? "—" : kib(x.minified), x.error ? `cannot be bundled for the browser: \`${x.error}\`` : kib(x.gzipped), x.error ? "" : change(x)]);
    const head = ["entry", "minified", "gzip", "gzip change"];
    out.push("**(a) a client with ConverseStream**", "", table(head, rows("a")), "");
    out.push("**(b) a LangChain-style chat model with streaming and tools**", "", table(head, rows("b")), "");
    out.push("**(c) bedrock-edge/langchain on top of @langchain/core** (workerd/worker/browser conditions)", "", table(head, rows("c")), "");
    out.push("Why our rows grew, piece by piece: [README.md, “What grew, and why”](README.md#what-grew-and-why).", "");
    out.push("**Where (a)'s bytes come from** (each piece bundled alone, so shared code counts in every row):", "");
    out.push(table(["piece", "minified", "gzip"], s.parts.map((p) => [p.name, kib(p.minified), kib(p.gzipped)])), "");
  }

  if (r.cold) {
    const c = r.cold;
    out.push("## 2. Cold start", "");
    out.push(
      "Import the bundle and build the first signed Converse request (the transport records the Authorization header and stops).",
      `Node: a fresh process per run, timed inside it from just before \`import()\` of the minified bundle (platform node). workerd ${c.workerdVersion}: a fresh workerd per run, timed from spawn to the worker's first answer, minus the same harness with no client (the baseline row), per round.`,
      "",
    );
    out.push(
      table(
        ["bundle", "Node", "workerd (spawn → answer)", "workerd, net of baseline"],
        c.rows.map((x) => [x.name, `${fixed(x.nodeMs)} ms`, `${fixed(x.workerdMs)} ms`, x.name === "baseline" ? "—" : `${fixed(x.workerdNetMs)} ms`]),
      ),
      "",
    );
    out.push(`AWS SDK ÷ bedrock-edge: **${ratio(c.nodeSdkOverOurs)}** in Node, **${ratio(c.workerdSdkOverOurs)}** in workerd (net).`, "");
  }

  if (r.throughput) {
    const t = r.throughput;
    out.push("## 3. Streaming throughput", "");
    out.push(
      `A ${int(10000)}-event text reply (${kib(t.bytes)} of real event-stream frames with Bedrock's \`p\` padding, encoded by \`dist/event-stream/encode.js\`) served by an in-process \`fetch\` in ${int(t.chunks)} chunks of random size from 1 to 4,096 bytes, the same chunks for every client. Each client runs in its own process (no shared heap or JIT), rounds interleaved, ${t.runs} rounds after warm-up. The AWS SDK gets its own \`FetchHttpHandler\` with that fetch; LangChain gets an AWS SDK client built the same way; the AI SDK gets the fetch as its \`fetch\` option. The × floor column divides each stream's time by the floor's, run in the same process right after it.`,
      "",
    );
    out.push(
      table(
        ["contender", "time per stream", "events/s", "bedrock-edge is faster by", "× floor's time"],
        t.rows.map((x) => [x.name, `${fixed(x.ms)} ms`, int(x.eventsPerSecond), /^(floor|reference)/.test(x.name) ? "—" : ratio(x.oursSpeedup), ratio(x.vsFloor)]),
      ),
      "",
    );
  }

  if (r.heap) {
    out.push("**Heap over a 100,000-event stream**, consumed without keeping anything (`node --expose-gc`, heap used after a full GC every 10,000 events, after one warm-up stream):", "");
    out.push(
      table(
        ["client", "after 10,000", "after 100,000", "largest sample", "growth"],
        r.heap.map((h) => (h.error ? [h.name, "—", "—", "—", h.error] : [h.name, mib(h.first), mib(h.last), mib(h.max), signedMib(h.growth)])),
      ),
      "",
    );
  }

  if (r.signing) {
    const g = r.signing;
    out.push("## 4. Signing", "");
    out.push(
      `SigV4 for \`POST /model/…/converse\` with a ${int(g.smallBytes)}-byte Converse body (mean of ${g.batch} signatures per round) and with a ${mib(g.largeBytes)} random body (an image upload), ${g.runs} interleaved rounds. The floor is \`crypto.subtle.digest("SHA-256")\` of the same bytes. The AWS SDK row is \`SignatureV4\` with the SDK's Node hash (\`node:crypto\`, synchronous and native, so it can beat WebCrypto's floor); aws4fetch's \`AwsV4Signer\` shares one signing-key cache across requests, as \`AwsClient\` does.`,
      "",
    );
    out.push(
      table(
        ["signer", "2 KB request", "× floor", "5 MB body", "MB/s", "share of floor's throughput"],
        g.rows.map((x) => [x.name, `${fixed(x.smallMicros)} µs`, ratio(x.smallVsFloor), `${fixed(x.largeMs, 2)} ms`, fixed(x.largeMBps, 0), `${(100 * x.largeVsFloor).toFixed(0)}%`]),
      ),
      "",
    );
  }

  if (r.loopback) {
    const l = r.loopback;
    out.push("## 5. End to end over loopback", "");
    out.push(
      `The emulator (\`dist/testing/node.js\` \`startEmulator\`, in its own process, SigV4 checked on every request) streams the same ${int(l.events)}-event reply, one frame per write, to real HTTP requests on 127.0.0.1. Time to first token is until the first text delta reaches the caller; time to last token until the stream ends. ${l.runs} interleaved rounds. The AWS SDK uses its HTTP/1.1 \`NodeHttpHandler\` (the emulator does not speak HTTP/2); the AI SDK and bedrock-edge use Node's fetch.`,
      "",
    );
    out.push(
      table(
        ["client", "first token", "last token", "first ÷ ours", "last ÷ ours"],
        l.rows.map((x) => [x.name, `${fixed(x.firstMs, 2)} ms`, `${fixed(x.lastMs)} ms`, ratio(x.firstVsOurs), ratio(x.lastVsOurs)]),
      ),
      "",
    );
  }

  out.push(...renderAiSdk(r));
  out.push("How each figure is taken, and why it is what it is: [README.md](README.md).", "");
  if (r.errors?.length) out.push("## Sections that failed", "", ...r.errors.map((e) => `- ${e}`), "");
  return out.join("\n");
}
