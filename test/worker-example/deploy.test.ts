// `wrangler deploy` with wrangler.toml unchanged: a dry run builds and bundles the Worker offline, the
// bundle it would upload runs in workerd, and the example typechecks against the built package.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/testing/node.js";
import type { RunningWorker } from "../../worker-example/local/run-worker.mjs";
import { emulatorBindings, envWithoutAws, postChat, replyText, runWorker } from "./helpers.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (output += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), 150_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

// A copy of what a deploy needs, so wrangler's build step (`npm run build`, which empties dist/)
// never touches the dist/ other test files are loading.
let project: string;
let dryRun: { code: number | null; output: string };
beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "bedrock-edge-deploy-"));
  for (const path of ["package.json", "tsconfig.json", "tsconfig.build.json", "wrangler.toml", "src", "worker-example"]) {
    cpSync(join(repoRoot, path), join(project, path), { recursive: true });
  }
  symlinkSync(join(repoRoot, "node_modules"), join(project, "node_modules"), "dir");
  const env = {
    ...envWithoutAws(),
    CI: "true",
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    WRANGLER_LOG_PATH: join(project, "wrangler-logs"),
  };
  for (const key of Object.keys(env)) if (key.startsWith("CLOUDFLARE_API") || key === "CLOUDFLARE_ACCOUNT_ID") delete env[key as keyof typeof env];
  const wrangler = join(repoRoot, "node_modules/wrangler/bin/wrangler.js");
  dryRun = await run(process.execPath, [wrangler, "deploy", "--dry-run", "--outdir", join(project, "out")], project, env);
}, 180_000);
afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("wrangler deploy --dry-run", () => {
  it("builds the package, bundles worker-example/src/index.ts and lists the [vars] bindings", () => {
    expect(dryRun.output).toContain("[custom build] Running: npm run build --silent");
    expect(dryRun.output).toContain("--dry-run: exiting now.");
    for (const name of ["BEDROCK_MODEL_ID", "AWS_REGION", "SYSTEM_PROMPT", "BEDROCK_ENDPOINT", "ALLOWED_ORIGINS"]) expect(dryRun.output).toContain(`env.${name}`);
    // wrangler accepts the [[ratelimits]] entry as a Rate Limit binding.
    expect(dryRun.output).toMatch(/env\.CHAT_RATE_LIMITER \(10 requests\/60s\)\s+Rate Limit/);
    expect(dryRun.code).toBe(0);
    expect(existsSync(join(project, "out/index.js"))).toBe(true);
  });

  describe("the bundle it would upload, in workerd", () => {
    let emulator: RunningEmulator;
    let worker: RunningWorker;
    beforeAll(async () => {
      emulator = await startEmulator();
      worker = await runWorker({ moduleFile: join(project, "out/index.js"), bindings: emulatorBindings(emulator.url) });
    });
    afterAll(async () => {
      await worker?.stop();
      await emulator?.close();
    });

    it("serves the page and streams the reply", async () => {
      expect(await (await fetch(`${worker.url}/`)).text()).toContain('<form id="chat">');
      const reply = await postChat(worker, { prompt: "I love programming." });
      expect(replyText(reply.events)).toBe("J'adore la programmation.");
      expect(reply.events.map((e) => e.event).slice(-2)).toEqual(["usage", "done"]);
    });
  });

  it("the example typechecks against the built package (worker-example/tsconfig.json)", async () => {
    const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
    const { code, output } = await run(process.execPath, [tsc, "-p", "worker-example/tsconfig.json"], project, envWithoutAws());
    expect(output).toBe("");
    expect(code).toBe(0);
  }, 60_000);
});
