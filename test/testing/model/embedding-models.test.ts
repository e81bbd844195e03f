// Embedding models' native bodies: each family's answer shape, and Bedrock's "Malformed input request" refusals.
import { describe, expect, it } from "vitest";
import { answerEmbedding, embeddingFamily, type EmbeddingFamily } from "../../../src/testing/model/embedding-models.js";
import { cosine } from "../../../src/testing/model/embeddings.js";

const ok = (family: EmbeddingFamily, body: unknown) => {
  const answer = answerEmbedding(family, body);
  if ("malformed" in answer) throw new Error(answer.malformed);
  return answer.json as Record<string, any>;
};
const refusal = (family: EmbeddingFamily, body: unknown) => {
  const answer = answerEmbedding(family, body);
  return "malformed" in answer ? answer.malformed : undefined;
};

describe("embeddingFamily", () => {
  it.each([
    ["amazon.titan-embed-text-v1", "titan-text-v1"],
    ["amazon.titan-embed-text-v2:0", "titan-text-v2"],
    ["amazon.titan-embed-image-v1", "titan-multimodal"],
    ["cohere.embed-english-v3", "cohere-v3"],
    ["cohere.embed-multilingual-v3", "cohere-v3"],
    ["cohere.embed-v4:0", "cohere-v4"],
    ["amazon.nova-2-multimodal-embeddings-v1:0", "nova-multimodal"],
    ["amazon.titan-text-express-v1", undefined],
    ["anthropic.claude-3-haiku-20240307-v1:0", undefined],
  ])("%s → %s", (id, family) => expect(embeddingFamily(id)).toBe(family));
});

describe("answers", () => {
  it("Titan Text v2: dimensions, normalize, embeddingsByType", () => {
    const json = ok("titan-text-v2", { inputText: "weather in Paris", dimensions: 256, embeddingTypes: ["float", "binary"] });
    expect(json.embedding).toHaveLength(256);
    expect(json.embeddingsByType.float).toEqual(json.embedding);
    expect(json.embeddingsByType.binary).toHaveLength(256);
    expect(new Set(json.embeddingsByType.binary)).toEqual(new Set([0, 1]));
    expect(json.inputTextTokenCount).toBeGreaterThan(0);
    expect(ok("titan-text-v2", { inputText: "x" }).embedding).toHaveLength(1024);
  });

  it("Titan Text v1 has 1536 coordinates and no embeddingsByType", () => {
    const json = ok("titan-text-v1", { inputText: "hello" });
    expect(json.embedding).toHaveLength(1536);
    expect(json.embeddingsByType).toBeUndefined();
  });

  it("Titan Multimodal: text, image or both, outputEmbeddingLength", () => {
    expect(ok("titan-multimodal", { inputText: "a red bus", embeddingConfig: { outputEmbeddingLength: 384 } }).embedding).toHaveLength(384);
    expect(ok("titan-multimodal", { inputImage: "iVBORw0KGgo=" }).embedding).toHaveLength(1024);
  });

  it("Cohere v3: a plain list without embedding_types, by type with them", () => {
    const plain = ok("cohere-v3", { texts: ["a b", "c d"], input_type: "search_document" });
    expect(plain.response_type).toBe("embeddings_floats");
    expect(plain.embeddings).toHaveLength(2);
    expect(plain.embeddings[0]).toHaveLength(1024);
    expect(plain.texts).toEqual(["a b", "c d"]);
    const typed = ok("cohere-v3", { texts: ["a b"], input_type: "search_query", embedding_types: ["float", "int8", "ubinary"] });
    expect(typed.response_type).toBe("embeddings_by_type");
    expect(Object.keys(typed.embeddings).sort()).toEqual(["float", "int8", "ubinary"]);
    expect(typed.embeddings.ubinary[0]).toHaveLength(128);
  });

  it("Cohere: a query lands near the documents it shares words with", () => {
    const [q] = ok("cohere-v3", { texts: ["refund policy"], input_type: "search_query" }).embeddings;
    const [near, far] = ok("cohere-v3", { texts: ["Our refund policy lasts 30 days", "Shipping to Canada"], input_type: "search_document" }).embeddings;
    expect(cosine(q, near)).toBeGreaterThan(cosine(q, far));
  });

  it("Cohere v4: output_dimension, always by type", () => {
    const json = ok("cohere-v4", { texts: ["x"], input_type: "clustering", output_dimension: 512 });
    expect(json.response_type).toBe("embeddings_by_type");
    expect(json.embeddings.float[0]).toHaveLength(512);
  });

  it("Nova multimodal: one embedding of the text", () => {
    const json = ok("nova-multimodal", {
      taskType: "SINGLE_EMBEDDING",
      singleEmbeddingParams: { embeddingPurpose: "GENERIC_INDEX", embeddingDimension: 1024, text: { truncationMode: "END", value: "hello" } },
    });
    expect(json.embeddings).toHaveLength(1);
    expect(json.embeddings[0].embeddingType).toBe("TEXT");
    expect(json.embeddings[0].embedding).toHaveLength(1024);
  });
});

describe("refusals, in Bedrock's Malformed input request form", () => {
  const texts97 = Array.from({ length: 97 }, (_, i) => `t${i}`);
  it.each([
    ["titan-text-v2", {}, "#: required key [inputText] not found"],
    ["titan-text-v2", { inputText: 3 }, "#/inputText: expected type: String, found: Integer"],
    ["titan-text-v2", { inputText: "x", dimensions: 300 }, "#/dimensions: 300 is not a valid enum value"],
    ["titan-text-v2", { inputText: "x", foo: 1 }, "#: extraneous key [foo] is not permitted"],
    ["titan-text-v1", { inputText: "x", dimensions: 256 }, "#: extraneous key [dimensions] is not permitted"],
    ["titan-multimodal", {}, "#: required key [inputText] or [inputImage] not found"],
    ["cohere-v3", { texts: ["x"] }, "#: required key [input_type] not found"],
    ["cohere-v3", { texts: ["x"], input_type: "query" }, "#/input_type: query is not a valid enum value"],
    ["cohere-v3", { texts: texts97, input_type: "search_document" }, "#/texts: expected maximum item count: 96, found: 97"],
    ["cohere-v3", { texts: ["x".repeat(2049)], input_type: "search_document" }, "#/texts/0: expected maxLength: 2048, actual: 2049"],
    ["cohere-v3", { texts: ["x"], input_type: "search_document", output_dimension: 256 }, "#: extraneous key [output_dimension] is not permitted"],
    ["cohere-v4", { texts: ["x"], input_type: "search_document", output_dimension: 100 }, "#/output_dimension: 100 is not a valid enum value"],
    ["nova-multimodal", { taskType: "SEGMENTED_EMBEDDING" }, "#/taskType: SEGMENTED_EMBEDDING is not a valid enum value"],
    ["nova-multimodal", { taskType: "SINGLE_EMBEDDING", singleEmbeddingParams: { embeddingPurpose: "GENERIC_INDEX" } }, "#/singleEmbeddingParams: exactly one of [text, image, audio, video] is required, found: 0"],
    ["titan-text-v2", [1], "#: expected type: JSONObject, found: JSONArray"],
  ] as const)("%s %j", (family, body, problem) => {
    expect(refusal(family, body)).toBe(`Malformed input request: ${problem}, please reformat your input and try again.`);
  });

  it("a truncate setting lets a long Cohere v3 text through", () => {
    expect(refusal("cohere-v3", { texts: ["x".repeat(3000)], input_type: "search_document", truncate: "END" })).toBeUndefined();
  });
});
