// Bundles the route as Vercel's bundler does for an edge function and runs it in the edge-runtime VM, hosted by a child Node process.
import { buildEdgeBundles } from "../../runtimes/edge-runtime/bundles.js";
import { freshOutDir, repoRoot } from "../../runtimes/paths.js";
import { runCommand } from "../../runtimes/run-command.js";

export interface EdgeAnswer {
  status: number;
  contentType?: string | null;
  body?: string;
  /** What the client had read when it left (up to its first delta event). */
  seen?: string;
  /** What it read after aborting request.signal, to the end of the stream. */
  rest?: string;
  /** Date.now() in the host just before the client left. */
  leftAt?: number;
}

export interface EdgeRun {
  engine: string;
  results: { cancelBody: EdgeAnswer; abortSignal: EdgeAnswer; badBody: EdgeAnswer; translate: EdgeAnswer };
}

/** Runs the host's scenarios with `env` as the VM's process.env; `prompts` names the seed and the slow prompt. */
export async function runRouteInEdgeRuntime(env: Record<string, string>, prompts: { seed: string; slow: string }): Promise<EdgeRun> {
  const outDir = freshOutDir("nextjs-edge");
  // A classic script with everything inlined (bedrock-edge from dist/), resolved with the export
  // conditions Vercel's bundler uses for edge functions.
  const { handler, host } = await buildEdgeBundles(outDir, { handler: "../nextjs/edge/handler.mjs", host: "../nextjs/edge/host.mjs" });
  const output = await runCommand(process.execPath, [host, handler, JSON.stringify(prompts)], { cwd: repoRoot, env, timeoutMs: 60_000 });
  return output as unknown as EdgeRun;
}
