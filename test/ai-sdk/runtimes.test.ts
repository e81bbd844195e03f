// streamText with tools and toUIMessageStreamResponse() (what useChat reads) over bedrock-edge/ai-sdk,
// in Node, workerd and edge-runtime against the emulator on loopback, from the built package (dist/).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorServer, type RunningEmulator } from "../runtimes/emulator-server.js";
import { runInEdgeRuntime, runInWorkerd } from "./runtimes/launch.js";
import { runScenario, type ScenarioReport } from "./runtimes/scenario.js";

let emulator: RunningEmulator;
let node: ScenarioReport;

beforeAll(async () => {
  emulator = await startEmulatorServer();
  node = await runScenario(emulator.url);
});
afterAll(() => emulator?.close());

describe("useChat's stream from bedrock-edge/ai-sdk", () => {
  it("node: two steps, the tool's call and output, then the answer, as UI message chunks", () => {
    expect(node.status).toBe(200);
    expect(node.contentType).toBe("text/event-stream");
    expect(node.toolInput).toEqual({ city: "Paris" });
    expect(node.toolOutput).toEqual({ city: "Paris", temperature: 21 });
    expect(node.text).toBe('Tool get_weather returned: {"city":"Paris","temperature":21}');
    expect(node.finishReason).toBe("stop");
    expect(node.types[0]).toBe("start");
    expect(node.types.at(-1)).toBe("finish");
    expect(node.types.filter((t) => t === "start-step")).toHaveLength(2);
    for (const type of ["tool-input-start", "tool-input-delta", "tool-input-available", "tool-output-available", "text-start", "text-delta", "text-end"]) {
      expect(node.types).toContain(type);
    }
  });

  it.each([
    ["the default flags (nodejs_compat on)", []],
    ["nodejs_compat turned off", ["no_nodejs_compat", "no_nodejs_compat_v2"]],
  ])("workerd with %s: the same chunks as in Node", { timeout: 90_000 }, async (_mode, flags) => {
    const run = await runInWorkerd(emulator.url, flags);
    expect(run.engine).toBe("Cloudflare-Workers");
    expect(run.report).toEqual(node);
  });

  it("edge-runtime (Vercel Edge): the same chunks as in Node", { timeout: 90_000 }, async () => {
    const run = await runInEdgeRuntime(emulator.url);
    expect(run.engine).toMatch(/^edge-runtime \(EdgeRuntime=/);
    expect(run.report).toEqual(node);
  });
});
