// Section 1: browser bundle size (esbuild, platform browser, ESM, minified, then gzip -9) of each client's entry.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { ourEntries } from "./lib/our-entries.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
// Ours, shared with the size-budget test (test/size/), which pins each of them.
const OURS = ourEntries(root).map((e) => ({ ...e, ours: true }));

// Each entry imports what an app would and calls the API, so tree shaking keeps exactly what the call needs.
// Ours is bundled from dist/ (what npm ships), through the package's main entry.
const ENTRIES = [
  ...OURS.filter((e) => e.group === "a"),
  {
    group: "a",
    name: "@aws-sdk/client-bedrock-runtime ConverseStreamCommand",
    code: `import { BedrockRuntimeClient, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
export async function run(options, request) {
  const client = new BedrockRuntimeClient(options);
  const { stream } = await client.send(new ConverseStreamCommand(request));
  for await (const event of stream) console.log(event);
}`,
  },
  {
    group: "a",
    name: "@ai-sdk/amazon-bedrock provider doStream",
    code: `import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
export async function run(options, modelId, prompt) {
  const { stream } = await createAmazonBedrock(options)(modelId).doStream({ prompt });
  for await (const part of stream) console.log(part);
}`,
  },
  {
    group: "a",
    name: "ai streamText + @ai-sdk/amazon-bedrock",
    code: `import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { streamText } from "ai";
export async function run(options, modelId, prompt) {
  const result = streamText({ model: createAmazonBedrock(options)(modelId), prompt });
  for await (const part of result.fullStream) console.log(part);
}`,
  },
  {
    group: "a",
    name: "aws4fetch AwsClient (signer only, no stream decoding)",
    code: `import { AwsClient } from "aws4fetch";
export async function run(options, url, body) {
  return new AwsClient(options).fetch(url, { method: "POST", body });
}`,
  },
  ...OURS.filter((e) => e.group === "b"),
  {
    group: "b",
    name: "@langchain/aws ChatBedrockConverse.bindTools().stream",
    code: `import { ChatBedrockConverse } from "@langchain/aws";
export async function run(fields, tools, input) {
  const model = new ChatBedrockConverse(fields).bindTools(tools);
  for await (const chunk of await model.stream(input)) console.log(chunk);
}`,
  },
  {
    group: "b",
    name: "ai streamText with tools + @ai-sdk/amazon-bedrock",
    code: `import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { streamText } from "ai";
export async function run(options, modelId, tools, prompt) {
  const result = streamText({ model: createAmazonBedrock(options)(modelId), tools, prompt });
  for await (const part of result.fullStream) console.log(part);
}`,
  },
];

/** Pieces of entry (a), each bundled alone: where its bytes come from (shared code counts in each). */
const PARTS = [
  ["signRequest: SigV4 in our own spec steps + WebCrypto SHA-256", `export { signRequest } from "${root}dist/auth/index.js";`],
  ["HybridSha256 (opt-in JS hash for short inputs)", `export { HybridSha256 } from "${root}dist/auth/index.js";`],
  ["decodeConverseStream: frames → typed events (with errors)", `export { decodeConverseStream } from "${root}dist/event-stream/index.js";`],
  ["wire: serialize request, deserialize events", `export { serializeConverseRequest, deserializeStreamEvent } from "${root}dist/wire/index.js";`],
  ["validateRequest (opt-in on BedrockClient, on in BedrockRuntime)", `export { validateRequest } from "${root}dist/wire/index.js";`],
  ["aiGateway (opt-in)", `export { aiGateway } from "${root}dist/index.js";`],
  ["errors: BedrockError and the AWS exception classes", `export * from "${root}dist/errors/index.js";`],
];

/** The value imports bedrock-edge/langchain takes from @langchain/core (type-only imports cost nothing). */
function langchainCoreImports() {
  const names = new Map();
  const dir = `${root}src/langchain/`;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const source = readFileSync(dir + file, "utf8");
    for (const [, list, from] of source.matchAll(/import\s+\{([^}]*)\}\s+from\s+"(@langchain\/core\/[^"]+)"/g)) {
      for (const raw of list.split(",")) {
        const name = raw.trim().split(/\s+as\s+/)[0];
        if (!name || name.startsWith("type ")) continue;
        if (!names.has(from)) names.set(from, new Set());
        names.get(from).add(name);
      }
    }
  }
  return [...names].map(([from, set]) => `export { ${[...set].sort().join(", ")} } from "${from}";`).join("\n");
}

/** (c) What bedrock-edge/langchain adds to the @langchain/core an app already bundles. */
function langchainEntries() {
  const core = langchainCoreImports();
  const adapter = `export { ChatBedrockConverse } from "${root}dist/langchain/index.js";`;
  return [
    { group: "c", name: "@langchain/core: what the adapter uses of it", code: core, base: true },
    { group: "c", name: "@langchain/core + bedrock-edge/langchain", code: `${core}\n${adapter}`, withAdapter: true },
    { group: "c", name: "@langchain/aws ChatBedrockConverse", code: `export { ChatBedrockConverse } from "@langchain/aws";` },
  ];
}

/** dist path of ChatBedrockConverse: the main entry once it re-exports it, else its own module. */
async function chatModelPath() {
  const index = await import(new URL("../dist/index.js", import.meta.url).href);
  return index.ChatBedrockConverse ? `${root}dist/index.js` : `${root}dist/chat/chat-model.js`;
}

/** Bundles one entry; returns its bytes and, for our rows, the largest inputs (to see what to trim). */
export async function bundle(code, { metafile = false, alias = {}, conditions } = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    metafile,
    ...(conditions ? { conditions } : {}),
    logLevel: "silent",
    alias: { "bedrock-edge/chat-model": await chatModelPath(), "bedrock-edge": `${root}dist/index.js`, ...alias },
  });
  const bytes = result.outputFiles[0].contents;
  const out = { minified: bytes.byteLength, gzipped: gzipSync(bytes, { level: 9 }).byteLength };
  if (metafile) {
    const inputs = Object.values(result.metafile.outputs)[0].inputs;
    out.inputs = Object.entries(inputs)
      .map(([path, v]) => ({ path, bytes: v.bytesInOutput }))
      .sort((x, y) => y.bytes - x.bytes);
  }
  return out;
}

function firstErrorLine(error) {
  const first = error?.errors?.[0];
  if (first) return `${first.text}${first.location ? ` (${first.location.file}:${first.location.line})` : ""}`;
  return String(error?.message ?? error).split("\n")[0];
}

const SIZES_FILE = new URL("./sizes.json", import.meta.url);

/** Our bundles' sizes in the last full run (bench/sizes.json), to report each change against. */
function previousSizes() {
  try {
    return JSON.parse(readFileSync(SIZES_FILE, "utf8"));
  } catch {
    return { sizes: {} };
  }
}

/** After a full run: our rows' sizes become the baseline the next run compares with. */
export function saveSizes(size, date) {
  const sizes = {};
  for (const row of size.rows) if ((row.ours || row.name.includes("bedrock-edge/langchain added")) && !row.error) sizes[row.name] = { minified: row.minified, gzipped: row.gzipped };
  const note = "Sizes of our bundles in the last full `npm run bench` (bytes); the next run reports its change against these, then rewrites this file.";
  writeFileSync(SIZES_FILE, JSON.stringify({ note, from: date, sizes }, null, 2) + "\n");
}

/** Bundle sizes are deterministic: one build per entry (the "median of several runs" is of one value). */
export async function runSize() {
  const rows = [];
  const parts = [];
  for (const [name, code, alias] of PARTS) parts.push({ name, ...(await bundle(code, { alias })) });
  for (const entry of ENTRIES) {
    try {
      rows.push({ ...entry, ...(await bundle(entry.code, { metafile: entry.ours })) });
    } catch (error) {
      rows.push({ ...entry, error: firstErrorLine(error) });
    }
  }
  // Bundled as a Worker would (workerd/worker/browser conditions); "added" is the difference of two bundles.
  for (const entry of langchainEntries()) {
    try {
      rows.push({ ...entry, ...(await bundle(entry.code, { conditions: ["workerd", "worker", "browser"] })) });
    } catch (error) {
      rows.push({ ...entry, error: firstErrorLine(error) });
    }
  }
  const base = rows.find((x) => x.base);
  const withAdapter = rows.find((x) => x.withAdapter);
  if (!base.error && !withAdapter.error) {
    rows.splice(rows.indexOf(withAdapter) + 1, 0, {
      group: "c",
      name: "**bedrock-edge/langchain added on top**",
      minified: withAdapter.minified - base.minified,
      gzipped: withAdapter.gzipped - base.gzipped,
    });
  }
  const previous = previousSizes();
  for (const row of rows) {
    const before = previous.sizes[row.name];
    if (before && !row.error) row.previous = { ...before, from: previous.from };
  }
  return { rows, parts };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, parts } = await runSize();
  for (const part of parts) console.log("part", part.name, `${part.minified} min, ${part.gzipped} gz`);
  for (const row of rows) {
    console.log(row.group, row.name, row.error ?? `${row.minified} min, ${row.gzipped} gz`);
    if (row.inputs && process.argv.includes("--inputs")) for (const i of row.inputs.slice(0, 30)) console.log("    ", i.bytes, i.path);
  }
}
