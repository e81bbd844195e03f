// Section 2: cold start — import the bundle and build the first signed request, in Node and in workerd.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { COLD_ENTRIES } from "./lib/cold-entries.mjs";
import { median, roundRobin } from "./lib/stats.mjs";
import { workerdListenPort } from "../scripts/workerd-listen.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const tmp = join(root, "bench/.tmp/cold");
const NODE_WORKER = fileURLToPath(new URL("./workers/cold-node.mjs", import.meta.url));
const WORKERD_WORKER = fileURLToPath(new URL("./workers/cold-worker.mjs", import.meta.url));

/** Minified ESM bundle of one entry, for Node (platform node) or workerd (browser + worker conditions). */
async function bundle(name, target) {
  const outfile = join(tmp, target, name.replace(/[^a-z0-9-]/gi, "_"), "bundle.mjs");
  await build({
    stdin: { contents: COLD_ENTRIES[name], resolveDir: root, loader: "js" },
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2022",
    outfile,
    logLevel: "silent",
    alias: { "bedrock-edge": join(root, "dist/index.js") },
    ...(target === "node"
      ? {
          platform: "node",
          // Bundled CommonJS dependencies may call require() for Node builtins.
          banner: { js: `import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);` },
        }
      : { platform: "browser", conditions: ["workerd", "worker", "browser"] }),
  });
  return outfile;
}

function nodeRun(file) {
  const result = spawnSync(process.execPath, [NODE_WORKER, file], { encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0) throw new Error(`cold start in Node failed for ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout).ms;
}

function workerdBinary() {
  const mod = createRequire(join(root, "package.json"))("workerd");
  return { binary: mod.default, version: mod.version, compatibilityDate: mod.compatibilityDate };
}

function workerdConfig(compatibilityDate) {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .coldWorker)],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const coldWorker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "bundle.mjs", esModule = embed "bundle.mjs"),
  ],
  compatibilityDate = ${JSON.stringify(compatibilityDate)},
);
`;
}

/** Milliseconds from spawning workerd to the worker's first answer (which built the signed request). */
async function workerdRun(dir, binary) {
  const start = performance.now();
  const child = spawn(binary, ["serve", join(dir, "config.capnp"), "--control-fd=3"], { cwd: dir, stdio: ["ignore", "ignore", "pipe", "pipe"] });
  let log = "";
  child.stderr.setEncoding("utf8").on("data", (c) => (log += c));
  try {
    const port = await workerdListenPort(child, () => log);
    const response = await fetch(`http://127.0.0.1:${port}/`);
    const text = await response.text();
    const ms = performance.now() - start;
    if (!response.ok) throw new Error(`worker answered ${response.status}: ${text} ${log}`);
    return ms;
  } finally {
    child.kill("SIGTERM");
    if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
  }
}

/**
 * Node: a fresh process per run, timed inside it from just before `import()` of the bundle
 * to the signed request. workerd: a fresh workerd per run, timed from spawn to the first
 * answer; the baseline worker (same harness, no client) is subtracted per round.
 */
export async function runColdStart({ runs = 9, warmup = 1 } = {}) {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const names = Object.keys(COLD_ENTRIES);
  const node = {};
  const workerdDirs = {};
  const { binary, version, compatibilityDate } = workerdBinary();
  const date = compatibilityDate < new Date().toISOString().slice(0, 10) ? compatibilityDate : new Date().toISOString().slice(0, 10);
  for (const name of names) {
    node[name] = await bundle(name, "node");
    const file = await bundle(name, "workerd");
    const dir = join(file, "..");
    writeFileSync(join(dir, "worker.mjs"), await import("node:fs").then((fs) => fs.readFileSync(WORKERD_WORKER, "utf8")));
    writeFileSync(join(dir, "config.capnp"), workerdConfig(date));
    workerdDirs[name] = dir;
  }
  const nodeTimes = await roundRobin(names, runs, async (name) => nodeRun(node[name]), warmup);
  const workerdTimes = await roundRobin(names, runs, (name) => workerdRun(workerdDirs[name], binary), warmup);
  const net = (times, name) => times.get(name).map((t, i) => t - times.get("baseline")[i]);
  const ours = "bedrock-edge";
  const sdk = "@aws-sdk/client-bedrock-runtime";
  const ratio = (times, isNet) => {
    const a = isNet ? net(times, sdk) : times.get(sdk);
    const b = isNet ? net(times, ours) : times.get(ours);
    return median(a.map((t, i) => t / b[i]));
  };
  return {
    runs,
    workerdVersion: version,
    compatibilityDate: date,
    rows: names.map((name) => ({
      name,
      nodeMs: median(nodeTimes.get(name)),
      workerdMs: median(workerdTimes.get(name)),
      workerdNetMs: name === "baseline" ? 0 : median(net(workerdTimes, name)),
    })),
    nodeSdkOverOurs: ratio(nodeTimes, false),
    workerdSdkOverOurs: ratio(workerdTimes, true),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runColdStart({ runs: Number(process.argv[2] ?? 5) });
  console.log(JSON.stringify(result, null, 2));
}
