// BedrockEmbeddings against the emulator: bodies per family, order, batching with a concurrency cap, throttles retried, retrieval.
import { describe, expect, it } from "vitest";
import { BedrockClient, BedrockEmbeddings, BedrockRuntime } from "../../../src/index.js";
import { BedrockInputError, ThrottlingException, ValidationException } from "../../../src/errors/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../../src/testing/index.js";
import { cosine } from "../../../src/testing/model/embeddings.js";

function setup(model: string, extra: Record<string, unknown> = {}, clientExtra: Record<string, unknown> = {}) {
  const emulator = createBedrockEmulator();
  let inFlight = 0;
  let peak = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return await emulator.asFetch(input, init);
    } finally {
      inFlight--;
    }
  };
  const client = new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, endpoint: "https://bedrock.test", fetch, random: () => 0, ...clientExtra } as never);
  const embeddings = new BedrockEmbeddings({ model, client, ...extra });
  const bodies = () => emulator.requests.map((r) => r.body as Record<string, unknown>);
  return { emulator, embeddings, bodies, peak: () => peak };
}

describe("BedrockEmbeddings", () => {
  it("defaults to Titan Text v2, one text per call, vectors of its 1,024 dimensions", async () => {
    const { embeddings, emulator, bodies } = setup(undefined as never);
    expect(embeddings.model).toBe("amazon.titan-embed-text-v2:0");
    const vector = await embeddings.embedQuery("colourful socks");
    expect(vector).toHaveLength(1024);
    expect(emulator.requests[0]!.path).toBe("/model/amazon.titan-embed-text-v2%3A0/invoke");
    expect(bodies()).toEqual([{ inputText: "colourful socks" }]);
  });

  it("sends dimensions and normalize to Titan v2", async () => {
    const { embeddings, bodies } = setup("amazon.titan-embed-text-v2:0", { dimensions: 256, normalize: true });
    expect(await embeddings.embedQuery("hi")).toHaveLength(256);
    expect(bodies()).toEqual([{ inputText: "hi", dimensions: 256, normalize: true }]);
  });

  it("embedDocuments keeps input order across concurrent calls", async () => {
    const { embeddings } = setup("amazon.titan-embed-text-v2:0", { maxConcurrency: 3 });
    const texts = ["red socks", "blue hats", "green gloves", "yellow scarves", "purple boots"];
    const vectors = await embeddings.embedDocuments(texts);
    for (const [i, text] of texts.entries()) expect(vectors[i]).toEqual(await embeddings.embedQuery(text));
  });

  it("Cohere: 200 texts go as ≤96 per call, search_document, at most maxConcurrency at once, in order", async () => {
    const { embeddings, bodies, peak } = setup("cohere.embed-english-v3", { maxConcurrency: 2 });
    const texts = Array.from({ length: 200 }, (_, i) => `document number ${i} about topic ${i % 7}`);
    const vectors = await embeddings.embedDocuments(texts);
    expect(vectors).toHaveLength(200);
    // Concurrent calls may arrive in either order: the batches, put back by their first text, are the input in order.
    const batches = bodies().sort((a, b) => texts.indexOf((a.texts as string[])[0]!) - texts.indexOf((b.texts as string[])[0]!));
    expect(batches.map((b) => (b.texts as string[]).length)).toEqual([96, 96, 8]);
    expect(batches.every((b) => b.input_type === "search_document")).toBe(true);
    expect(batches.flatMap((b) => b.texts as string[])).toEqual(texts);
    expect(peak()).toBeLessThanOrEqual(2);
    expect(peak()).toBe(2);
    const single = await embeddings.embedDocuments([texts[150]!]);
    expect(vectors[150]).toEqual(single[0]);
  });

  it("Cohere: embedQuery sends search_query; batchSize lowers the batch", async () => {
    const { embeddings, bodies } = setup("cohere.embed-v4:0", { batchSize: 10, dimensions: 256 });
    expect(await embeddings.embedQuery("socks")).toHaveLength(256);
    await embeddings.embedDocuments(Array.from({ length: 25 }, (_, i) => `t${i}`));
    const calls = bodies().map((b) => [b.input_type, (b.texts as string[]).length, b.output_dimension]);
    expect(calls[0]).toEqual(["search_query", 1, 256]);
    // The document batches run concurrently: compared in a fixed order.
    expect(calls.slice(1).sort()).toEqual([
      ["search_document", 10, 256],
      ["search_document", 10, 256],
      ["search_document", 5, 256],
    ].sort());
  });

  it("Nova: GENERIC_RETRIEVAL for a query, GENERIC_INDEX for documents", async () => {
    const { embeddings, bodies } = setup("us.amazon.nova-2-multimodal-embeddings-v1:0", { dimensions: 384 });
    expect(await embeddings.embedQuery("q")).toHaveLength(384);
    expect((await embeddings.embedDocuments(["a", "b"])).map((v) => v.length)).toEqual([384, 384]);
    expect(bodies().map((b) => (b.singleEmbeddingParams as { embeddingPurpose: string }).embeddingPurpose)).toEqual([
      "GENERIC_RETRIEVAL",
      "GENERIC_INDEX",
      "GENERIC_INDEX",
    ]);
  });

  it("retries a throttle through the client", async () => {
    const { embeddings, emulator } = setup("cohere.embed-english-v3");
    emulator.fault({ type: "throttle", times: 2 });
    expect(await embeddings.embedDocuments(["a", "b"])).toHaveLength(2);
    expect(emulator.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it("a throttle past the retries is a ThrottlingException", async () => {
    const { embeddings, emulator } = setup("amazon.titan-embed-text-v2:0", {}, { maxRetries: 0 });
    emulator.fault({ type: "throttle", times: 1 });
    await expect(embeddings.embedQuery("a")).rejects.toBeInstanceOf(ThrottlingException);
  });

  it("finds the document that shares words with the query", async () => {
    const { embeddings } = setup("cohere.embed-english-v3");
    const docs = ["The cat sat on the warm windowsill.", "Quarterly revenue grew by ten percent.", "Rust's borrow checker prevents data races."];
    const vectors = await embeddings.embedDocuments(docs);
    const query = await embeddings.embedQuery("how did revenue grow this quarter");
    const scores = vectors.map((v) => cosine(v, query));
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
  });

  it("Bedrock's refusal comes back typed: a Cohere v3 text over 2,048 characters with truncate NONE", async () => {
    const { embeddings } = setup("cohere.embed-english-v3", { truncate: "NONE" });
    const error = await embeddings.embedDocuments(["x".repeat(3000)]).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toMatch(/^Malformed input request: #\/texts\/0: expected maxLength: 2048/);
  });

  it("takes a BedrockRuntime as client, and builds its own from connection fields", async () => {
    const emulator = createBedrockEmulator();
    const runtime = new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, endpoint: "https://bedrock.test", fetch: emulator.asFetch });
    expect(await new BedrockEmbeddings({ client: runtime }).embedQuery("a")).toHaveLength(1024);
    const own = new BedrockEmbeddings({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, endpoint: "https://bedrock.test", fetch: emulator.asFetch });
    expect(await own.embedQuery("a")).toHaveLength(1024);
    expect(emulator.requests).toHaveLength(2);
  });

  it.each([
    [{ model: "amazon.titan-embed-text-v1", dimensions: 256 }, "dimensions does not apply"],
    [{ model: "cohere.embed-english-v3", batchSize: 97 }, "batchSize must be an integer from 1 to 96"],
    [{ maxConcurrency: 0 }, "maxConcurrency must be"],
    [{ client: new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS }), region: "us-west-2" }, "region configure a new client"],
    [{ client: {} }, "client must be a BedrockClient"],
  ])("refuses %j before any call", (fields, message) => {
    expect(() => new BedrockEmbeddings({ region: "us-east-1", ...fields } as never)).toThrow(BedrockInputError);
    expect(() => new BedrockEmbeddings({ region: "us-east-1", ...fields } as never)).toThrow(message);
  });
});
