// The proof: a LangGraph ReAct agent with two tools and a streamed prompt | model | parser chain, in Node and in workerd.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/testing/node.js";
import { runScenarios, type ScenarioResult } from "./agent-scenario.js";
import { runInWorkerd } from "./workerd/launch.js";

let running: RunningEmulator;
beforeAll(async () => {
  running = await startEmulator();
});
afterAll(() => running?.close());

function expectScenarios(result: ScenarioResult): void {
  expect(result.agent.toolRuns).toEqual(["get_weather:Paris", "get_time:UTC"]);
  expect(result.agent.transcript).toEqual([
    "human: get_weather city=Paris; get_time zone=UTC",
    'ai:  get_weather({"city":"Paris"}) get_time({"zone":"UTC"})',
    "tool: Sunny, 21 degrees in Paris",
    "tool: 12:00 in UTC",
    "ai: Tool get_weather returned: Sunny, 21 degrees in Paris\nTool get_time returned: 12:00 in UTC",
  ]);
  expect(result.agent.usage?.input_tokens).toBeGreaterThan(0);
  expect(result.agent.usage?.output_tokens).toBeGreaterThan(0);
  expect(result.chain.text).toBe("J'adore la programmation.");
  expect(result.chain.pieces.filter((p) => p !== "")).toEqual(["J'adore ", "la ", "programmation."]);
  expect(result.chain.tokens.filter((t) => t !== "")).toEqual(["J'adore ", "la ", "programmation."]);
}

describe("LangGraph agent and streamed chain", () => {
  it("node: the agent runs both tools to a final answer; the chain streams word by word", async () => {
    expectScenarios(await runScenarios(running.url));
  });

  it("workerd: the same Worker bundle runs with no compatibility flags", async () => {
    const run = await runInWorkerd(running.url);
    expect(run.nodeImports).toEqual([]);
    expectScenarios(run.result);
  }, 60_000);
});
