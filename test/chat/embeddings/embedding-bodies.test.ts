// The per-family InvokeModel bodies and the answers read back, from tables.
import { describe, expect, it } from "vitest";
import { embeddingBody, embeddingModelFamily, readEmbeddings, textsPerCall } from "../../../src/chat/embeddings/embedding-bodies.js";
import { BedrockInputError } from "../../../src/errors/index.js";

describe("embeddingModelFamily", () => {
  it.each([
    ["amazon.titan-embed-text-v1", "titan-text-v1"],
    ["amazon.titan-embed-text-v2:0", "titan-text-v2"],
    ["amazon.titan-embed-image-v1", "titan-image"],
    ["cohere.embed-english-v3", "cohere-v3"],
    ["us.cohere.embed-multilingual-v3", "cohere-v3"],
    ["global.cohere.embed-v4:0", "cohere-v4"],
    ["amazon.nova-2-multimodal-embeddings-v1:0", "nova"],
    ["arn:aws:bedrock:us-east-1::foundation-model/cohere.embed-v4:0", "cohere-v4"],
    ["arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc", "titan-text-v2"],
  ])("%s is %s", (id, family) => {
    expect(embeddingModelFamily(id)).toBe(family);
  });
});

describe("embeddingBody", () => {
  it.each([
    ["titan-text-v1", ["a"], "query", {}, { inputText: "a" }],
    ["titan-text-v2", ["a"], "document", {}, { inputText: "a" }],
    ["titan-text-v2", ["a"], "query", { dimensions: 256, normalize: false }, { inputText: "a", dimensions: 256, normalize: false }],
    ["titan-image", ["a"], "query", { dimensions: 384 }, { inputText: "a", embeddingConfig: { outputEmbeddingLength: 384 } }],
    ["cohere-v3", ["a", "b"], "query", {}, { texts: ["a", "b"], input_type: "search_query" }],
    ["cohere-v3", ["a", "b"], "document", { truncate: "END" }, { texts: ["a", "b"], input_type: "search_document", truncate: "END" }],
    ["cohere-v3", ["a"], "document", { inputType: "clustering" }, { texts: ["a"], input_type: "clustering" }],
    ["cohere-v4", ["a"], "document", { dimensions: 512 }, { texts: ["a"], input_type: "search_document", output_dimension: 512 }],
    ["nova", ["a"], "query", {}, { taskType: "SINGLE_EMBEDDING", singleEmbeddingParams: { embeddingPurpose: "GENERIC_RETRIEVAL", text: { truncationMode: "END", value: "a" } } }],
    ["nova", ["a"], "document", { dimensions: 1024, truncate: "NONE" }, { taskType: "SINGLE_EMBEDDING", singleEmbeddingParams: { embeddingPurpose: "GENERIC_INDEX", embeddingDimension: 1024, text: { truncationMode: "NONE", value: "a" } } }],
  ] as const)("%s %j (%s, %j)", (family, texts, purpose, settings, body) => {
    expect(embeddingBody(family, texts, purpose, settings)).toEqual(body);
  });

  it.each([
    ["titan-text-v1", { dimensions: 256 }, "dimensions"],
    ["cohere-v3", { dimensions: 256 }, "dimensions"],
    ["titan-text-v2", { inputType: "search_query" }, "inputType"],
    ["nova", { normalize: true }, "normalize"],
  ] as const)("%s refuses %j, naming the field", (family, settings, field) => {
    expect(() => embeddingBody(family, ["a"], "query", settings)).toThrow(BedrockInputError);
    expect(() => embeddingBody(family, ["a"], "query", settings)).toThrow(field);
  });

  it("batches 96 texts for Cohere, one for the others", () => {
    expect(textsPerCall("cohere-v3")).toBe(96);
    expect(textsPerCall("cohere-v4")).toBe(96);
    expect(textsPerCall("titan-text-v2")).toBe(1);
    expect(textsPerCall("nova")).toBe(1);
  });
});

describe("readEmbeddings", () => {
  it.each([
    ["Titan", { embedding: [1, 2], inputTextTokenCount: 1 }, [[1, 2]]],
    ["Cohere v3 floats", { embeddings: [[1], [2]], response_type: "embeddings_floats" }, [[1], [2]]],
    ["Cohere by type", { embeddings: { float: [[1], [2]] }, response_type: "embeddings_by_type" }, [[1], [2]]],
    ["Nova", { embeddings: [{ embeddingType: "TEXT", embedding: [3] }] }, [[3]]],
  ])("%s", (_name, json, vectors) => {
    expect(readEmbeddings(json)).toEqual(vectors);
  });

  it("an answer without float vectors is an error", () => {
    expect(() => readEmbeddings({ embeddings: { int8: [[1]] } })).toThrow("without float embeddings");
  });
});
