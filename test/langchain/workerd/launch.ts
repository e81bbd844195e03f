// Bundles the agent Worker as wrangler would (workerd/worker/browser conditions) and runs it in workerd with the given flags.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { workerd } from "../../runtimes/binaries.js";
import type { ScenarioResult } from "../agent-scenario.js";
import type { ContextReport } from "../context-probe.js";
import { workerdListenPort } from "../../../scripts/workerd-listen.mjs";

const here = fileURLToPath(new URL("./", import.meta.url));

export interface WorkerRun {
  result: ScenarioResult;
  context: ContextReport;
  /** Node built-in modules the bundle leaves to workerd (none unless the AsyncLocalStorage setup is in). */
  nodeImports: string[];
  compatibilityDate: string;
  version: string;
}

export interface WorkerdRunOptions {
  /** [] is what a new Worker gets (nodejs_compat on from date 2026-08-04); ["no_nodejs_compat", "no_nodejs_compat_v2"] is Web-only. */
  compatibilityFlags: readonly string[];
  /** Bundle worker-with-als.ts (node:async_hooks left to workerd) instead of worker.ts. */
  asyncLocalStorage: boolean;
}

/** Cap'n Proto config: one Worker with the given flags, outbound fetches allowed to loopback. */
function config(compatibilityDate: string, compatibilityFlags: readonly string[]): string {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .agentWorker),
    (name = "loopback", network = (allow = ["local", "private", "public"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const agentWorker :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed "worker.mjs")],
  compatibilityDate = ${JSON.stringify(compatibilityDate)},
  compatibilityFlags = ${JSON.stringify(compatibilityFlags)},
  globalOutbound = "loopback",
);
`;
}

export async function runInWorkerd(baseUrl: string, options: WorkerdRunOptions): Promise<WorkerRun> {
  const { binary, compatibilityDate, version } = workerd();
  const variant = `${options.asyncLocalStorage ? "als" : "plain"}-${options.compatibilityFlags.length === 0 ? "default" : "web"}`;
  const outDir = join(here, `../.out/workerd-${variant}`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const bundle = await build({
    entryPoints: [join(here, options.asyncLocalStorage ? "worker-with-als.ts" : "worker.ts")],
    outfile: join(outDir, "worker.mjs"),
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    // As wrangler does under nodejs_compat: node:* modules are workerd's own.
    external: options.asyncLocalStorage ? ["node:async_hooks"] : [],
    metafile: true,
    logLevel: "silent",
    legalComments: "none",
  });
  const nodeImports = Object.values(bundle.metafile.outputs).flatMap((o) =>
    o.imports.filter((i) => i.external && /^(node:|async_hooks$|fs$|child_process$)/.test(i.path)).map((i) => i.path),
  );
  writeFileSync(join(outDir, "config.capnp"), config(compatibilityDate, options.compatibilityFlags));

  // --control-fd=3: workerd reports the port it bound, so port 0 needs no guessing.
  const child = spawn(binary, ["serve", "config.capnp", "--control-fd=3"], { cwd: outDir, stdio: ["ignore", "pipe", "pipe", "pipe"] });
  let log = "";
  child.stdout?.setEncoding("utf8").on("data", (c: string) => (log += c));
  child.stderr?.setEncoding("utf8").on("data", (c: string) => (log += c));
  try {
    const port = await workerdListenPort(child, () => log);
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: "POST",
      body: JSON.stringify({ baseUrl }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json()) as { ok: boolean; result?: ScenarioResult; context?: ContextReport; error?: string; stack?: string };
    if (!body.ok || !body.result || !body.context) throw new Error(`the Worker failed: ${body.error}\n${body.stack ?? ""}\n${log}`);
    return { result: body.result, context: body.context, nodeImports, compatibilityDate, version };
  } finally {
    child.kill("SIGTERM");
    if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
  }
}
