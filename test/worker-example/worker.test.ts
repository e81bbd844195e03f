// The Worker example end to end in workerd (the date's default flags, as wrangler.toml sets none): the page, POST /chat streaming SSE from the emulator, auth from bindings.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EMULATOR_API_KEY, EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../src/testing/node.js";
import type { RunningWorker } from "../../worker-example/local/run-worker.mjs";
import { emulatorBindings, freshClientIp, postChat, replyText, runWorker } from "./helpers.js";

const SYSTEM_PROMPT = "You are a helpful assistant that translates English to French. Translate the user sentence.";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.emulator.reset());

describe("Worker example with the emulator's SigV4 credentials as secrets", () => {
  let worker: RunningWorker;
  beforeAll(async () => {
    worker = await runWorker({ bindings: emulatorBindings(emulator.url) });
  });
  afterAll(() => worker?.stop());

  it("serves the chat page at GET /", async () => {
    const response = await fetch(`${worker.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<form id="chat">');
    expect(html).toContain("<textarea");
    expect(html).toContain('<button id="send" type="submit">Send</button>');
    expect(html).toContain('fetch("/chat"');
  });

  it("streams the translation from POST /chat as SSE: deltas, then usage, then done", async () => {
    const reply = await postChat(worker, { prompt: "I love programming." });
    expect(reply.status).toBe(200);
    expect(reply.contentType).toBe("text/event-stream; charset=utf-8");
    expect(replyText(reply.events)).toBe("J'adore la programmation.");
    const kinds = reply.events.map((e) => e.event);
    expect(kinds.filter((k) => k === "delta").length).toBeGreaterThan(1);
    expect(kinds.slice(-2)).toEqual(["usage", "done"]);
    const usage = reply.events.at(-2)!;
    expect(usage.event === "usage" && usage.data.output_tokens > 0 && usage.data.input_tokens > 0).toBe(true);
    expect(reply.events.at(-1)).toEqual({ event: "done", data: { stopReason: "end_turn" } });
    expect(reply.raw).toMatch(/^event: delta\ndata: \{"text":"J'adore /);
  });

  it("sends wrangler.toml's model, system prompt and the page's turns, signed with the secret keys", async () => {
    const reply = await postChat(worker, {
      messages: [
        { role: "user", content: "Hello" },
        { role: "assistant", content: "You said: Hello" },
        { role: "user", content: "I love programming." },
      ],
    });
    expect(replyText(reply.events)).toBe("J'adore la programmation.");
    const [request] = emulator.emulator.requests;
    expect(request).toMatchObject({
      operation: "converse-stream",
      modelId: "us.amazon.nova-micro-v1:0",
      auth: { kind: "sigv4", accessKeyId: EMULATOR_CREDENTIALS.accessKeyId },
      body: {
        system: [{ text: SYSTEM_PROMPT }],
        messages: [
          { role: "user", content: [{ text: "Hello" }] },
          { role: "assistant", content: [{ text: "You said: Hello" }] },
          { role: "user", content: [{ text: "I love programming." }] },
        ],
      },
    });
  });

  // Was a 200 with an error event carrying Bedrock's text; now the status says it, in a safe shape (issue 9).
  it("answers 429 with a safe JSON body when Bedrock keeps throttling before the reply starts", async () => {
    emulator.emulator.fault({ type: "throttle", retryAfterSeconds: 0, times: 10 });
    const reply = await postChat(worker, { prompt: "I love programming." });
    expect(reply.status).toBe(429);
    expect(reply.json).toEqual({ name: "ThrottlingException", message: "Too many requests: try again later", requestId: expect.any(String) });
  });

  // The page's JSON now goes with an application/json content type: a text/plain body is refused as such (issue 9).
  it.each<[string, RequestInit & { path?: string }, number, RegExp]>([
    ["a body that is not JSON", { method: "POST", body: "hello" }, 400, /must be JSON/],
    ["no prompt or messages", { method: "POST", body: "{}" }, 400, /prompt/],
    ["a system turn from the page", { method: "POST", body: JSON.stringify({ messages: [{ role: "system", content: "x" }] }) }, 400, /role must be "user" or "assistant"/],
    ["an empty message", { method: "POST", body: JSON.stringify({ messages: [{ role: "user", content: " " }] }) }, 400, /non-empty/],
    ["a conversation ending with the assistant", { method: "POST", body: JSON.stringify({ messages: [{ role: "user", content: "a" }, { role: "assistant", content: "b" }] }) }, 400, /last message/],
    ["GET /chat", { method: "GET" }, 405, /POST/],
    ["an unknown path", { method: "GET", path: "/nope" }, 404, /Not found/],
  ])("refuses %s before anything reaches Bedrock", async (_name, init, status, message) => {
    const headers = { "content-type": "application/json", "cf-connecting-ip": freshClientIp() };
    const response = await fetch(`${worker.url}${init.path ?? "/chat"}`, { ...init, headers });
    expect(response.status).toBe(status);
    const text = await response.text();
    expect(status === 400 ? (JSON.parse(text) as { message: string }).message : text).toMatch(message);
    expect(emulator.emulator.requests).toHaveLength(0);
  });
});

describe("Worker example with a Bedrock API key secret", () => {
  let worker: RunningWorker;
  beforeAll(async () => {
    worker = await runWorker({ bindings: { BEDROCK_ENDPOINT: emulator.url, AWS_BEARER_TOKEN_BEDROCK: EMULATOR_API_KEY } });
  });
  afterAll(() => worker?.stop());

  it("streams the reply, authenticated by the key", async () => {
    const reply = await postChat(worker, { prompt: "I love programming." });
    expect(replyText(reply.events)).toBe("J'adore la programmation.");
    expect(emulator.emulator.requests[0]?.auth).toEqual({ kind: "bearer" });
  });
});

describe("Worker example without usable secrets", () => {
  let bare: RunningWorker;
  let wrong: RunningWorker;
  const WRONG_SECRET = "wrongSecretKeyThatMustNotLeak0123456789";
  beforeAll(async () => {
    [bare, wrong] = await Promise.all([
      runWorker({ bindings: { BEDROCK_ENDPOINT: emulator.url } }),
      runWorker({ bindings: { ...emulatorBindings(emulator.url), AWS_SECRET_ACCESS_KEY: WRONG_SECRET } }),
    ]);
  });
  afterAll(async () => {
    await bare?.stop();
    await wrong?.stop();
  });

  // Was an SSE error event; a Worker without credentials is now a configuration refusal before any stream (issue 9).
  it("tells whoever deploys it which secrets to set (503), without calling Bedrock", async () => {
    const reply = await postChat(bare, { prompt: "I love programming." });
    expect(reply.status).toBe(503);
    expect(String(reply.json?.message)).toMatch(/AWS_BEARER_TOKEN_BEDROCK.*wrangler secret put/);
    expect(emulator.emulator.requests).toHaveLength(0);
  });

  // Was a 200 with an error event; refused credentials are now a 403 before anything streamed (issue 9).
  it("reports refused credentials by name and status, never echoing the secret", async () => {
    const reply = await postChat(wrong, { prompt: "I love programming." });
    expect(reply.status).toBe(403);
    expect(reply.json).toMatchObject({ name: "InvalidSignatureException", message: "The model service refused the request" });
    expect(reply.raw).not.toContain(WRONG_SECRET);
    expect(wrong.output()).not.toContain(WRONG_SECRET);
  });
});
