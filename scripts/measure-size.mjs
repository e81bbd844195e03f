// Prints the minified and gzipped browser-bundle cost of the signer and the Smithy pieces it uses.
// Usage: node scripts/measure-size.mjs [--json]
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;

// Each entry is bundled on its own, so shared code counts in every row it appears in.
const entries = [
  ["bedrock-edge signRequest (src/auth/sigv4.ts)", `export { signRequest } from "./src/auth/sigv4.ts";`],
  ["bedrock-edge signRequest + presignRequest", `export { signRequest, presignRequest } from "./src/auth/sigv4.ts";`],
  ["bedrock-edge Sha256 (src/auth/sha256.ts)", `export { Sha256 } from "./src/auth/sha256.ts";`],
  ["@smithy/signature-v4 SignatureV4", `export { SignatureV4 } from "@smithy/signature-v4";`],
  ["@aws-crypto/sha256-js Sha256", `export { Sha256 } from "@aws-crypto/sha256-js";`],
  ["@smithy/core/event-streams EventStreamCodec", `export { EventStreamCodec } from "@smithy/core/event-streams";`],
  ["@smithy/eventstream-codec EventStreamCodec", `export { EventStreamCodec } from "@smithy/eventstream-codec";`],
];

async function measure(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

const rows = [];
for (const [name, contents] of entries) {
  try {
    rows.push({ name, ...(await measure(contents)) });
  } catch (error) {
    rows.push({ name, error: String(error.message ?? error).split("\n")[0] });
  }
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KiB";
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${"bundle (esbuild, browser, esm, minified)".padEnd(width)}  ${"minified".padStart(11)}  ${"gzip -9".padStart(11)}`);
  for (const r of rows) {
    console.log(r.error ? `${r.name.padEnd(width)}  error: ${r.error}` : `${r.name.padEnd(width)}  ${kb(r.minified)}  ${kb(r.gzipped)}`);
  }
}
