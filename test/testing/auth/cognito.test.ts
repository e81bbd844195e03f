// The emulator's Cognito Identity: wire shapes and errors, then fromCognitoIdentityPool → BedrockRuntime end to end.
import { describe, expect, it } from "vitest";
import { fromCognitoIdentityPool, type AwsCredentials } from "../../../src/auth/index.js";
import { AccessDeniedException, ResourceNotFoundException, UnrecognizedClientException } from "../../../src/errors/index.js";
import { BedrockRuntime } from "../../../src/index.js";
import { createBedrockEmulator, EMULATOR_IDENTITY_POOL_ID, type CognitoEmulatorOptions } from "../../../src/testing/index.js";
import { startEmulator } from "../../../src/testing/node.js";

const MODEL = "us.amazon.nova-micro-v1:0";
const seed = { role: "user" as const, content: [{ text: "I love programming." }] };
const GOOGLE = "accounts.google.com";

function cognitoCall(target: string, body: unknown): Request {
  return new Request("https://cognito-identity.us-east-1.amazonaws.com/", {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSCognitoIdentityService.${target}` },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function call(emulator: ReturnType<typeof createBedrockEmulator>, target: string, body: unknown) {
  const response = await emulator.fetch(cognitoCall(target, body));
  return { status: response.status, errorType: response.headers.get("x-amzn-errortype"), headers: response.headers, json: (await response.json()) as any };
}

describe("wire", () => {
  it("GetId then GetCredentialsForIdentity mint ASIA credentials with a session token and epoch-seconds expiry", async () => {
    let clock = Date.UTC(2025, 6, 15, 5);
    const emulator = createBedrockEmulator({ cognito: { credentialTtlSeconds: 900 }, now: () => clock });
    const id = await call(emulator, "GetId", { IdentityPoolId: EMULATOR_IDENTITY_POOL_ID });
    expect(id.status).toBe(200);
    expect(id.headers.get("access-control-allow-origin")).toBe("*");
    expect(id.json.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);

    const creds = await call(emulator, "GetCredentialsForIdentity", { IdentityId: id.json.IdentityId });
    expect(creds.status).toBe(200);
    expect(creds.json.IdentityId).toBe(id.json.IdentityId);
    const c = creds.json.Credentials;
    expect(c.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(c.SecretKey).toHaveLength(40);
    expect(typeof c.SessionToken).toBe("string");
    expect(c.Expiration).toBe(clock / 1000 + 900);

    // Each call mints new credentials.
    const again = await call(emulator, "GetCredentialsForIdentity", { IdentityId: id.json.IdentityId });
    expect(again.json.Credentials.AccessKeyId).not.toBe(c.AccessKeyId);
  });

  it("answers CORS preflights for the Cognito headers", async () => {
    const emulator = createBedrockEmulator({ cognito: {} });
    const response = await emulator.fetch(
      new Request("https://cognito-identity.us-east-1.amazonaws.com/", {
        method: "OPTIONS",
        headers: { origin: "http://localhost:5173", "access-control-request-method": "POST", "access-control-request-headers": "content-type,x-amz-target" },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-headers")).toBe("content-type,x-amz-target");
  });

  const errors: Array<[string, CognitoEmulatorOptions, string, unknown, string, RegExp]> = [
    ["another pool", {}, "GetId", { IdentityPoolId: "us-east-1:12345678-0000-4000-8000-000000000000" }, "ResourceNotFoundException", /IdentityPool .* not found/],
    ["a malformed pool id", {}, "GetId", { IdentityPoolId: "nope" }, "ValidationException", /identityPoolId/],
    ["an unknown identity", {}, "GetCredentialsForIdentity", { IdentityId: "us-east-1:00000000-0000-4000-8000-000000000001" }, "ResourceNotFoundException", /Identity .* not found/],
    ["unauthenticated access to a pool that needs logins", { logins: { [GOOGLE]: "good" } }, "GetId", { IdentityPoolId: EMULATOR_IDENTITY_POOL_ID }, "NotAuthorizedException", /Unauthenticated access is not supported/],
    ["a bad token", { logins: { [GOOGLE]: "good" } }, "GetId", { IdentityPoolId: EMULATOR_IDENTITY_POOL_ID, Logins: { [GOOGLE]: "bad" } }, "NotAuthorizedException", /Invalid login token/],
    ["an untrusted provider", { logins: { [GOOGLE]: "good" } }, "GetId", { IdentityPoolId: EMULATOR_IDENTITY_POOL_ID, Logins: { "graph.facebook.com": "x" } }, "NotAuthorizedException", /not from a supported provider/],
    ["logins to a pool that trusts no provider", {}, "GetId", { IdentityPoolId: EMULATOR_IDENTITY_POOL_ID, Logins: { [GOOGLE]: "x" } }, "NotAuthorizedException", /not from a supported provider/],
    ["an unknown operation", {}, "ListIdentityPools", { MaxResults: 1 }, "UnknownOperationException", /ListIdentityPools/],
    ["a body that is not JSON", {}, "GetId", "{", "SerializationException", /structure/],
  ];
  for (const [label, options, target, body, type, message] of errors) {
    it(`refuses ${label} with ${type}`, async () => {
      const emulator = createBedrockEmulator({ cognito: options });
      const out = await call(emulator, target, body);
      expect(out.status).toBe(400);
      expect(out.errorType).toBe(`${type}:`);
      expect(out.json.__type).toBe(type);
      expect(out.json.message).toMatch(message);
    });
  }

  it("gives the same user the same identity, and wants that user's logins back", async () => {
    const emulator = createBedrockEmulator({ cognito: { logins: { [GOOGLE]: (token) => token.startsWith("user-") } } });
    const a = await call(emulator, "GetId", { IdentityPoolId: EMULATOR_IDENTITY_POOL_ID, Logins: { [GOOGLE]: "user-1" } });
    const b = await call(emulator, "GetId", { IdentityPoolId: EMULATOR_IDENTITY_POOL_ID, Logins: { [GOOGLE]: "user-1" } });
    const other = await call(emulator, "GetId", { IdentityPoolId: EMULATOR_IDENTITY_POOL_ID, Logins: { [GOOGLE]: "user-2" } });
    expect(b.json.IdentityId).toBe(a.json.IdentityId);
    expect(other.json.IdentityId).not.toBe(a.json.IdentityId);
    const wrong = await call(emulator, "GetCredentialsForIdentity", { IdentityId: a.json.IdentityId, Logins: { [GOOGLE]: "user-2" } });
    expect(wrong.json.__type).toBe("NotAuthorizedException");
    const right = await call(emulator, "GetCredentialsForIdentity", { IdentityId: a.json.IdentityId, Logins: { [GOOGLE]: "user-1" } });
    expect(right.status).toBe(200);
  });

  it("refuses a malformed cognito option up front", () => {
    expect(() => createBedrockEmulator({ cognito: { identityPoolId: "pool" } })).toThrow(/identityPoolId/);
    expect(() => createBedrockEmulator({ cognito: { credentialTtlSeconds: 0 } })).toThrow(/credentialTtlSeconds/);
  });
});

describe("fromCognitoIdentityPool → BedrockRuntime against the emulator", () => {
  it("gets credentials from the pool and signs converse with them", async () => {
    const emulator = createBedrockEmulator({ cognito: {} });
    const client = new BedrockRuntime({
      region: "us-east-1",
      credentials: fromCognitoIdentityPool({ identityPoolId: EMULATOR_IDENTITY_POOL_ID, fetch: emulator.asFetch }),
      fetch: emulator.asFetch,
    });
    const out = await client.converse({ modelId: MODEL, messages: [seed] });
    expect(out.output?.message?.content?.[0]).toEqual({ text: "J'adore la programmation." });
    const [getId, getCredentials, converse] = emulator.requests;
    expect([getId!.status, getCredentials!.status, converse!.status]).toEqual([200, 200, 200]);
    expect(converse!.auth).toMatchObject({ kind: "sigv4", accessKeyId: expect.stringMatching(/^ASIA/) });
    expect(converse!.headers["x-amz-security-token"]).toBeTruthy();
  });

  it("refreshes the credentials before they expire, on an injected clock", async () => {
    let clock = Date.UTC(2025, 6, 15, 5);
    const emulator = createBedrockEmulator({ cognito: { credentialTtlSeconds: 3600 }, now: () => clock });
    const pool = fromCognitoIdentityPool({ identityPoolId: EMULATOR_IDENTITY_POOL_ID, fetch: emulator.asFetch });
    const issued: AwsCredentials[] = [];
    const client = new BedrockRuntime({
      region: "us-east-1",
      credentials: async () => {
        const credentials = await pool();
        issued.push(credentials);
        return credentials;
      },
      fetch: emulator.asFetch,
      now: () => new Date(clock),
    });
    const keyOf = () => (emulator.requests.at(-1)!.auth as { accessKeyId: string }).accessKeyId;
    const targets = () => emulator.requests.map((r) => r.headers["x-amz-target"]?.split(".")[1]).filter(Boolean);

    await client.converse({ modelId: MODEL, messages: [seed] });
    clock += 50 * 60_000; // 10 minutes left: still cached
    await client.converse({ modelId: MODEL, messages: [seed] });
    expect(keyOf()).toBe(issued[0]!.accessKeyId);
    expect(targets()).toEqual(["GetId", "GetCredentialsForIdentity"]);

    clock += 6 * 60_000; // 4 minutes left, inside the 5-minute refresh window
    await client.converse({ modelId: MODEL, messages: [seed] });
    expect(issued).toHaveLength(2);
    expect(keyOf()).toBe(issued[1]!.accessKeyId);
    expect(issued[1]!.accessKeyId).not.toBe(issued[0]!.accessKeyId);
    expect(targets()).toEqual(["GetId", "GetCredentialsForIdentity", "GetCredentialsForIdentity"]);

    // Past the first expiry, the refreshed client still works where the first credentials are refused.
    clock += 5 * 60_000;
    await client.converse({ modelId: MODEL, messages: [seed] });
    expect(emulator.requests.at(-1)!.status).toBe(200);
    const stale = new BedrockRuntime({ region: "us-east-1", credentials: issued[0]!, fetch: emulator.asFetch, now: () => new Date(clock), maxRetries: 0 });
    const error = await stale.converse({ modelId: MODEL, messages: [seed] }).catch((e) => e);
    expect(error.code).toBe("ExpiredTokenException");
  });

  it("credentials past their expiry are refused by Bedrock", async () => {
    let clock = Date.UTC(2025, 6, 15, 5);
    const emulator = createBedrockEmulator({ cognito: { credentialTtlSeconds: 60 }, now: () => clock });
    const credentials = await fromCognitoIdentityPool({ identityPoolId: EMULATOR_IDENTITY_POOL_ID, fetch: emulator.asFetch })();
    clock += 61_000;
    const client = new BedrockRuntime({ region: "us-east-1", credentials, fetch: emulator.asFetch, now: () => new Date(clock), maxRetries: 0 });
    const error = await client.converse({ modelId: MODEL, messages: [seed] }).catch((e) => e);
    expect(error).toBeInstanceOf(UnrecognizedClientException);
    expect(error.code).toBe("ExpiredTokenException");
  });

  it("with required logins: refused without them, served with them", async () => {
    const emulator = createBedrockEmulator({ cognito: { logins: { [GOOGLE]: "id-token" } } });
    const anonymous = new BedrockRuntime({
      region: "us-east-1",
      credentials: fromCognitoIdentityPool({ identityPoolId: EMULATOR_IDENTITY_POOL_ID, fetch: emulator.asFetch }),
      fetch: emulator.asFetch,
    });
    const error = await anonymous.converse({ modelId: MODEL, messages: [seed] }).catch((e) => e);
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect(error.code).toBe("NotAuthorizedException");

    const signedIn = new BedrockRuntime({
      region: "us-east-1",
      credentials: fromCognitoIdentityPool({ identityPoolId: EMULATOR_IDENTITY_POOL_ID, logins: { [GOOGLE]: async () => "id-token" }, fetch: emulator.asFetch }),
      fetch: emulator.asFetch,
    });
    expect((await signedIn.converse({ modelId: MODEL, messages: [seed] })).stopReason).toBe("end_turn");
  });

  it("a missing pool surfaces as ResourceNotFoundException from the client", async () => {
    const emulator = createBedrockEmulator({ cognito: {} });
    const client = new BedrockRuntime({
      region: "us-east-1",
      credentials: fromCognitoIdentityPool({ identityPoolId: "us-east-1:99999999-0000-4000-8000-000000000000", fetch: emulator.asFetch }),
      fetch: emulator.asFetch,
    });
    await expect(client.converse({ modelId: MODEL, messages: [seed] })).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it("works over loopback HTTP with the platform fetch and an endpoint override", async () => {
    const server = await startEmulator({ port: 0, cognito: {} });
    try {
      const client = new BedrockRuntime({
        region: "us-east-1",
        endpoint: server.url,
        credentials: fromCognitoIdentityPool({ identityPoolId: EMULATOR_IDENTITY_POOL_ID, endpoint: server.url }),
      });
      const out = await client.converse({ modelId: MODEL, messages: [seed] });
      expect(out.output?.message?.content?.[0]).toEqual({ text: "J'adore la programmation." });
    } finally {
      await server.close();
    }
  });
});
