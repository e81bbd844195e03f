// The Worker example as deployed must not be an open wallet: access token, origin and content type, body and token caps, rate limit, page headers, safe errors (in workerd).
import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/testing/node.js";
import type { RunningWorker } from "../../worker-example/local/run-worker.mjs";
import { readWranglerToml } from "../../worker-example/local/wrangler-toml.mjs";
import { emulatorBindings, freshClientIp, postChat, replyText, runWorker } from "./helpers.js";

const TOKEN = "test-access-token-0123456789abcdef";
const PROMPT = { prompt: "I love programming." };
// Fake AWS keys: the Worker in "AWS mode" below must refuse before it would ever use them.
const FAKE_AWS = { AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };

let emulator: RunningEmulator;
let open: RunningWorker; // emulator, no token: what `npm start` runs
let guarded: RunningWorker; // emulator, a token and one extra allowed origin
let aws: RunningWorker; // Bedrock itself (endpoint empty), with a token
let unconfigured: RunningWorker; // Bedrock itself, no token
beforeAll(async () => {
  emulator = await startEmulator();
  [open, guarded, aws, unconfigured] = await Promise.all([
    runWorker({ bindings: emulatorBindings(emulator.url) }),
    runWorker({ bindings: { ...emulatorBindings(emulator.url), CHAT_ACCESS_TOKEN: TOKEN, ALLOWED_ORIGINS: "https://app.example.com, not a url" } }),
    runWorker({ bindings: { ...FAKE_AWS, CHAT_ACCESS_TOKEN: TOKEN } }),
    runWorker({ bindings: { ...FAKE_AWS } }),
  ]);
});
afterAll(async () => {
  await Promise.all([open, guarded, aws, unconfigured].map((worker) => worker?.stop()));
  await emulator?.close();
});
beforeEach(() => emulator.emulator.reset());

describe("access check", () => {
  it("a Worker talking to AWS without CHAT_ACCESS_TOKEN refuses /chat with how to configure it", async () => {
    const reply = await postChat(unconfigured, PROMPT);
    expect(reply.status).toBe(503);
    expect(String(reply.json?.message)).toMatch(/no access check.*CHAT_ACCESS_TOKEN.*wrangler secret put CHAT_ACCESS_TOKEN/);
    expect(reply.raw).not.toContain(FAKE_AWS.AWS_SECRET_ACCESS_KEY);
  });

  it.each<[string, Record<string, string>]>([
    ["no Authorization header", {}],
    ["a wrong token", { authorization: "Bearer not-the-token-at-all-0123456789" }],
    ["the token with another scheme", { authorization: `Basic ${TOKEN}` }],
    ["a prefix of the token", { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
  ])("a Worker talking to AWS refuses %s with 401", async (_name, headers) => {
    const reply = await postChat(aws, PROMPT, { headers });
    expect(reply.status).toBe(401);
    expect(reply.headers.get("www-authenticate")).toBe('Bearer realm="chat"');
    expect(reply.json).toEqual({ message: "Enter the access token (CHAT_ACCESS_TOKEN) to chat" });
  });

  it("a configured token is checked against the emulator too, and the right one streams", async () => {
    expect((await postChat(guarded, PROMPT)).status).toBe(401);
    const reply = await postChat(guarded, PROMPT, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(replyText(reply.events)).toBe("J'adore la programmation.");
    expect(emulator.emulator.requests).toHaveLength(1);
  });

  it("the local emulator run needs no token (npm start)", async () => {
    expect(replyText((await postChat(open, PROMPT)).events)).toBe("J'adore la programmation.");
  });
});

describe("origin and content type", () => {
  const post = (worker: RunningWorker, headers: Record<string, string>, body = JSON.stringify(PROMPT)) =>
    fetch(`${worker.url}/chat`, { method: "POST", headers: { "cf-connecting-ip": freshClientIp(), ...headers }, body });

  it.each<[string, Record<string, string>, number]>([
    ["a JSON POST from another site", { origin: "https://evil.example", "content-type": "application/json" }, 403],
    ["a text/plain POST from another site (no preflight)", { origin: "https://evil.example", "content-type": "text/plain" }, 403],
    ["an opaque origin (sandboxed frame, file:)", { origin: "null", "content-type": "application/json" }, 403],
    ["a cross-site request without Origin", { "sec-fetch-site": "cross-site", "content-type": "application/json" }, 403],
    ["a same-origin text/plain POST", { "content-type": "text/plain;charset=UTF-8" }, 415],
    ["a form POST", { "content-type": "application/x-www-form-urlencoded" }, 415],
  ])("refuses %s before Bedrock", async (_name, headers, status) => {
    const response = await post(open, headers);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { message: string }).message).toMatch(status === 403 ? /origin may not call/ : /application\/json/);
    expect(emulator.emulator.requests).toHaveLength(0);
  });

  it("accepts its own origin", async () => {
    const response = await post(open, { origin: open.url, "sec-fetch-site": "same-origin", "content-type": "application/json; charset=utf-8" });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    await response.text();
  });

  it("an origin in ALLOWED_ORIGINS passes the preflight and gets CORS headers; others do not", async () => {
    const preflight = (origin: string) =>
      fetch(`${guarded.url}/chat`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } });
    const allowed = await preflight("https://app.example.com");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(allowed.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
    expect((await preflight("https://evil.example")).status).toBe(403);
    const response = await post(guarded, { origin: "https://app.example.com", "content-type": "application/json", authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(response.headers.get("vary")).toBe("Origin");
    await response.text();
  });
});

/**
 * POSTs `chunks` with node:http and, without ending the body, waits for the answer. The Worker must
 * decide from what it has already received (the declared length, or the bytes counted so far), so no
 * write races its 413 and the socket it closes (the EPIPE / reset that failed CI once). The upload is
 * then abandoned. A Worker that waited for the whole body would never answer: that fails after 5 s.
 */
function postAndHold(url: string, headers: Record<string, string>, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "POST", headers: { "content-type": "application/json", "cf-connecting-ip": freshClientIp(), ...headers } });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error("no answer within 5 s while the body was held open: the Worker waits for the whole body"));
    }, 5_000);
    request.on("close", () => clearTimeout(timer));
    request.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c: string) => (body += c));
      res.on("end", () => {
        request.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    request.on("error", (error) => {
      if (!request.destroyed || !("code" in error) || error.code !== "ECONNRESET") reject(error);
    });
    let next = 0;
    const writeMore = () => {
      while (next < chunks.length && !request.destroyed) {
        if (!request.write(chunks[next++]!)) return void request.once("drain", writeMore);
      }
    };
    writeMore();
  });
}

describe("body and token caps", () => {
  const MAX_BODY = 64 * 1024;

  it("refuses a declared Content-Length over the cap with 413", async () => {
    // Only the first bytes are sent: the declared length alone must be enough to refuse.
    const text = JSON.stringify({ prompt: "a".repeat(MAX_BODY) });
    const response = await postAndHold(`${open.url}/chat`, { "content-length": String(Buffer.byteLength(text)) }, [text.slice(0, 16)]);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual({ message: `The body is larger than ${MAX_BODY} bytes` });
    expect(emulator.emulator.requests).toHaveLength(0);
  });

  it("counts a streamed body without Content-Length as it arrives, and refuses it with 413", async () => {
    // A chunked upload (no Content-Length), 8 KiB at a time, stopped just past the cap and never ended.
    const chunks = ['{"prompt":"', ...Array<string>(MAX_BODY / (8 * 1024)).fill("a".repeat(8 * 1024))];
    expect(chunks.join("").length).toBeGreaterThan(MAX_BODY);
    const response = await postAndHold(`${open.url}/chat`, { "transfer-encoding": "chunked" }, chunks);
    expect(response.status).toBe(413);
    expect(emulator.emulator.requests).toHaveLength(0);
  });

  it("a streamed body under the cap is read whole", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(PROMPT));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 5));
        controller.enqueue(bytes.slice(5));
        controller.close();
      },
    });
    const response = await fetch(`${open.url}/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": freshClientIp() },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("J'adore");
  });

  it("refuses a conversation over the input token estimate with 413, before Bedrock", async () => {
    // 20,000 characters is about 5,000 tokens by the chars / 4 estimate, over the 4,000 cap, yet under the byte cap.
    const reply = await postChat(open, { messages: [{ role: "user", content: "word ".repeat(4_000) }] });
    expect(reply.status).toBe(413);
    expect(String(reply.json?.message)).toMatch(/too long: at most about 4000 tokens/);
    expect(emulator.emulator.requests).toHaveLength(0);
  });
});

describe("rate limit", () => {
  const { limit } = readWranglerToml(new URL("../../wrangler.toml", import.meta.url)).rateLimits[0]!;

  it(`answers 429 after ${limit} requests a minute from one client, and counts each client apart`, async () => {
    const ip = "203.0.113.9";
    // Bodies that fail validation: they count against the budget but never reach Bedrock.
    for (let i = 0; i < limit; i++) expect((await postChat(open, {}, { ip })).status).toBe(400);
    const limited = await postChat(open, PROMPT, { ip });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(limited.json).toEqual({ message: "Too many requests: wait a minute and try again" });
    expect((await postChat(open, {}, { ip: "203.0.113.10" })).status).toBe(400);
    expect(emulator.emulator.requests).toHaveLength(0);
  });

  it("counts an IPv6 client by its /64", async () => {
    for (let i = 0; i < limit; i++) expect((await postChat(open, {}, { ip: `2001:db8:0:7::${i + 1}` })).status).toBe(400);
    expect((await postChat(open, {}, { ip: "2001:db8:0:7:ffff::1" })).status).toBe(429);
  });
});

describe("GET / security headers", () => {
  const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

  it("sends a CSP whose hashes match the page's inline script and style, and the usual headers", async () => {
    const response = await fetch(`${open.url}/`);
    const html = await response.text();
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const csp = response.headers.get("content-security-policy") ?? "";
    const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(" ")]));
    expect(directives).toEqual({
      "default-src": "'none'",
      "script-src": sha256(script),
      "style-src": sha256(style),
      "connect-src": "'self'",
      "img-src": "data:",
      "base-uri": "'none'",
      "form-action": "'none'",
      "frame-ancestors": "'none'",
    });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(Object.fromEntries(["x-content-type-options", "x-frame-options", "referrer-policy", "cross-origin-opener-policy"].map((h) => [h, response.headers.get(h)]))).toEqual({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "no-referrer",
      "cross-origin-opener-policy": "same-origin",
    });
    // HSTS only over HTTPS (this is http://127.0.0.1), where browsers would ignore it anyway.
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("the page has the access token field, hidden until a 401", async () => {
    const html = await (await fetch(`${open.url}/`)).text();
    expect(html).toContain('<p id="access" hidden>');
    expect(html).toContain('if (response.status === 401) access.hidden = false;');
  });

  it("/chat answers carry nosniff too", async () => {
    const reply = await postChat(open, PROMPT);
    expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("error bodies carry no server text", () => {
  const ARN = "arn:aws:iam::123456789012:role/chat-worker-role";
  const SESSION = "IQoJb3JpZ2luX2VjEFAKEsessionTOKEN0123456789";
  const SERVER_TEXT = `User: ${ARN} is not authorized to perform: bedrock:InvokeModelWithResponseStream (account 123456789012, token ${SESSION}). Enable model access in the console.`;
  const leaks = [ARN, "123456789012", SESSION, "chat-worker-role", "console"];

  it("an error before the reply starts: the JSON has the class, a generic message and the request ID only", async () => {
    emulator.emulator.fault({ type: "error", status: 403, errorType: "AccessDeniedException", message: SERVER_TEXT });
    const reply = await postChat(open, PROMPT);
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({ name: "AccessDeniedException", message: "The model service refused the request", requestId: expect.any(String) });
    for (const leak of leaks) expect(reply.raw).not.toContain(leak);
    // onError logs the original on the server side.
    expect(open.output()).toContain("AccessDeniedException");
  });

  it("an exception mid-stream: the error event has no server text either", async () => {
    emulator.emulator.fault({ type: "exception-frame", afterEvents: 3, exceptionType: "throttlingException", message: SERVER_TEXT });
    const reply = await postChat(open, PROMPT);
    expect(reply.status).toBe(200);
    expect(replyText(reply.events)).not.toBe("");
    expect(reply.events.at(-1)).toEqual({
      event: "error",
      data: { name: "ThrottlingException", message: "Too many requests: try again later", requestId: expect.any(String) },
    });
    for (const leak of leaks) expect(reply.raw).not.toContain(leak);
  });
});
