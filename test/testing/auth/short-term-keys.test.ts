// The emulator accepts short-term keys from createShortTermApiKey: signature, region and expiry are checked.
import { describe, expect, it } from "vitest";
import { createShortTermApiKey, fromCognitoIdentityPool } from "../../../src/auth/index.js";
import { AccessDeniedException } from "../../../src/errors/index.js";
import { BedrockRuntime } from "../../../src/index.js";
import {
  createBedrockEmulator,
  EMULATOR_CREDENTIALS,
  EMULATOR_IDENTITY_POOL_ID,
  EMULATOR_SESSION_CREDENTIALS,
  verifyShortTermApiKey,
  type EmulatorOptions,
} from "../../../src/testing/index.js";
import { startEmulator } from "../../../src/testing/node.js";
import { modelPath } from "../helpers.js";

const MODEL = "us.amazon.nova-micro-v1:0";
const seed = { role: "user" as const, content: [{ text: "I love programming." }] };
const T0 = Date.UTC(2025, 6, 15, 5);
const PREFIX = "bedrock-api-key-";
const INVALID = "Authentication failed: Please make sure your API Key is valid.";

const mint = (credentials = EMULATOR_CREDENTIALS as { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, expiresIn = 900, region = "us-east-1") =>
  createShortTermApiKey(credentials, { region, expiresIn, now: () => new Date(T0) });

/** Decodes the key, edits its URL, re-encodes it. */
const tamper = (key: string, edit: (url: string) => string) => PREFIX + btoa(edit(atob(key.slice(PREFIX.length))));

/** A raw Converse call with the key, so status and body are visible as sent. */
async function converseWith(emulator: ReturnType<typeof createBedrockEmulator>, key: string) {
  const response = await emulator.fetch(
    new Request(`https://bedrock-runtime.us-east-1.amazonaws.com${modelPath(MODEL)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ messages: [seed] }),
    }),
  );
  return { status: response.status, type: response.headers.get("x-amzn-errortype")?.split(":")[0], body: (await response.json()) as any };
}

const emulatorAt = (ms: number, options: EmulatorOptions = {}) => createBedrockEmulator({ now: () => ms, ...options });

describe("accepted keys", () => {
  it("a BedrockRuntime with a minted key talks to the emulator (default settings)", async () => {
    const emulator = createBedrockEmulator();
    const apiKey = await createShortTermApiKey(EMULATOR_CREDENTIALS, { region: "us-east-1" });
    const client = new BedrockRuntime({ region: "us-east-1", apiKey, fetch: emulator.asFetch });
    const out = await client.converse({ modelId: MODEL, messages: [seed] });
    expect(out.output?.message?.content?.[0]).toEqual({ text: "J'adore la programmation." });
    expect(emulator.requests[0]!.auth).toEqual({ kind: "bearer" });
    expect(JSON.stringify(emulator.requests[0]!.headers)).not.toContain(apiKey);
  });

  it("keys minted from session credentials, and from Cognito credentials, pass", async () => {
    const emulator = emulatorAt(T0, { cognito: {} });
    expect((await converseWith(emulator, await mint(EMULATOR_SESSION_CREDENTIALS))).status).toBe(200);
    const cognito = await fromCognitoIdentityPool({ identityPoolId: EMULATOR_IDENTITY_POOL_ID, fetch: emulator.asFetch })();
    expect((await converseWith(emulator, await mint(cognito))).status).toBe(200);
  });

  it("verifyShortTermApiKey names the signing key", async () => {
    const result = await verifyShortTermApiKey(await mint(), {
      region: "us-east-1",
      service: "bedrock",
      nowMs: T0,
      maxSkewMs: 300_000,
      lookup: (id) => (id === EMULATOR_CREDENTIALS.accessKeyId ? EMULATOR_CREDENTIALS : undefined),
    });
    expect(result).toEqual({ ok: true, accessKeyId: EMULATOR_CREDENTIALS.accessKeyId });
  });

  it("works over loopback HTTP", async () => {
    const server = await startEmulator({ port: 0 });
    try {
      const apiKey = await createShortTermApiKey(EMULATOR_CREDENTIALS, { region: "us-east-1", expiresIn: 60 });
      const client = new BedrockRuntime({ region: "us-east-1", endpoint: server.url, apiKey });
      expect((await client.converse({ modelId: MODEL, messages: [seed] })).stopReason).toBe("end_turn");
    } finally {
      await server.close();
    }
  });
});

describe("expiry, on the emulator's clock", () => {
  it("is valid up to X-Amz-Date + X-Amz-Expires, then 403 'Bearer Token has expired'", async () => {
    const key = await mint(EMULATOR_CREDENTIALS, 900);
    expect((await converseWith(emulatorAt(T0 + 899_000), key)).status).toBe(200);
    const expired = await converseWith(emulatorAt(T0 + 900_000), key);
    expect(expired).toEqual({ status: 403, type: "AccessDeniedException", body: { Message: "Bearer Token has expired" } });
  });

  it("ends when the signing credentials expire, even inside X-Amz-Expires", async () => {
    const session = { ...EMULATOR_SESSION_CREDENTIALS, expiration: new Date(T0 + 60_000) };
    const key = await mint(session, 43200);
    const emulator = emulatorAt(T0 + 61_000, { credentials: session });
    expect((await converseWith(emulator, key)).body).toEqual({ Message: "Bearer Token has expired" });
  });

  it("the client surfaces an expired key as AccessDeniedException, not retried", async () => {
    const emulator = emulatorAt(T0 + 3_600_000);
    const client = new BedrockRuntime({ region: "us-east-1", apiKey: await mint(), fetch: emulator.asFetch });
    const error = await client.converse({ modelId: MODEL, messages: [seed] }).catch((e) => e);
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect(error.message).toBe("Bearer Token has expired");
    expect(emulator.requests).toHaveLength(1);
  });
});

describe("refused keys", () => {
  const cases: Array<[string, () => Promise<string>]> = [
    ["a changed signature", async () => tamper(await mint(), (u) => u.replace(/X-Amz-Signature=(.)/, (_, c) => `X-Amz-Signature=${c === "0" ? "1" : "0"}`))],
    ["a lengthened X-Amz-Expires", async () => tamper(await mint(), (u) => u.replace("X-Amz-Expires=900", "X-Amz-Expires=1800"))],
    ["an extra signed-looking parameter", async () => tamper(await mint(), (u) => u.replace("&Version=1", "&X-Amz-Extra=1&Version=1"))],
    ["a key for another region", () => mint(EMULATOR_CREDENTIALS, 900, "us-west-2")],
    ["no &Version=1", async () => tamper(await mint(), (u) => u.replace("&Version=1", ""))],
    ["another host", async () => tamper(await mint(), (u) => u.replace("bedrock.amazonaws.com", "bedrock-runtime.amazonaws.com"))],
    ["another action", async () => tamper(await mint(), (u) => u.replace("CallWithBearerToken", "InvokeModel"))],
    ["unknown credentials", () => mint({ accessKeyId: "AKIAUNKNOWNEXAMPLE01", secretAccessKey: "x".repeat(40) })],
    ["a wrong secret", () => mint({ ...EMULATOR_CREDENTIALS, secretAccessKey: "y".repeat(40) })],
    ["session credentials without their token", () => mint({ accessKeyId: EMULATOR_SESSION_CREDENTIALS.accessKeyId, secretAccessKey: EMULATOR_SESSION_CREDENTIALS.secretAccessKey })],
    ["a body that is not base64", async () => `${PREFIX}%%%not-base64%%%`],
    ["an expired key that was tampered with", async () => tamper(await mint(EMULATOR_CREDENTIALS, 60), (u) => u.replace(/X-Amz-Signature=(.)/, (_, c) => `X-Amz-Signature=${c === "0" ? "1" : "0"}`))],
  ];
  for (const [label, make] of cases) {
    it(`refuses ${label} with Bedrock's invalid-key answer`, async () => {
      const out = await converseWith(emulatorAt(T0 + 120_000), await make());
      expect(out).toEqual({ status: 403, type: "AccessDeniedException", body: { Message: INVALID } });
    });
  }

  it("refuses a key dated beyond the allowed skew", async () => {
    const key = await createShortTermApiKey(EMULATOR_CREDENTIALS, { region: "us-east-1", now: () => new Date(T0 + 10 * 60_000) });
    expect((await converseWith(emulatorAt(T0), key)).body).toEqual({ Message: INVALID });
  });

  it("shortTermApiKeys: false turns the check off; keys listed in apiKeys still pass", async () => {
    const key = await mint();
    expect((await converseWith(emulatorAt(T0, { shortTermApiKeys: false }), key)).status).toBe(403);
    const listed = `${PREFIX}${btoa("anything")}`;
    expect((await converseWith(emulatorAt(T0, { apiKeys: [listed] }), listed)).status).toBe(200);
  });
});
