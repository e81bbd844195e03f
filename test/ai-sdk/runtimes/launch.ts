// Runs the scenario in workerd and in edge-runtime, reusing the runtime suite's helpers
// (binaries, bundler with bedrock-edge from dist/, workerd config, edge-runtime host).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { workerdListenPort } from "../../../scripts/workerd-listen.mjs";
import { workerd } from "../../runtimes/binaries.js";
import { buildSuite } from "../../runtimes/build-suite.js";
import { buildEdgeBundles } from "../../runtimes/edge-runtime/bundles.js";
import { repoRoot } from "../../runtimes/paths.js";
import { runCommand } from "../../runtimes/run-command.js";
import { compatibilityDate, workerdConfig } from "../../runtimes/workerd/config.js";
import type { ScenarioReport } from "./scenario.js";

export interface RuntimeRun {
  engine: string;
  report: ScenarioReport;
}

interface WrapperReply {
  ok: boolean;
  engine?: string;
  report?: ScenarioReport;
  error?: string;
  stack?: string;
}

function outDir(runtime: string): string {
  const dir = fileURLToPath(new URL(`../.out/${runtime}/`, import.meta.url));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

function unwrap(reply: WrapperReply, log = ""): RuntimeRun {
  if (!reply.ok || !reply.report || !reply.engine) throw new Error(`the scenario failed: ${reply.error}\n${reply.stack ?? ""}\n${log}`);
  return { engine: reply.engine, report: reply.report };
}

/**
 * Bundled as wrangler would (workerd/worker/browser conditions). No flags means the date's defaults
 * (nodejs_compat on from 2026-08-04); pass the no_nodejs_compat pair for a pure Web Worker.
 */
export async function runInWorkerd(baseUrl: string, compatibilityFlags: readonly string[] = []): Promise<RuntimeRun> {
  const { binary, compatibilityDate: newest } = workerd();
  const dir = outDir(compatibilityFlags.length === 0 ? "workerd" : "workerd-web");
  await buildSuite({
    wrapper: "../ai-sdk/runtimes/worker.ts",
    outFile: join(dir, "worker.mjs"),
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    library: "bundle",
  });
  writeFileSync(join(dir, "config.capnp"), workerdConfig({ moduleFile: "worker.mjs", compatibilityDate: compatibilityDate(new Date(), newest), compatibilityFlags }));
  const child = spawn(binary, ["serve", "config.capnp", "--control-fd=3"], { cwd: dir, stdio: ["ignore", "pipe", "pipe", "pipe"] });
  let log = "";
  child.stdout?.setEncoding("utf8").on("data", (c: string) => (log += c));
  child.stderr?.setEncoding("utf8").on("data", (c: string) => (log += c));
  try {
    const port = await workerdListenPort(child, () => log);
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: JSON.stringify({ baseUrl }), signal: AbortSignal.timeout(60_000) });
    return unwrap((await response.json()) as WrapperReply, log);
  } finally {
    child.kill("SIGTERM");
    if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
  }
}

/** An IIFE with Vercel's edge conditions, evaluated by edge-runtime in a child Node process. */
export async function runInEdgeRuntime(baseUrl: string): Promise<RuntimeRun> {
  const dir = outDir("edge-runtime");
  const { handler, host } = await buildEdgeBundles(dir, { handler: "../ai-sdk/runtimes/edge-handler.ts", host: "edge-runtime/host.mjs" });
  const output = (await runCommand(process.execPath, [host, handler, baseUrl], { cwd: repoRoot, timeoutMs: 60_000 })) as unknown as WrapperReply;
  return unwrap(output);
}
