// The Worker example's checks as pure functions: what counts as AWS, what configuration is missing, client keys, input caps, body reading.
import { describe, expect, it } from "vitest";
import { readBodyText } from "../../worker-example/src/body.js";
import { configurationProblem, gatewayOf, talksToAws, type Env, type RateLimiter } from "../../worker-example/src/env.js";
import { LIMITS, parseChatInput } from "../../worker-example/src/input.js";
import { isJsonContentType, originAllowed } from "../../worker-example/src/origin.js";
import { clientKey } from "../../worker-example/src/rate-limit.js";

const limiter: RateLimiter = { limit: async () => ({ success: true }) };
const base: Env = { BEDROCK_MODEL_ID: "m", AWS_REGION: "us-east-1", AWS_BEARER_TOKEN_BEDROCK: "key" };
const TOKEN = "a-long-enough-random-token-0123456789";

describe("talksToAws", () => {
  it.each<[string, string | undefined, boolean]>([
    ["no endpoint", undefined, true],
    ["an empty endpoint", "", true],
    ["a regional AWS endpoint", "https://bedrock-runtime.us-east-1.amazonaws.com", true],
    ["a proxy elsewhere", "https://bedrock-proxy.example.com", true],
    ["an endpoint that does not parse", "not a url", true],
    ["a loopback IP that is not the usual form ([::ffff:127.0.0.1])", "http://[::ffff:127.0.0.1]:8080", true],
    ["127.0.0.1", "http://127.0.0.1:8080", false],
    ["127.1.2.3", "http://127.1.2.3:8080", false],
    ["localhost", "http://localhost:8080", false],
    ["[::1]", "http://[::1]:8080", false],
  ])("%s → %s", (_name, endpoint, expected) => {
    expect(talksToAws({ ...base, BEDROCK_ENDPOINT: endpoint })).toBe(expected);
  });
});

describe("configurationProblem", () => {
  it.each<[string, Partial<Env>, RegExp | undefined]>([
    ["AWS, token and limiter: ready", { CHAT_ACCESS_TOKEN: TOKEN, CHAT_RATE_LIMITER: limiter }, undefined],
    ["AWS without a token", { CHAT_RATE_LIMITER: limiter }, /no access check.*CHAT_ACCESS_TOKEN/],
    ["AWS with a short token", { CHAT_ACCESS_TOKEN: "short", CHAT_RATE_LIMITER: limiter }, /shorter than 24 characters/],
    ["AWS without the rate limiter", { CHAT_ACCESS_TOKEN: TOKEN }, /CHAT_RATE_LIMITER binding/],
    ["AWS without credentials", { CHAT_ACCESS_TOKEN: TOKEN, CHAT_RATE_LIMITER: limiter, AWS_BEARER_TOKEN_BEDROCK: undefined }, /no AWS credentials/],
    ["the emulator with nothing extra: ready", { BEDROCK_ENDPOINT: "http://127.0.0.1:9" }, undefined],
    ["the emulator without credentials", { BEDROCK_ENDPOINT: "http://127.0.0.1:9", AWS_BEARER_TOKEN_BEDROCK: undefined }, /no AWS credentials/],
  ])("%s", (_name, env, problem) => {
    const found = configurationProblem({ ...base, ...env });
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });

  it("never quotes a configured value", () => {
    const found = configurationProblem({ ...base, CHAT_ACCESS_TOKEN: "sekrit", CHAT_RATE_LIMITER: limiter });
    expect(found).not.toContain("sekrit");
  });
});

describe("clientKey", () => {
  const key = (ip?: string) => clientKey(new Request("https://w.example/chat", { headers: ip ? { "cf-connecting-ip": ip } : {} }));
  it.each<[string | undefined, string]>([
    [undefined, "unknown"],
    ["203.0.113.7", "203.0.113.7"],
    ["2001:db8:0:7::1", "2001:db8:0:7::/64"],
    ["2001:0DB8:0000:0007:ffff:1:2:3", "2001:db8:0:7::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
  ])("%s → %s", (ip, expected) => {
    expect(key(ip)).toBe(expected);
  });
});

describe("parseChatInput", () => {
  it("puts the Worker's system prompt first and keeps the page's turns", () => {
    expect(parseChatInput(JSON.stringify({ prompt: "Hi" }), { ...base, SYSTEM_PROMPT: "Be brief." })).toEqual([
      ["system", "Be brief."],
      ["user", "Hi"],
    ]);
  });

  it("caps the estimated input tokens (characters / 4, system prompt included) at the limit", () => {
    const system = "s".repeat(400); // 100 tokens
    const fits = "a".repeat((LIMITS.maxInputTokens - 100) * 4);
    expect(Array.isArray(parseChatInput(JSON.stringify({ prompt: fits }), { ...base, SYSTEM_PROMPT: system }))).toBe(true);
    expect(parseChatInput(JSON.stringify({ prompt: `${fits}abcd` }), { ...base, SYSTEM_PROMPT: system })).toMatchObject({ status: 413 });
  });

  it("caps the number of turns", () => {
    const messages = Array.from({ length: LIMITS.maxTurns + 1 }, () => ({ role: "user", content: "x" }));
    expect(parseChatInput(JSON.stringify({ messages }), base)).toEqual({ status: 400, message: `At most ${LIMITS.maxTurns} messages` });
  });
});

describe("readBodyText", () => {
  const streamOf = (...pieces: Uint8Array[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of pieces) controller.enqueue(piece);
        controller.close();
      },
    });
  const request = (body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    new Request("https://w.example/chat", { method: "POST", body, headers, duplex: "half" } as RequestInit);

  it("stops reading as soon as the bytes pass the cap", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    expect(await readBodyText(request(endless), 4096)).toEqual({ ok: false, reason: "too-large" });
    expect(pulled).toBeLessThan(10);
  });

  it("trusts a Content-Length only to refuse early, not to accept", async () => {
    expect(await readBodyText(request(streamOf(new Uint8Array(10)), { "content-length": "999999" }), 100)).toEqual({ ok: false, reason: "too-large" });
    expect(await readBodyText(request(streamOf(new Uint8Array(200)), { "content-length": "5" }), 100)).toEqual({ ok: false, reason: "too-large" });
  });

  it("decodes UTF-8 split across chunks, and refuses bytes that are not UTF-8", async () => {
    const e = new TextEncoder().encode("é");
    expect(await readBodyText(request(streamOf(e.slice(0, 1), e.slice(1))), 100)).toEqual({ ok: true, text: "é" });
    expect(await readBodyText(request(streamOf(new Uint8Array([0xff]))), 100)).toEqual({ ok: false, reason: "not-utf8" });
  });
});

describe("origin and content type helpers", () => {
  const req = (headers: Record<string, string>) => new Request("https://chat.example.com/chat", { method: "POST", headers });
  it.each<[Record<string, string>, string | undefined, boolean]>([
    [{}, undefined, true],
    [{ "sec-fetch-site": "same-origin" }, undefined, true],
    [{ "sec-fetch-site": "same-site" }, undefined, false],
    [{ origin: "https://chat.example.com" }, undefined, true],
    [{ origin: "https://chat.example.com.evil.example" }, undefined, false],
    [{ origin: "https://app.example.com" }, "https://app.example.com/", true],
    [{ origin: "https://app.example.com" }, "*", false],
  ])("originAllowed(%j, ALLOWED_ORIGINS=%s) → %s", (headers, allowed, expected) => {
    expect(originAllowed(req(headers), { ...base, ...(allowed !== undefined && { ALLOWED_ORIGINS: allowed }) })).toBe(expected);
  });

  it.each<[string, boolean]>([
    ["application/json", true],
    ["Application/JSON; charset=utf-8", true],
    ["text/plain", false],
    ["application/json-patch+json", false],
    ["", false],
  ])("isJsonContentType(%j) → %s", (type, expected) => {
    expect(isJsonContentType(req(type ? { "content-type": type } : {}))).toBe(expected);
  });
});

describe("AI Gateway vars", () => {
  const gw = { AI_GATEWAY_ACCOUNT_ID: "acct123", AI_GATEWAY_ID: "my-gateway" };
  it("gatewayOf needs both IDs, and passes the token and URL when set", () => {
    expect(gatewayOf({ ...base, AI_GATEWAY_ACCOUNT_ID: "acct123" })).toBeUndefined();
    expect(gatewayOf({ ...base, ...gw, AI_GATEWAY_TOKEN: "t", AI_GATEWAY_URL: "http://127.0.0.1:1" })).toEqual({
      accountId: "acct123",
      gatewayId: "my-gateway",
      token: "t",
      baseUrl: "http://127.0.0.1:1",
    });
  });

  it("calls through the gateway are billed unless its URL is loopback", () => {
    expect(talksToAws({ ...base, ...gw })).toBe(true);
    expect(talksToAws({ ...base, ...gw, AI_GATEWAY_URL: "http://127.0.0.1:8787" })).toBe(false);
  });

  it("a gateway with a token and no AWS secrets is ready (stored keys); BEDROCK_ENDPOINT beside it is a conflict", () => {
    const ready = { BEDROCK_MODEL_ID: "m", AWS_REGION: "us-east-1", ...gw, AI_GATEWAY_TOKEN: "t", CHAT_ACCESS_TOKEN: TOKEN, CHAT_RATE_LIMITER: limiter };
    expect(configurationProblem(ready)).toBeUndefined();
    expect(configurationProblem({ ...ready, AI_GATEWAY_TOKEN: undefined })).toMatch(/no AWS credentials/);
    expect(configurationProblem({ ...ready, BEDROCK_ENDPOINT: "http://127.0.0.1:1" })).toMatch(/BEDROCK_ENDPOINT and the AI_GATEWAY_\* vars/);
  });
});
