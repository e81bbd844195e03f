// The same route file bundled for the Edge runtime (esbuild, edge-light conditions, IIFE) and run in Vercel's edge-runtime VM against the emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";
import { startEmulator, type RunningEmulator } from "../../src/testing/node.js";
import { watchBodies } from "./body-watch.js";
import { runRouteInEdgeRuntime, type EdgeRun } from "./edge/launch.js";
import { lastUserText, MODEL_ID, replyOf, routeEnv, SEED, SLOW_PROMPT, SYSTEM_PROMPT, TRANSLATION } from "./route-fixtures.js";

const emulator = createBedrockEmulator();
const { watched, fates } = watchBodies(emulator);
let server: RunningEmulator;
let run: EdgeRun;

beforeAll(async () => {
  server = await startEmulator({ emulator: watched });
  emulator.script((request) => (lastUserText(request.body) === SLOW_PROMPT ? { fault: { type: "drip", delayMs: 40, chunkBytes: 16 } } : undefined), {
    times: Infinity,
  });
  // Unset variables travel as "" (the child's environment is strings only; bedrock-edge reads "" as unset).
  const env = Object.fromEntries(Object.entries(routeEnv(server.url)).map(([name, value]) => [name, value ?? ""]));
  run = await runRouteInEdgeRuntime(env, { seed: SEED, slow: SLOW_PROMPT });
}, 120_000);
afterAll(() => server.close());

const sse = (body: string) => new Response(body, { headers: { "content-type": "text/event-stream; charset=utf-8" } });
const slowCalls = () => emulator.requests.filter((r) => lastUserText(r.body) === SLOW_PROMPT);
const translateCall = () => emulator.requests.find((r) => lastUserText(r.body) === SEED)!;

describe("examples/nextjs route in the edge-runtime VM", () => {
  it("ran in the VM (EdgeRuntime is set there, not in Node)", () => {
    expect(run.engine).toBe("edge-runtime (EdgeRuntime=edge-runtime)");
  });

  it("streams the translation as SSE, with usage and the stop reason", async () => {
    const { status, contentType, body } = run.results.translate;
    expect([status, contentType]).toEqual([200, "text/event-stream; charset=utf-8"]);
    const reply = await replyOf(sse(body!));
    expect(reply.text).toBe(TRANSLATION);
    expect(reply.response_metadata.stopReason).toBe("end_turn");
    const usage = reply.usage_metadata!;
    expect(usage.output_tokens).toBeGreaterThan(0);
    expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens);
  });

  it("read its settings from process.env in the VM: endpoint, model, region and access keys", () => {
    const call = translateCall();
    expect([call.operation, call.modelId, call.auth]).toEqual(["converse-stream", MODEL_ID, { kind: "sigv4", accessKeyId: EMULATOR_CREDENTIALS.accessKeyId }]);
    expect(call.body).toMatchObject({ system: [{ text: SYSTEM_PROMPT }], inferenceConfig: { maxTokens: 1024 } });
  });

  it("refuses a body that is not JSON with 400 before calling Bedrock", () => {
    const { status, contentType, body } = run.results.badBody;
    expect([status, contentType]).toEqual([400, "application/json"]);
    expect(JSON.parse(body!)).toEqual({ message: "The body must be JSON" });
    // The two slow replies and the translation: nothing for the bad body.
    expect(emulator.requests).toHaveLength(3);
  });

  it("a cancelled response body closes the Bedrock connection mid-stream, before the client's next request", () => {
    const { status, seen, leftAt } = run.results.cancelBody;
    expect(status).toBe(200);
    expect(seen).toContain("event: delta");
    const fate = fates.find((f) => f.requestId === slowCalls()[0]!.requestId)!;
    expect(fate.state).toBe("cancelled");
    // Closed after the client left and before its next request: the cancel did it, not the host exiting.
    expect(fate.cancelledAt!).toBeGreaterThanOrEqual(leftAt!);
    expect(fate.cancelledAt!).toBeLessThan(translateCall().receivedAt);
  });

  it("an aborted request.signal closes it too, and the stream ends with an AbortError event", () => {
    const { status, rest, leftAt } = run.results.abortSignal;
    expect(status).toBe(200);
    const fate = fates.find((f) => f.requestId === slowCalls()[1]!.requestId)!;
    expect(fate.state).toBe("cancelled");
    expect(fate.cancelledAt!).toBeGreaterThanOrEqual(leftAt!);
    expect(fate.cancelledAt!).toBeLessThan(translateCall().receivedAt);
    expect(rest).toMatch(/event: error\ndata: \{"name":"AbortError"[^\n]*\n\n$/);
  });
});
