// The emulator's InvokeModel on embedding model IDs: answered by answerEmbedding, with the input-token header; refusals typed.
import { describe, expect, it } from "vitest";
import { BedrockRuntime } from "../../src/index.js";
import { ValidationException } from "../../src/errors/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";

function setup() {
  const emulator = createBedrockEmulator();
  const responses: Response[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await emulator.asFetch(input, init);
    responses.push(response.clone());
    return response;
  };
  const client = new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, endpoint: "https://bedrock.test", fetch });
  return { emulator, client, responses };
}

describe("emulator InvokeModel on embedding models", () => {
  it.each([
    ["amazon.titan-embed-text-v2:0", { inputText: "hello world" }, (j: any) => j.embedding.length, 1024],
    ["us.cohere.embed-english-v3", { texts: ["a", "b"], input_type: "search_query" }, (j: any) => j.embeddings.length, 2],
    ["arn:aws:bedrock:us-east-1::foundation-model/cohere.embed-v4:0", { texts: ["a"], input_type: "search_document" }, (j: any) => j.embeddings.float[0].length, 1536],
    ["amazon.nova-2-multimodal-embeddings-v1:0", { taskType: "SINGLE_EMBEDDING", singleEmbeddingParams: { embeddingPurpose: "GENERIC_INDEX", embeddingDimension: 256, text: { truncationMode: "END", value: "a" } } }, (j: any) => j.embeddings[0].embedding.length, 256],
  ])("%s answers in its shape, with X-Amzn-Bedrock-Input-Token-Count", async (modelId, body, measure, expected) => {
    const { client, responses } = setup();
    const out = await client.invokeModel({ modelId, body });
    expect(measure(JSON.parse(out.body.transformToString()))).toBe(expected);
    expect(Number(responses[0]!.headers.get("x-amzn-bedrock-input-token-count"))).toBeGreaterThan(0);
  });

  it("a malformed embedding body is a ValidationException in Bedrock's wording", async () => {
    const { client } = setup();
    const error = await client.invokeModel({ modelId: "amazon.titan-embed-text-v2:0", body: { text: "a" } }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toBe("Malformed input request: #: extraneous key [text] is not permitted, please reformat your input and try again.");
  });

  it("InvokeModelWithResponseStream on an embedding model is refused", async () => {
    const { client } = setup();
    const error = await client.invokeModelWithResponseStream({ modelId: "amazon.titan-embed-text-v2:0", body: { inputText: "a" } }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationException);
  });
});
