// docs/observability.md's example is test/client/docs/observability-example.ts verbatim, and it works: spans and log lines from hook data alone.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BedrockRuntime, type ClientHooks } from "../../src/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";
import { loggingHooks, tracingHooks, type Span, type Tracer } from "./docs/observability-example.js";

const MODEL = "us.amazon.nova-micro-v1:0";
const messages = [{ role: "user" as const, content: [{ text: "I love programming." }] }];

interface Recorded {
  name: string;
  attributes: Record<string, string | number>;
  events: Array<[string, Record<string, string | number>]>;
  status?: { code: number; message?: string };
  ended: boolean;
}

function fakeTracer(): { tracer: Tracer; spans: Recorded[] } {
  const spans: Recorded[] = [];
  const tracer: Tracer = {
    startSpan(name, options) {
      const recorded: Recorded = { name, attributes: { ...options.attributes }, events: [], ended: false };
      spans.push(recorded);
      const span: Span = {
        setAttribute: (k, v) => void (recorded.attributes[k] = v),
        addEvent: (n, a) => void recorded.events.push([n, a]),
        setStatus: (s) => void (recorded.status = s),
        end: () => void (recorded.ended = true),
      };
      return span;
    },
  };
  return { tracer, spans };
}

function client(hooks: ClientHooks) {
  const emulator = createBedrockEmulator();
  const c = new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, endpoint: "https://bedrock.test", fetch: emulator.asFetch, random: () => 0, maxRetries: 2, hooks });
  return { emulator, client: c };
}

describe("docs/observability.md", () => {
  it("shows the example file verbatim", () => {
    const doc = readFileSync(new URL("../../docs/observability.md", import.meta.url), "utf8");
    const file = readFileSync(new URL("docs/observability-example.ts", import.meta.url), "utf8");
    const block = /^```ts\n(\/\/ test\/client\/docs\/observability-example\.ts[\s\S]*?)^```$/m.exec(doc)?.[1];
    expect(block).toBe(file);
  });

  it("tracingHooks: one span per call, retries as events, usage and status set, streams ended with their events", async () => {
    const { tracer, spans } = fakeTracer();
    const { emulator, client: c } = client(tracingHooks(tracer));
    emulator.fault({ type: "throttle", times: 1 });
    const reply = await c.converse({ modelId: MODEL, messages });
    const stream = await c.converseStream({ modelId: MODEL, messages });
    expect(spans[1]!.ended).toBe(false);
    for await (const _ of stream) void _;
    emulator.fault({ type: "error", status: 400, errorType: "ValidationException", message: "no" });
    await c.converse({ modelId: MODEL, messages }).catch(() => {});

    expect(spans.map((s) => [s.name, s.ended, s.status?.code])).toEqual([
      ["bedrock Converse", true, 1],
      ["bedrock ConverseStream", true, 1],
      ["bedrock Converse", true, 2],
    ]);
    expect(spans[0]!.attributes).toMatchObject({
      "rpc.method": "Converse",
      "gen_ai.request.model": MODEL,
      "http.response.status_code": 200,
      "aws.request_id": reply.$metadata.requestId!,
      "gen_ai.usage.input_tokens": reply.usage!.inputTokens!,
    });
    expect(spans[0]!.events).toEqual([["retry", { attempt: 1, "error.type": "ThrottlingException", delay_ms: 0 }]]);
    expect(spans[1]!.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
    expect(spans[1]!.attributes["gen_ai.response.finish_reasons"]).toBe("end_turn");
    expect(spans[2]!.attributes["error.type"]).toBe("ValidationException");
    expect(JSON.stringify(spans)).not.toContain(EMULATOR_CREDENTIALS.secretAccessKey);
  });

  it("loggingHooks: one line per event, nothing secret", async () => {
    const lines: string[] = [];
    const { emulator, client: c } = client(loggingHooks((line) => lines.push(line)));
    emulator.fault({ type: "throttle", times: 1 });
    await c.converse({ modelId: MODEL, messages });
    const stream = await c.converseStream({ modelId: MODEL, messages });
    for await (const _ of stream) void _;
    expect(lines.map((l) => l.replace(/\d+ ms/g, "N ms").replace(/ [0-9a-f-]{36}$/, " <id>"))).toEqual([
      `Converse#1 attempt 1 → ${MODEL} (us-east-1)`,
      "Converse#1 attempt 1 ← 429 in N ms <id>",
      "Converse#1 attempt 1 ThrottlingException, retrying in N ms",
      `Converse#1 attempt 2 → ${MODEL} (us-east-1)`,
      "Converse#1 attempt 2 ← 200 in N ms <id>",
      `ConverseStream#2 attempt 1 → ${MODEL} (us-east-1)`,
      "ConverseStream#2 attempt 1 ← 200 in N ms <id>",
      expect.stringMatching(/^ConverseStream#2 attempt 1 stream completed, \d+ tokens in N ms$/),
    ]);
    expect(lines.join("\n")).not.toContain(EMULATOR_CREDENTIALS.secretAccessKey);
  });
});
