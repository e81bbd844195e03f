// The proof: a LangGraph ReAct agent with two tools and a streamed prompt | model | parser chain, in Node and in workerd (default flags and nodejs_compat off).
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

// LangGraph's helpers that read the graph's config from AsyncLocalStorage find nothing in a Worker
// unless something gives LangGraph one: its web entry (what the "browser" condition picks) does not,
// even where node:async_hooks exists. Everything that passes config explicitly works everywhere.
const COMMON_CONTEXT = {
  configArgument: 'ok:"t1"',
  getCurrentTaskInputWithConfig: 'ok:{"value":"start"}',
  toolRuntimeState: 'ok:"1"',
  breakpoint: 'ok:{"pausedAt":["tools"],"messagesWhenPaused":2,"answer":"Tool count_messages returned: 2"}',
};
const WITH_ALS = {
  getConfig: 'ok:"t1"',
  getCurrentTaskInput: 'ok:{"value":"start"}',
  interrupt: 'ok:{"asked":["Proceed?"],"answer":"yes"}',
};
const WITHOUT_ALS = {
  getConfig: "ok:undefined",
  getCurrentTaskInput: "error:Config not retrievable. This is likely because you are running in an environment without support for AsyncLocalStorage.",
  interrupt: "error:Called interrupt() outside the context of a graph.",
};
const DEFAULT_FLAGS: string[] = [];
const NODEJS_COMPAT_OFF = ["no_nodejs_compat", "no_nodejs_compat_v2"];

describe("LangGraph agent and streamed chain", () => {
  it("node: the agent runs both tools to a final answer; the chain streams word by word; context helpers work", async () => {
    expectScenarios(await runScenarios(running.url));
    expect(await probeContext(running.url)).toEqual({ ...COMMON_CONTEXT, ...WITH_ALS });
  });

  it("workerd, default flags (nodejs_compat on), bundled as wrangler does: runs; getConfig()/interrupt() still find no AsyncLocalStorage", async () => {
    const run = await runInWorkerd(running.url, { compatibilityFlags: DEFAULT_FLAGS, asyncLocalStorage: false });
    expect(run.compatibilityDate >= "2026-08-04", "a date where nodejs_compat is the default").toBe(true);
    expect(run.nodeImports).toEqual([]);
    expectScenarios(run.result);
    expect(run.context).toEqual({ ...COMMON_CONTEXT, ...WITHOUT_ALS });
  }, 60_000);

  it("workerd, default flags, with LangGraph's AsyncLocalStorage set up from node:async_hooks: getConfig() and interrupt() work", async () => {
    const run = await runInWorkerd(running.url, { compatibilityFlags: DEFAULT_FLAGS, asyncLocalStorage: true });
    expect(run.nodeImports).toEqual(["node:async_hooks"]);
    expectScenarios(run.result);
    expect(run.context).toEqual({ ...COMMON_CONTEXT, ...WITH_ALS });
  }, 60_000);

  it("workerd, nodejs_compat off: the same Worker bundle runs (context helpers aside)", async () => {
    const run = await runInWorkerd(running.url, { compatibilityFlags: NODEJS_COMPAT_OFF, asyncLocalStorage: false });
    expect(run.nodeImports).toEqual([]);
    expectScenarios(run.result);
    expect(run.context).toEqual({ ...COMMON_CONTEXT, ...WITHOUT_ALS });
  }, 60_000);

  it("workerd, nodejs_compat off: the AsyncLocalStorage setup cannot load (no node:async_hooks)", async () => {
    await expect(runInWorkerd(running.url, { compatibilityFlags: NODEJS_COMPAT_OFF, asyncLocalStorage: true })).rejects.toThrow(/node:async_hooks/);
  }, 60_000);
});
