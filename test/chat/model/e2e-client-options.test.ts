// ChatBedrockConverse passes the client's newer options through: per-call headers/timeout/retries, hooks, AI Gateway.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatBedrockConverse } from "../../../src/chat/model/chat-model.js";
import { BedrockInputError, ThrottlingException } from "../../../src/errors/index.js";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../../src/testing/node.js";
import { collect, useEmulator } from "./e2e-helpers.js";

const e2e = useEmulator();

describe("per-call client options", () => {
  it("headers reach Bedrock, signed, on invoke and stream", async () => {
    const model = e2e.chat();
    await model.invoke("Hello", { headers: { "x-tenant": "acme" } });
    await collect(await model.stream("Hello", { headers: { "x-tenant": "globex" } }));
    const sent = e2e.running.emulator.requests.map((r) => [r.headers["x-tenant"], /SignedHeaders=[^,]*x-tenant/.test(r.headers.authorization ?? "")]);
    expect(sent).toEqual([
      ["acme", true],
      ["globex", true],
    ]);
  });

  it("maxRetries per call overrides the constructor's", async () => {
    e2e.running.emulator.fault({ type: "throttle", times: 10 });
    const model = e2e.chat({ maxRetries: 0, random: () => 0 } as never);
    await expect(model.invoke("Hello", { maxRetries: 2 })).rejects.toBeInstanceOf(ThrottlingException);
    expect(e2e.running.emulator.requests).toHaveLength(3);
  });

  it("a header the client owns is refused by name before any request", async () => {
    await expect(e2e.chat().invoke("Hello", { headers: { authorization: "Bearer nope" } })).rejects.toThrow(BedrockInputError);
    expect(e2e.running.emulator.requests).toHaveLength(0);
  });
});

describe("hooks on the chat model", () => {
  it("see each request and response with model, status, request ID and usage, never credentials", async () => {
    const events: Array<Record<string, unknown>> = [];
    const model = e2e.chat({
      hooks: {
        onRequest: (e) => void events.push({ hook: "request", ...e }),
        onResponse: (e) => void events.push({ hook: "response", ...e }),
      },
    });
    const reply = await model.invoke("I love programming.");
    expect(events.map((e) => e.hook)).toEqual(["request", "response"]);
    expect(events[1]).toMatchObject({ operation: "Converse", modelId: model.model, status: 200, requestId: reply.id });
    expect(JSON.stringify(events)).not.toContain(EMULATOR_CREDENTIALS.secretAccessKey);
  });
});

describe("AI Gateway through the chat model", () => {
  let gateway: RunningEmulator;
  beforeAll(async () => {
    gateway = await startEmulator({ gateway: { token: "cf-aig-test-token-0123456789" } });
  });
  afterAll(() => gateway?.close());

  it("signs for Bedrock's host and sends to the gateway path with cf-aig-authorization", async () => {
    const model = new ChatBedrockConverse({
      model: "us.amazon.nova-micro-v1:0",
      region: "us-east-1",
      credentials: EMULATOR_CREDENTIALS,
      gateway: { accountId: "acct123", gatewayId: "my-gateway", token: "cf-aig-test-token-0123456789", baseUrl: gateway.url },
      maxRetries: 0,
    });
    const reply = await model.invoke("I love programming.");
    expect(reply.text).toBe("J'adore la programmation.");
    expect(gateway.emulator.requests.at(-1)?.path).toMatch(/^\/model\/us\.amazon\.nova-micro-v1%3A0\/converse$/);
  });
});
