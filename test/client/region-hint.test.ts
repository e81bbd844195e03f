// A client signing for another real region than the endpoint's: AWS's refusal, plus a hint naming the client's region.
import { describe, expect, it } from "vitest";
import { BedrockRuntime } from "../../src/client/index.js";
import { UnrecognizedClientException } from "../../src/errors/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";

describe("region mismatch", () => {
  it("eu-west-1 signing against a us-east-1 endpoint: AWS's words, then the hint", async () => {
    const emulator = createBedrockEmulator(); // us-east-1
    const client = new BedrockRuntime({
      region: "eu-west-1",
      endpoint: "https://bedrock-runtime.us-east-1.amazonaws.com",
      credentials: EMULATOR_CREDENTIALS,
      fetch: emulator.asFetch,
      maxRetries: 0,
    });
    const error = await client.converse({ modelId: "us.amazon.nova-micro-v1:0", messages: [{ role: "user", content: [{ text: "Hi" }] }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnrecognizedClientException);
    expect((error as Error).message).toBe(
      "Credential should be scoped to a valid region, not 'eu-west-1'. (signed for region 'eu-west-1'; set `region` to the endpoint's)",
    );
  });
});
