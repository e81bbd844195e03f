// bedrock-edge/langchain's BedrockRerank: a BaseDocumentCompressor over Rerank, against the emulator.
import { Document } from "@langchain/core/documents";
import { BaseDocumentCompressor } from "@langchain/core/retrievers/document_compressors";
import { describe, expect, it } from "vitest";
import { BedrockRerank } from "../../src/langchain/index.js";
import { BedrockClient } from "../../src/index.js";
import { BedrockInputError } from "../../src/errors/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";

const DOCS = ["The cat sat on the warm windowsill.", "Quarterly revenue grew by ten percent.", "Rust's borrow checker prevents data races.", "Revenue fell last quarter."];

function setup(extra: Record<string, unknown> = {}) {
  const emulator = createBedrockEmulator({ region: "us-west-2" });
  const client = new BedrockClient({ region: "us-west-2", credentials: EMULATOR_CREDENTIALS, endpoint: "https://bedrock.test", fetch: emulator.asFetch, random: () => 0 } as never);
  return { emulator, reranker: new BedrockRerank({ modelArn: "arn:aws:bedrock:us-west-2::foundation-model/cohere.rerank-v3-5:0", client, ...extra }) };
}

describe("BedrockRerank (LangChain)", () => {
  it("compressDocuments keeps the top topN, best first, with metadata.relevance_score; the inputs are untouched", async () => {
    const { reranker, emulator } = setup({ topN: 2 });
    expect(reranker).toBeInstanceOf(BaseDocumentCompressor);
    const docs = DOCS.map((pageContent, i) => new Document({ pageContent, metadata: { i } }));
    const top = await reranker.compressDocuments(docs, "how did revenue grow this quarter");
    expect(top).toHaveLength(2);
    expect(top[0]).toBeInstanceOf(Document);
    // The two revenue documents, each still carrying its own metadata.
    expect(top.map((d) => d.metadata.i).sort()).toEqual([1, 3]);
    for (const d of top) expect(d.pageContent).toBe(DOCS[d.metadata.i]);
    expect(top[0]!.metadata.relevance_score).toBeGreaterThan(top[1]!.metadata.relevance_score);
    expect(docs[1]!.metadata).toEqual({ i: 1 });
    const sent = emulator.requests[0]!.body as any;
    expect(sent.rerankingConfiguration.bedrockRerankingConfiguration.numberOfResults).toBe(2);
    expect(sent.sources[0]).toEqual({ type: "INLINE", inlineDocumentSource: { type: "TEXT", textDocument: { text: DOCS[0] } } });
  });

  it("rerank takes strings and JSON objects; no documents, no call", async () => {
    const { reranker, emulator } = setup();
    const ranked = await reranker.rerank(["socks", { topic: "revenue grew this quarter" }], "revenue this quarter");
    expect(ranked[0]!.index).toBe(1);
    expect((emulator.requests[0]!.body as any).sources[1].inlineDocumentSource).toEqual({ type: "JSON", jsonDocument: { topic: "revenue grew this quarter" } });
    expect(await reranker.rerank([], "q")).toEqual([]);
    expect(emulator.requests).toHaveLength(1);
  });

  it("builds the foundation-model ARN from model and region", () => {
    const reranker = new BedrockRerank({ model: "amazon.rerank-v1:0", region: "us-west-2", credentials: EMULATOR_CREDENTIALS });
    expect(reranker.modelArn).toBe("arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0");
    expect(reranker.topN).toBe(3);
    expect(() => new BedrockRerank({ region: "us-west-2" } as never)).toThrow(BedrockInputError);
  });
});
