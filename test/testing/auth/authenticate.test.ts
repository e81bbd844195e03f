import { describe, expect, it } from "vitest";
import {
  createBedrockEmulator,
  EMULATOR_API_KEY,
  EMULATOR_CREDENTIALS,
  EMULATOR_SESSION_CREDENTIALS,
  type EmulatorOptions,
} from "../../../src/testing/index.js";
import { ENDPOINT, modelPath, signedRequest, UUID, userText, type SignOptions } from "../helpers.js";

const NOW = Date.UTC(2025, 0, 30, 20, 46, 31);
const at = (offsetMs: number) => new Date(NOW + offsetMs);
const emulator = (options: EmulatorOptions = {}) => createBedrockEmulator({ now: () => NOW, ...options });

async function errorOf(response: Response) {
  const text = await response.text();
  return { status: response.status, type: response.headers.get("x-amzn-errortype")?.split(":")[0], body: JSON.parse(text), text };
}

const bearer = (key: string) =>
  new Request(ENDPOINT + modelPath("amazon.nova-micro-v1:0"), {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(userText("hi")),
  });

describe("emulator authentication", () => {
  it("accepts a request signed with the default test credentials", async () => {
    const response = await emulator().fetch(await signedRequest({ date: at(0) }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
  });

  it("accepts temporary credentials with their session token", async () => {
    const response = await emulator().fetch(await signedRequest({ date: at(0), credentials: EMULATOR_SESSION_CREDENTIALS }));
    expect(response.status).toBe(200);
  });

  it("accepts a model ARN, percent-encoded in the URL and double-encoded in the canonical path", async () => {
    const arn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0";
    const em = emulator();
    const path = modelPath(arn);
    expect(path).toContain("%3A");
    expect(path).toContain("%2F");
    const response = await em.fetch(await signedRequest({ date: at(0), path }));
    expect(response.status).toBe(200);
    expect(em.requests[0]!.modelId).toBe(arn);
    expect(em.requests[0]!.path).toBe(path);
  });

  it("accepts the default bearer key", async () => {
    const em = emulator();
    const response = await em.fetch(bearer(EMULATOR_API_KEY));
    expect(response.status).toBe(200);
    expect(em.requests[0]!.auth).toEqual({ kind: "bearer" });
    expect(JSON.stringify(em.requests)).not.toContain(EMULATOR_API_KEY);
  });

  it("accepts bearer keys approved by an apiKeys check", async () => {
    const em = emulator({ apiKeys: (key) => key.startsWith("bedrock-api-key-good") });
    expect((await em.fetch(bearer("bedrock-api-key-good-1"))).status).toBe(200);
    expect((await em.fetch(bearer("bedrock-api-key-bad"))).status).toBe(403);
  });

  it("accepts credentials added at run time", async () => {
    const em = emulator({ credentials: [] });
    const creds = { accessKeyId: "AKIDADDEDLATER", secretAccessKey: "added-secret" };
    expect((await em.fetch(await signedRequest({ date: at(0), credentials: creds }))).status).toBe(403);
    em.addCredentials(creds);
    expect((await em.fetch(await signedRequest({ date: at(0), credentials: creds }))).status).toBe(200);
  });

  type Case = {
    name: string;
    request: () => Promise<Request>;
    options?: EmulatorOptions;
    type: string;
    message: RegExp;
    key?: "message" | "Message";
  };
  const signed = (options: SignOptions) => () => signedRequest({ date: at(0), ...options });
  const cases: Case[] = [
    {
      name: "no Authorization header",
      request: async () => new Request(ENDPOINT + modelPath("m"), { method: "POST", body: "{}" }),
      type: "AccessDeniedException",
      message: /^Authorization header is missing$/,
      key: "Message",
    },
    {
      name: "a bearer key without Bedrock's prefix",
      request: async () => bearer("sk-not-a-bedrock-key"),
      type: "AccessDeniedException",
      message: /^Invalid API Key format: Must start with pre-defined prefix$/,
      key: "Message",
    },
    {
      name: "an unknown bearer key",
      request: async () => bearer("ABSKdW5rbm93bg=="),
      type: "AccessDeniedException",
      message: /^Authentication failed: Please make sure your API Key is valid\.$/,
      key: "Message",
    },
    {
      name: "an empty bearer key",
      request: async () => bearer(""),
      type: "AccessDeniedException",
      message: /Invalid API Key format/,
      key: "Message",
    },
    {
      name: "an unknown access key",
      request: signed({ credentials: { accessKeyId: "AKIDUNKNOWN", secretAccessKey: "x" } }),
      type: "UnrecognizedClientException",
      message: /^The security token included in the request is invalid\.$/,
    },
    {
      name: "a wrong secret key",
      request: signed({ credentials: { accessKeyId: EMULATOR_CREDENTIALS.accessKeyId, secretAccessKey: "wrong" } }),
      type: "InvalidSignatureException",
      message: /^The request signature we calculated does not match the signature you provided\.[\s\S]*%253A[\s\S]*String-to-Sign/,
    },
    {
      name: "an x-amz-date more than 5 minutes old",
      request: signed({ date: at(-6 * 60_000) }),
      type: "InvalidSignatureException",
      message: /^Signature expired: 20250130T204031Z is now earlier than 20250130T204131Z \(20250130T204631Z - 5 min\.\)$/,
    },
    {
      name: "an x-amz-date more than 5 minutes ahead",
      request: signed({ date: at(6 * 60_000) }),
      type: "InvalidSignatureException",
      message: /^Signature not yet current: 20250130T205231Z is still later than 20250130T205131Z/,
    },
    {
      name: "a custom maxSkewMs",
      request: signed({ date: at(-61_000) }),
      options: { maxSkewMs: 60_000 },
      type: "InvalidSignatureException",
      message: /^Signature expired: .*- 1 min\.\)$/,
    },
    {
      name: "a credential scope for another region",
      request: signed({ region: "us-west-2" }),
      type: "InvalidSignatureException",
      message: /^Credential should be scoped to a valid region, not 'us-west-2'\./,
    },
    {
      name: "a credential scope for another region than the emulator's",
      request: signed({}),
      options: { region: "eu-west-1" },
      type: "InvalidSignatureException",
      message: /not 'us-east-1'/,
    },
    {
      name: "signing name bedrock-runtime instead of bedrock",
      request: signed({ service: "bedrock-runtime" }),
      type: "InvalidSignatureException",
      message: /^Credential should be scoped to correct service: 'bedrock'\./,
    },
    {
      name: "temporary credentials without their session token",
      request: async () => {
        const request = await signedRequest({ date: at(0), credentials: EMULATOR_SESSION_CREDENTIALS });
        const headers = new Headers(request.headers);
        headers.delete("x-amz-security-token");
        return new Request(request, { headers });
      },
      type: "UnrecognizedClientException",
      message: /security token included in the request is invalid/,
    },
    {
      name: "a wrong session token",
      request: signed({ credentials: { ...EMULATOR_SESSION_CREDENTIALS, sessionToken: "forged" } }),
      type: "UnrecognizedClientException",
      message: /security token included in the request is invalid/,
    },
    {
      name: "expired temporary credentials",
      request: signed({ credentials: EMULATOR_SESSION_CREDENTIALS }),
      options: { credentials: { ...EMULATOR_SESSION_CREDENTIALS, expiration: at(-1) } },
      type: "ExpiredTokenException",
      message: /^The security token included in the request is expired$/,
    },
    {
      name: "a body changed after signing (no x-amz-content-sha256)",
      request: async () => {
        const request = await signedRequest({ date: at(0), applyChecksum: false });
        return new Request(request, { body: JSON.stringify(userText("tampered")) });
      },
      type: "InvalidSignatureException",
      message: /does not match the signature you provided/,
    },
    {
      name: "a body changed after signing (with x-amz-content-sha256)",
      request: async () => {
        const request = await signedRequest({ date: at(0) });
        return new Request(request, { body: JSON.stringify(userText("tampered")) });
      },
      type: "InvalidSignatureException",
      message: /^The provided 'x-amz-content-sha256' header does not match what was computed\.$/,
    },
    {
      name: "a path changed after signing",
      request: async () => {
        const request = await signedRequest({ date: at(0) });
        return new Request(ENDPOINT + modelPath("other-model"), { method: "POST", headers: request.headers, body: await request.text() });
      },
      type: "InvalidSignatureException",
      message: /does not match the signature you provided/,
    },
    {
      name: "an x-amz-content-sha256 that is not the body's hash",
      request: signed({ headers: { "x-amz-content-sha256": "0".repeat(64) } }),
      type: "InvalidSignatureException",
      message: /x-amz-content-sha256/,
    },
    {
      name: "a non-SigV4 Authorization scheme",
      request: async () => new Request(ENDPOINT + modelPath("m"), { method: "POST", headers: { authorization: "Basic dXNlcjpwYXNz" }, body: "{}" }),
      type: "IncompleteSignatureException",
      message: /Unsupported AWS 'algorithm': 'Basic'/,
    },
    {
      name: "a SigV4 header without Signature",
      request: async () =>
        new Request(ENDPOINT + modelPath("m"), {
          method: "POST",
          headers: { authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250130/us-east-1/bedrock/aws4_request, SignedHeaders=host", "x-amz-date": "20250130T204631Z" },
          body: "{}",
        }),
      type: "IncompleteSignatureException",
      message: /^Authorization header requires 'Signature' parameter\.$/,
    },
    {
      name: "no x-amz-date",
      request: async () => {
        const request = await signedRequest({ date: at(0) });
        const headers = new Headers(request.headers);
        headers.delete("x-amz-date");
        return new Request(request, { headers });
      },
      type: "IncompleteSignatureException",
      message: /requires existence of either a 'X-Amz-Date' or a 'Date' header/,
    },
    {
      name: "a credential scope date that differs from x-amz-date",
      request: async () => {
        const request = await signedRequest({ date: at(0) });
        const headers = new Headers(request.headers);
        headers.set("authorization", headers.get("authorization")!.replace("/20250130/", "/20250129/"));
        return new Request(request, { headers });
      },
      type: "InvalidSignatureException",
      message: /^Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20250129' != '20250130'/,
    },
    {
      name: "host not among the signed headers",
      request: async () => {
        const request = await signedRequest({ date: at(0) });
        const headers = new Headers(request.headers);
        headers.set("authorization", headers.get("authorization")!.replace(/SignedHeaders=[^,]+/, "SignedHeaders=content-type;x-amz-date"));
        return new Request(request, { headers });
      },
      type: "IncompleteSignatureException",
      message: /'Host' or ':authority' must be a 'SignedHeader'/,
    },
  ];

  it.each(cases)("rejects $name with 403 $type", async ({ request, options, type, message, key }) => {
    const em = emulator(options);
    const response = await em.fetch(await request());
    const error = await errorOf(response);
    expect(error.status).toBe(403);
    expect(error.type).toBe(type);
    expect(response.headers.get("x-amzn-errortype")).toMatch(/^\w+:http:\/\/internal\.amazon\.com\/coral\//);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
    expect(Object.keys(error.body)).toEqual([key ?? "message"]);
    expect(error.body[key ?? "message"]).toMatch(message);
    for (const secret of [EMULATOR_CREDENTIALS.secretAccessKey, EMULATOR_SESSION_CREDENTIALS.sessionToken, EMULATOR_SESSION_CREDENTIALS.secretAccessKey]) {
      expect(error.text).not.toContain(secret);
      expect(JSON.stringify(em.requests)).not.toContain(secret);
    }
    expect(em.requests).toHaveLength(1);
    expect(em.requests[0]!.status).toBe(403);
    expect(em.requests[0]!.errorType).toBe(type);
  });

  it("records the auth kind of each request", async () => {
    const em = emulator();
    await em.fetch(await signedRequest({ date: at(0) }));
    await em.fetch(bearer(EMULATOR_API_KEY));
    await em.fetch(new Request(ENDPOINT + modelPath("m"), { method: "POST", body: "{}" }));
    expect(em.requests.map((r) => r.auth)).toEqual([
      { kind: "sigv4", accessKeyId: "AKIDEXAMPLE" },
      { kind: "bearer" },
      { kind: "none" },
    ]);
  });

  it("skips authentication when requireAuth is false", async () => {
    const em = emulator({ requireAuth: false });
    const response = await em.fetch(new Request(ENDPOINT + modelPath("amazon.nova-micro-v1:0"), { method: "POST", body: JSON.stringify(userText("hi")) }));
    expect(response.status).toBe(200);
  });
});
