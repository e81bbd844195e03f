// Runs the suite in a child Node process (the one running the tests: Node 20+).
import { join } from "node:path";
import { buildSuite } from "../build-suite.js";
import { freshOutDir, repoRoot } from "../paths.js";
import { runCommand } from "../run-command.js";
import type { RuntimeOutput } from "../runtime-output.js";

export async function launch(baseUrl: string): Promise<RuntimeOutput> {
  const outFile = await buildSuite({
    wrapper: "node/main.mjs",
    outFile: join(freshOutDir("node"), "main.mjs"),
    platform: "node",
    library: "runtime",
  });
  return runCommand(process.execPath, [outFile, baseUrl], { cwd: repoRoot, timeoutMs: 60_000 });
}
