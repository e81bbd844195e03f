// `node examples/run.mjs <name>` bundles an example, starts the emulator when no AWS credentials are set, and runs it.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const runner = fileURLToPath(new URL("examples/run.mjs", root));

/** The environment without AWS keys, API keys or an emulator URL, so the runner starts its own emulator. */
function emulatorEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_BEARER_TOKEN_BEDROCK", "BEDROCK_EMULATOR_URL"]) {
    delete env[name];
  }
  return env;
}

async function run(...names: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [runner, ...names], { cwd: fileURLToPath(root), env: emulatorEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("examples/run.mjs", () => {
  it("runs an example against the emulator when no AWS credentials are set", async () => {
    expect(existsSync(new URL("dist/index.js", root)), "dist/ is missing: run `npm run build` (npm test does)").toBe(true);
    const { code, stdout } = await run("translation", "streaming");
    expect(code).toBe(0);
    expect(stdout).toMatch(/using the local Bedrock emulator at http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toContain("# examples/translation.ts\nJ'adore la programmation.\n");
    expect(stdout).toContain("# examples/streaming.ts\n[ \"J'adore \", 'la ', 'programmation.' ]\n");
  }, 60_000);

  it("names the examples when asked for one that does not exist", async () => {
    const { code, stderr } = await run("nope");
    expect(code).toBe(1);
    expect(stderr).toContain("No example named nope. Examples: batch, chat-bedrock, guardrails, image-input,");
  }, 60_000);
});
