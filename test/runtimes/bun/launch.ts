// Runs the suite in Bun, from the npm `bun` package's binary.
import { join } from "node:path";
import { bunBinary } from "../binaries.js";
import { buildSuite } from "../build-suite.js";
import { freshOutDir, repoRoot } from "../paths.js";
import { runCommand } from "../run-command.js";
import type { RuntimeOutput } from "../runtime-output.js";

export async function launch(baseUrl: string): Promise<RuntimeOutput> {
  const bun = bunBinary();
  const outFile = await buildSuite({
    wrapper: "bun/main.mjs",
    outFile: join(freshOutDir("bun"), "main.mjs"),
    platform: "node",
    conditions: ["bun"],
    library: "runtime",
  });
  // Bun reads .env and bunfig.toml from its cwd; the repository has neither.
  return runCommand(bun, ["run", outFile, baseUrl], {
    cwd: repoRoot,
    env: { BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0" },
    timeoutMs: 60_000,
  });
}
