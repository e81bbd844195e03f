// The AI SDK embedding model: `ai`'s embed/embedMany through our provider and @ai-sdk/amazon-bedrock's, against the emulator, send the same bodies.
import { createAmazonBedrock as createTheirs } from "@ai-sdk/amazon-bedrock";
import { cosineSimilarity, embed, embedMany } from "ai";
import { describe, expect, it } from "vitest";
import { createAmazonBedrock as createOurs } from "../../src/ai-sdk/index.js";
import { aiSdkEmbeddingBody } from "../../src/ai-sdk/embedding-model.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";

function setup(side: "ours" | "theirs", extra: { maxRetries?: number } = {}) {
  const emulator = createBedrockEmulator();
  const settings = { region: "us-east-1", ...EMULATOR_CREDENTIALS, baseURL: "https://bedrock.test", fetch: emulator.asFetch };
  const provider = side === "ours" ? createOurs({ ...settings, ...extra }) : createTheirs(settings);
  return { provider, emulator };
}

const TEXTS = Array.from({ length: 130 }, (_, i) => `note ${i} on ${["socks", "hats", "gloves"][i % 3]}`);

describe.each([
  ["amazon.titan-embed-text-v2:0", { dimensions: 256, normalize: true }, 3],
  ["amazon.titan-embed-text-v1", {}, 2],
  ["cohere.embed-english-v3", { inputType: "search_document", truncate: "END" }, TEXTS.length],
  ["us.cohere.embed-v4:0", { outputDimension: 512 }, TEXTS.length],
  ["amazon.nova-2-multimodal-embeddings-v1:0", { embeddingDimension: 384, embeddingPurpose: "TEXT_RETRIEVAL" }, 2],
])("%s", (modelId, bedrock, count) => {
  it("embedMany sends @ai-sdk/amazon-bedrock's bodies and gets the same vectors", async () => {
    const values = TEXTS.slice(0, count);
    const runs = await Promise.all(
      (["theirs", "ours"] as const).map(async (side) => {
        const { provider, emulator } = setup(side);
        const result = await embedMany({ model: provider.embedding(modelId), values, providerOptions: { bedrock }, maxRetries: 0 });
        // `ai` sends the calls in parallel: compared in a fixed order.
        const requests = emulator.requests.map((r) => ({ path: r.path, body: r.body, status: r.status }));
        return { result, requests: requests.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
      }),
    );
    const [theirs, ours] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(ours.requests).toEqual(theirs.requests);
    expect(ours.requests.every((r) => r.status === 200)).toBe(true);
    expect(ours.result.embeddings).toEqual(theirs.result.embeddings);
    expect(ours.result.embeddings).toHaveLength(count);
    expect(ours.result.usage.tokens).toBe(theirs.result.usage.tokens);
    expect(ours.result.usage.tokens).toBeGreaterThan(0);
  });
});

describe("embed and embedMany", () => {
  it("Cohere: 130 values go as 96 + 34 per call; the query finds its document", async () => {
    const { provider, emulator } = setup("ours");
    const model = provider.textEmbeddingModel("cohere.embed-english-v3");
    const { embeddings } = await embedMany({ model, values: TEXTS });
    expect(emulator.requests.map((r) => (r.body as { texts: string[] }).texts.length).sort()).toEqual([34, 96]);
    expect(embeddings).toHaveLength(130);
    const docs = ["The cat sat on the warm windowsill.", "Quarterly revenue grew by ten percent.", "Rust's borrow checker prevents data races."];
    const { embeddings: vectors } = await embedMany({ model, values: docs, providerOptions: { bedrock: { inputType: "search_document" } } });
    const { embedding } = await embed({ model, value: "how did revenue grow this quarter" });
    const scores = vectors.map((e) => cosineSimilarity(e, embedding));
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
  });

  it("a throttle is retried by the client", async () => {
    const { provider, emulator } = setup("ours", { maxRetries: 1 });
    emulator.fault({ type: "throttle", times: 1 });
    const { embedding } = await embed({ model: provider.embedding("amazon.titan-embed-text-v2:0"), value: "hi", maxRetries: 0 });
    expect(embedding).toHaveLength(1024);
    expect(emulator.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("a Bedrock refusal is an APICallError", async () => {
    const { provider } = setup("ours");
    const error = await embed({ model: provider.embedding("amazon.titan-embed-text-v2:0"), value: "hi", providerOptions: { bedrock: { dimensions: 300 } }, maxRetries: 0 }).catch((e) => e);
    expect(error.name).toBe("AI_APICallError");
    expect(error.statusCode).toBe(400);
    expect(error.message).toMatch(/^Malformed input request: #\/dimensions/);
  });

  it("Cohere v3 refuses outputDimension before sending", () => {
    expect(() => aiSdkEmbeddingBody("cohere-v3", ["a"], { outputDimension: 512 })).toThrow("Cohere Embed v4 only");
  });
});
