// The runtime-neutral scenario suite, bundled from the built package and run in every runtime.
// Placeholders until the client exists: they only need fetch and the bundle to load.
import { check, checkEqual, runAll, type Scenario, type ScenarioContext, type ScenarioResult } from "./scenario-kit.js";

export const scenarios: Scenario[] = [
  {
    name: "the built package loads",
    async run({ lib }) {
      const exported = Object.keys(lib);
      check(exported.length > 0, "bedrock-edge exports nothing");
      for (const name of exported) {
        check((lib as Record<string, unknown>)[name] !== undefined, `export ${name} is undefined`);
      }
    },
  },
  {
    name: "an unsigned Converse call is refused",
    async run({ baseUrl }) {
      const response = await fetch(`${baseUrl}/model/x/converse`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ messages: [{ role: "user", content: [{ text: "hi" }] }] }),
      });
      await response.arrayBuffer();
      checkEqual(response.status, 403, "status");
      const errorType = response.headers.get("x-amzn-errortype") ?? "";
      check(errorType.startsWith("MissingAuthenticationTokenException"), `x-amzn-errortype was "${errorType}"`);
    },
  },
];

/** Entry point every runtime harness calls. */
export function runScenarios(ctx: ScenarioContext): Promise<ScenarioResult[]> {
  return runAll(scenarios, ctx);
}
