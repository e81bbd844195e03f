// The built-in embedding rule: deterministic, unit-length, and closer for texts that share words.
import { describe, expect, it } from "vitest";
import { cosine, embedText, rerankScores, toBinary, toInt8 } from "../../../src/testing/model/embeddings.js";

describe("embedText", () => {
  it.each([256, 512, 1024])("gives %i coordinates of unit length, the same each time", (dimensions) => {
    const a = embedText("The weather in Paris is mild in spring.", dimensions);
    expect(a).toHaveLength(dimensions);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    expect(embedText("The weather in Paris is mild in spring.", dimensions)).toEqual(a);
  });

  it("normalize: false keeps the raw weights", () => {
    expect(Math.hypot(...embedText("weather paris spring", 256, false))).toBeGreaterThan(1.5);
  });

  it.each([
    ["weather in Paris", "Paris weather today", "a recipe for bread"],
    ["How do I reset my password?", "Password reset steps", "Quarterly revenue grew"],
    ["locations of stores", "store location", "tax forms"],
    ["Bedrock embeddings for RAG", "RAG with Bedrock embeddings", "cats sleep a lot"],
  ])("%j is closer to %j than to %j", (query, near, far) => {
    const q = embedText(query, 512);
    expect(cosine(q, embedText(near, 512))).toBeGreaterThan(cosine(q, embedText(far, 512)) + 0.3);
  });

  it("ignores case, stop words and plurals", () => {
    expect(cosine(embedText("The Stores", 256), embedText("store", 256))).toBeCloseTo(1, 5);
  });

  it("gives an empty text a fixed unit vector rather than zeros", () => {
    const v = embedText("", 256);
    expect(Math.hypot(...v)).toBe(1);
    expect(embedText("   ", 256)).toEqual(v);
  });
});

describe("quantised forms", () => {
  it("int8 scales by 127 and clamps; binary keeps the sign", () => {
    expect(toInt8([1, -1, 0.5, -0.004, 2])).toEqual([127, -127, 64, -1, 127]);
    expect(toBinary([0.3, -0.1, 0, 2])).toEqual([1, 0, 0, 1]);
  });
});

describe("rerankScores", () => {
  it("orders documents by shared words, best first, scores in [0, 1]", () => {
    const docs = ["Tokyo has fast trains.", "Paris weather is mild in spring.", "The weather report for Paris says rain."];
    const scores = rerankScores("weather in Paris", docs);
    expect(scores.map((s) => s.index).slice(0, 2).sort()).toEqual([1, 2]);
    expect(scores[2]).toMatchObject({ index: 0 });
    for (const { relevanceScore } of scores) expect(relevanceScore).toBeGreaterThanOrEqual(0), expect(relevanceScore).toBeLessThanOrEqual(1);
    expect(scores[0]!.relevanceScore).toBeGreaterThan(scores[2]!.relevanceScore);
  });
});
