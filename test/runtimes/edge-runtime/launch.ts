// Runs the suite in Vercel's edge-runtime VM, hosted by a child Node process.
import { join } from "node:path";
import { buildSuite } from "../build-suite.js";
import { freshOutDir, repoRoot } from "../paths.js";
import { runCommand } from "../run-command.js";
import type { RuntimeOutput } from "../runtime-output.js";

export async function launch(baseUrl: string): Promise<RuntimeOutput> {
  const outDir = freshOutDir("edge-runtime");
  // The VM evaluates a classic script, so the handler is an IIFE with everything inlined,
  // resolved with the export conditions Vercel's bundler uses for edge functions.
  const handler = await buildSuite({
    wrapper: "edge-runtime/handler.mjs",
    outFile: join(outDir, "handler.js"),
    platform: "browser",
    format: "iife",
    conditions: ["edge-light", "worker"],
    library: "bundle",
  });
  const host = await buildSuite({
    wrapper: "edge-runtime/host.mjs",
    outFile: join(outDir, "host.mjs"),
    platform: "node",
    library: "runtime",
    externalPackages: true,
  });
  return runCommand(process.execPath, [host, handler, baseUrl], { cwd: repoRoot, timeoutMs: 60_000 });
}
