import { describe, expect, it } from "vitest";
import { BedrockInputError } from "../../src/errors/index.js";
import { modelPath, regionFromModelArn } from "../../src/wire/serde/model-path.js";
import { recordedJson } from "./recorded.js";

describe("modelPath", () => {
  it.each([
    ["us.amazon.nova-micro-v1:0", "converse", "/model/us.amazon.nova-micro-v1%3A0/converse"],
    ["us.amazon.nova-micro-v1:0", "converse-stream", "/model/us.amazon.nova-micro-v1%3A0/converse-stream"],
    ["anthropic.claude-3-haiku-20240307-v1:0", "count-tokens", "/model/anthropic.claude-3-haiku-20240307-v1%3A0/count-tokens"],
    [
      "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0",
      "converse",
      "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-sonnet-4-20250514-v1%3A0/converse",
    ],
    [
      "arn:aws:bedrock:eu-west-1:123456789012:provisioned-model/abc 123",
      "converse",
      "/model/arn%3Aaws%3Abedrock%3Aeu-west-1%3A123456789012%3Aprovisioned-model%2Fabc%20123/converse",
    ],
  ] as const)("%s + %s → %s", (modelId, operation, expected) => {
    expect(modelPath(modelId, operation)).toBe(expected);
  });

  it("matches the path recorded from a real ConverseStream call", () => {
    const recorded = recordedJson<{ uri: string }>("pydantic-ai/nova-micro-text-stream.request.json");
    expect(new URL(recorded.uri).pathname).toBe(modelPath("us.amazon.nova-micro-v1:0", "converse-stream"));
  });

  it.each([[""], ["   "]])("rejects an empty model ID %j", (modelId) => {
    expect(() => modelPath(modelId, "converse")).toThrow(BedrockInputError);
    expect(() => modelPath(modelId, "converse")).toThrow(/modelId is required/);
  });

  it("keeps every path segment intact, so routing sees one model segment", () => {
    const path = modelPath("arn:aws:bedrock:us-east-1::foundation-model/a/b", "converse");
    expect(path.split("/")).toHaveLength(4);
  });
});

describe("regionFromModelArn", () => {
  it.each([
    ["arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.meta.llama3-1-8b-instruct-v1:0", "us-west-2"],
    ["arn:aws:bedrock:eu-central-1::foundation-model/amazon.titan-text-express-v1", "eu-central-1"],
    ["arn:aws:bedrock:ap-southeast-2:123456789012:prompt/PROMPT12345:1", "ap-southeast-2"],
    ["arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:provisioned-model/abc", "us-gov-west-1"],
    ["arn:aws-cn:bedrock:cn-north-1:123456789012:application-inference-profile/xyz", "cn-north-1"],
    ["arn:aws-iso-b:bedrock:us-isob-east-1:123456789012:custom-model/abc", "us-isob-east-1"],
    ["us.amazon.nova-micro-v1:0", undefined],
    ["anthropic.claude-3-haiku-20240307-v1:0", undefined],
    ["arn:aws:bedrock::123456789012:foo", undefined],
    ["arn:aws:s3:us-east-1:123456789012:bucket", undefined],
    ["", undefined],
  ])("%s → %s", (modelId, region) => {
    expect(regionFromModelArn(modelId)).toBe(region);
  });
});
