// Runs the suite in Deno, from the npm `deno` package's binary, with network limited to loopback.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { denoBinary } from "../binaries.js";
import { buildSuite } from "../build-suite.js";
import { distEntry, freshOutDir, repoRoot } from "../paths.js";
import { runCommand } from "../run-command.js";
import type { RuntimeOutput } from "../runtime-output.js";

export async function launch(baseUrl: string): Promise<RuntimeOutput> {
  const deno = denoBinary();
  const outDir = freshOutDir("deno");
  const outFile = await buildSuite({
    wrapper: "deno/main.mjs",
    outFile: join(outDir, "main.mjs"),
    platform: "neutral",
    conditions: ["deno"],
    library: "runtime",
  });
  const importMap = join(outDir, "import_map.json");
  writeFileSync(importMap, JSON.stringify({ imports: { "bedrock-edge": pathToFileURL(distEntry).href } }));
  const args = [
    "run",
    "--quiet",
    "--no-prompt",
    "--no-config",
    "--node-modules-dir=manual",
    `--import-map=${importMap}`,
    `--allow-net=${new URL(baseUrl).host}`,
    "--allow-env",
    outFile,
    baseUrl,
  ];
  return runCommand(deno, args, {
    cwd: repoRoot,
    env: { DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1" },
    timeoutMs: 60_000,
  });
}
