// The proof: a LangGraph ReAct agent with two tools and a streamed prompt | model | parser chain, in Node and in workerd.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/testing/node.js";
import { runScenarios, type ScenarioResult } from "./agent-scenario.js";
import { probeContext } from "./context-probe.js";
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

// LangGraph's helpers that read the graph's config from AsyncLocalStorage find nothing in workerd
// without nodejs_compat; everything that passes config explicitly works in both.
const COMMON_CONTEXT = {
  configArgument: 'ok:"t1"',
  getCurrentTaskInputWithConfig: 'ok:{"value":"start"}',
  toolRuntimeState: 'ok:"1"',
  breakpoint: 'ok:{"pausedAt":["tools"],"messagesWhenPaused":2,"answer":"Tool count_messages returned: 2"}',
};
const NODE_CONTEXT = {
  getConfig: 'ok:"t1"',
  getCurrentTaskInput: 'ok:{"value":"start"}',
  interrupt: 'ok:{"asked":["Proceed?"],"answer":"yes"}',
};
const WORKERD_CONTEXT = {
  getConfig: "ok:undefined",
  getCurrentTaskInput: "error:Config not retrievable. This is likely because you are running in an environment without support for AsyncLocalStorage.",
  interrupt: "error:Called interrupt() outside the context of a graph.",
};

describe("LangGraph agent and streamed chain", () => {
  it("node: the agent runs both tools to a final answer; the chain streams word by word; context helpers work", async () => {
    expectScenarios(await runScenarios(running.url));
    expect(await probeContext(running.url)).toEqual({ ...COMMON_CONTEXT, ...NODE_CONTEXT });
  });

  it("workerd: the same Worker bundle runs with no compatibility flags (context helpers aside)", async () => {
    const run = await runInWorkerd(running.url);
    expect(run.nodeImports).toEqual([]);
    expectScenarios(run.result);
    expect(run.context).toEqual({ ...COMMON_CONTEXT, ...WORKERD_CONTEXT });
  }, 60_000);
});
