import { describe, expect, it } from "vitest";
import { runBatch } from "../../../src/chat/model/batch.js";
import {
  countInputTokens,
  countTokensModelId,
  ESTIMATED_MEDIA_TOKENS,
  estimateInputTokens,
  isCountTokensRefusal,
} from "../../../src/chat/model/token-count.js";
import {
  AccessDeniedException,
  BedrockError,
  NetworkError,
  ResourceNotFoundException,
  ThrottlingException,
  UnrecognizedClientException,
  ValidationException,
} from "../../../src/errors/index.js";
import type { ConverseTokensRequest } from "../../../src/wire/index.js";
import { recordingModel } from "./model-helpers.js";

describe("estimateInputTokens (the documented fallback)", () => {
  const user = (...content: object[]) => ({ messages: [{ role: "user", content }] }) as unknown as ConverseTokensRequest;
  it.each<[string, ConverseTokensRequest, number]>([
    ["ceil(chars / 4) per text", user({ text: "abcde" }), 2],
    ["code points, not UTF-16 units", user({ text: "😀😀😀😀" }), 1],
    ["system text counts", { system: [{ text: "abcd" }], ...user({ text: "abcd" }) } as ConverseTokensRequest, 2],
    ["an image is a flat estimate", user({ image: { format: "png", source: { bytes: "AAAA" } } }), ESTIMATED_MEDIA_TOKENS],
    ["video and audio too", user({ video: { format: "mp4", source: { bytes: "AAAA" } } }, { audio: { format: "mp3", source: { bytes: "AAAA" } } }), 2 * ESTIMATED_MEDIA_TOKENS],
    ["a binary document too", user({ document: { format: "pdf", name: "d", source: { bytes: "AAAA" } } }), ESTIMATED_MEDIA_TOKENS],
    ["a text document by its text", user({ document: { format: "txt", name: "d", source: { text: "12345678" } } }), 2],
    ["tool results by their content", user({ toolResult: { toolUseId: "t", content: [{ text: "abcd" }, { json: { a: 1 } }] } }), 1 + 2],
    ["guard content by its text", user({ guardContent: { text: { text: "abcdefgh" } } }), 2],
    ["cache points are free", user({ text: "abcd" }, { cachePoint: { type: "default" } }), 1],
    [
      "tool specs by their JSON",
      { ...user({ text: "abcd" }), toolConfig: { tools: [{ toolSpec: { name: "t", inputSchema: { json: {} } } }] } } as ConverseTokensRequest,
      1 + Math.ceil(JSON.stringify({ name: "t", inputSchema: { json: {} } }).length / 4),
    ],
  ])("%s", (_name, request, tokens) => {
    expect(estimateInputTokens(request)).toBe(tokens);
  });
});

describe("CountTokens model IDs and refusals", () => {
  it.each([
    ["us.anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-sonnet-4-20250514-v1:0"],
    ["global.anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-sonnet-4-5-20250929-v1:0"],
    ["apac.amazon.nova-pro-v1:0", "amazon.nova-pro-v1:0"],
    ["anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-haiku-20240307-v1:0"],
    ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0", "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"],
  ])("%s → %s", (id, expected) => {
    expect(countTokensModelId(id)).toBe(expected);
  });

  it.each<[string, unknown, boolean]>([
    ["ValidationException", new ValidationException("not supported"), true],
    ["AccessDeniedException", new AccessDeniedException("no"), true],
    ["ResourceNotFoundException", new ResourceNotFoundException("no"), true],
    ["a 404", new BedrockError("Not Found", { status: 404 }), true],
    ["UnknownOperationException", new BedrockError("unknown", { status: 400, code: "UnknownOperationException" }), true],
    ["throttling", new ThrottlingException("slow down"), false],
    ["bad credentials", new UnrecognizedClientException("bad signature"), false],
    ["network", new NetworkError("reset"), false],
    ["a plain error", new Error("x"), false],
  ])("%s → fall back: %s", (_name, error, refusal) => {
    expect(isCountTokensRefusal(error)).toBe(refusal);
  });

  it("reports where the count came from", async () => {
    const request = { messages: [{ role: "user" as const, content: [{ text: "abcdefgh" }] }] };
    expect(await countInputTokens({ countTokens: async () => ({ inputTokens: 17 }) }, "m", request)).toEqual({ tokens: 17, source: "api" });
    const refuse = async () => {
      throw new ValidationException("The provided model doesn't support counting tokens.");
    };
    expect(await countInputTokens({ countTokens: refuse }, "m", request)).toEqual({ tokens: 2, source: "estimate" });
  });

  it("getNumTokensFromMessages uses the estimate on a 404 from an endpoint without CountTokens", async () => {
    const { model, urls } = recordingModel({}, () => new Response('{"message":"Not Found"}', { status: 404, headers: { "x-amzn-errortype": "UnknownOperationException" } }));
    expect(await model.getNumTokensFromMessages([["system", "abcd"], ["human", "abcdefgh"]])).toBe(3);
    expect(urls[0]).toMatch(/\/model\/anthropic\.claude-sonnet-4-20250514-v1%3A0\/count-tokens$/);
    expect(model.getNumTokens("abcdefghi")).toBe(3);
  });
});

describe("runBatch", () => {
  it("keeps order whatever the completion order, and caps concurrency", async () => {
    let inFlight = 0;
    let max = 0;
    const results = await runBatch(
      [30, 10, 20, 0, 5],
      async (ms, i) => {
        inFlight++;
        max = Math.max(max, inFlight);
        await new Promise((r) => setTimeout(r, ms));
        inFlight--;
        return `${i}:${ms}`;
      },
      { maxConcurrency: 2 },
    );
    expect(results).toEqual(["0:30", "1:10", "2:20", "3:0", "4:5"]);
    expect(max).toBe(2);
  });

  it("rejects with the first error and starts nothing more; returnExceptions keeps going", async () => {
    const started: number[] = [];
    const run = async (n: number) => {
      started.push(n);
      if (n === 2) throw new Error("two");
      return n;
    };
    await expect(runBatch([1, 2, 3, 4], run, { maxConcurrency: 1 })).rejects.toThrow("two");
    expect(started).toEqual([1, 2]);
    const results = await runBatch([1, 2, 3], run, { returnExceptions: true });
    expect(results[0]).toBe(1);
    expect(results[1]).toBeInstanceOf(Error);
    expect(results[2]).toBe(3);
  });

  it("handles an empty batch and refuses a bad limit", async () => {
    expect(await runBatch([], async () => 1)).toEqual([]);
    await expect(runBatch([1], async () => 1, { maxConcurrency: 0 })).rejects.toThrow(/maxConcurrency must be a positive integer/);
  });
});
