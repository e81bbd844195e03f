// Runs the suite in Vercel's edge-runtime VM, hosted by a child Node process.
import { freshOutDir, repoRoot } from "../paths.js";
import { runCommand } from "../run-command.js";
import type { RuntimeOutput } from "../runtime-output.js";
import { buildEdgeBundles } from "./bundles.js";

export async function launch(baseUrl: string): Promise<RuntimeOutput> {
  const outDir = freshOutDir("edge-runtime");
  const { handler, host } = await buildEdgeBundles(outDir, { handler: "edge-runtime/handler.mjs", host: "edge-runtime/host.mjs" });
  return runCommand(process.execPath, [host, handler, baseUrl], { cwd: repoRoot, timeoutMs: 60_000 });
}
