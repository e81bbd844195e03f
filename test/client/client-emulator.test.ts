// BedrockRuntime against the emulator over real loopback HTTP.
import { describe, expect, it } from "vitest";
import { BedrockRuntime, BedrockRuntimeClient, ConverseStreamCommand, ConverseCommand } from "../../src/index.js";
import {
  ModelStreamErrorException,
  NetworkError,
  ThrottlingException,
  ValidationException,
  UnrecognizedClientException,
  AccessDeniedException,
  BedrockInputError,
} from "../../src/errors/index.js";
import type { ConverseStreamOutput } from "../../src/wire/index.js";
import { EMULATOR_API_KEY, EMULATOR_CREDENTIALS, EMULATOR_SESSION_CREDENTIALS } from "../../src/testing/index.js";
import { collect, MODEL, seed, textOf, useLoopback } from "./loopback.js";

const loop = useLoopback();
const client = loop.client;

describe("converse and converseStream over loopback", () => {
  it("streams the seed translation word by word", async () => {
    const response = await client().converseStream({ modelId: MODEL, messages: [seed] });
    expect(response.requestId).toMatch(/[0-9a-f-]{36}/);
    const events = await collect(response);
    expect(Object.keys(events[0]!)).toEqual(["messageStart"]);
    expect(textOf(events)).toBe("J'adore la programmation.");
    const deltas = events.filter((e) => e.contentBlockDelta);
    expect(deltas.length).toBe(3);
    expect(events.some((e) => e.messageStop?.stopReason === "end_turn")).toBe(true);
    const usage = events.find((e) => e.metadata)?.metadata?.usage;
    expect(usage?.outputTokens).toBeGreaterThan(0);
    expect(usage?.totalTokens).toBe((usage?.inputTokens ?? 0) + (usage?.outputTokens ?? 0));
  });

  it("answers Converse with the same text and $metadata", async () => {
    const out = await client().converse({ modelId: MODEL, messages: [seed] });
    expect(out.output?.message?.content?.[0]).toEqual({ text: "J'adore la programmation." });
    expect(out.stopReason).toBe("end_turn");
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.attempts).toBe(1);
  });

  it("exposes the events as a ReadableStream too", async () => {
    const response = await client().converseStream({ modelId: MODEL, messages: [seed] });
    const reader = response.stream.getReader();
    const events: ConverseStreamOutput[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      events.push(value);
    }
    expect(textOf(events)).toBe("J'adore la programmation.");
    expect(() => response[Symbol.asyncIterator]()).toThrow(/consumed once/);
  });

  it("ports SDK code: send(new ConverseStreamCommand(...)) and .stream", async () => {
    const sdk = new BedrockRuntimeClient({ region: "us-east-1", endpoint: loop.server().url, credentials: EMULATOR_CREDENTIALS });
    const { stream } = await sdk.send(new ConverseStreamCommand({ modelId: MODEL, messages: [seed] }));
    const events: ConverseStreamOutput[] = [];
    for await (const e of stream as unknown as AsyncIterable<ConverseStreamOutput>) events.push(e);
    expect(textOf(events)).toBe("J'adore la programmation.");
    const out = await sdk.send(new ConverseCommand({ modelId: MODEL, messages: [{ role: "user", content: [{ text: "hi" }] }] }));
    expect(out.output?.message?.role).toBe("assistant");
  });

  it("signs with session credentials and with an API key", async () => {
    const a = await client({ credentials: EMULATOR_SESSION_CREDENTIALS }).converse({ modelId: MODEL, messages: [seed] });
    expect(a.stopReason).toBe("end_turn");
    const b = await client({ credentials: undefined, apiKey: EMULATOR_API_KEY }).converse({ modelId: MODEL, messages: [seed] });
    expect(b.stopReason).toBe("end_turn");
    const kinds = loop.server().emulator.requests.map((r) => r.auth.kind);
    expect(kinds).toEqual(["sigv4", "bearer"]);
  });

  it("signs model ARNs and inference-profile ARNs (encoded path, double-encoded canonical path)", async () => {
    const arn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0";
    const response = await client({ region: undefined }).converseStream({ modelId: arn, messages: [seed] });
    expect(textOf(await collect(response))).toBe("J'adore la programmation.");
    const recorded = loop.server().emulator.requests[0]!;
    expect(recorded.path).toBe(`/model/${encodeURIComponent(arn)}/converse-stream`);
    expect(recorded.modelId).toBe(arn);
  });

  it("sends blobs given as Uint8Array as base64", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await client().converse({
      modelId: MODEL,
      messages: [{ role: "user", content: [{ text: "look" }, { image: { format: "png", source: { bytes: png } } }] }],
    });
    const body = loop.server().emulator.requests[0]!.body as { messages: Array<{ content: Array<{ image?: { source: { bytes: string } } }> }> };
    expect(body.messages[0]!.content[1]!.image!.source.bytes).toBe(btoa(String.fromCharCode(...png)));
  });

  it("counts tokens", async () => {
    const out = await client().countTokens({ modelId: MODEL, input: { converse: { messages: [seed] } } });
    expect(out.inputTokens).toBeGreaterThan(0);
  });
});

describe("errors", () => {
  it.each([
    ["wrong secret", { credentials: { ...EMULATOR_CREDENTIALS, secretAccessKey: "wrong-secret-value-1234567890" } }, 403],
    ["unknown key", { credentials: { accessKeyId: "AKIAUNKNOWN000000000", secretAccessKey: "x".repeat(40) } }, 403],
    ["bad API key", { credentials: undefined, apiKey: "bedrock-api-key-not-valid" }, 403],
  ])("%s → typed 403 without the secret in it", async (_name, extra, status) => {
    const error = await client(extra as never).converse({ modelId: MODEL, messages: [seed] }).catch((e) => e);
    expect(error.status).toBe(status);
    expect(error).toSatisfy((e: unknown) => e instanceof UnrecognizedClientException || e instanceof AccessDeniedException);
    expect(error.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(error.retryable).toBe(false);
    const dump = JSON.stringify(error) + String(error) + error.stack;
    expect(dump).not.toContain("wrong-secret-value");
    expect(dump).not.toContain("x".repeat(40));
    expect(dump).not.toContain("bedrock-api-key-not-valid");
  });

  it("maps a ValidationException from the service", async () => {
    const error = await client()
      // A rule only the service checks (the client refuses an assistant turn first itself now).
      .converse({ modelId: MODEL, messages: [{ role: "user", content: [{ toolResult: { toolUseId: "t1", content: [{ text: "x" }] } }] }] })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.status).toBe(400);
    expect(loop.server().emulator.requests).toHaveLength(1); // not retried
  });

  it("rejects bad input before any network call", async () => {
    const c = client();
    await expect(c.converse({ modelId: "", messages: [seed] })).rejects.toBeInstanceOf(BedrockInputError);
    await expect(c.converse({ modelId: MODEL, messages: "nope" } as never)).rejects.toBeInstanceOf(BedrockInputError);
    await expect(
      c.converse({ modelId: MODEL, messages: [{ role: "user", content: [{ bogus: 1 } as never] }] }),
    ).rejects.toBeInstanceOf(BedrockInputError);
    expect(loop.server().emulator.requests).toHaveLength(0);
  });

  it("needs a region before any network call", async () => {
    const c = new BedrockRuntime({ endpoint: loop.server().url, credentials: EMULATOR_CREDENTIALS });
    // AWS_REGION may be set in the developer's environment; only assert when it is not.
    if (!process.env.AWS_REGION && !process.env.AWS_DEFAULT_REGION) {
      await expect(c.converse({ modelId: MODEL, messages: [seed] })).rejects.toThrow(/region is required/);
    }
  });
});

describe("retries", () => {
  it("retries throttling (429 with Retry-After) and succeeds", async () => {
    loop.server().emulator.fault({ type: "throttle", retryAfterSeconds: 0, times: 2 });
    const out = await client().converse({ modelId: MODEL, messages: [seed] });
    expect(out.$metadata.attempts).toBe(3);
    expect(loop.server().emulator.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it("throws ThrottlingException after maxRetries", async () => {
    loop.server().emulator.fault({ type: "throttle", retryAfterSeconds: 0, times: Infinity });
    const error = await client({ maxRetries: 2 }).converseStream({ modelId: MODEL, messages: [seed] }).catch((e) => e);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error.retryable).toBe(true);
    expect(error.$metadata.attempts).toBe(3);
    expect(loop.server().emulator.requests).toHaveLength(3);
  });

  it("honours a Retry-After longer than the backoff", async () => {
    loop.server().emulator.fault({ type: "throttle", retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    await client().converse({ modelId: MODEL, messages: [seed] });
    const [first, second] = loop.server().emulator.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("does not retry when Retry-After exceeds maxRetryDelay", async () => {
    loop.server().emulator.fault({ type: "throttle", retryAfterSeconds: 60, times: 1 });
    await expect(client().converse({ modelId: MODEL, messages: [seed] })).rejects.toBeInstanceOf(ThrottlingException);
    expect(loop.server().emulator.requests).toHaveLength(1);
  });

  it.each([500, 503] as const)("retries a %i", async (status) => {
    loop.server().emulator.fault({ type: "server-error", status, times: 1 });
    const response = await client().converseStream({ modelId: MODEL, messages: [seed] });
    expect(textOf(await collect(response))).toBe("J'adore la programmation.");
    expect(response.$metadata.attempts).toBe(2);
  });

  it("retries a dropped connection as a network error, then gives up", async () => {
    loop.server().emulator.fault({ type: "disconnect", times: 1 });
    const ok = await client().converse({ modelId: MODEL, messages: [seed] });
    expect(ok.$metadata.attempts).toBe(2);
    loop.server().emulator.fault({ type: "disconnect", times: Infinity });
    const error = await client({ maxRetries: 1 }).converse({ modelId: MODEL, messages: [seed] }).catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
  });

  it("retries a throttling frame that arrives before any event reached the caller", async () => {
    loop.server().emulator.fault({ type: "exception-frame", afterEvents: 0, exceptionType: "throttlingException", times: 1 });
    const response = await client().converseStream({ modelId: MODEL, messages: [seed] });
    expect(textOf(await collect(response))).toBe("J'adore la programmation.");
    expect(response.$metadata.attempts).toBe(2);
  });

  it("never retries once events reached the caller", async () => {
    loop.server().emulator.fault({ type: "exception-frame", afterEvents: 2, exceptionType: "modelStreamErrorException" });
    const response = await client().converseStream({ modelId: MODEL, messages: [seed] });
    const seen: ConverseStreamOutput[] = [];
    const error = await (async () => {
      for await (const e of response) seen.push(e);
    })().catch((e) => e);
    expect(error).toBeInstanceOf(ModelStreamErrorException);
    expect(seen).toHaveLength(2);
    expect(loop.server().emulator.requests).toHaveLength(1);
  });
});
