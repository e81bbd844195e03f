// Hooks report each call and attempt as plain data (no secrets, header values or bodies), and a failing hook never breaks a call.
import { afterEach, describe, expect, it, vi } from "vitest";
import { BedrockRuntime } from "../../src/index.js";
import { AbortError, CredentialsProviderError, ThrottlingException, ValidationException } from "../../src/errors/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";
import type { BedrockRuntimeOptions, ClientHooks } from "../../src/client/index.js";

const MODEL = "us.amazon.nova-micro-v1:0";
const messages = [{ role: "user" as const, content: [{ text: "I love programming." }] }];

type Seen = Array<[string, Record<string, unknown>]>;

function setUp(extra: BedrockRuntimeOptions = {}) {
  const emulator = createBedrockEmulator();
  const seen: Seen = [];
  const record = (name: string) => (event: object) => void seen.push([name, { ...event }]);
  const hooks: ClientHooks = {
    onRequest: record("onRequest"),
    onResponse: record("onResponse"),
    onRetry: record("onRetry"),
    onError: record("onError"),
    onStreamEnd: record("onStreamEnd"),
  };
  const client = new BedrockRuntime({
    region: "us-east-1",
    credentials: EMULATOR_CREDENTIALS,
    endpoint: "https://bedrock.test",
    fetch: emulator.asFetch,
    random: () => 0,
    hooks,
    headers: { "x-tenant": "tenant-header-value" },
    ...extra,
  });
  return { emulator, client, seen, names: () => seen.map(([name]) => name) };
}

/** No secret, header value or body text in any event. */
function expectClean(seen: Seen) {
  const text = JSON.stringify(seen);
  for (const secret of [EMULATOR_CREDENTIALS.secretAccessKey, EMULATOR_CREDENTIALS.accessKeyId, "tenant-header-value", "I love programming", "adore"]) {
    expect(text).not.toContain(secret);
  }
}

afterEach(() => vi.restoreAllMocks());

describe("hooks", () => {
  it("converse: onRequest then onResponse with status, request id, latency and usage", async () => {
    const { client, seen, names } = setUp();
    const output = await client.converse({ modelId: MODEL, messages });
    expect(names()).toEqual(["onRequest", "onResponse"]);
    const [, request] = seen[0]!;
    const [, response] = seen[1]!;
    expect(request).toEqual({ operation: "Converse", modelId: MODEL, region: "us-east-1", callId: 1, attempt: 1 });
    expect(response).toMatchObject({ operation: "Converse", status: 200, requestId: output.$metadata.requestId, attempt: 1, usage: output.usage });
    expect(response.latencyMs).toBeGreaterThanOrEqual(0);
    expect(output.usage?.inputTokens).toBeGreaterThan(0);
    expectClean(seen);
  });

  it("retries: onResponse(429) and onRetry with the delay and error name per failed attempt, then success", async () => {
    const { emulator, client, seen, names } = setUp();
    emulator.fault({ type: "throttle", times: 2 });
    await client.converse({ modelId: MODEL, messages });
    expect(names()).toEqual(["onRequest", "onResponse", "onRetry", "onRequest", "onResponse", "onRetry", "onRequest", "onResponse"]);
    const retries = seen.filter(([n]) => n === "onRetry").map(([, e]) => e);
    expect(retries).toEqual([
      expect.objectContaining({ attempt: 1, errorName: "ThrottlingException", status: 429, delayMs: 0, reason: "retryable" }),
      expect.objectContaining({ attempt: 2, errorName: "ThrottlingException", status: 429, delayMs: 0, reason: "retryable" }),
    ]);
    expect(seen.filter(([n]) => n === "onResponse").map(([, e]) => e.status)).toEqual([429, 429, 200]);
    expect(retries[0]!.requestId).toMatch(/[0-9a-f-]{36}/);
  });

  it("a final failure: onError with name, status, retryable and the call's latency", async () => {
    const { emulator, client, seen, names } = setUp({ maxRetries: 1 });
    emulator.fault({ type: "throttle", times: 5 });
    await expect(client.converse({ modelId: MODEL, messages })).rejects.toBeInstanceOf(ThrottlingException);
    expect(names()).toEqual(["onRequest", "onResponse", "onRetry", "onRequest", "onResponse", "onError"]);
    expect(seen.at(-1)![1]).toMatchObject({ attempt: 2, errorName: "ThrottlingException", status: 429, retryable: true });
  });

  it("a refused request: onError once, not retried", async () => {
    const { emulator, client, seen, names } = setUp();
    emulator.fault({ type: "error", status: 400, errorType: "ValidationException", message: "nope" });
    await expect(client.converse({ modelId: MODEL, messages })).rejects.toBeInstanceOf(ValidationException);
    expect(names()).toEqual(["onRequest", "onResponse", "onError"]);
    expect(seen[2]![1]).toMatchObject({ errorName: "ValidationException", status: 400, retryable: false });
  });

  it("credentials that fail: onError without onRequest (nothing was sent)", async () => {
    const failing = async () => {
      throw new Error("no creds");
    };
    const { client, seen, names } = setUp({ credentials: failing });
    await expect(client.converse({ modelId: MODEL, messages })).rejects.toBeInstanceOf(CredentialsProviderError);
    expect(names()).toEqual(["onError"]);
    expect(seen[0]![1]).toMatchObject({ errorName: "CredentialsProviderError", status: undefined });
  });

  it("input errors are thrown before any attempt and report nothing", async () => {
    const { client, seen } = setUp();
    await expect(client.converse({ modelId: MODEL, messages: [] })).rejects.toThrow();
    expect(seen).toEqual([]);
  });

  it("an abort while waiting to retry reports onError with AbortError", async () => {
    const { emulator, client, names, seen } = setUp({ random: () => 0.999, maxRetryDelay: 5_000 });
    emulator.fault({ type: "throttle", times: 5 });
    const controller = new AbortController();
    const call = client.converse({ modelId: MODEL, messages }, { signal: controller.signal });
    await vi.waitFor(() => expect(names()).toContain("onRetry"));
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(AbortError);
    expect(names().at(-1)).toBe("onError");
    expect(seen.at(-1)![1].errorName).toBe("AbortError");
  });

  it("converseStream: onResponse at the first event, onStreamEnd with usage and stop reason once read", async () => {
    const { client, seen, names } = setUp();
    const response = await client.converseStream({ modelId: MODEL, messages });
    expect(names()).toEqual(["onRequest", "onResponse"]);
    let usage: unknown;
    for await (const event of response) if (event.metadata) usage = event.metadata.usage;
    expect(names()).toEqual(["onRequest", "onResponse", "onStreamEnd"]);
    expect(seen[2]![1]).toMatchObject({ operation: "ConverseStream", outcome: "completed", usage, stopReason: "end_turn", requestId: response.requestId });
    expect(seen[1]![1].usage).toBeUndefined();
    expectClean(seen);
  });

  it("converseStream: a cancelled read ends with outcome cancelled; a failed one with error and its name", async () => {
    const { emulator, client, seen } = setUp();
    const response = await client.converseStream({ modelId: MODEL, messages });
    for await (const _ of response) break;
    expect(seen.at(-1)).toEqual(["onStreamEnd", expect.objectContaining({ outcome: "cancelled" })]);
    emulator.fault({ type: "exception-frame", afterEvents: 2, exceptionType: "modelStreamErrorException", message: "boom" });
    const failing = await client.converseStream({ modelId: MODEL, messages });
    await expect((async () => {
      for await (const _ of failing) void _;
    })()).rejects.toThrow();
    expect(seen.at(-1)).toEqual(["onStreamEnd", expect.objectContaining({ outcome: "error", errorName: "ModelStreamErrorException", callId: 2 })]);
  });

  it("countTokens: reported as CountTokens; concurrent calls get distinct call ids", async () => {
    const { client, seen } = setUp();
    await Promise.all([
      client.countTokens({ modelId: MODEL, input: { converse: { messages } } }),
      client.converse({ modelId: MODEL, messages }),
    ]);
    const requests = seen.filter(([n]) => n === "onRequest").map(([, e]) => [e.operation, e.callId]);
    expect(requests).toEqual(expect.arrayContaining([["CountTokens", 1], ["Converse", 2]]));
  });

  it("a hook that throws, or rejects, does not break the call, and is reported once per hook", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const emulator = createBedrockEmulator();
    const client = new BedrockRuntime({
      region: "us-east-1",
      credentials: EMULATOR_CREDENTIALS,
      endpoint: "https://bedrock.test",
      fetch: emulator.asFetch,
      hooks: {
        onRequest() {
          throw new TypeError("hook bug");
        },
        onResponse: async () => {
          throw new RangeError("async hook bug");
        },
        onStreamEnd() {
          throw new Error("end hook bug");
        },
      },
    });
    const output = await client.converse({ modelId: MODEL, messages });
    expect(output.output?.message?.role).toBe("assistant");
    await client.converse({ modelId: MODEL, messages });
    const stream = await client.converseStream({ modelId: MODEL, messages });
    let count = 0;
    for await (const _ of stream) count++;
    expect(count).toBeGreaterThan(3);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(3));
    const lines = warn.mock.calls.map((c) => String(c[0]));
    expect(lines).toEqual([
      expect.stringMatching(/onRequest hook threw \(TypeError\)/),
      expect.stringMatching(/onResponse hook threw \(RangeError\)/),
      expect.stringMatching(/onStreamEnd hook threw \(Error\)/),
    ]);
  });

  it("events are frozen: a hook cannot change what the next hook or the call sees", async () => {
    // Assertions inside a hook would be swallowed with it; record and check outside.
    const outcome: { frozen?: boolean; write?: string } = {};
    const { client } = setUp({
      hooks: {
        onRequest(event) {
          outcome.frozen = Object.isFrozen(event);
          try {
            (event as { modelId: string }).modelId = "x";
            outcome.write = "allowed";
          } catch (error) {
            outcome.write = (error as Error).name;
          }
        },
      },
    });
    await client.converse({ modelId: MODEL, messages });
    expect(outcome).toEqual({ frozen: true, write: "TypeError" });
  });

  it.each([[{ onRequest: "log" }, /hooks.onRequest must be a function/], ["hooks", /hooks must be an object/]])("refuses hooks %j", (hooks, message) => {
    expect(() => new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, hooks: hooks as never })).toThrow(message);
  });
});
