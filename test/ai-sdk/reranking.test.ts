// The AI SDK reranking model: `ai`'s rerank through our provider and @ai-sdk/amazon-bedrock's against the emulator's Rerank: same requests, same ranking.
import { createAmazonBedrock as createTheirs } from "@ai-sdk/amazon-bedrock";
import { rerank } from "ai";
import { describe, expect, it } from "vitest";
import { createAmazonBedrock as createOurs } from "../../src/ai-sdk/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";

const DOCS = ["The cat sat on the warm windowsill.", "Quarterly revenue grew by ten percent.", "Rust's borrow checker prevents data races."];

function setup(side: "ours" | "theirs", extra: Record<string, unknown> = {}) {
  const emulator = createBedrockEmulator();
  const settings = { region: "us-east-1", ...EMULATOR_CREDENTIALS, baseURL: "https://bedrock.test", fetch: emulator.asFetch };
  return { provider: side === "ours" ? createOurs({ ...settings, ...extra }) : createTheirs(settings), emulator };
}

describe("bedrock.reranking", () => {
  it.each([
    ["text", DOCS],
    ["object", [{ title: "cats", body: "The cat sat." }, { title: "revenue", body: "Quarterly revenue grew." }]],
  ] as const)("rerank of %s documents sends @ai-sdk/amazon-bedrock's body and ranks alike", async (_kind, documents) => {
    const runs = await Promise.all(
      (["theirs", "ours"] as const).map(async (side) => {
        const { provider, emulator } = setup(side);
        const result = await rerank({ model: provider.reranking("amazon.rerank-v1:0"), documents: documents as never, query: "how did revenue grow this quarter", topN: 2, maxRetries: 0 });
        return { ranking: result.ranking.map((r) => [r.originalIndex, r.score]), requests: emulator.requests.map((r) => ({ path: r.path, body: r.body, status: r.status })) };
      }),
    );
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[1]!.requests[0]!.status).toBe(200);
    expect(runs[1]!.ranking[0]![0]).toBe(1);
  });

  it("a throttle is retried by the client (maxRetries set on the provider)", async () => {
    const { provider, emulator } = setup("ours", { maxRetries: 1 });
    emulator.fault({ type: "throttle", times: 1 });
    const result = await rerank({ model: provider.rerankingModel("cohere.rerank-v3-5:0"), documents: DOCS, query: "revenue", maxRetries: 0 });
    expect(result.ranking).toHaveLength(3);
    expect(emulator.requests.map((r) => r.status)).toEqual([429, 200]);
  });
});
