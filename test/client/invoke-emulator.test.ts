// InvokeModel, InvokeModelWithResponseStream and ApplyGuardrail against the emulator over real loopback HTTP.
import { describe, expect, it } from "vitest";
import {
  ApplyGuardrailCommand,
  BedrockClient,
  BedrockRuntimeClient,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  invokeModel,
  invokeModelWithResponseStream,
} from "../../src/index.js";
import { BedrockInputError, ModelStreamErrorException, ThrottlingException, ValidationException } from "../../src/errors/index.js";
import type { ResponseStream } from "../../src/wire/index.js";
import { EMULATOR_CREDENTIALS } from "../../src/testing/index.js";
import { useLoopback } from "./loopback.js";

const loop = useLoopback();
const client = loop.client;
const CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0";
const TITAN = "amazon.titan-text-express-v1";
const LLAMA = "meta.llama3-8b-instruct-v1:0";
const claudeBody = { anthropic_version: "bedrock-2023-05-31", max_tokens: 256, messages: [{ role: "user", content: "I love programming." }] };
const utf8 = new TextDecoder();

async function chunks(iterable: AsyncIterable<ResponseStream>) {
  const out: Array<Record<string, unknown>> = [];
  for await (const event of iterable) {
    const bytes = (event as { chunk?: { bytes?: Uint8Array } }).chunk?.bytes;
    out.push(JSON.parse(utf8.decode(bytes)));
  }
  return out;
}

describe("invokeModel", () => {
  it.each([
    ["Anthropic Messages", CLAUDE, claudeBody, (j: any) => j.content[0].text, "end_turn"],
    ["Titan Text", TITAN, { inputText: "I love programming.", textGenerationConfig: { maxTokenCount: 100 } }, (j: any) => j.results[0].outputText, "FINISH"],
    ["Llama", LLAMA, { prompt: "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nI love programming.<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", max_gen_len: 100 }, (j: any) => j.generation, "stop"],
  ])("answers a %s body in that provider's shape", async (_name, modelId, body, textOf, stop) => {
    const out = await client().invokeModel({ modelId, body });
    expect(out.contentType).toBe("application/json");
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
    const json = JSON.parse(out.body.transformToString());
    expect(textOf(json)).toBe("J'adore la programmation.");
    expect(JSON.stringify(json)).toContain(stop);
    const sent = loop.server().emulator.requests.at(-1)!;
    expect(sent.path).toBe(`/model/${encodeURIComponent(modelId)}/invoke`);
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(sent.body).toEqual(body);
  });

  // The header names are those Bedrock sends on InvokeModel and langchain-aws's ChatBedrock reads
  // usage from (x-amzn-bedrock-input-token-count, -output-token-count, -invocation-latency); the
  // next test serves them from a hand-made fetch, independent of the emulator.
  it("reads Bedrock's invocation-metrics headers into $invocationMetrics (not enumerable) and hooks' usage", async () => {
    const usages: unknown[] = [];
    const bedrock = new BedrockClient({
      region: "us-east-1",
      credentials: EMULATOR_CREDENTIALS,
      endpoint: loop.server().url,
      hooks: { onResponse: (event) => usages.push(event.usage) },
    });
    const out = await invokeModel(bedrock, { modelId: "mistral.mistral-large-2407-v1:0", body: { prompt: "<s>[INST] I love programming. [/INST]" } });
    const m = out.$invocationMetrics!;
    expect(m.inputTokenCount).toBeGreaterThan(0);
    expect(m.outputTokenCount).toBeGreaterThan(0);
    expect(m.invocationLatency).toBeGreaterThanOrEqual(0);
    // Same keys as the AWS SDK's output: the metrics ride alongside, unseen by JSON and equality.
    expect(Object.keys(out)).not.toContain("$invocationMetrics");
    expect(JSON.stringify(out)).not.toContain("TokenCount");
    expect(usages).toEqual([{ inputTokens: m.inputTokenCount, outputTokens: m.outputTokenCount, totalTokens: m.inputTokenCount! + m.outputTokenCount! }]);
  });

  it("takes only whole, non-negative counts from those headers", async () => {
    const headers = { "x-amzn-bedrock-input-token-count": "12", "x-amzn-bedrock-output-token-count": "1e3x", "x-amzn-bedrock-invocation-latency": "-4" };
    const bedrock = new BedrockClient({
      region: "us-east-1",
      credentials: EMULATOR_CREDENTIALS,
      fetch: async () => new Response("{}", { status: 200, headers: { "content-type": "application/json", ...headers } }),
    });
    const out = await invokeModel(bedrock, { modelId: "mistral.mistral-large-2407-v1:0", body: {} });
    expect(out.$invocationMetrics).toEqual({ inputTokenCount: 12 });
    const none = await invokeModel(
      new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch: async () => new Response("{}", { status: 200 }) }),
      { modelId: "mistral.mistral-large-2407-v1:0", body: {} },
    );
    expect(none.$invocationMetrics).toBeUndefined();
  });

  it("sends the header members and reads performanceConfigLatency / serviceTier back", async () => {
    const out = await client().invokeModel({
      modelId: CLAUDE,
      body: JSON.stringify(claudeBody),
      contentType: "application/json",
      accept: "application/json",
      trace: "ENABLED",
      guardrailIdentifier: "gr-1",
      guardrailVersion: "2",
      performanceConfigLatency: "optimized",
      serviceTier: "priority",
    });
    expect(out.performanceConfigLatency).toBe("optimized");
    expect(out.serviceTier).toBe("priority");
    const headers = loop.server().emulator.requests.at(-1)!.headers;
    expect(headers).toMatchObject({
      accept: "application/json",
      "x-amzn-bedrock-trace": "ENABLED",
      "x-amzn-bedrock-guardrailidentifier": "gr-1",
      "x-amzn-bedrock-guardrailversion": "2",
      "x-amzn-bedrock-performanceconfig-latency": "optimized",
      "x-amzn-bedrock-service-tier": "priority",
    });
    // Signed like the rest: the emulator verified the SigV4 signature over them.
    expect(headers.authorization).toContain("x-amzn-bedrock-trace");
  });

  it("retries a throttle and reports the attempts", async () => {
    loop.server().emulator.fault({ type: "throttle", times: 1 });
    const out = await client().invokeModel({ modelId: CLAUDE, body: claudeBody });
    expect(out.$metadata.attempts).toBe(2);
    expect(loop.server().emulator.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("a body the model refuses is Bedrock's ValidationException, in its wording", async () => {
    const { max_tokens: _, ...body } = claudeBody;
    const error = await client().invokeModel({ modelId: CLAUDE, body }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toBe('Malformed input request: #: subject must not be valid against schema {"required":["messages"]}#: required key [max_tokens] not found, please reformat your input and try again.');
  });

  it("bad input is a BedrockInputError before any request", async () => {
    const calls = loop.server().emulator.requests.length;
    await expect(client().invokeModel({ modelId: "", body: claudeBody })).rejects.toBeInstanceOf(BedrockInputError);
    await expect(client().invokeModel({ modelId: CLAUDE, body: claudeBody, trace: "ON" as never })).rejects.toThrow(/trace/);
    await expect(client().invokeModel({ modelId: CLAUDE, body: claudeBody, accept: "a\nb" })).rejects.toThrow(BedrockInputError);
    const bare = new BedrockClient({ region: "us-east-1", endpoint: loop.server().url, credentials: EMULATOR_CREDENTIALS });
    const { invokeModel } = await import("../../src/index.js");
    await expect(invokeModel(bare, { modelId: CLAUDE, body: claudeBody, serviceTier: "x\u0000" as never })).rejects.toThrow(/serviceTier/);
    expect(loop.server().emulator.requests.length).toBe(calls);
  });
});

describe("invokeModelWithResponseStream", () => {
  it("streams Anthropic's native events as chunks, metrics in the last", async () => {
    const response = await client().invokeModelWithResponseStream({ modelId: CLAUDE, body: claudeBody });
    expect(response.contentType).toBe("application/json");
    const events = await chunks(response.body);
    expect(events.map((e) => e.type)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    const text = events.filter((e) => e.type === "content_block_delta").map((e: any) => e.delta.text).join("");
    expect(text).toBe("J'adore la programmation.");
    expect(events.at(-1)!["amazon-bedrock-invocationMetrics"]).toMatchObject({ inputTokenCount: expect.any(Number), outputTokenCount: expect.any(Number) });
    const sent = loop.server().emulator.requests.at(-1)!;
    expect(sent.path).toBe(`/model/${encodeURIComponent(CLAUDE)}/invoke-with-response-stream`);
    expect(sent.headers.accept).toBe("application/vnd.amazon.eventstream");
  });

  it.each([
    [TITAN, { inputText: "I love programming." }, (e: any) => e.outputText],
    [LLAMA, { prompt: "I love programming." }, (e: any) => e.generation],
  ])("streams %s's native chunks", async (modelId, body, piece) => {
    const events = await chunks(await client().invokeModelWithResponseStream({ modelId, body }));
    expect(events.map(piece).join("")).toBe("J'adore la programmation.");
    expect(events.at(-1)!["amazon-bedrock-invocationMetrics"]).toBeDefined();
    expect(events.slice(0, -1).every((e) => e["amazon-bedrock-invocationMetrics"] === undefined)).toBe(true);
  });

  it("retries a throttling frame that comes first, then streams", async () => {
    loop.server().emulator.fault({ type: "exception-frame", afterEvents: 0, exceptionType: "throttlingException", operations: ["invoke-with-response-stream"] });
    const response = await client().invokeModelWithResponseStream({ modelId: CLAUDE, body: claudeBody });
    expect(response.$metadata.attempts).toBe(2);
    expect((await chunks(response)).length).toBe(8);
  });

  it("throws an in-stream exception typed, after the events before it", async () => {
    loop.server().emulator.fault({ type: "exception-frame", afterEvents: 2, exceptionType: "modelStreamErrorException", message: "boom" });
    const response = await client().invokeModelWithResponseStream({ modelId: CLAUDE, body: claudeBody });
    const seen: ResponseStream[] = [];
    const error = await (async () => {
      for await (const event of response) seen.push(event);
    })().catch((e) => e);
    expect(seen.length).toBe(2);
    expect(error).toBeInstanceOf(ModelStreamErrorException);
    expect(error.message).toBe("boom");
  });

  it("bad input is refused before any request (bare client, no validator)", async () => {
    const bare = new BedrockClient({ region: "us-east-1", endpoint: loop.server().url, credentials: EMULATOR_CREDENTIALS });
    await expect(invokeModelWithResponseStream(bare, { modelId: undefined, body: "{}" })).rejects.toBeInstanceOf(BedrockInputError);
    expect(loop.server().emulator.requests.length).toBe(0);
  });
});

describe("applyGuardrail", () => {
  it.each([
    ["lets clean text through", "Hello there", "NONE", 0],
    ["intervenes on a blocked word", "this is forbidden", "GUARDRAIL_INTERVENED", 1],
  ])("%s", async (_name, text, action, outputs) => {
    const out = await client().applyGuardrail({ guardrailIdentifier: "gr-abc123", guardrailVersion: "1", source: "INPUT", content: [{ text: { text } }] });
    expect(out.action).toBe(action);
    expect(out.outputs).toHaveLength(outputs);
    expect(out.assessments?.[0]?.invocationMetrics?.usage?.wordPolicyUnits).toBe(1);
    expect(out.$metadata.httpStatusCode).toBe(200);
    const sent = loop.server().emulator.requests.at(-1)!;
    expect(sent.path).toBe("/guardrail/gr-abc123/version/1/apply");
    expect(sent.body).toEqual({ source: "INPUT", content: [{ text: { text } }] });
  });

  it("reports the blocked words as the assessment's custom words", async () => {
    const out = await client().applyGuardrail({ guardrailIdentifier: "gr-1", guardrailVersion: "DRAFT", source: "OUTPUT", content: [{ text: { text: "BLOCKED here" } }] });
    expect(out.outputs).toEqual([{ text: "Sorry, the model cannot answer this question." }]);
    expect(out.assessments?.[0]?.wordPolicy?.customWords).toEqual([{ match: "BLOCKED", action: "BLOCKED", detected: true }]);
  });

  it("retries a 503 and types a refused body", async () => {
    loop.server().emulator.fault({ type: "server-error", status: 503 });
    const out = await client().applyGuardrail({ guardrailIdentifier: "gr-1", guardrailVersion: "1", source: "INPUT", content: [{ text: { text: "hi" } }] });
    expect(out.$metadata.attempts).toBe(2);
    const bare = new BedrockClient({ region: "us-east-1", endpoint: loop.server().url, credentials: EMULATOR_CREDENTIALS });
    const { applyGuardrail } = await import("../../src/index.js");
    const error = await applyGuardrail(bare, { guardrailIdentifier: "gr-1", guardrailVersion: "1", source: undefined, content: [] }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toMatch(/Value null at 'source'/);
  });

  it("bad input is refused before any request", async () => {
    await expect(
      client().applyGuardrail({ guardrailIdentifier: "gr-1", guardrailVersion: "1", source: "SIDEWAYS", content: [] }),
    ).rejects.toThrow(/source/);
    await expect(client().applyGuardrail({ guardrailIdentifier: "", guardrailVersion: "1", source: "INPUT", content: [] })).rejects.toThrow(/guardrailIdentifier/);
    expect(loop.server().emulator.requests.length).toBe(0);
  });
});

describe("commands", () => {
  it("BedrockRuntimeClient.send runs the three new commands", async () => {
    const sdk = new BedrockRuntimeClient({ region: "us-east-1", endpoint: loop.server().url, credentials: EMULATOR_CREDENTIALS });
    const invoked = await sdk.send(new InvokeModelCommand({ modelId: CLAUDE, body: claudeBody }));
    expect(JSON.parse(invoked.body.transformToString()).type).toBe("message");
    const streamed = await sdk.send(new InvokeModelWithResponseStreamCommand({ modelId: CLAUDE, body: claudeBody }));
    expect((await chunks(streamed.body)).at(-1)!.type).toBe("message_stop");
    const guarded = await sdk.send(new ApplyGuardrailCommand({ guardrailIdentifier: "g", guardrailVersion: "1", source: "INPUT", content: [{ text: { text: "ok" } }] }));
    expect(guarded.action).toBe("NONE");
  });
});
