// The two bundles every edge-runtime run needs: the handler as Vercel bundles an edge function, and the Node host.
import { join } from "node:path";
import { buildSuite } from "../build-suite.js";

/**
 * The VM evaluates a classic script, so the handler is an IIFE with everything inlined, resolved
 * with the export conditions Vercel's bundler uses for edge functions; the host runs in plain Node.
 * Wrappers are named relative to test/runtimes/.
 */
export async function buildEdgeBundles(outDir: string, wrappers: { handler: string; host: string }): Promise<{ handler: string; host: string }> {
  const handler = await buildSuite({
    wrapper: wrappers.handler,
    outFile: join(outDir, "handler.js"),
    platform: "browser",
    format: "iife",
    conditions: ["edge-light", "worker"],
    library: "bundle",
  });
  const host = await buildSuite({
    wrapper: wrappers.host,
    outFile: join(outDir, "host.mjs"),
    platform: "node",
    library: "runtime",
    externalPackages: true,
  });
  return { handler, host };
}
