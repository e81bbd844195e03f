// Runs the suite as a Worker in workerd (npm `workerd`), started straight from a config.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { workerd } from "../binaries.js";
import { buildSuite } from "../build-suite.js";
import { freshOutDir } from "../paths.js";
import type { RuntimeOutput } from "../runtime-output.js";
import { compatibilityDate, workerdConfig } from "./config.js";
import { workerdListenPort } from "../../../scripts/workerd-listen.mjs";

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
  const configFile = join(outDir, "config.capnp");
  writeFileSync(configFile, workerdConfig({ moduleFile: "worker.mjs", compatibilityDate: date }));

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
    if (!response.ok) throw new Error(`worker answered ${response.status}: ${await response.text()}\n${log}`);
    const output = (await response.json()) as RuntimeOutput;
    return { ...output, engine: `workerd ${version} (${output.engine}, compatibility date ${date})` };
  } finally {
    child.kill("SIGTERM");
    if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
  }
}
