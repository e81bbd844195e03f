// bedrock-edge/langchain's BedrockEmbeddings: a LangChain Embeddings, against the emulator.
import { Embeddings } from "@langchain/core/embeddings";
import { describe, expect, it } from "vitest";
import { BedrockEmbeddings } from "../../src/langchain/index.js";
import { BedrockClient } from "../../src/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";
import { cosine } from "../../src/testing/model/embeddings.js";

function setup(model: string, extra: Record<string, unknown> = {}) {
  const emulator = createBedrockEmulator();
  const client = new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, endpoint: "https://bedrock.test", fetch: emulator.asFetch, random: () => 0 } as never);
  return { emulator, embeddings: new BedrockEmbeddings({ model, client, ...extra }) };
}

describe("BedrockEmbeddings (LangChain)", () => {
  it("is a LangChain Embeddings", () => {
    const { embeddings } = setup("amazon.titan-embed-text-v2:0");
    expect(embeddings).toBeInstanceOf(Embeddings);
    expect(embeddings.model).toBe("amazon.titan-embed-text-v2:0");
  });

  it("Cohere: documents as search_document in batches of ≤96, the query as search_query, in order", async () => {
    const { embeddings, emulator } = setup("cohere.embed-english-v3", { maxConcurrency: 2 });
    const texts = Array.from({ length: 100 }, (_, i) => `text ${i}`);
    const vectors = await embeddings.embedDocuments(texts);
    const query = await embeddings.embedQuery("text 7");
    const calls = emulator.requests.map((r) => [(r.body as any).input_type, (r.body as any).texts.length]);
    // The two document batches run concurrently, so either may arrive first.
    expect(calls.slice(0, 2).sort((a, b) => b[1] - a[1])).toEqual([
      ["search_document", 96],
      ["search_document", 4],
    ]);
    expect(calls[2]).toEqual(["search_query", 1]);
    expect(vectors[7]).toEqual((await embeddings.embedDocuments(["text 7"]))[0]);
    expect(query).toHaveLength(1024);
  });

  it("retrieves the similar document; a throttle is retried once by the client, not again by LangChain", async () => {
    const { embeddings, emulator } = setup("amazon.titan-embed-text-v2:0");
    const docs = ["The cat sat on the warm windowsill.", "Quarterly revenue grew by ten percent.", "Rust's borrow checker prevents data races."];
    const vectors = await embeddings.embedDocuments(docs);
    emulator.fault({ type: "throttle", times: 1 });
    const query = await embeddings.embedQuery("how did revenue grow this quarter");
    const scores = vectors.map((v) => cosine(v, query));
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
    expect(emulator.requests.map((r) => r.status)).toEqual([200, 200, 200, 429, 200]);
  });
});
