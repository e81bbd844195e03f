// @langchain/aws's BedrockEmbeddings (the AWS SDK over loopback HTTP) and ours send the same Titan bodies to the emulator and get the same vectors.
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { BedrockEmbeddings as TheirEmbeddings } from "@langchain/aws";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BedrockEmbeddings } from "../../src/langchain/index.js";
import { EMULATOR_CREDENTIALS } from "../../src/testing/index.js";
import { startEmulator } from "../../src/testing/node.js";

let server: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  server = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await server?.close();
});

describe("BedrockEmbeddings against @langchain/aws's", () => {
  it.each([
    ["amazon.titan-embed-text-v2:0", { dimensions: 256 }],
    ["amazon.titan-embed-text-v1", {}],
  ])("%s: same bodies, same vectors", async (model, extra) => {
    const texts = ["colourful socks", "quarterly revenue"];
    server.emulator.reset();
    const theirs = new TheirEmbeddings({ model, ...extra, client: new BedrockRuntimeClient({ region: "us-east-1", endpoint: server.url, credentials: { ...EMULATOR_CREDENTIALS }, maxAttempts: 1, requestHandler: new NodeHttpHandler() }) });
    const theirVectors = [await theirs.embedQuery(texts[0]!), ...(await theirs.embedDocuments(texts))];
    const theirBodies = server.emulator.requests.map((r) => r.body);
    server.emulator.reset();
    const ours = new BedrockEmbeddings({ model, ...extra, region: "us-east-1", endpoint: server.url, credentials: EMULATOR_CREDENTIALS });
    const ourVectors = [await ours.embedQuery(texts[0]!), ...(await ours.embedDocuments(texts))];
    const ourBodies = server.emulator.requests.map((r) => r.body);
    const byText = (a: any, b: any) => String(a.inputText).localeCompare(String(b.inputText));
    expect(ourBodies.sort(byText)).toEqual(theirBodies.sort(byText));
    expect(ourVectors).toEqual(theirVectors);
  });
});
