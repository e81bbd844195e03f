// The RAG Worker example end to end in workerd, against the emulator, with the in-memory Vectorize stand-in bound as VECTORIZE:
// once with the compatibility date's default flags (nodejs_compat on from 2026-08-04) and once with nodejs_compat turned off.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_PROMPT } from "../../examples/rag-worker/src/prompt.js";
import { startRagWorker, type RunningRagWorker } from "../../examples/rag-worker/local/run.mjs";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../src/testing/node.js";
import { answerText, post } from "./helpers.js";

const sentences = (topic: string, n: number) => Array.from({ length: n }, (_, i) => `Note ${i + 1} about ${topic} keeps the manual tidy and readable.`).join(" ");

const DOCUMENTS = [
  { id: "bread", text: "Bake the sourdough bread in a hot oven at 230 degrees for about forty minutes, until the crust is dark brown.", metadata: { topic: "cooking" } },
  { id: "tides", text: "Ocean tides rise and fall twice a day because the gravity of the moon pulls on the sea." },
  // Two paragraphs over 1,000 characters together: two passages.
  { id: "bikes", text: `Keep the bicycle chain clean and oiled so the gears shift smoothly. ${sentences("bicycles", 10)}\n\n${sentences("chains", 10)}` },
];
const QUESTION = "How long should sourdough bread bake in the oven?";
const RERANK_ARN = "arn:aws:bedrock:us-east-1::foundation-model/cohere.rerank-v3-5:0";
const SERVER_TEXT = "User: arn:aws:iam::123456789012:role/rag-worker is not authorized (token IQoJb3JpZ2luX2VjEFAKEsession)";

let emulator: RunningEmulator;
const bindings = () => ({
  BEDROCK_ENDPOINT: emulator.url,
  AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
});
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.emulator.reset());

const ops = () => emulator.emulator.requests.map((r) => r.operation);

describe.each([
  ["default flags", undefined],
  ["nodejs_compat off", ["no_nodejs_compat", "no_nodejs_compat_v2"]],
])("RAG Worker in workerd [%s]", (_mode, compatibilityFlags) => {
  let worker: RunningRagWorker;
  beforeAll(async () => {
    worker = await startRagWorker({ bindings: bindings(), ...(compatibilityFlags ? { compatibilityFlags } : {}) });
  });
  afterAll(() => worker?.stop());

  it("answers 404 to a question before anything is ingested, after embedding it", async () => {
    const reply = await post(`${worker.url}/ask`, { question: QUESTION });
    expect(reply.status).toBe(404);
    expect(reply.json.message).toMatch(/POST \/ingest/);
    expect(ops()).toEqual(["invoke"]);
  });

  it("ingests: one Titan v2 embedding per passage at the index's dimensions", async () => {
    const reply = await post(`${worker.url}/ingest`, { documents: DOCUMENTS });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      documents: [
        { id: "bread", passages: 1 },
        { id: "tides", passages: 1 },
        { id: "bikes", passages: 2 },
      ],
      mutationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const requests = emulator.emulator.requests;
    expect(requests).toHaveLength(4);
    for (const r of requests) {
      expect(r).toMatchObject({ operation: "invoke", modelId: "amazon.titan-embed-text-v2:0", status: 200, auth: { kind: "sigv4" } });
      expect(r.body).toEqual({ inputText: expect.any(String), dimensions: 1024 });
    }
  });

  it("asks: retrieves, reranks with Bedrock Rerank, streams the answer, and cites the matching document first", async () => {
    const reply = await post(`${worker.url}/ask`, { question: QUESTION, topK: 3 });
    expect(reply.status).toBe(200);
    expect(reply.contentType).toBe("text/event-stream; charset=utf-8");
    const names = reply.events.map((e) => e.event);
    expect(names[0]).toBe("sources");
    expect(names.filter((n) => n === "delta").length).toBeGreaterThan(1);
    expect(names.slice(-3)).toEqual(["usage", "citations", "done"]);

    const sources = reply.events[0]!.data.sources as Array<{ n: number; id: string; docId: string; snippet: string }>;
    expect(sources.map((s) => s.n)).toEqual([1, 2, 3]);
    expect(sources[0]).toMatchObject({ n: 1, id: "bread#0", docId: "bread", snippet: DOCUMENTS[0]!.text });
    const citations = reply.events.at(-2)!.data.citations as Array<{ id: string; docId: string }>;
    expect(citations[0]).toMatchObject({ id: "bread#0", docId: "bread" });
    const ingestedIds = ["bread#0", "tides#0", "bikes#0", "bikes#1"];
    for (const c of citations) expect(ingestedIds).toContain(c.id);
    // The emulator's model echoes its input, so the answer carries every [n] marker and cites every source.
    expect(answerText(reply.events)).toContain("[1] Bake the sourdough bread");
    expect(citations).toHaveLength(3);

    expect(ops()).toEqual(["invoke", "rerank", "converse-stream"]);
    const [embed, rerank, converse] = emulator.emulator.requests;
    expect(embed!.body).toEqual({ inputText: QUESTION, dimensions: 1024 });
    const rerankBody = rerank!.body as any;
    expect(rerankBody.queries).toEqual([{ type: "TEXT", textQuery: { text: QUESTION } }]);
    expect(rerankBody.sources).toHaveLength(3);
    expect(rerankBody.rerankingConfiguration).toEqual({
      type: "BEDROCK_RERANKING_MODEL",
      bedrockRerankingConfiguration: { numberOfResults: 3, modelConfiguration: { modelArn: RERANK_ARN } },
    });
    expect(rerank!.auth).toEqual({ kind: "sigv4", accessKeyId: EMULATOR_CREDENTIALS.accessKeyId });
    expect(converse).toMatchObject({ modelId: "us.amazon.nova-micro-v1:0", body: { system: [{ text: SYSTEM_PROMPT }] } });
    expect((converse!.body as any).messages[0].content[0].text).toMatch(/^Sources:\n\n\[1\] Bake the sourdough bread/);
  });

  it("lists in `citations` only the sources the answer marks", async () => {
    emulator.emulator.script((request) =>
      request.operation === "converse-stream"
        ? {
            stream: [
              { messageStart: { role: "assistant" } },
              { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "About forty minutes at 230 degrees " } } },
              { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "[1]. Not [9]." } } },
              { contentBlockStop: { contentBlockIndex: 0 } },
              { messageStop: { stopReason: "end_turn" } },
              { metadata: { usage: { inputTokens: 50, outputTokens: 12, totalTokens: 62 }, metrics: { latencyMs: 5 } } },
            ],
          }
        : undefined,
    );
    const reply = await post(`${worker.url}/ask`, { question: QUESTION });
    expect(answerText(reply.events)).toBe("About forty minutes at 230 degrees [1]. Not [9].");
    expect(reply.events.find((e) => e.event === "sources")!.data.sources).toHaveLength(4);
    expect(reply.events.find((e) => e.event === "citations")!.data).toEqual({
      citations: [{ n: 1, id: "bread#0", docId: "bread", snippet: DOCUMENTS[0]!.text, relevanceScore: expect.any(Number) }],
    });
  });

  it.each<[string, RequestInit & { path?: string }, number, RegExp]>([
    ["a text/plain body", { body: "{}", headers: { "content-type": "text/plain" } }, 415, /application\/json/],
    ["a body that is not JSON", { body: "hello" }, 400, /JSON/],
    ["no documents", { body: JSON.stringify({ documents: [] }) }, 400, /at least one document/],
    ["a bad document id", { body: JSON.stringify({ documents: [{ id: "../x", text: "t" }] }) }, 400, /documents\[0\]\.id/],
    ["a document without text", { body: JSON.stringify({ documents: [{ id: "a" }] }) }, 400, /documents\[0\]\.text/],
    ["a body over 256 KiB", { body: JSON.stringify({ documents: [{ id: "a", text: "x".repeat(300_000) }] }) }, 413, /larger than/],
    ["an empty question", { path: "/ask", body: JSON.stringify({ question: " " }) }, 400, /question/],
    ["topK over Vectorize's 20", { path: "/ask", body: JSON.stringify({ question: "q", topK: 21 }) }, 400, /topK/],
    ["GET /ask", { path: "/ask", method: "GET" }, 405, /POST/],
    ["an unknown path", { path: "/nope" }, 404, /Not found/],
  ])("refuses %s before anything reaches Bedrock", async (_name, init, status, message) => {
    const response = await fetch(`${worker.url}${init.path ?? "/ingest"}`, { method: "POST", headers: { "content-type": "application/json" }, ...init });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
    expect(emulator.emulator.requests).toHaveLength(0);
  });

  it("a throttled Rerank comes out as a clean 429 JSON error, without server text or credentials", async () => {
    emulator.emulator.fault({ type: "throttle", retryAfterSeconds: 0, times: 10, message: SERVER_TEXT, operations: ["rerank"] });
    const reply = await post(`${worker.url}/ask`, { question: QUESTION });
    expect(reply.status).toBe(429);
    expect(reply.json).toEqual({ name: "ThrottlingException", message: "Too many requests: try again later", requestId: expect.any(String) });
    expect(ops().filter((o) => o === "rerank").length).toBeGreaterThan(1); // the client retried first
    expect(ops()).not.toContain("converse-stream");
    for (const leak of ["123456789012", "IQoJb3JpZ2luX2VjEFAKEsession", EMULATOR_CREDENTIALS.secretAccessKey]) expect(reply.raw).not.toContain(leak);
    expect(worker.output()).not.toContain(EMULATOR_CREDENTIALS.secretAccessKey);
  });

  it("a refused embedding call on /ingest is a clean 403", async () => {
    emulator.emulator.fault({ type: "error", status: 403, errorType: "AccessDeniedException", message: SERVER_TEXT, operations: ["invoke"] });
    const reply = await post(`${worker.url}/ingest`, { documents: [DOCUMENTS[1]] });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({ name: "AccessDeniedException", message: "The model service refused the request", requestId: expect.any(String) });
    expect(reply.raw).not.toContain("123456789012");
  });

  it("an exception mid-answer ends the stream with a safe error event and claims no citations", async () => {
    emulator.emulator.fault({ type: "exception-frame", afterEvents: 3, exceptionType: "modelStreamErrorException", message: SERVER_TEXT, operations: ["converse-stream"] });
    const reply = await post(`${worker.url}/ask`, { question: QUESTION });
    expect(reply.status).toBe(200);
    expect(reply.events.map((e) => e.event)).not.toContain("citations");
    expect(reply.events.at(-1)).toEqual({ event: "error", data: { name: "ModelStreamErrorException", message: "The model service failed to answer", requestId: expect.any(String) } });
    expect(reply.raw).not.toContain("123456789012");
  });
});

describe("RAG Worker access", () => {
  const TOKEN = "rag-test-token-0123456789abcdef";
  let guarded: RunningRagWorker;
  let billed: RunningRagWorker;
  beforeAll(async () => {
    [guarded, billed] = await Promise.all([
      startRagWorker({ bindings: { ...bindings(), RAG_ACCESS_TOKEN: TOKEN } }),
      // No BEDROCK_ENDPOINT: it would call AWS, so without a token it must refuse to serve.
      startRagWorker({ bindings: { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "notARealSecret" } }),
    ]);
  });
  afterAll(async () => {
    await guarded?.stop();
    await billed?.stop();
  });

  it("with RAG_ACCESS_TOKEN set, needs it as a bearer token", async () => {
    const denied = await post(`${guarded.url}/ask`, { question: QUESTION });
    expect(denied.status).toBe(401);
    expect((await post(`${guarded.url}/ask`, { question: QUESTION }, { authorization: "Bearer wrong-token-of-some-length" })).status).toBe(401);
    const allowed = await post(`${guarded.url}/ingest`, { documents: [DOCUMENTS[0]] }, { authorization: `Bearer ${TOKEN}` });
    expect(allowed.status).toBe(200);
  });

  it("calling AWS without RAG_ACCESS_TOKEN, it refuses (503) and names the secret to set", async () => {
    const reply = await post(`${billed.url}/ingest`, { documents: [DOCUMENTS[0]] });
    expect(reply.status).toBe(503);
    expect(reply.json.message).toMatch(/RAG_ACCESS_TOKEN.*wrangler secret put/);
  });
});
