// Cloudflare AI Gateway: signed for Bedrock's host and sent to the gateway, Bearer keys through it, or unsigned for its stored keys; refusals as Cloudflare and AWS answer.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { BedrockRuntime, BedrockRuntimeClient, ConverseStreamCommand } from "../../src/index.js";
import { BedrockError, BedrockInputError, NetworkError } from "../../src/errors/index.js";
import { createBedrockEmulator, EMULATOR_API_KEY, EMULATOR_CREDENTIALS, type EmulatorOptions } from "../../src/testing/index.js";
import { startEmulator } from "../../src/testing/node.js";
import type { BedrockRuntimeOptions } from "../../src/client/index.js";

const MODEL = "us.amazon.nova-micro-v1:0";
const messages = [{ role: "user" as const, content: [{ text: "I love programming." }] }];
const TOKEN = "cf-gateway-token-EXAMPLE-0123456789";
const GATEWAY = { accountId: "0123456789abcdef0123456789abcdef", gatewayId: "my-gateway", token: TOKEN, baseUrl: "https://gateway.test" };
const GATEWAY_URL = `https://gateway.test/v1/${GATEWAY.accountId}/my-gateway/aws-bedrock/bedrock-runtime/us-east-1/model/us.amazon.nova-micro-v1%3A0`;

// Stored-keys mode needs no credentials anywhere, the environment included.
beforeAll(() => {
  for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_BEARER_TOKEN_BEDROCK"]) vi.stubEnv(name, "");
});
afterAll(() => vi.unstubAllEnvs());

/** The emulator behind a gateway, and what the client put on the wire. */
function setUp(client: BedrockRuntimeOptions, gateway: EmulatorOptions["gateway"] = { token: TOKEN }) {
  const emulator = createBedrockEmulator({ gateway });
  const sent: Array<{ url: string; headers: Headers }> = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ url: request.url, headers: new Headers(request.headers) });
    return emulator.fetch(request);
  }) as typeof globalThis.fetch;
  const bedrock = new BedrockRuntimeClient({ region: "us-east-1", fetch, random: () => 0, gateway: GATEWAY, ...client });
  return { emulator, sent, client: bedrock };
}

const signedHeaders = (headers: Headers) => /SignedHeaders=([^,]+)/.exec(headers.get("authorization") ?? "")?.[1]?.split(";") ?? [];

describe("with credentials: signed for Bedrock's own host and path, sent to the gateway", () => {
  it("converse, converseStream and countTokens go through, the emulator verifying each signature", async () => {
    const { emulator, sent, client } = setUp({ credentials: EMULATOR_CREDENTIALS });
    const reply = await client.converse({ modelId: MODEL, messages });
    expect(reply.output?.message?.content?.[0]?.text).toBe("J'adore la programmation.");
    const { stream } = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages }));
    let text = "";
    for await (const event of stream) text += event.contentBlockDelta?.delta?.text ?? "";
    expect(text).toBe("J'adore la programmation.");
    await client.countTokens({ modelId: MODEL, input: { converse: { messages } } });

    expect(sent.map((s) => s.url)).toEqual([`${GATEWAY_URL}/converse`, `${GATEWAY_URL}/converse-stream`, `${GATEWAY_URL}/count-tokens`]);
    for (const { headers } of sent) {
      expect(headers.get("cf-aig-authorization")).toBe(`Bearer ${TOKEN}`);
      expect(headers.get("authorization")).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/bedrock\/aws4_request/);
      // Added after signing: the gateway drops it, so a signed copy would break the signature.
      expect(signedHeaders(headers)).not.toContain("cf-aig-authorization");
      expect(signedHeaders(headers)).toContain("host");
    }
    expect(emulator.requests.map((r) => [r.path, r.status, r.auth])).toEqual([
      ["/model/us.amazon.nova-micro-v1%3A0/converse", 200, { kind: "sigv4", accessKeyId: "AKIDEXAMPLE" }],
      ["/model/us.amazon.nova-micro-v1%3A0/converse-stream", 200, { kind: "sigv4", accessKeyId: "AKIDEXAMPLE" }],
      ["/model/us.amazon.nova-micro-v1%3A0/count-tokens", 200, { kind: "sigv4", accessKeyId: "AKIDEXAMPLE" }],
    ]);
    expect(client.authKind).toBe("sigv4");
  });

  it("a wrong gateway token gets Cloudflare's 401, and Bedrock never sees the request", async () => {
    const { emulator, client } = setUp({ credentials: EMULATOR_CREDENTIALS, gateway: { ...GATEWAY, token: "not-the-token-0123456789" } });
    const error = (await client.converse({ modelId: MODEL, messages }).catch((e: unknown) => e)) as BedrockError;
    expect(error).toBeInstanceOf(BedrockError);
    expect(error.status).toBe(401);
    expect(error.message).toBe("Cloudflare AI Gateway: Unauthorized (error 2009)");
    expect(error.retryable).toBe(false);
    expect(JSON.stringify(error)).not.toContain("not-the-token-0123456789");
    expect(emulator.requests).toHaveLength(0);
  });

  it("a missing token on an authenticated gateway is refused the same way", async () => {
    const { token: _dropped, ...noToken } = GATEWAY;
    const { client } = setUp({ credentials: EMULATOR_CREDENTIALS, gateway: noToken });
    await expect(client.converse({ modelId: MODEL, messages })).rejects.toMatchObject({ status: 401, message: /Unauthorized/ });
  });

  it("a request signed for the gateway's host and path instead of Bedrock's gets AWS's signature mismatch", async () => {
    // The mistake: pointing `endpoint` at the gateway, so SigV4 signs gateway.test and the /v1/… path.
    const emulator = createBedrockEmulator({ gateway: {} });
    const client = new BedrockRuntime({
      region: "us-east-1",
      credentials: EMULATOR_CREDENTIALS,
      endpoint: GATEWAY_URL.replace(/\/model\/.*$/, ""),
      fetch: emulator.asFetch,
      maxRetries: 0,
    });
    const error = (await client.converse({ modelId: MODEL, messages }).catch((e: unknown) => e)) as BedrockError;
    expect(error.name).toBe("InvalidSignatureException");
    expect(error.status).toBe(403);
    // The canonical request AWS quotes is in `details`; the message is its first paragraph.
    expect(error.message).toMatch(/^The request signature we calculated does not match/);
    expect(error.details).toMatch(/host:bedrock-runtime\.us-east-1\.amazonaws\.com/);
    expect(emulator.requests[0]!.path).toBe("/model/us.amazon.nova-micro-v1%3A0/converse");
  });
});

describe("with a Bedrock API key", () => {
  it("sends Authorization: Bearer and the gateway token", async () => {
    const { emulator, sent, client } = setUp({ apiKey: EMULATOR_API_KEY });
    await client.converse({ modelId: MODEL, messages });
    expect(sent[0]!.headers.get("authorization")).toBe(`Bearer ${EMULATOR_API_KEY}`);
    expect(sent[0]!.headers.get("cf-aig-authorization")).toBe(`Bearer ${TOKEN}`);
    expect(emulator.requests[0]!.auth).toEqual({ kind: "bearer" });
    expect(client.authKind).toBe("bearer");
  });
});

describe("with the gateway's stored keys (no credentials, no API key)", () => {
  it("sends unsigned requests with only the gateway token; the gateway signs them", async () => {
    const { emulator, sent, client } = setUp({}, { token: TOKEN, storedKeys: true });
    expect(client.authKind).toBe("gateway");
    await client.converse({ modelId: MODEL, messages });
    const stream = await client.converseStream({ modelId: MODEL, messages });
    for await (const _ of stream) void _;
    for (const { headers } of sent) {
      expect(headers.get("authorization")).toBeNull();
      expect(headers.get("x-amz-date")).toBeNull();
      expect(headers.get("cf-aig-authorization")).toBe(`Bearer ${TOKEN}`);
    }
    expect(emulator.requests.map((r) => [r.status, r.auth])).toEqual([
      [200, { kind: "sigv4", accessKeyId: "AKIDEXAMPLE" }],
      [200, { kind: "sigv4", accessKeyId: "AKIDEXAMPLE" }],
    ]);
  });

  it("a gateway with no stored keys passes the unsigned request on, and Bedrock refuses it", async () => {
    const { client } = setUp({ maxRetries: 0 }, { token: TOKEN });
    await expect(client.converse({ modelId: MODEL, messages })).rejects.toMatchObject({ status: 403, name: "AccessDeniedException", message: "Authorization header is missing" });
  });

  it("needs the gateway token", () => {
    const { token: _dropped, ...noToken } = GATEWAY;
    expect(() => new BedrockRuntime({ region: "us-east-1", gateway: noToken })).toThrow(/gateway.token is required when the gateway signs with its stored keys/);
  });
});

describe("over real loopback HTTP", () => {
  it("both modes work against startEmulator", async () => {
    const server = await startEmulator({ gateway: { token: TOKEN, storedKeys: true } });
    try {
      const gateway = { ...GATEWAY, baseUrl: server.url };
      const signed = new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, gateway });
      const stored = new BedrockRuntime({ region: "us-east-1", gateway });
      await expect(signed.converse({ modelId: MODEL, messages })).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
      await expect(stored.converse({ modelId: MODEL, messages })).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
      expect(server.emulator.requests.map((r) => r.status)).toEqual([200, 200]);
    } finally {
      await server.close();
    }
  });
});

describe("the token stays secret", () => {
  it("is scrubbed from a network error that quotes it, and from server text that echoes it", async () => {
    const quoting = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      throw new TypeError(`connect failed, headers were ${new Headers(init?.headers).get("cf-aig-authorization")}`);
    }) as typeof fetch;
    const a = new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, gateway: GATEWAY, fetch: quoting, maxRetries: 0 });
    const network = (await a.converse({ modelId: MODEL, messages }).catch((e: unknown) => e)) as Error;
    expect(network).toBeInstanceOf(NetworkError);
    expect(`${network.message} ${String((network as { cause?: unknown }).cause)}`).not.toContain(TOKEN);

    const echoing = (async () => Response.json({ message: `bad token ${TOKEN}` }, { status: 400 })) as typeof fetch;
    const b = new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, gateway: GATEWAY, fetch: echoing });
    const echoed = (await b.converse({ modelId: MODEL, messages }).catch((e: unknown) => e)) as Error;
    expect(echoed.message).toMatch(/^bad token /);
    expect(JSON.stringify(echoed) + echoed.message).not.toContain(TOKEN);
  });
});

describe("options are checked before any request", () => {
  it.each([
    [{ gateway: GATEWAY, endpoint: "https://x.test" }, /gateway and endpoint are both set/],
    [{ gateway: "acct/gw" }, /gateway must be an object/],
    [{ gateway: { ...GATEWAY, accountId: "a/b" } }, /gateway.accountId must be a Cloudflare ID/],
    [{ gateway: { ...GATEWAY, accountId: ".." } }, /gateway.accountId must be a Cloudflare ID/],
    [{ gateway: { ...GATEWAY, gatewayId: "gw\r\nx-injected: 1" } }, /gateway.gatewayId must be a Cloudflare ID/],
    [{ gateway: { ...GATEWAY, gatewayId: undefined } }, /gateway.gatewayId must be a Cloudflare ID/],
    [{ gateway: { ...GATEWAY, token: `${TOKEN}\r\n` } }, /gateway.token must be a non-empty string of visible ASCII/],
    [{ gateway: { ...GATEWAY, token: `${TOKEN} x` } }, /gateway.token must be/],
    [{ gateway: { ...GATEWAY, token: "" } }, /gateway.token must be/],
    [{ gateway: { ...GATEWAY, baseUrl: "ftp://gateway.test" } }, /gateway.baseUrl: must use http: or https:/],
    [{ gateway: { ...GATEWAY, baseUrl: "not a url" } }, /gateway.baseUrl: must be an absolute URL/],
    [{ apiKey: EMULATOR_API_KEY, credentials: EMULATOR_CREDENTIALS }, /apiKey and credentials are both set/],
  ])("refuses %#", (options, message) => {
    const error = (() => {
      try {
        new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, ...(options as object) } as never);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(BedrockInputError);
    expect(error!.message).toMatch(message);
    expect(error!.message).not.toContain(TOKEN);
    expect(error!.message).not.toContain(EMULATOR_CREDENTIALS.secretAccessKey);
  });

  it("baseUrl defaults to Cloudflare's gateway host, and a base path is kept", async () => {
    const urls: string[] = [];
    const capture = (async (input: RequestInfo | URL) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return Response.json({ output: { message: { role: "assistant", content: [{ text: "ok" }] } }, stopReason: "end_turn", usage: {}, metrics: {} });
    }) as typeof fetch;
    const { baseUrl: _default, ...noBase } = GATEWAY;
    await new BedrockRuntime({ region: "eu-west-3", credentials: EMULATOR_CREDENTIALS, gateway: noBase, fetch: capture }).converse({ modelId: MODEL, messages });
    await new BedrockRuntime({ region: "eu-west-3", credentials: EMULATOR_CREDENTIALS, gateway: { ...GATEWAY, baseUrl: "https://proxy.test/cf/" }, fetch: capture }).converse({ modelId: MODEL, messages });
    expect(urls).toEqual([
      `https://gateway.ai.cloudflare.com/v1/${GATEWAY.accountId}/my-gateway/aws-bedrock/bedrock-runtime/eu-west-3/model/us.amazon.nova-micro-v1%3A0/converse`,
      `https://proxy.test/cf/v1/${GATEWAY.accountId}/my-gateway/aws-bedrock/bedrock-runtime/eu-west-3/model/us.amazon.nova-micro-v1%3A0/converse`,
    ]);
  });
});

afterEach(() => vi.restoreAllMocks());
