// Scenarios the Chromium harness runs inside a dedicated, a shared and a service worker: long-term
// AWS keys are refused there as in a page, temporary credentials and the explicit opt-in are not.
import { credentials, MODEL, SEED, TRANSLATION } from "../scenarios.js";
import { check, checkEqual, runAll, type Scenario, type ScenarioContext, type ScenarioResult } from "../scenario-kit.js";

// AWS's documentation example key: an IAM user's (AKIA…), no session token.
const LONG_TERM = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const messages = [{ role: "user" as const, content: [{ text: SEED }] }];

function expectRefused(error: unknown, what: string): void {
  check(error instanceof Error, `${what}: expected a BedrockInputError, got ${String(error)}`);
  checkEqual(error.name, "BedrockInputError", `${what}: error name`);
  check(error.message.includes("dangerouslyAllowBrowser: true"), `${what}: message names the way out`);
  check(!error.message.includes(LONG_TERM.accessKeyId), `${what}: message must not show the key`);
}

const scenarios: Scenario[] = [
  {
    name: "long-term keys are refused when the client is built",
    async run(ctx) {
      let caught: unknown;
      try {
        new ctx.lib.BedrockRuntime({ region: "us-east-1", endpoint: ctx.baseUrl, credentials: LONG_TERM });
      } catch (error) {
        caught = error;
      }
      expectRefused(caught, "static keys");
    },
  },
  {
    name: "long-term keys from a provider are refused before the request",
    async run(ctx) {
      const client = new ctx.lib.BedrockRuntime({ region: "us-east-1", endpoint: ctx.baseUrl, credentials: async () => LONG_TERM, maxRetries: 0 });
      const caught = await client.converse({ modelId: MODEL, messages }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expectRefused(caught, "provider keys");
    },
  },
  {
    name: "temporary credentials are accepted",
    async run(ctx) {
      const client = new ctx.lib.BedrockRuntime({ region: "us-east-1", endpoint: ctx.baseUrl, credentials: await credentials(ctx.baseUrl) });
      const out = await client.converse({ modelId: MODEL, messages });
      checkEqual(out.output?.message?.content?.[0]?.text, TRANSLATION, "reply text");
    },
  },
  {
    name: "dangerouslyAllowBrowser lets long-term keys go out (the emulator then refuses the unknown key)",
    async run(ctx) {
      const client = new ctx.lib.BedrockRuntime({
        region: "us-east-1",
        endpoint: ctx.baseUrl,
        credentials: LONG_TERM,
        dangerouslyAllowBrowser: true,
        maxRetries: 0,
      });
      const caught = await client.converse({ modelId: MODEL, messages }).then(
        () => undefined,
        (error: unknown) => error,
      );
      check(caught instanceof ctx.lib.BedrockError, `expected the emulator's refusal, got ${String(caught)}`);
      checkEqual(caught.status, 403, "status of the emulator's answer");
    },
  },
];

export function runKeyGuardScenarios(ctx: ScenarioContext): Promise<ScenarioResult[]> {
  return runAll(scenarios, ctx);
}
