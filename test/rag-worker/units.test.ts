// The RAG Worker's pieces in Node: the in-memory Vectorize stand-in against Cloudflare's documented behaviour, chunking, citation markers, re-ingest.
import { describe, expect, it } from "vitest";
import { MemoryVectorize } from "../../examples/rag-worker/local/memory-vectorize.js";
import { chunkText } from "../../examples/rag-worker/src/chunk.js";
import { citedNumbers } from "../../examples/rag-worker/src/citations.js";
import { ingest, passageId } from "../../examples/rag-worker/src/ingest.js";
import { LIMITS, parseAsk, parseIngest, type IngestDocument } from "../../examples/rag-worker/src/input.js";
import { rerankModelArn, type Env } from "../../examples/rag-worker/src/env.js";

const unit = (...xs: number[]) => xs;

describe("MemoryVectorize (the stand-in)", () => {
  const index = () => new MemoryVectorize({ dimensions: 3, indexedMetadata: ["docId"] });

  it("queries by cosine, best first, topK 5 by default, no values or metadata unless asked", async () => {
    const v = index();
    await v.upsert([
      { id: "x", values: unit(1, 0, 0), metadata: { docId: "a", text: "x" } },
      { id: "y", values: unit(0, 1, 0) },
      { id: "xy", values: unit(1, 1, 0) },
      ...[1, 2, 3, 4].map((i) => ({ id: `z${i}`, values: unit(0, 0, i) })),
    ]);
    const { matches, count } = await v.query(unit(2, 0, 0));
    expect(count).toBe(5);
    expect(matches.map((m) => m.id).slice(0, 2)).toEqual(["x", "xy"]);
    expect(matches[0]).toEqual({ id: "x", score: 1 });
    expect(matches[1]!.score).toBeCloseTo(Math.SQRT1_2, 6);
    const all = await v.query(unit(1, 0, 0), { topK: 1, returnMetadata: "all", returnValues: true });
    expect(all.matches).toEqual([{ id: "x", score: 1, values: [1, 0, 0], metadata: { docId: "a", text: "x" } }]);
    const indexed = await v.query(unit(1, 0, 0), { topK: 1, returnMetadata: "indexed" });
    expect(indexed.matches[0]!.metadata).toEqual({ docId: "a" });
  });

  // https://developers.cloudflare.com/vectorize/reference/client-api/ : topK up to 100, or 20 with values or all metadata.
  it("enforces Cloudflare's topK limits", async () => {
    const v = index();
    await v.upsert([{ id: "x", values: unit(1, 0, 0) }]);
    await expect(v.query(unit(1, 0, 0), { topK: 100 })).resolves.toMatchObject({ count: 1 });
    await expect(v.query(unit(1, 0, 0), { topK: 101 })).rejects.toThrow(/topK must be an integer from 1 to 100/);
    await expect(v.query(unit(1, 0, 0), { topK: 20, returnMetadata: "all" })).resolves.toMatchObject({ count: 1 });
    await expect(v.query(unit(1, 0, 0), { topK: 21, returnMetadata: "all" })).rejects.toThrow(/1 to 20/);
    await expect(v.query(unit(1, 0, 0), { topK: 21, returnValues: true })).rejects.toThrow(/1 to 20/);
    await expect(v.query(unit(1, 0, 0), { topK: 50, returnMetadata: "indexed" })).resolves.toMatchObject({ count: 1 });
    await expect(v.query(unit(1, 0, 0), { topK: 0 })).rejects.toThrow(/topK/);
  });

  it("upsert replaces whole vectors, insert keeps existing IDs, getByIds and deleteByIds by ID", async () => {
    const v = index();
    await v.upsert([{ id: "a", values: unit(1, 0, 0), metadata: { n: 1, keep: true } }]);
    await v.upsert([{ id: "a", values: unit(0, 1, 0), metadata: { n: 2 } }]);
    await v.insert([{ id: "a", values: unit(0, 0, 1) }, { id: "b", values: unit(0, 0, 1) }]);
    expect(await v.getByIds(["a", "missing", "b"])).toEqual([
      { id: "a", values: [0, 1, 0], metadata: { n: 2 } },
      { id: "b", values: [0, 0, 1] },
    ]);
    await v.deleteByIds(["a"]);
    expect((await v.describe()).vectorCount).toBe(1);
    expect(await v.upsert([])).toEqual({ mutationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it("refuses what Vectorize refuses: wrong dimensions, IDs over 64 bytes, metadata over 10 KiB, over 1,000 vectors", async () => {
    const v = index();
    await expect(v.upsert([{ id: "a", values: [1, 0] }])).rejects.toThrow(/2 dimensions; the index has 3/);
    await expect(v.upsert([{ id: "é".repeat(33), values: unit(1, 0, 0) }])).rejects.toThrow(/1 to 64 bytes/);
    await expect(v.upsert([{ id: "a", values: unit(1, 0, 0), metadata: { text: "x".repeat(10 * 1024) } }])).rejects.toThrow(/over 10240 bytes/);
    await expect(v.upsert(Array.from({ length: 1001 }, (_, i) => ({ id: `v${i}`, values: unit(1, 0, 0) })))).rejects.toThrow(/At most 1000/);
    await expect(v.query([1, 0])).rejects.toThrow(/dimensions/);
  });

  it("filters by namespace and metadata", async () => {
    const v = index();
    await v.upsert([
      { id: "a", values: unit(1, 0, 0), namespace: "t1", metadata: { lang: "en", year: 2020 } },
      { id: "b", values: unit(1, 0.1, 0), namespace: "t2", metadata: { lang: "fr", year: 2024 } },
    ]);
    expect((await v.query(unit(1, 0, 0), { namespace: "t2" })).matches.map((m) => m.id)).toEqual(["b"]);
    expect((await v.query(unit(1, 0, 0), { filter: { lang: "en" } })).matches.map((m) => m.id)).toEqual(["a"]);
    expect((await v.query(unit(1, 0, 0), { filter: { year: { $gte: 2021 } } })).matches.map((m) => m.id)).toEqual(["b"]);
    expect((await v.query(unit(1, 0, 0), { filter: { lang: { $nin: ["en"] } } })).matches.map((m) => m.id)).toEqual(["b"]);
  });
});

describe("chunkText", () => {
  it("packs paragraphs up to the size and splits longer ones by sentence, then by word", () => {
    expect(chunkText("One.\n\nTwo.\n\n  Three  \n", 100)).toEqual(["One. Two. Three"]);
    expect(chunkText("Alpha beta. Gamma delta.\n\nEpsilon.", 12)).toEqual(["Alpha beta.", "Gamma delta.", "Epsilon."]);
    const long = chunkText("word ".repeat(50), 20);
    expect(long.every((c) => c.length <= 20)).toBe(true);
    expect(long.join(" ").split(" ")).toHaveLength(50);
    expect(chunkText("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });
});

describe("citedNumbers", () => {
  it("reads [n], [n, m] and [n][m] markers, only for sources that exist, in source order", () => {
    expect(citedNumbers("Bake it [2]. Also [1, 3] and [3][2]. Not [9] or [0].", 3)).toEqual([1, 2, 3]);
    expect(citedNumbers("No markers here.", 3)).toEqual([]);
    expect(citedNumbers("Array [a] or [ 1 ] are not markers.", 3)).toEqual([]);
  });
});

describe("input checks", () => {
  it("refuses bad documents with a message naming the field", () => {
    expect(parseIngest({})).toEqual({ status: 400, message: expect.stringMatching(/documents/) });
    expect(parseIngest({ documents: [{ id: "a b", text: "x" }] })).toEqual({ status: 400, message: expect.stringMatching(/documents\[0\]\.id/) });
    expect(parseIngest({ documents: [{ id: "a", text: "x" }, { id: "a", text: "y" }] })).toEqual({ status: 400, message: expect.stringMatching(/twice/) });
    expect(parseIngest({ documents: [{ id: "a", text: " " }] })).toEqual({ status: 400, message: expect.stringMatching(/text/) });
    expect(parseIngest({ documents: [{ id: "a", text: "x", metadata: { text: "y" } }] })).toEqual({ status: 400, message: expect.stringMatching(/reserved/) });
    // A user's metadata may have any field names, "status" and "message" included.
    expect(parseIngest({ documents: [{ id: "a", text: "x", metadata: { status: 1, message: "m" } }] })).toEqual([{ id: "a", chunks: ["x"], metadata: { status: 1, message: "m" } }]);
    expect(parseIngest({ documents: Array.from({ length: 21 }, (_, i) => ({ id: `d${i}`, text: "x" })) })).toMatchObject({ status: 413 });
    const big = "word ".repeat(LIMITS.chunkChars / 5);
    expect(parseIngest({ documents: Array.from({ length: 20 }, (_, i) => ({ id: `d${i}`, text: `${big}\n\n${big}\n\n${big}` })) })).toMatchObject({ status: 413, message: expect.stringMatching(/60 passages/) });
    expect(parseAsk({ question: "q", topK: 21 })).toEqual({ status: 400, message: "topK must be an integer from 1 to 20" });
    expect(parseAsk({ question: " why? " })).toEqual({ question: "why?", topK: 8 });
  });
});

describe("ingest", () => {
  const fakeEmbeddings = { embedDocuments: async (texts: string[]) => texts.map((t) => [t.length, 1, 0]) } as unknown as Parameters<typeof ingest>[2];
  const doc = (id: string, chunks: string[]): IngestDocument => ({ id, chunks, metadata: { lang: "en" } });

  it("upserts one vector per passage with text and document in metadata, and drops passages a re-ingest no longer has", async () => {
    const index = new MemoryVectorize({ dimensions: 3 });
    await ingest([doc("a", ["one", "two", "three"])], index, fakeEmbeddings, 3);
    expect((await index.getByIds([passageId("a", 1)]))[0]).toEqual({ id: "a#1", values: [3, 1, 0], metadata: { lang: "en", docId: "a", chunk: 1, chunks: 3, text: "two" } });
    await ingest([doc("a", ["just one"])], index, fakeEmbeddings, 3);
    expect((await index.getByIds(["a#0", "a#1", "a#2"])).map((v) => v.id)).toEqual(["a#0"]);
  });

  it("refuses vectors of another width than the index's", async () => {
    await expect(ingest([doc("a", ["x"])], new MemoryVectorize({ dimensions: 3 }), fakeEmbeddings, 4)).rejects.toThrow(/3-wide vectors; EMBEDDING_DIMENSIONS \(the index\) is 4/);
  });
});

describe("rerankModelArn", () => {
  it.each([
    ["us-east-1", "cohere.rerank-v3-5:0", "arn:aws:bedrock:us-east-1::foundation-model/cohere.rerank-v3-5:0"],
    ["cn-north-1", "amazon.rerank-v1:0", "arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.rerank-v1:0"],
    ["us-gov-west-1", "amazon.rerank-v1:0", "arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/amazon.rerank-v1:0"],
    ["eu-central-1", "arn:aws:bedrock:eu-central-1::foundation-model/amazon.rerank-v1:0", "arn:aws:bedrock:eu-central-1::foundation-model/amazon.rerank-v1:0"],
  ])("%s, %s → the region's partition's foundation-model ARN", (region, id, arn) => {
    expect(rerankModelArn({ AWS_REGION: region, RERANK_MODEL_ID: id } as Env)).toBe(arn);
  });
});
