// Runs the suite as a Worker in workerd (npm `workerd`), started straight from a config.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { workerd } from "../binaries.js";
import { buildSuite } from "../build-suite.js";
import { freshOutDir } from "../paths.js";
import type { RuntimeOutput } from "../runtime-output.js";
import { compatibilityDate, workerdConfig } from "./config.js";

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
    const port = await listenPort(child, () => log);
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

function listenPort(child: ChildProcess, log: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const control = child.stdio[3] as Readable;
    let buffered = "";
    const timer = setTimeout(() => fail(new Error("workerd did not start within 30 s")), 30_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n${log()}`));
    };
    control.setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      for (const line of buffered.split("\n").slice(0, -1)) {
        const message = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (message.event === "listen" && message.socket === "http" && message.port !== undefined) {
          clearTimeout(timer);
          resolve(message.port);
        }
      }
      buffered = buffered.slice(buffered.lastIndexOf("\n") + 1);
    });
    child.once("error", fail);
    child.once("exit", (code) => fail(new Error(`workerd exited with code ${code} before listening`)));
  });
}
