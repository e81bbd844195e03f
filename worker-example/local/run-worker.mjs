// Runs the example Worker in workerd (npm `workerd`) as wrangler.toml describes it: bundled the way
// wrangler bundles, its compatibility date and flags, [vars] plus the given secrets as bindings, and
// a stand-in for each [[ratelimits]] binding.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { RATE_LIMIT_STANDIN_SOURCE } from "./rate-limit-standin.mjs";
import { bindingEnvName, workerdConfig } from "./workerd-config.mjs";
import { readWranglerToml } from "./wrangler-toml.mjs";
import { workerdListenPort } from "../../scripts/workerd-listen.mjs";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The workerd binary npm installed, and the newest compatibility date it supports. */
export function workerdBinary() {
  const mod = createRequire(join(repoRoot, "package.json"))("workerd");
  if (!existsSync(mod.default)) throw new Error(`workerd binary missing at ${mod.default}: run \`npm ci\``);
  return { binary: mod.default, compatibilityDate: mod.compatibilityDate, version: mod.version };
}

/**
 * Bundles the Worker as `wrangler deploy` does without nodejs_compat: ESM, browser platform,
 * the "workerd" / "worker" / "browser" export conditions. "bedrock-edge" resolves to this
 * package's dist/ by self-reference, so dist/ must be built.
 */
export async function bundleWorker(entry, outFile) {
  if (!existsSync(join(repoRoot, "dist/index.js"))) throw new Error("dist/ is not built: run `npm run build` first");
  await build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    target: "es2022",
    logLevel: "silent",
  });
  return outFile;
}

/**
 * Starts the Worker on 127.0.0.1. `bindings` are added to (and override) wrangler.toml's [vars];
 * pass secrets there. `port` 0 lets workerd pick one. `moduleFile` runs a ready bundle (for
 * example wrangler's dry-run output) instead of bundling `main`.
 * @param {{ bindings?: Record<string, string>, port?: number, moduleFile?: string, onOutput?: (text: string) => void, wranglerToml?: string }} [options]
 */
export async function startWorker(options = {}) {
  const toml = readWranglerToml(options.wranglerToml ?? join(repoRoot, "wrangler.toml"));
  const { binary, compatibilityDate: newest } = workerdBinary();
  if (toml.compatibilityDate > newest) {
    throw new Error(`wrangler.toml asks for compatibility date ${toml.compatibilityDate}; the installed workerd supports up to ${newest}`);
  }
  const dir = mkdtempSync(join(tmpdir(), "bedrock-edge-worker-"));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const moduleFile = join(dir, "worker.mjs");
    if (options.moduleFile) copyFileSync(options.moduleFile, moduleFile);
    else await bundleWorker(join(repoRoot, toml.main), moduleFile);
    const bindings = { ...toml.vars, ...options.bindings };
    writeFileSync(join(dir, "ratelimit.mjs"), RATE_LIMIT_STANDIN_SOURCE);
    const configFile = join(dir, "config.capnp");
    writeFileSync(
      configFile,
      workerdConfig({
        moduleFile: "worker.mjs",
        compatibilityDate: toml.compatibilityDate,
        compatibilityFlags: toml.compatibilityFlags,
        bindingNames: Object.keys(bindings),
        address: `127.0.0.1:${options.port ?? 0}`,
        rateLimits: toml.rateLimits,
        rateLimitModule: "ratelimit.mjs",
      }),
    );
    // The Worker sees only its bindings; the caller's own AWS variables stay out of workerd's environment.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(AWS_|BEDROCK_)/.test(key)));
    for (const [name, value] of Object.entries(bindings)) env[bindingEnvName(name)] = value;
    return await launchWorkerd(binary, configFile, dir, env, options.onOutput, cleanup);
  } catch (error) {
    cleanup();
    throw error;
  }
}

/**
 * Runs `workerd serve <configFile>` in `cwd` and resolves once it listens: its URL and port, a
 * `stop()` that ends it and then calls `cleanup`, its output so far, and its exit. Shared with the
 * RAG Worker example's launcher.
 */
export async function launchWorkerd(binary, configFile, cwd, env, onOutput, cleanup) {
  // --control-fd=3 makes workerd report the port it bound, so port 0 needs no guessing.
  const child = spawn(binary, ["serve", configFile, "--control-fd=3"], { cwd, env, stdio: ["ignore", "pipe", "pipe", "pipe"] });
  let log = "";
  const onData = (text) => {
    log += text;
    onOutput?.(text);
  };
  child.stdout.setEncoding("utf8").on("data", onData);
  child.stderr.setEncoding("utf8").on("data", onData);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
    cleanup();
  };
  try {
    const port = await workerdListenPort(child, () => log);
    return { url: `http://127.0.0.1:${port}`, port, stop, output: () => log, exited: once(child, "exit") };
  } catch (error) {
    await stop();
    throw error;
  }
}
