// examples/run.mjs: runs the README's chat examples, e.g. `node examples/run.mjs translation streaming` (no name: all).
// Amazon Bedrock when AWS keys or a Bedrock API key are in the environment, else a local emulator.
// Needs `npm run build` first: each example is bundled to examples/.out/ and imports `bedrock-edge` from dist/.
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const here = new URL("./", import.meta.url);
const env = process.env;

if (!existsSync(new URL("../dist/index.js", here))) {
  console.error("bedrock-edge is not built yet: run `npm run build` first.");
  process.exit(1);
}

const available = readdirSync(here)
  .filter((file) => file.endsWith(".ts") && file !== "connection.ts")
  .map((file) => file.slice(0, -".ts".length))
  .sort();
const asked = process.argv.slice(2);
const names = asked.length === 0 ? available : asked;
const unknown = names.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`No example named ${unknown.join(", ")}. Examples: ${available.join(", ")}`);
  process.exit(1);
}

let stop = async () => {};
const haveAws = Boolean(env.AWS_BEARER_TOKEN_BEDROCK || (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY));
if (!haveAws && !env.BEDROCK_EMULATOR_URL) {
  const { startEmulator } = await import("bedrock-edge/testing/node");
  const server = await startEmulator();
  env.BEDROCK_EMULATOR_URL = server.url;
  stop = () => server.close();
  console.log(`No AWS credentials in the environment: using the local Bedrock emulator at ${server.url}`);
}

try {
  for (const name of names) {
    console.log(`\n# examples/${name}.ts`);
    const outfile = fileURLToPath(new URL(`.out/${name}.mjs`, here));
    await build({
      entryPoints: [fileURLToPath(new URL(`${name}.ts`, here))],
      outfile,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "es2022",
      packages: "external", // bedrock-edge (dist/) and zod load from node_modules as usual
      logLevel: "warning",
    });
    const { main } = await import(pathToFileURL(outfile).href);
    await main();
  }
} finally {
  await stop();
}
