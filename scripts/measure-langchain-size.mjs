// Prints what bedrock-edge/langchain adds to a browser / edge bundle, next to the @langchain/core it runs on.
// Usage: node scripts/measure-langchain-size.mjs [--json]
// Bundles: esbuild, platform browser (conditions workerd/worker/browser), ESM, minified; gzip -9.
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;

// The value imports the adapter takes from @langchain/core (type-only imports cost nothing).
function coreImports() {
  const names = new Map();
  for (const file of readdirSync(new URL("src/langchain/", `file://${root}`))) {
    if (!file.endsWith(".ts")) continue;
    const source = readFileSync(`${root}src/langchain/${file}`, "utf8");
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

const core = coreImports();
const adapter = `export { ChatBedrockConverse } from "./src/langchain/index.ts";`;

// Each entry is bundled on its own; "added" rows are differences of two bundles.
const entries = [
  ["@langchain/core: what the adapter uses of it", core, {}],
  ["@langchain/core + bedrock-edge/langchain", `${core}\n${adapter}`, {}],
  ["bedrock-edge/langchain alone (@langchain/core external)", adapter, { external: ["@langchain/core", "@langchain/core/*"] }],
  ["bedrock-edge ChatBedrockConverse, main entry (no LangChain)", `export { ChatBedrockConverse } from "./src/index.ts";`, {}],
  ["@langchain/aws ChatBedrockConverse", `export { ChatBedrockConverse } from "@langchain/aws";`, {}],
  ["LangGraph createReactAgent + @langchain/core tool()", `export { createReactAgent } from "@langchain/langgraph/prebuilt";\nexport { tool } from "@langchain/core/tools";`, {}],
];

async function measure(contents, extra) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
    metafile: true,
    ...extra,
  });
  const code = result.outputFiles[0].contents;
  const nodeBuiltins = result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].imports
    .filter((i) => i.external && !i.path.startsWith("@langchain/"))
    .map((i) => i.path);
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength, nodeBuiltins };
}

const rows = [];
for (const [name, contents, extra] of entries) {
  try {
    rows.push({ name, ...(await measure(contents, extra)) });
  } catch (error) {
    const first = error.errors?.[0];
    const why = first ? `${first.text}${first.location ? ` (${first.location.file})` : ""}` : String(error.message ?? error).split("\n")[0];
    rows.push({ name, error: why });
  }
}
const [base, withAdapter] = rows;
if (!base.error && !withAdapter.error) {
  rows.splice(2, 0, {
    name: "bedrock-edge/langchain added to @langchain/core",
    minified: withAdapter.minified - base.minified,
    gzipped: withAdapter.gzipped - base.gzipped,
    nodeBuiltins: [],
  });
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KiB";
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${"bundle (esbuild, browser, esm, minified)".padEnd(width)}  ${"minified".padStart(12)}  ${"gzip -9".padStart(12)}`);
  for (const r of rows) {
    if (r.error) console.log(`${r.name.padEnd(width)}  fails to bundle: ${r.error}`);
    else console.log(`${r.name.padEnd(width)}  ${kb(r.minified)}  ${kb(r.gzipped)}${r.nodeBuiltins.length ? `  imports ${r.nodeBuiltins.join(", ")}` : ""}`);
  }
}
