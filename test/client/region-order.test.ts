// Which region a call goes to: `region`, then the model ARN's region, then AWS_REGION (as options.ts documents).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BedrockRuntime, ChatBedrockConverse } from "../../src/index.js";
import { BedrockInputError } from "../../src/errors/index.js";

const ARN = "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.amazon.nova-micro-v1:0";
const PLAIN = "us.amazon.nova-micro-v1:0";
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

let saved: string | undefined;
beforeEach(() => {
  saved = process.env.AWS_REGION;
  delete process.env.AWS_REGION;
});
afterEach(() => {
  if (saved === undefined) delete process.env.AWS_REGION;
  else process.env.AWS_REGION = saved;
});

/** Sends one converse call and returns the host it went to and the region it was signed for. */
async function sentTo(options: { region?: string }, modelId: string) {
  let seen: { host: string; scope: string } | undefined;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    seen = { host: new URL(request.url).host, scope: /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(request.headers.get("authorization") ?? "")![1]! };
    return Response.json({ output: { message: { role: "assistant", content: [{ text: "ok" }] } }, stopReason: "end_turn", usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, metrics: { latencyMs: 1 } });
  };
  await new BedrockRuntime({ ...options, credentials, fetch, maxRetries: 0 }).converse({ modelId, messages: [{ role: "user", content: [{ text: "hi" }] }] });
  return seen!;
}

describe("region resolution order", () => {
  it.each([
    ["`region` beats the ARN and AWS_REGION", { region: "us-east-1" }, ARN, "us-west-2", "us-east-1"],
    ["an eu-west-1 ARN beats AWS_REGION=us-west-2", {}, ARN, "us-west-2", "eu-west-1"],
    ["AWS_REGION when the model ID names no region", {}, PLAIN, "us-west-2", "us-west-2"],
    ["the ARN alone", {}, ARN, undefined, "eu-west-1"],
  ])("%s", async (_label, options, modelId, env, expected) => {
    if (env !== undefined) process.env.AWS_REGION = env;
    const seen = await sentTo(options, modelId);
    expect(seen).toEqual({ host: `bedrock-runtime.${expected}.amazonaws.com`, scope: expected });
  });

  it("no region anywhere is a BedrockInputError before any request", async () => {
    await expect(sentTo({}, PLAIN)).rejects.toBeInstanceOf(BedrockInputError);
  });

  it("a malformed AWS_REGION is refused when the client is built, naming the variable", () => {
    process.env.AWS_REGION = "not a region";
    expect(() => new BedrockRuntime({ credentials })).toThrow(/AWS_REGION must look like/);
  });

  it("ChatBedrockConverse resolves in the same order: an eu-west-1 ARN beats AWS_REGION=us-west-2", async () => {
    process.env.AWS_REGION = "us-west-2";
    const hosts: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      hosts.push(new URL(new Request(input, init).url).host);
      return Response.json({ output: { message: { role: "assistant", content: [{ text: "ok" }] } }, stopReason: "end_turn", usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, metrics: { latencyMs: 1 } });
    };
    await new ChatBedrockConverse({ model: ARN, credentials, fetch, maxRetries: 0 }).invoke("hi");
    expect(hosts).toEqual(["bedrock-runtime.eu-west-1.amazonaws.com"]);
  });
});
