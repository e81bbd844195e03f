// Runs the suite as a Worker in workerd (npm `workerd`), started straight from a config, once per flag set.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { workerd } from "../binaries.js";
import { buildSuite } from "../build-suite.js";
import { freshOutDir } from "../paths.js";
import type { RuntimeOutput } from "../runtime-output.js";
import type { ScenarioResult } from "../scenario-kit.js";
import { compatibilityDate, workerdConfig, workerdModes, type NodeGlobals, type WorkerdMode } from "./config.js";
import { workerdListenPort } from "../../../scripts/workerd-listen.mjs";

type WorkerOutput = RuntimeOutput & { globals: NodeGlobals };

/** Each mode's scenarios, named `[mode] scenario`, after a probe of the Node globals the Worker sees. */
export async function launch(baseUrl: string): Promise<RuntimeOutput> {
  const { binary, compatibilityDate: newest, version } = workerd();
  const outDir = freshOutDir("workerd");
  await buildSuite({
    wrapper: "workerd/worker.mjs",
    outFile: join(outDir, "worker.mjs"),
    platform: "browser",
    conditions: ["workerd", "worker"],
    library: "bundle",
  });
  const date = compatibilityDate(new Date(), newest);
  const results: ScenarioResult[] = [];
  let engine = "";
  for (const mode of workerdModes(date)) {
    const output = await runMode(binary, outDir, date, mode, baseUrl);
    engine = output.engine;
    results.push(globalsProbe(mode, output.globals));
    results.push(...output.results.map((r) => ({ ...r, name: `[${mode.label}] ${r.name}` })));
  }
  const modes = workerdModes(date).map((m) => `${m.label}: [${m.compatibilityFlags.join(", ")}]`).join("; ");
  return { engine: `workerd ${version} (${engine}, compatibility date ${date}; ${modes})`, results };
}

function globalsProbe(mode: WorkerdMode, seen: NodeGlobals): ScenarioResult {
  const present = (v: boolean) => (v ? "present" : "absent");
  const name = `[${mode.label}] Node globals: Buffer ${present(mode.expected.Buffer)}, process ${present(mode.expected.process)}, node:async_hooks ${present(mode.expected.asyncHooks)}`;
  const wrong = (Object.keys(mode.expected) as Array<keyof NodeGlobals>).filter((k) => seen[k] !== mode.expected[k]);
  return wrong.length === 0 ? { name, ok: true } : { name, ok: false, error: `the Worker saw ${JSON.stringify(seen)}` };
}

async function runMode(binary: string, outDir: string, date: string, mode: WorkerdMode, baseUrl: string): Promise<WorkerOutput> {
  const configFile = join(outDir, `config-${mode.compatibilityFlags.length === 0 ? "default" : "web"}.capnp`);
  writeFileSync(configFile, workerdConfig({ moduleFile: "worker.mjs", compatibilityDate: date, compatibilityFlags: mode.compatibilityFlags }));

  // --control-fd=3 makes workerd report the port it bound, so port 0 needs no guessing.
  const child = spawn(binary, ["serve", configFile, "--control-fd=3"], {
    cwd: outDir,
    stdio: ["ignore", "pipe", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.setEncoding("utf8").on("data", (c: string) => (log += c));
  child.stderr?.setEncoding("utf8").on("data", (c: string) => (log += c));
  try {
    const port = await workerdListenPort(child, () => log);
    const response = await fetch(`http://127.0.0.1:${port}/run`, {
      method: "POST",
      body: JSON.stringify({ baseUrl }),
      signal: AbortSignal.timeout(60_000),
    });
    if (!response.ok) throw new Error(`[${mode.label}] worker answered ${response.status}: ${await response.text()}\n${log}`);
    return (await response.json()) as WorkerOutput;
  } finally {
    child.kill("SIGTERM");
    if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
  }
}
