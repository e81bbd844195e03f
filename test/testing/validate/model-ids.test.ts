import { describe, expect, it } from "vitest";
import { BEDROCK_MODEL_IDS, createBedrockEmulator, isKnownModelId } from "../../../src/testing/index.js";
import { modelPath, signedRequest, userText } from "../helpers.js";

const converse = (modelId: string) => signedRequest({ path: modelPath(modelId, "converse"), body: userText("Hi") });

describe("isKnownModelId", () => {
  it.each([
    "anthropic.claude-sonnet-4-5-20250929-v1:0",
    "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    "global.anthropic.claude-opus-4-7",
    "us-gov.anthropic.claude-3-7-sonnet-20250219-v1:0",
    "jp.anthropic.claude-haiku-4-5-20251001-v1:0",
    "apac.amazon.nova-pro-v1:0",
    "au.anthropic.claude-3-5-haiku-20241022-v1:0",
    "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0",
    "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
    "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6",
    "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123",
    "arn:aws:bedrock:us-west-2:123456789012:imported-model/abcdef123456",
    "arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:application-inference-profile/x",
  ])("accepts %s", (id) => expect(isKnownModelId(id)).toBe(true));

  it.each([
    "anthropic.claude-nonexistent",
    "claude-sonnet-4-5", // the Anthropic API's name, not Bedrock's
    "us.us.amazon.nova-micro-v1:0",
    "xx.amazon.nova-micro-v1:0",
    "Amazon.Nova-Micro-v1:0",
    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-nonexistent",
    "arn:aws:bedrock:us-east-1:123456789012:something-else/x",
    "arn:aws:s3:::bucket/key",
  ])("refuses %s", (id) => expect(isKnownModelId(id)).toBe(false));

  it("every table row is a provider-dotted ID, listed once", () => {
    expect(new Set(BEDROCK_MODEL_IDS).size).toBe(BEDROCK_MODEL_IDS.length);
    for (const id of BEDROCK_MODEL_IDS) expect(id).toMatch(/^[a-z0-9]+\.[a-z0-9.:-]+$/);
  });
});

describe("the emulator's model check", () => {
  it("refuses an unknown model ID in AWS's words, before validating the body", async () => {
    const em = createBedrockEmulator();
    const response = await em.fetch(await converse("anthropic.claude-nonexistent"));
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")?.split(":")[0]).toBe("ValidationException");
    expect(await response.json()).toEqual({ message: "The provided model identifier is invalid." });
  });

  it("answers a known one", async () => {
    const response = await createBedrockEmulator().fetch(await converse("eu.anthropic.claude-sonnet-4-5-20250929-v1:0"));
    expect(response.status).toBe(200);
  });

  it("takes custom names with allowModels, beside the known ones", async () => {
    const em = createBedrockEmulator({ allowModels: ["test.echo"] });
    expect((await em.fetch(await converse("test.echo"))).status).toBe(200);
    expect((await em.fetch(await converse("amazon.nova-micro-v1:0"))).status).toBe(200);
    expect((await em.fetch(await converse("test.other"))).status).toBe(400);
  });

  it('takes every name with models: "any"', async () => {
    const response = await createBedrockEmulator({ models: "any" }).fetch(await converse("anything-at-all"));
    expect(response.status).toBe(200);
  });
});
