import { describe, expect, it } from "vitest";
import {
  applyLimits,
  builtInModel,
  builtInReply,
  estimateTokens,
  countInputTokens,
  MEDIA_TOKENS,
  splitJson,
  splitWords,
  turnToConverseResponse,
  turnToStreamEvents,
  type ModelTurn,
} from "../../../src/testing/index.js";

const ask = (...content: unknown[]) => ({ messages: [{ role: "user", content }] });
const ctx = { modelId: "m", operation: "converse" as const };

describe("builtInReply", () => {
  it.each([
    ["I love programming.", "J'adore la programmation."],
    ["  i love PROGRAMMING!  ", "J'adore la programmation."],
    ["I love programming", "J'adore la programmation."],
    ["I love cooking.", "You said: I love cooking."],
    ["What is 2+2?", "You said: What is 2+2?"],
  ])("%j → %j", (text, reply) => {
    expect(builtInReply(ask({ text }))).toBe(reply);
  });

  it("answers the last user message, joining its texts", () => {
    const request = {
      messages: [
        { role: "user", content: [{ text: "first" }] },
        { role: "assistant", content: [{ text: "ok" }] },
        { role: "user", content: [{ text: "a" }, { image: {} }, { text: "b" }] },
      ],
    };
    expect(builtInReply(request)).toBe("You said: a\nb I see 1 image.");
  });

  it("describes tool results and text-less turns", () => {
    expect(builtInReply(ask({ toolResult: { toolUseId: "t", content: [{ json: { temp: 21 } }] } }))).toBe('Tool t returned: {"temp":21}');
    expect(builtInReply(ask({ image: {} }))).toBe("I see 1 image.");
    expect(builtInReply(ask({ cachePoint: { type: "default" } }))).toBe("You sent no text I can read.");
  });
});

describe("applyLimits", () => {
  it.each([
    [{}, "You said: a b c", "end_turn"],
    [{ stopSequences: [" b", "said"] }, "You ", "stop_sequence"],
    [{ maxTokens: 1 }, "You ", "max_tokens"],
    [{ maxTokens: 100 }, "You said: a b c", "end_turn"],
  ])("%j", (config, text, stopReason) => {
    expect(applyLimits("You said: a b c", config)).toEqual({ text, stopReason });
  });
});

describe("token rule", () => {
  it.each([
    ["", 0],
    ["abc", 1],
    ["abcd", 1],
    ["abcde", 2],
    ["J'adore la programmation.", 7],
    ["日本語テキスト", 2],
  ])("estimateTokens(%j) = %i", (text, tokens) => {
    expect(estimateTokens(text)).toBe(tokens);
  });

  it("counts system, messages, tool use and results, media and tool specs", () => {
    const body = {
      system: [{ text: "abcdefgh" }, { cachePoint: { type: "default" } }],
      messages: [
        { role: "user", content: [{ text: "abcd" }, { image: { format: "png", source: { bytes: "AAAA" } } }] },
        { role: "assistant", content: [{ toolUse: { toolUseId: "t", name: "f", input: { a: 1 } } }] },
        { role: "user", content: [{ toolResult: { toolUseId: "t", content: [{ text: "abcdefghi" }] } }, { document: { name: "d", source: { bytes: "AAAAAAAA" } } }] },
      ],
      toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: {} } } }] },
    };
    const spec = JSON.stringify({ name: "f", inputSchema: { json: {} } });
    expect(countInputTokens(body)).toBe(2 + 1 + MEDIA_TOKENS + estimateTokens('{"a":1}') + 3 + 2 + estimateTokens(spec));
  });

  it("gives the built-in model's usage by that rule", () => {
    const turn = builtInModel(ask({ text: "I love programming." }), ctx) as ModelTurn;
    expect(turn.usage).toEqual({ inputTokens: 5, outputTokens: 7, totalTokens: 12 });
    expect(turn.latencyMs).toBe(130);
  });
});

describe("turn encoding", () => {
  it.each([
    ["J'adore la programmation.", ["J'adore ", "la ", "programmation."]],
    ["  lead  and trail  ", ["  lead  ", "and ", "trail  "]],
    ["", [""]],
  ])("splitWords(%j)", (text, words) => {
    expect(splitWords(text)).toEqual(words);
    expect(splitWords(text).join("")).toBe(text);
  });

  it("splits tool input JSON into pieces that join back", () => {
    const input = { city: "Paris", days: [1, 2, 3] };
    const pieces = splitJson(input, 5);
    expect(pieces.every((p) => p.length <= 5)).toBe(true);
    expect(JSON.parse(pieces.join(""))).toEqual(input);
  });

  const turn: ModelTurn = {
    content: [{ reasoningContent: { redactedContent: "AAAA" } }, { text: "hi there" }],
    stopReason: "end_turn",
    usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 },
    latencyMs: 7,
    additionalModelResponseFields: { x: 1 },
  };

  it("streams blocks in Bedrock's order, with metadata after messageStop", () => {
    expect(turnToStreamEvents(turn)).toEqual([
      { messageStart: { role: "assistant" } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: "AAAA" } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { text: "hi " } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { text: "there" } } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      { messageStop: { stopReason: "end_turn", additionalModelResponseFields: { x: 1 } } },
      { metadata: { usage: turn.usage, metrics: { latencyMs: 7 } } },
    ]);
  });

  it("builds the Converse response", () => {
    expect(turnToConverseResponse(turn)).toEqual({
      output: { message: { role: "assistant", content: turn.content } },
      stopReason: "end_turn",
      usage: turn.usage,
      metrics: { latencyMs: 7 },
      additionalModelResponseFields: { x: 1 },
    });
  });

  it("refuses block kinds it cannot stream", () => {
    expect(() => turnToStreamEvents({ ...turn, content: [{ image: {} }] })).toThrow(/image/);
  });
});
