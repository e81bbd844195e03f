// rerank(client, request) against the emulator's Rerank: its own host, SigV4 for `bedrock`, retries, scores from rerankScores.
import { describe, expect, it } from "vitest";
import { BedrockClient, rerank } from "../../src/index.js";
import { BedrockInputError, ThrottlingException, ValidationException } from "../../src/errors/index.js";
import type { RerankRequest } from "../../src/wire/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";

const ARN = "arn:aws:bedrock:us-east-1::foundation-model/amazon.rerank-v1:0";
const DOCS = ["The cat sat on the warm windowsill.", "Quarterly revenue grew by ten percent.", "Rust's borrow checker prevents data races."];
const request = (extra: Partial<RerankRequest> = {}, numberOfResults?: number): RerankRequest => ({
  queries: [{ type: "TEXT", textQuery: { text: "how did revenue grow this quarter" } }],
  sources: DOCS.map((text) => ({ type: "INLINE", inlineDocumentSource: { type: "TEXT", textDocument: { text } } })),
  rerankingConfiguration: { type: "BEDROCK_RERANKING_MODEL", bedrockRerankingConfiguration: { ...(numberOfResults ? { numberOfResults } : {}), modelConfiguration: { modelArn: ARN } } },
  ...extra,
});

function setup(options: Record<string, unknown> = { endpoint: "https://bedrock.test" }) {
  const emulator = createBedrockEmulator();
  const urls: string[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(new Request(input, init).url);
    return emulator.asFetch(input, init);
  };
  const client = new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch, random: () => 0, ...options } as never);
  return { emulator, client, urls };
}

describe("rerank", () => {
  it("ranks the sources by relevance, top numberOfResults, with the SDK's shapes", async () => {
    const { client, emulator, urls } = setup();
    const out = await rerank(client, request({}, 2));
    expect(out.results).toHaveLength(2);
    expect(out.results![0]!.index).toBe(1);
    expect(out.results![0]!.relevanceScore).toBeGreaterThan(out.results![1]!.relevanceScore!);
    expect(out.results![0]!.document).toEqual({ type: "TEXT", textDocument: { text: DOCS[1] } });
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
    expect(urls).toEqual(["https://bedrock.test/rerank"]);
    expect(emulator.requests[0]!.operation).toBe("rerank");
    expect(emulator.requests[0]!.auth).toBeDefined();
  });

  it("without endpoint goes to bedrock-agent-runtime.{region}.{partition suffix}", async () => {
    for (const [region, host] of [["us-east-1", "bedrock-agent-runtime.us-east-1.amazonaws.com"], ["cn-north-1", "bedrock-agent-runtime.cn-north-1.amazonaws.com.cn"]]) {
      const { client, urls } = setup({ region });
      await rerank(client, request()).catch(() => undefined); // the emulator's own region check may refuse cn-north-1
      expect(urls[0]).toBe(`https://${host}/rerank`);
    }
  });

  it("scores JSON documents too, and returns all results by default", async () => {
    const { client } = setup();
    const out = await rerank(client, { ...request(), sources: [{ type: "INLINE", inlineDocumentSource: { type: "JSON", jsonDocument: { title: "revenue grew this quarter" } } }, ...request().sources!] });
    expect(out.results).toHaveLength(4);
    expect([0, 2]).toContain(out.results![0]!.index);
  });

  it("retries a throttle; past the retries it is a ThrottlingException", async () => {
    const { client, emulator } = setup();
    emulator.fault({ type: "throttle", times: 1 });
    expect((await rerank(client, request())).$metadata.attempts).toBe(2);
    emulator.fault({ type: "throttle", times: 10 });
    await expect(rerank(client, request(), { maxRetries: 0 })).rejects.toBeInstanceOf(ThrottlingException);
  });

  it("Bedrock's refusals come back typed; a bad request is refused before sending", async () => {
    const { client, emulator } = setup();
    const bad = request();
    bad.rerankingConfiguration!.bedrockRerankingConfiguration!.modelConfiguration!.modelArn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0";
    await expect(rerank(client, bad)).rejects.toBeInstanceOf(ValidationException);
    const tooMany = await rerank(client, request({}, 1001)).catch((e) => e);
    expect(tooMany).toBeInstanceOf(ValidationException);
    expect(tooMany.message).toContain("numberOfResults");
    const sent = emulator.requests.length;
    expect(() => rerank(client, request({ queries: [] }))).toThrow(BedrockInputError);
    expect(emulator.requests).toHaveLength(sent);
  });
});
