// Runs the suite in Deno, from the npm `deno` package's binary, with network limited to loopback.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { denoBinary } from "../binaries.js";
import { buildSuite } from "../build-suite.js";
import { freshOutDir, repoRoot } from "../paths.js";
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
  writeFileSync(importMap, JSON.stringify({ imports: packageImports() }));
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

type ExportTarget = string | { import?: string; default?: string };

/** `bedrock-edge` and each subpath it exports, mapped to dist/ as package.json's "exports" says. */
function packageImports(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
    exports: Record<string, ExportTarget>;
  };
  const imports: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = typeof target === "string" ? target : (target.import ?? target.default);
    if (file === undefined || !file.endsWith(".js")) continue;
    imports[`bedrock-edge${subpath.slice(1)}`] = pathToFileURL(join(repoRoot, file)).href;
  }
  return imports;
}
