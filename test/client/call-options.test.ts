// Per-call control and client headers: signed and sent, overridden per call, refused before any request when unsafe.
import { describe, expect, it } from "vitest";
import { BedrockRuntime, BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, CountTokensCommand } from "../../src/index.js";
import { BedrockInputError, ThrottlingException, TimeoutError } from "../../src/errors/index.js";
import { createBedrockEmulator, EMULATOR_API_KEY, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";
import type { BedrockRuntimeOptions } from "../../src/client/index.js";

const MODEL = "us.amazon.nova-micro-v1:0";
const messages = [{ role: "user" as const, content: [{ text: "I love programming." }] }];

function setUp(extra: BedrockRuntimeOptions = {}) {
  const emulator = createBedrockEmulator();
  const options: BedrockRuntimeOptions = {
    region: "us-east-1",
    credentials: EMULATOR_CREDENTIALS,
    endpoint: "https://bedrock.test",
    fetch: emulator.asFetch,
    random: () => 0,
    ...extra,
  };
  return { emulator, client: new BedrockRuntimeClient(options) };
}

const signedHeaderNames = (authorization: string | undefined) => /SignedHeaders=([^,]+)/.exec(authorization ?? "")?.[1]?.split(";") ?? [];

describe("headers", () => {
  it("client headers are sent and signed on every request; the emulator verifies the signature", async () => {
    const { emulator, client } = setUp({ headers: { "X-Tenant": "acme", "cf-aig-cache-ttl": "60" } });
    await client.converse({ modelId: MODEL, messages });
    await client.countTokens({ modelId: MODEL, input: { converse: { messages } } });
    expect(emulator.requests).toHaveLength(2);
    for (const request of emulator.requests) {
      expect(request.status).toBe(200);
      expect(request.headers["x-tenant"]).toBe("acme");
      expect(signedHeaderNames(request.headers.authorization)).toEqual(expect.arrayContaining(["x-tenant", "cf-aig-cache-ttl"]));
    }
  });

  it("a call's headers add to and override the client's, name by name, case-insensitively", async () => {
    const { emulator, client } = setUp({ headers: { "x-tenant": "acme", "x-team": "core" } });
    await client.converse({ modelId: MODEL, messages }, { headers: { "X-Tenant": "globex", "x-trace": "t-1" } });
    await client.converse({ modelId: MODEL, messages });
    const [first, second] = emulator.requests;
    expect([first!.headers["x-tenant"], first!.headers["x-team"], first!.headers["x-trace"]]).toEqual(["globex", "core", "t-1"]);
    expect([second!.headers["x-tenant"], second!.headers["x-trace"]]).toEqual(["acme", undefined]);
    expect(first!.status).toBe(200);
  });

  it("Headers objects and [name, value] pairs are accepted, and the stream and send() paths carry them", async () => {
    const { emulator, client } = setUp({ headers: new Headers({ "x-a": "1" }) });
    const { stream } = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages }), { headers: [["x-b", "2"]] });
    for await (const _ of stream) void _;
    await client.send(new ConverseCommand({ modelId: MODEL, messages }), { headers: { "x-c": "3" } });
    expect(emulator.requests.map((r) => [r.headers["x-a"], r.headers["x-b"], r.headers["x-c"]])).toEqual([
      ["1", "2", undefined],
      ["1", undefined, "3"],
    ]);
  });

  it("with an API key the headers are sent too", async () => {
    const { emulator, client } = setUp({ credentials: undefined, apiKey: EMULATOR_API_KEY, headers: { "x-tenant": "acme" } });
    await client.converse({ modelId: MODEL, messages });
    expect(emulator.requests[0]!.headers["x-tenant"]).toBe("acme");
  });

  const SECRET_VALUE = "value-with-secret-in-it";
  it.each([
    ["authorization", { Authorization: "Bearer x" }, /headers: "Authorization" is set by the client/],
    ["x-amz-date", { "x-amz-date": "20250101T000000Z" }, /"x-amz-date" is set by the client/],
    ["x-amz-security-token", { "X-Amz-Security-Token": SECRET_VALUE }, /"X-Amz-Security-Token" is set by the client/],
    ["x-amz-content-sha256", { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" }, /is set by the client/],
    ["host", { host: "evil.example" }, /"host" is set by the client/],
    ["content-length", { "content-length": "1" }, /is set by the client/],
    ["content-type", { "content-type": "text/plain" }, /is set by the client/],
    ["accept", { accept: "text/html" }, /is set by the client/],
    ["x-amz-user-agent", { "x-amz-user-agent": "me" }, /use `userAgentAppId`/],
    ["cf-aig-authorization", { "cf-aig-authorization": `Bearer ${SECRET_VALUE}` }, /use `gateway.token`/],
    ["a forbidden fetch header", { Cookie: SECRET_VALUE }, /"Cookie" is a header browsers refuse to send/],
    ["a sec- header", { "sec-fetch-mode": "cors" }, /browsers refuse/],
    ["a bad name", { "x bad": "1" }, /headers: "x bad" is not a valid header name/],
    ["a name with CR LF", { "x-a\r\nx-b": "1" }, /"x-a\\r\\nx-b" is not a valid header name/],
    ["a value with CR LF", { "x-a": `${SECRET_VALUE}\r\nx-injected: 1` }, /the value of "x-a" must be visible ASCII/],
    ["a value with NUL", { "x-a": `${SECRET_VALUE}\0` }, /the value of "x-a" must be visible ASCII/],
    ["a non-ASCII value", { "x-a": `${SECRET_VALUE}é` }, /the value of "x-a" must be visible ASCII/],
    ["a non-string value", { "x-a": 1 }, /the value of "x-a" must be a string/],
  ])("refuses %s, at construction and per call, before any request, never showing the value", async (_label, headers, message) => {
    expect(() => setUp({ headers: headers as never })).toThrow(BedrockInputError);
    expect(() => setUp({ headers: headers as never })).toThrow(message);
    const { emulator, client } = setUp();
    for (const call of [
      () => client.converse({ modelId: MODEL, messages }, { headers: headers as never }),
      () => client.converseStream({ modelId: MODEL, messages }, { headers: headers as never }),
      () => client.countTokens({ modelId: MODEL, input: { converse: { messages } } }, { headers: headers as never }),
      () => client.send(new CountTokensCommand({ modelId: MODEL, input: { converse: { messages } } }), { headers: headers as never }),
    ]) {
      const error = await call().then(() => undefined, (e: unknown) => e as Error);
      expect(error).toBeInstanceOf(BedrockInputError);
      expect(error!.message).toMatch(message);
      expect(error!.message).not.toContain(SECRET_VALUE);
    }
    expect(emulator.requests).toHaveLength(0);
  });

  it("headers that are not an object, Headers or pairs are refused", () => {
    expect(() => setUp({ headers: "x-a: 1" as never })).toThrow(/headers must be an object of header names to values/);
    expect(() => setUp({ headers: [["x-a"]] as never })).toThrow(/headers\[0\]: must be a \[name, value\] pair/);
  });
});

describe("userAgentAppId", () => {
  it("is appended to x-amz-user-agent as app/<id>, as the AWS SDK does", async () => {
    const { emulator, client } = setUp({ userAgentAppId: "checkout-svc" });
    await client.converse({ modelId: MODEL, messages });
    expect(emulator.requests[0]!.headers["x-amz-user-agent"]).toMatch(/^bedrock-edge\/\S+ app\/checkout-svc$/);
    expect(signedHeaderNames(emulator.requests[0]!.headers.authorization)).toContain("x-amz-user-agent");
  });

  it.each([[""], ["has space"], ["x".repeat(51)], ["new\nline"], [42]])("refuses %j", (appId) => {
    expect(() => setUp({ userAgentAppId: appId as never })).toThrow(/userAgentAppId must be 1 to 50/);
  });
});

describe("per-call timeout, maxRetries and streamIdleTimeout", () => {
  it("maxRetries per call overrides the client's", async () => {
    const { emulator, client } = setUp({ maxRetries: 3 });
    emulator.fault({ type: "throttle", times: 5 });
    const error = await client.converse({ modelId: MODEL, messages }, { maxRetries: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(emulator.requests).toHaveLength(2);
    emulator.reset();
    emulator.fault({ type: "throttle", times: 2 });
    await expect(client.converse({ modelId: MODEL, messages })).resolves.toMatchObject({ $metadata: { attempts: 3 } });
  });

  it("send() passes maxRetries through (and abortSignal still works)", async () => {
    const { emulator, client } = setUp();
    emulator.fault({ type: "throttle", times: 5 });
    await expect(client.send(new ConverseCommand({ modelId: MODEL, messages }), { maxRetries: 0 })).rejects.toBeInstanceOf(ThrottlingException);
    expect(emulator.requests).toHaveLength(1);
    const aborted = AbortSignal.abort();
    await expect(client.send(new ConverseCommand({ modelId: MODEL, messages }), { abortSignal: aborted })).rejects.toMatchObject({ name: "AbortError" });
  });

  it("timeout per call overrides the client's", async () => {
    // Never answers; gives up only when the request's signal aborts, as fetch does.
    const hang = ((_url: unknown, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)))) as typeof fetch;
    const client = new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch: hang, timeout: 60_000, maxRetries: 0 });
    const started = Date.now();
    const error = await client.converse({ modelId: MODEL, messages }, { timeout: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/within 50 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("streamIdleTimeout per call ends a stalled stream", async () => {
    const { emulator, client } = setUp({ streamIdleTimeout: 60_000 });
    emulator.script({ stream: [{ messageStart: { role: "assistant" } }, { delayMs: 1_000 }, { messageStop: { stopReason: "end_turn" } }] });
    const response = await client.converseStream({ modelId: MODEL, messages }, { streamIdleTimeout: 100 });
    const error = await (async () => {
      for await (const _ of response) void _;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it.each([
    [{ timeout: 0 }, /timeout must be a positive number/],
    [{ timeout: "5" }, /timeout must be a positive number/],
    [{ maxRetries: -1 }, /maxRetries must be a non-negative integer/],
    [{ maxRetries: 1.5 }, /maxRetries must be a non-negative integer/],
    [{ streamIdleTimeout: Number.NaN }, /streamIdleTimeout must be a positive number/],
    [{ signal: "stop" }, /signal must be an AbortSignal/],
  ])("refuses %j before any request", async (options, message) => {
    const { emulator, client } = setUp();
    await expect(client.converse({ modelId: MODEL, messages }, options as never)).rejects.toThrow(message);
    await expect(client.send(new ConverseCommand({ modelId: MODEL, messages }), options as never)).rejects.toThrow(message);
    expect(emulator.requests).toHaveLength(0);
  });

  it("refuses call options that are not an object", async () => {
    const { client } = setUp();
    await expect(client.converse({ modelId: MODEL, messages }, null as never)).rejects.toThrow(/call options must be an object/);
  });
});
