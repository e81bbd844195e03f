// `node scripts/start.mjs` (what `npm start` runs after building): the emulator notice, the page URL and the streamed translation.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EMULATOR_API_KEY, EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../src/testing/node.js";
import { envWithoutAws } from "./helpers.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Runs the start script to its end with stdin closed (not a terminal), as CI does. */
function runStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("npm start", () => {
  it("with no AWS credentials: starts the emulator, says so, prints the page URL and the streamed translation, then exits (START_ONCE=1)", async () => {
    const { code, stdout, stderr } = await runStart({ ...envWithoutAws(), START_ONCE: "1" });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/in workerd 1\.\d+\.\d+, compatibility date \d{4}-\d{2}-\d{2}/);
    expect(stdout).toMatch(/No AWS credentials or Bedrock API key in the environment: the Worker talks to the local Bedrock emulator at http:\/\/127\.0\.0\.1:\d+\./);
    expect(stdout).toMatch(/^Chat page: http:\/\/127\.0\.0\.1:\d+\/$/m);
    expect(stdout).toContain("> I love programming.\n< J'adore la programmation.\n");
    expect(stdout).toMatch(/\(\d+ input tokens, \d+ output tokens, stop reason end_turn, [\d.]+ s\)/);
    expect(stdout).toMatch(/Stopping \(START_ONCE, CI or no terminal\)/);
  });

  it("with CHAT_ACCESS_TOKEN set: the Worker checks it and the demo sends it", async () => {
    const token = "start-test-access-token-0123456789";
    const { code, stdout, stderr } = await runStart({ ...envWithoutAws(), START_ONCE: "1", CHAT_ACCESS_TOKEN: token });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain("< J'adore la programmation.");
    expect(stdout).not.toContain(token);
  });

  describe("with credentials in the environment (the emulator standing in for Bedrock via BEDROCK_ENDPOINT)", () => {
    let emulator: RunningEmulator;
    beforeAll(async () => {
      emulator = await startEmulator();
    });
    afterAll(() => emulator?.close());
    beforeEach(() => emulator.emulator.reset());

    it("hands access keys to the Worker as secrets and exits after the demo when stdin is not a terminal", async () => {
      const { code, stdout } = await runStart({
        ...envWithoutAws(),
        CI: "",
        START_ONCE: "",
        AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
        AWS_REGION: "us-east-1",
        BEDROCK_ENDPOINT: emulator.url,
      });
      expect(code).toBe(0);
      expect(stdout).toContain(`Using Amazon Bedrock at ${emulator.url} with model us.amazon.nova-micro-v1:0: the AWS access keys from the environment go to the Worker as secrets.`);
      expect(stdout).not.toMatch(/emulator/);
      expect(stdout).toContain("< J'adore la programmation.");
      expect(stdout).not.toContain(EMULATOR_CREDENTIALS.secretAccessKey);
      expect(emulator.emulator.requests.map((r) => r.auth)).toEqual([{ kind: "sigv4", accessKeyId: EMULATOR_CREDENTIALS.accessKeyId }]);
    });

    it("hands a Bedrock API key to the Worker, and honours BEDROCK_MODEL_ID", async () => {
      const { code, stdout } = await runStart({
        ...envWithoutAws(),
        START_ONCE: "1",
        AWS_BEARER_TOKEN_BEDROCK: EMULATOR_API_KEY,
        BEDROCK_MODEL_ID: "us.anthropic.claude-sonnet-4-20250514-v1:0",
        BEDROCK_ENDPOINT: emulator.url,
      });
      expect(code).toBe(0);
      expect(stdout).toContain("the Bedrock API key (AWS_BEARER_TOKEN_BEDROCK) from the environment");
      expect(stdout).toContain("< J'adore la programmation.");
      expect(stdout).not.toContain(EMULATOR_API_KEY);
      expect(emulator.emulator.requests.map((r) => [r.auth, r.modelId])).toEqual([
        [{ kind: "bearer" }, "us.anthropic.claude-sonnet-4-20250514-v1:0"],
      ]);
    });

    it("exits non-zero and names the error when Bedrock refuses the credentials", async () => {
      const { code, stdout, stderr } = await runStart({
        ...envWithoutAws(),
        START_ONCE: "1",
        AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: "notTheRightSecretAtAll0123456789",
        BEDROCK_ENDPOINT: emulator.url,
      });
      expect(code).toBe(1);
      expect(stderr).toMatch(/^! InvalidSignatureException: /m); // the AWS code names the error (instanceof UnrecognizedClientException)
      expect(stdout + stderr).not.toContain("notTheRightSecretAtAll");
    });
  });
});
