// The Worker's AI Gateway vars, end to end: its chat model through the emulator's gateway path, in both modes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatModel, type Env } from "../../worker-example/src/env.js";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../src/testing/node.js";

const TOKEN = "cf-aig-worker-test-token-0123456789";
let gateway: RunningEmulator;
beforeAll(async () => {
  gateway = await startEmulator({ gateway: { token: TOKEN, storedKeys: true } });
});
afterAll(() => gateway?.close());

const env = (extra: Partial<Env>): Env => ({
  BEDROCK_MODEL_ID: "us.amazon.nova-micro-v1:0",
  AWS_REGION: "us-east-1",
  AI_GATEWAY_ACCOUNT_ID: "acct123",
  AI_GATEWAY_ID: "my-gateway",
  AI_GATEWAY_TOKEN: TOKEN,
  AI_GATEWAY_URL: gateway.url,
  ...extra,
});

describe("the Worker through AI Gateway", () => {
  it("with AWS secrets: signed for Bedrock, sent to the gateway path", async () => {
    const reply = await chatModel(env({ AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey })).invoke("I love programming.");
    expect(reply.text).toBe("J'adore la programmation.");
    expect(gateway.emulator.requests.at(-1)?.auth.kind).toBe("sigv4");
  });

  it("with no AWS secrets: the gateway signs with its stored keys", async () => {
    const reply = await chatModel(env({})).invoke("I love programming.");
    expect(reply.text).toBe("J'adore la programmation.");
  });

  it("a wrong gateway token is Cloudflare's refusal, not a reply", async () => {
    await expect(chatModel(env({ AI_GATEWAY_TOKEN: "cf-aig-wrong-token-0000000000000" })).invoke("I love programming.")).rejects.toMatchObject({ status: 401 });
  });
});
