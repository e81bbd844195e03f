// createSigningFetch on its own: which URLs it signs, which headers it drops, when it retries, what it scrubs.
import { describe, expect, it } from "vitest";
import { aiGateway, BedrockClient, BedrockRuntime, createSigningFetch, type BedrockClientOptions } from "../../src/index.js";
import { AbortError, BedrockInputError, NetworkError, TimeoutError } from "../../src/errors/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS, EMULATOR_SESSION_CREDENTIALS } from "../../src/testing/index.js";

const CHAT = "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions";
const BODY = JSON.stringify({ model: "openai.gpt-oss-20b-1:0", messages: [{ role: "user", content: "I love programming." }] });

/** A signing fetch over a recording fetch (the emulator by default), with a credentials provider that counts its calls. */
function setUp(options: Partial<BedrockClientOptions> = {}, inner?: typeof fetch) {
  const emulator = createBedrockEmulator();
  const sent: Request[] = [];
  let lookups = 0;
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push(request.clone());
    return inner ? inner(request) : emulator.fetch(request);
  }) as typeof globalThis.fetch;
  const credentials = async () => {
    lookups++;
    return EMULATOR_SESSION_CREDENTIALS;
  };
  const client = new BedrockClient({ region: "us-east-1", credentials, fetch, random: () => 0, ...options });
  return { emulator, sent, signingFetch: createSigningFetch(client), lookups: () => lookups };
}

describe("which URLs are signed", () => {
  const refused = [
    ["another host", "https://attacker.example/openai/v1/chat/completions"],
    ["Bedrock's host as a subdomain of another", "https://bedrock-runtime.us-east-1.amazonaws.com.attacker.example/openai/v1"],
    ["Bedrock's host with a trailing dot", "https://bedrock-runtime.us-east-1.amazonaws.com./openai/v1"],
    ["another region", "https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1/chat/completions"],
    ["another partition", "https://bedrock-runtime.us-east-1.amazonaws.com.cn/openai/v1/chat/completions"],
    ["plain http", "http://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions"],
    ["another port", "https://bedrock-runtime.us-east-1.amazonaws.com:8443/openai/v1/chat/completions"],
    ["another AWS service", "https://bedrock.us-east-1.amazonaws.com/foundation-models"],
    ["bedrock-mantle (not supported)", "https://bedrock-mantle.us-east-1.api.aws/v1/chat/completions"],
  ] as const;
  it.each(refused)("refuses %s before reading credentials or sending", async (_, url) => {
    const { signingFetch, sent, lookups } = setUp();
    const error = await signingFetch(url, { method: "POST", body: BODY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BedrockInputError);
    expect((error as Error).message).toMatch(/^createSigningFetch: refusing to sign a request to /);
    expect(sent).toHaveLength(0);
    expect(lookups()).toBe(0);
  });

  it("refuses URLs carrying user info (fetch itself refuses them)", async () => {
    const { signingFetch, sent } = setUp();
    await expect(signingFetch("https://a:b@bedrock-runtime.us-east-1.amazonaws.com/openai/v1", { method: "POST" })).rejects.toThrow();
    expect(sent).toHaveLength(0);
  });

  it("signs for the region's endpoint, FIPS included, with any case in the host", async () => {
    const { signingFetch, sent } = setUp();
    await signingFetch(CHAT.replace("bedrock-runtime", "BEDROCK-RUNTIME"), { method: "POST", body: BODY });
    await signingFetch(CHAT.replace("bedrock-runtime", "bedrock-runtime-fips"), { method: "POST", body: BODY });
    expect(sent.map((r) => new URL(r.url).host)).toEqual([
      "bedrock-runtime.us-east-1.amazonaws.com",
      "bedrock-runtime-fips.us-east-1.amazonaws.com",
    ]);
  });

  it("uses the partition of the client's region", async () => {
    const { signingFetch, sent } = setUp({ region: "cn-north-1" }, async () => new Response("{}"));
    await signingFetch("https://bedrock-runtime.cn-north-1.amazonaws.com.cn/openai/v1/chat/completions", { method: "POST", body: BODY });
    expect(sent).toHaveLength(1);
    await expect(signingFetch("https://bedrock-runtime.cn-north-1.amazonaws.com/openai/v1", { method: "POST" })).rejects.toBeInstanceOf(BedrockInputError);
  });

  it("signs for the client's endpoint only on its origin and under its path", async () => {
    const { signingFetch, sent } = setUp({ endpoint: "http://127.0.0.1:8787/base" }, async () => new Response("{}"));
    await signingFetch("http://127.0.0.1:8787/base/openai/v1/chat/completions", { method: "POST", body: BODY });
    await signingFetch("http://127.0.0.1:8787/base", { method: "POST", body: BODY });
    for (const url of [
      "http://127.0.0.1:8787/other/openai/v1",
      "http://127.0.0.1:8787/basement/openai/v1",
      "http://127.0.0.1:8787/base/../other",
      "http://127.0.0.1:8787/base/%2e%2e/other",
      "http://localhost:8787/base/openai/v1",
      "http://127.0.0.1:8788/base/openai/v1",
      "https://127.0.0.1:8787/base/openai/v1",
    ]) {
      await expect(signingFetch(url, { method: "POST", body: BODY }), url).rejects.toBeInstanceOf(BedrockInputError);
    }
    expect(sent).toHaveLength(2);
  });

  it("is refused for AI Gateway clients and clients without a region", () => {
    const gateway = new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, gateway: aiGateway({ accountId: "0123456789abcdef0123456789abcdef", gatewayId: "g", token: "t0123456789" }) });
    expect(() => createSigningFetch(gateway)).toThrow(/AI Gateway is not supported/);
    const regionless = new BedrockClient({ credentials: EMULATOR_CREDENTIALS });
    expect(() => createSigningFetch(regionless)).toThrow(/needs a `region`/);
    expect(() => createSigningFetch({} as BedrockClient)).toThrow(BedrockInputError);
    const client = new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS });
    expect(() => createSigningFetch(client, { maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => createSigningFetch(client, { timeout: 0 })).toThrow(/timeout/);
  });
});

describe("what is sent", () => {
  it("signs with a BedrockRuntime's client", async () => {
    const emulator = createBedrockEmulator();
    const runtime = new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch });
    const response = await createSigningFetch(runtime.client)(CHAT, { method: "POST", body: BODY });
    expect(response.status).toBe(200);
    expect(emulator.requests[0]!.auth).toEqual({ kind: "sigv4", accessKeyId: EMULATOR_CREDENTIALS.accessKeyId });
  });

  it("drops the caller's auth and signing headers, keeps and signs the rest, hashes the body", async () => {
    const { signingFetch, sent, emulator } = setUp();
    const response = await signingFetch(CHAT, {
      method: "POST",
      body: BODY,
      headers: {
        authorization: "Bearer unused",
        "x-amz-date": "20000101T000000Z",
        "x-amz-security-token": "attacker-token",
        "x-amz-content-sha256": "UNSIGNED-PAYLOAD",
        "x-amz-user-agent": "spoofed",
        "cf-aig-authorization": "Bearer x",
        "content-type": "application/json",
        "x-tenant": "acme",
      },
    });
    expect(response.status).toBe(200);
    const headers = sent[0]!.headers;
    expect(headers.get("authorization")).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(headers.get("authorization")).toMatch(/SignedHeaders=[^,]*x-tenant/);
    expect(headers.get("x-amz-security-token")).toBe(EMULATOR_SESSION_CREDENTIALS.sessionToken);
    expect(headers.get("x-amz-date")).not.toBe("20000101T000000Z");
    // Ours: the body's hash, never the caller's UNSIGNED-PAYLOAD.
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(BODY)));
    expect(headers.get("x-amz-content-sha256")).toBe([...digest].map((b) => b.toString(16).padStart(2, "0")).join(""));
    expect(headers.get("x-amz-user-agent")).toMatch(/^bedrock-edge\//);
    expect(headers.get("cf-aig-authorization")).toBeNull();
    expect(headers.get("x-tenant")).toBe("acme");
    expect(await sent[0]!.text()).toBe(BODY);
    expect(emulator.requests[0]!.auth.kind).toBe("sigv4");
  });

  it("signs GET requests without a body and does not follow redirects", async () => {
    const { signingFetch, sent } = setUp({}, async () => new Response(null, { status: 307, headers: { location: "https://attacker.example/" } }));
    const response = await signingFetch("https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/models");
    expect(response.status).toBe(307);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe("GET");
    expect(sent[0]!.redirect).toBe("manual");
  });

  it("adds the client's own headers", async () => {
    const { signingFetch, sent } = setUp({ headers: { "x-team": "search" } }, async () => new Response("{}"));
    await signingFetch(CHAT, { method: "POST", body: BODY });
    expect(sent[0]!.headers.get("x-team")).toBe("search");
  });
});

describe("retries", () => {
  it("retries throttling and 5xx, then returns the last error response to the caller", async () => {
    const { signingFetch, emulator } = setUp({ maxRetries: 2 });
    emulator.fault({ type: "throttle", times: 2 }).fault({ type: "server-error", status: 503, times: 5 });
    const response = await signingFetch(CHAT, { method: "POST", body: BODY });
    expect(response.status).toBe(503);
    expect(emulator.requests.map((r) => r.status)).toEqual([429, 429, 503]);
    expect((await response.json()).error.code).toBe("ServiceUnavailableException");
  });

  it("returns a 429 at once when its Retry-After is longer than maxRetryDelay allows", async () => {
    const { signingFetch, emulator } = setUp({ maxRetryDelay: 1000 });
    emulator.fault({ type: "throttle", retryAfterSeconds: 30, times: 5 });
    const response = await signingFetch(CHAT, { method: "POST", body: BODY });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(emulator.requests).toHaveLength(1);
  });

  it("waits as long as Retry-After asks, within maxRetryDelay", async () => {
    const { signingFetch, emulator } = setUp();
    emulator.fault({ type: "throttle", retryAfterSeconds: 0.05 });
    const started = Date.now();
    const response = await signingFetch(CHAT, { method: "POST", body: BODY });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(emulator.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("does not retry a 4xx other than 429", async () => {
    const { signingFetch, emulator } = setUp();
    const response = await signingFetch(CHAT, { method: "POST", body: JSON.stringify({ model: "m", messages: [] }) });
    expect(response.status).toBe(400);
    expect(emulator.requests).toHaveLength(1);
  });

  it("honours its own maxRetries", async () => {
    const { emulator } = setUp();
    const client = new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch, random: () => 0 });
    emulator.fault({ type: "throttle", times: 5 });
    const response = await createSigningFetch(client, { maxRetries: 0 })(CHAT, { method: "POST", body: BODY });
    expect(response.status).toBe(429);
    expect(emulator.requests).toHaveLength(1);
  });

  it("retries a network failure before a response, with a fresh signature", async () => {
    let calls = 0;
    const { signingFetch, sent } = setUp({}, async (request) => {
      if (++calls === 1) throw new TypeError("fetch failed");
      return createBedrockEmulator().fetch(request as Request);
    });
    const response = await signingFetch(CHAT, { method: "POST", body: BODY });
    expect(response.status).toBe(200);
    expect(sent).toHaveLength(2);
  });

  it("retries an attempt that timed out before the response, not one whose credentials timed out", async () => {
    let calls = 0;
    const { signingFetch, sent } = setUp({ timeout: 30 }, async (request) => {
      if (++calls === 1) {
        const signal = (request as Request).signal;
        return new Promise<Response>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
      }
      return createBedrockEmulator().fetch(request as Request);
    });
    expect((await signingFetch(CHAT, { method: "POST", body: BODY })).status).toBe(200);
    expect(sent).toHaveLength(2);
    let lookups = 0;
    const stuck = new BedrockClient({ region: "us-east-1", timeout: 20, credentials: () => (lookups++, new Promise(() => {})), fetch: createBedrockEmulator().asFetch });
    await expect(createSigningFetch(stuck)(CHAT, { method: "POST", body: BODY })).rejects.toBeInstanceOf(TimeoutError);
    expect(lookups).toBe(1);
  });

  it("never retries once a response is handed over: a stream that breaks mid-body is the caller's", async () => {
    const encoder = new TextEncoder();
    const { signingFetch, sent } = setUp({}, async () => {
      let step = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (step++ === 0) controller.enqueue(encoder.encode('data: {"choices":[]}\n\n'));
          else controller.error(new TypeError("terminated"));
        },
      });
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    });
    const response = await signingFetch(CHAT, { method: "POST", body: JSON.stringify({ ...JSON.parse(BODY), stream: true }) });
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await expect(reader.read()).rejects.toThrow("terminated");
    expect(sent).toHaveLength(1);
  });

  it("retries once at once after a clock-skew refusal, signing with the server's time", async () => {
    const { signingFetch, emulator } = setUp({ maxRetries: 0 });
    emulator.fault({ type: "clock-skew", offsetMs: 10 * 60_000 });
    const response = await signingFetch(CHAT, { method: "POST", body: BODY });
    expect(response.status).toBe(200);
    expect(emulator.requests.map((r) => r.status)).toEqual([403, 200]);
  });
});

describe("what it throws", () => {
  it("throws a NetworkError that quotes no secret or signed header value", async () => {
    let leaked = "";
    const { signingFetch } = setUp({ maxRetries: 0 }, async (request) => {
      leaked = `${(request as Request).headers.get("authorization")} ${(request as Request).headers.get("x-amz-security-token")}`;
      throw new TypeError(`connect failed; sent ${leaked} ${EMULATOR_SESSION_CREDENTIALS.secretAccessKey}`);
    });
    const error = await signingFetch(CHAT, { method: "POST", body: BODY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    const seen = `${(error as Error).message} ${JSON.stringify(error)} ${String((error as Error).cause)}`;
    expect(seen).toContain("connect failed");
    expect(seen).not.toContain(EMULATOR_SESSION_CREDENTIALS.sessionToken);
    expect(seen).not.toContain(EMULATOR_SESSION_CREDENTIALS.secretAccessKey);
    expect(seen).not.toMatch(/Signature=[0-9a-f]{64}/);
  });

  it("times out while waiting for the response, and aborts with the caller's signal", async () => {
    const hang = (request: Request | RequestInfo) =>
      new Promise<Response>((_, reject) => (request as Request).signal.addEventListener("abort", () => reject((request as Request).signal.reason)));
    const client = new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch: (async (i: RequestInfo | URL, init?: RequestInit) => hang(new Request(i, init))) as typeof fetch, maxRetries: 0 });
    await expect(createSigningFetch(client, { timeout: 20 })(CHAT, { method: "POST", body: BODY })).rejects.toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const pending = createSigningFetch(client)(CHAT, { method: "POST", body: BODY, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });
});
