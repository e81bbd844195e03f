// The Next.js route handler (examples/nextjs/app/api/chat/route.ts) under Node, as `runtime = "nodejs"` runs it, against the emulator on loopback.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { readSSEEvents, type ChatSSEEvent } from "../../src/chat/index.js";
import { createBedrockEmulator, EMULATOR_API_KEY, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";
import { startEmulator, type RunningEmulator } from "../../src/testing/node.js";
import { assertBuilt } from "../runtimes/paths.js";
import { watchBodies, type BodyFate } from "./body-watch.js";
import {
  chatRequest,
  lastUserText,
  MODEL_ID,
  replyOf,
  ROUTE_FILE,
  routeEnv,
  SEED,
  SLOW_PROMPT,
  SYSTEM_PROMPT,
  TRANSLATION,
  userTurn,
  type RouteModule,
} from "./route-fixtures.js";

// Imported by path, not by name: the route resolves `bedrock-edge` to dist/ (the package as built),
// and tsc checks it through examples/tsconfig.json rather than through this project.
assertBuilt();
const route = (await import(/* @vite-ignore */ ROUTE_FILE)) as RouteModule;

const emulator = createBedrockEmulator();
const { watched, fates } = watchBodies(emulator);
let server: RunningEmulator;
let logged: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  server = await startEmulator({ emulator: watched });
});
afterAll(() => server.close());
beforeEach(() => {
  emulator.reset();
  fates.length = 0;
  for (const [name, value] of Object.entries(routeEnv(server.url))) vi.stubEnv(name, value);
  // The route logs Bedrock's own text on the server side; keep it for assertions, off the test output.
  logged = vi.spyOn(console, "error").mockImplementation(() => {});
  // Slow prompts drip out 16 bytes every 40 ms (several seconds in all), so the reply is mid-stream when the client leaves.
  emulator.script((request) => (lastUserText(request.body) === SLOW_PROMPT ? { fault: { type: "drip", delayMs: 40, chunkBytes: 16 } } : undefined), {
    times: Infinity,
  });
});
afterEach(() => {
  vi.unstubAllEnvs();
  logged.mockRestore();
});

const fateOf = (requestId: string): BodyFate | undefined => fates.find((f) => f.requestId === requestId);

describe("examples/nextjs route on Node", () => {
  it("declares the Node.js runtime, Next.js's default", () => {
    expect(route.runtime).toBe("nodejs");
  });

  it("streams the translation as SSE, with usage and the stop reason", async () => {
    const response = await route.POST(chatRequest(userTurn(SEED)));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reply = await replyOf(response);
    expect(reply.text).toBe(TRANSLATION);
    expect(reply.response_metadata.stopReason).toBe("end_turn");
    const usage = reply.usage_metadata!;
    expect(usage.input_tokens).toBeGreaterThan(0);
    expect(usage.output_tokens).toBeGreaterThan(0);
    expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens);

    const [call] = emulator.requests;
    expect(emulator.requests).toHaveLength(1);
    expect([call!.operation, call!.modelId, call!.auth]).toEqual(["converse-stream", MODEL_ID, { kind: "sigv4", accessKeyId: EMULATOR_CREDENTIALS.accessKeyId }]);
    expect(call!.body).toMatchObject({
      system: [{ text: SYSTEM_PROMPT }],
      messages: [{ role: "user", content: [{ text: SEED }] }],
      inferenceConfig: { maxTokens: 1024 },
    });
  });

  it("sends one delta event per piece of text, then usage, then done", async () => {
    const events: ChatSSEEvent[] = [];
    for await (const event of readSSEEvents(route.POST(chatRequest(userTurn(SEED))))) events.push(event);
    const deltas = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text);
    expect(deltas).toEqual(["J'adore ", "la ", "programmation."]);
    expect(events.map((e) => e.event).slice(-2)).toEqual(["usage", "done"]);
    expect(events.at(-1)!.data).toEqual({ stopReason: "end_turn" });
  });

  it("uses a Bedrock API key from AWS_BEARER_TOKEN_BEDROCK before access keys", async () => {
    vi.stubEnv("AWS_BEARER_TOKEN_BEDROCK", EMULATOR_API_KEY);
    expect((await replyOf(await route.POST(chatRequest(userTurn(SEED))))).text).toBe(TRANSLATION);
    expect(emulator.requests.map((r) => r.auth)).toEqual([{ kind: "bearer" }]);
  });

  it("sends a multi-turn conversation in order, after the system prompt", async () => {
    const messages = [
      { role: "user", content: "Good morning." },
      { role: "assistant", content: "Bonjour." },
      { role: "user", content: SEED },
    ];
    expect((await replyOf(await route.POST(chatRequest({ messages })))).text).toBe(TRANSLATION);
    const sent = (emulator.requests[0]!.body as { messages: Array<{ role: string; content: Array<{ text: string }> }> }).messages;
    expect(sent.map((m) => [m.role, m.content[0]!.text])).toEqual(messages.map((m) => [m.role, m.content]));
  });
});

describe("refusals before any Bedrock call", () => {
  const canary = "canary-7f3a";
  const many = Array.from({ length: 41 }, (_, i) => ({ role: i % 2 ? "assistant" : "user", content: `turn ${i}` }));
  const cases: Array<[string, string | object, number, RegExp, string?]> = [
    ["a body that is not JSON", `{"messages": [${canary}`, 400, /^The body must be JSON$/],
    ["a form post", `messages=${canary}`, 415, /application\/json/, "application/x-www-form-urlencoded"],
    ["no content type", "{}", 415, /application\/json/, ""],
    ["JSON null", "null", 400, /Send \{ messages/],
    ["no messages", { prompt: canary }, 400, /Send \{ messages/],
    ["an empty conversation", { messages: [] }, 400, /at least one message/],
    ["a system turn from the client", { messages: [{ role: "system", content: canary }] }, 400, /^messages\[0\]\.role must be/],
    ["a turn that is not an object", { messages: [canary] }, 400, /^messages\[0\]\.role must be/],
    ["content that is not text", { messages: [{ role: "user", content: [{ text: canary }] }] }, 400, /^messages\[0\]\.content must be non-empty text$/],
    ["blank content", { messages: [{ role: "user", content: "  " }] }, 400, /^messages\[0\]\.content must be/],
    ["the assistant speaking last", { messages: [{ role: "user", content: canary }, { role: "assistant", content: canary }] }, 400, /last message must be the user's/],
    ["too many turns", { messages: many }, 400, /^At most 40 messages$/],
    ["too much text", userTurn(canary.repeat(4_000)), 400, /^At most 32000 characters/],
  ];

  it.each(cases)("%s: status %i, a JSON message naming the field, never the value", async (_, body, status, message, contentType) => {
    const response = await route.POST(chatRequest(body, contentType === undefined ? {} : { contentType }));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).not.toContain(canary);
    expect(JSON.parse(text)).toEqual({ message: expect.stringMatching(message) });
    expect(emulator.requests).toHaveLength(0);
  });

  it.each(["BEDROCK_MODEL_ID", "AWS_REGION"])("without %s: 500 'not configured', the variable named only in the server log", async (name) => {
    vi.stubEnv(name, undefined);
    const response = await route.POST(chatRequest(userTurn(SEED)));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: "The chat service is not configured" });
    expect(logged).toHaveBeenCalledWith("chat: set BEDROCK_MODEL_ID and AWS_REGION");
    expect(emulator.requests).toHaveLength(0);
  });
});

describe("Bedrock failures get a real status and a safe JSON body", () => {
  it("throttling after the client's retries: 429 ThrottlingException, Bedrock's words only in the log", async () => {
    const bedrockWords = "Too many tokens per day for account 123456789012 (quota L-ABCDEF12)";
    emulator.fault({ type: "throttle", message: bedrockWords, times: Infinity });
    const response = await route.POST(chatRequest(userTurn(SEED)));
    expect(response.status).toBe(429);
    const text = await response.text();
    expect(text).not.toContain("123456789012");
    const requestId = emulator.requests.at(-1)!.requestId;
    expect(JSON.parse(text)).toEqual({ name: "ThrottlingException", message: "Too many requests: try again later", requestId });
    // bedrock-edge's default: one attempt and three retries.
    expect(emulator.requests.map((r) => r.status)).toEqual([429, 429, 429, 429]);
    expect(String(logged.mock.calls[0]?.[1])).toContain(bedrockWords);
  });

  it("refused credentials: 403 with a generic message; neither the secret nor AWS's signature text reaches the client", async () => {
    const secret = "wrongSecretKey/abcdefghijklmnopqrstuvwxyz0123";
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", secret);
    const response = await route.POST(chatRequest(userTurn(SEED)));
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/canonical|signature we calculated/i);
    expect(JSON.parse(text)).toEqual({
      name: emulator.requests[0]!.errorType,
      message: "The model service refused the request",
      requestId: emulator.requests[0]!.requestId,
    });
    expect(emulator.requests[0]!.errorType).toBe("InvalidSignatureException");
    expect(JSON.stringify(logged.mock.calls)).not.toContain(secret);
  });

  it("an unknown access key: 403 UnrecognizedClientException, read back as that class by readSSEChunks", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    const error = await replyOf(await route.POST(chatRequest(userTurn(SEED)))).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "UnrecognizedClientException", status: 403, message: "The model service refused the request" });
  });
});

describe("a client that goes away cancels the Bedrock call", () => {
  /** POSTs the slow prompt and reads until the first delta has arrived. */
  async function startSlowReply(signal?: AbortSignal) {
    const response = await route.POST(chatRequest(userTurn(SLOW_PROMPT), signal ? { signal } : {}));
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let seen = "";
    while (!seen.includes("event: delta")) {
      const { done, value } = await reader.read();
      if (done) throw new Error("the reply ended before its first delta");
      seen += decoder.decode(value, { stream: true });
    }
    const call = emulator.requests.find((r) => lastUserText(r.body) === SLOW_PROMPT)!;
    expect(call.fault).toBe("drip");
    expect(fateOf(call.requestId)?.state).toBe("open");
    return { reader, call };
  }

  it("cancelling the response body (the browser closed the page) closes the Bedrock connection mid-stream", async () => {
    const { reader, call } = await startSlowReply();
    await reader.cancel();
    await vi.waitFor(() => expect(fateOf(call.requestId)?.state).toBe("cancelled"), { timeout: 2_000 });
    expect(emulator.requests).toHaveLength(1);
  });

  it("aborting request.signal (Next.js's disconnect signal) closes it too, and the stream ends with an AbortError event", async () => {
    const abort = new AbortController();
    const { reader, call } = await startSlowReply(abort.signal);
    abort.abort();
    await vi.waitFor(() => expect(fateOf(call.requestId)?.state).toBe("cancelled"), { timeout: 2_000 });
    let rest = "";
    const decoder = new TextDecoder();
    for (let next = await reader.read(); !next.done; next = await reader.read()) rest += decoder.decode(next.value, { stream: true });
    expect(rest).toMatch(/event: error\ndata: \{"name":"AbortError"/);
  });

  it("the emulator stays usable afterwards: the next request is served in full", async () => {
    const { reader, call } = await startSlowReply();
    await reader.cancel();
    await vi.waitFor(() => expect(fateOf(call.requestId)?.state).toBe("cancelled"), { timeout: 2_000 });
    expect((await replyOf(await route.POST(chatRequest(userTurn(SEED))))).text).toBe(TRANSLATION);
    expect(fates.at(-1)!.state).toBe("finished");
  });
});
