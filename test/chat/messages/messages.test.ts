import { describe, expect, it } from "vitest";
import {
  AIMessage,
  AIMessageChunk,
  BaseMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
  concat,
  isAIMessage,
  isAIMessageChunk,
  isBaseMessage,
  isHumanMessage,
  isSystemMessage,
  isToolMessage,
  type ChatContentBlock,
  type MessageContent,
} from "../../../src/chat/messages/messages.js";

describe("construction", () => {
  const cases: Array<[string, () => BaseMessage, { type: string; content: MessageContent; text: string }]> = [
    ["HumanMessage(string)", () => new HumanMessage("hi"), { type: "human", content: "hi", text: "hi" }],
    [
      "HumanMessage(blocks)",
      () => new HumanMessage([{ type: "text", text: "a" }, { type: "image_url", image_url: "data:x" }]),
      { type: "human", content: [{ type: "text", text: "a" }, { type: "image_url", image_url: "data:x" }], text: "a" },
    ],
    [
      "HumanMessage({ content })",
      () => new HumanMessage({ content: [{ type: "text", text: "x" }, { type: "text", text: "y" }] }),
      { type: "human", content: [{ type: "text", text: "x" }, { type: "text", text: "y" }], text: "xy" },
    ],
    ["SystemMessage(string)", () => new SystemMessage("be brief"), { type: "system", content: "be brief", text: "be brief" }],
    ["AIMessage(string)", () => new AIMessage("ok"), { type: "ai", content: "ok", text: "ok" }],
    ["AIMessage({})", () => new AIMessage({}), { type: "ai", content: "", text: "" }],
    [
      "AIMessage with reasoning",
      () =>
        new AIMessage({
          content: [
            { type: "reasoning_content", reasoningText: { text: "think", signature: "sig" } },
            { type: "text", text: "answer" },
          ],
        }),
      {
        type: "ai",
        content: [
          { type: "reasoning_content", reasoningText: { text: "think", signature: "sig" } },
          { type: "text", text: "answer" },
        ],
        text: "answer",
      },
    ],
    ["AIMessageChunk(string)", () => new AIMessageChunk("pi"), { type: "ai", content: "pi", text: "pi" }],
    [
      "ToolMessage({ content, tool_call_id })",
      () => new ToolMessage({ content: "42", tool_call_id: "t1" }),
      { type: "tool", content: "42", text: "42" },
    ],
    ["ToolMessage(content, id, name)", () => new ToolMessage("42", "t1", "calc"), { type: "tool", content: "42", text: "42" }],
  ];

  it.each(cases)("%s", (_name, make, expected) => {
    const message = make();
    expect(message.type).toBe(expected.type);
    expect(message.getType()).toBe(expected.type);
    expect(message._getType()).toBe(expected.type);
    expect(message.content).toEqual(expected.content);
    expect(message.text).toBe(expected.text);
    expect(message.additional_kwargs).toEqual({});
    expect(message.response_metadata).toEqual({});
  });

  it("keeps id, name, kwargs and metadata", () => {
    const m = new HumanMessage({ content: "x", id: "m1", name: "ann", additional_kwargs: { a: 1 }, response_metadata: { b: 2 } });
    expect([m.id, m.name, m.additional_kwargs, m.response_metadata]).toEqual(["m1", "ann", { a: 1 }, { b: 2 }]);
  });

  it("ToolMessage carries tool_call_id, status and artifact", () => {
    const m = new ToolMessage({ content: "boom", tool_call_id: "t9", status: "error", artifact: { raw: 1 } });
    expect([m.tool_call_id, m.status, m.artifact]).toEqual(["t9", "error", { raw: 1 }]);
    const legacy = new ToolMessage("ok", "t2", "calc");
    expect([legacy.tool_call_id, legacy.name, legacy.status]).toEqual(["t2", "calc", undefined]);
  });

  it("AIMessage normalises tool calls and keeps usage", () => {
    const m = new AIMessage({
      content: "",
      tool_calls: [{ name: "add", args: { a: 1 }, id: "c1" }],
      invalid_tool_calls: [{ name: "bad", args: "{", id: "c2", error: "x" }],
      usage_metadata: { input_tokens: 1, output_tokens: 2, total_tokens: 3 },
    });
    expect(m.tool_calls).toEqual([{ name: "add", args: { a: 1 }, id: "c1", type: "tool_call" }]);
    expect(m.invalid_tool_calls).toEqual([{ name: "bad", args: "{", id: "c2", error: "x", type: "invalid_tool_call" }]);
    expect(m.usage_metadata).toEqual({ input_tokens: 1, output_tokens: 2, total_tokens: 3 });
  });

  it(".text ignores non-text blocks and cache points", () => {
    const content: ChatContentBlock[] = [
      { type: "text", text: "a" },
      { cachePoint: { type: "default" } },
      { type: "reasoning_content", redactedContent: "AAAA" },
      { type: "text", text: "b", citations: [{ title: "doc" }] },
    ];
    expect(new AIMessage({ content }).text).toBe("ab");
  });
});

describe("type guards", () => {
  const messages = {
    system: new SystemMessage("s"),
    human: new HumanMessage("h"),
    ai: new AIMessage("a"),
    chunk: new AIMessageChunk("c"),
    tool: new ToolMessage({ content: "t", tool_call_id: "1" }),
  };
  const guards = { isSystemMessage, isHumanMessage, isAIMessage, isToolMessage, isAIMessageChunk };
  const expected: Record<string, string[]> = {
    isSystemMessage: ["system"],
    isHumanMessage: ["human"],
    isAIMessage: ["ai", "chunk"],
    isToolMessage: ["tool"],
    isAIMessageChunk: ["chunk"],
  };
  it.each(Object.entries(guards))("%s", (name, guard) => {
    const hits = Object.entries(messages).filter(([, m]) => guard(m)).map(([k]) => k);
    expect(hits).toEqual(expected[name]);
  });

  it("an AIMessageChunk is an AIMessage", () => {
    expect(messages.chunk).toBeInstanceOf(AIMessage);
    expect(Object.values(messages).every(isBaseMessage)).toBe(true);
  });

  it("recognises structurally identical messages from another copy of the package", () => {
    const foreign = { type: "ai", content: "x", tool_calls: [], getType: () => "ai" };
    expect(isAIMessage(foreign)).toBe(true);
    expect(isBaseMessage(foreign)).toBe(true);
    expect(isAIMessage({ content: "x" })).toBe(false);
    expect(isAIMessage(null)).toBe(false);
  });
});

describe("toJSON", () => {
  it("gives plain readable objects", () => {
    const ai = new AIMessage({ content: "x", id: "r1", tool_calls: [{ name: "f", args: {}, id: "1" }] });
    expect(JSON.parse(JSON.stringify(ai))).toEqual({
      type: "ai",
      content: "x",
      id: "r1",
      additional_kwargs: {},
      response_metadata: {},
      tool_calls: [{ name: "f", args: {}, id: "1", type: "tool_call" }],
      invalid_tool_calls: [],
    });
    const tool = new ToolMessage({ content: "y", tool_call_id: "1", status: "success" });
    expect(tool.toJSON()).toEqual({
      type: "tool",
      content: "y",
      additional_kwargs: {},
      response_metadata: {},
      tool_call_id: "1",
      status: "success",
    });
    expect(new AIMessageChunk({ content: "", tool_call_chunks: [{ name: "f", args: "", index: 0 }] }).toJSON()).toMatchObject({
      tool_call_chunks: [{ name: "f", args: "", index: 0, type: "tool_call_chunk" }],
      tool_calls: [{ name: "f", args: {}, type: "tool_call" }],
    });
  });
});

describe("AIMessageChunk.concat: content", () => {
  const cases: Array<[string, MessageContent, MessageContent, MessageContent]> = [
    ["strings concatenate", "Hel", "lo", "Hello"],
    ["empty string then blocks", "", [{ type: "text", text: "a", index: 0 }], [{ type: "text", text: "a", index: 0 }]],
    [
      "string then blocks",
      "pre",
      [{ type: "reasoning_content", reasoningText: { text: "r" }, index: 1 }],
      [{ type: "text", text: "pre" }, { type: "reasoning_content", reasoningText: { text: "r" }, index: 1 }],
    ],
    ["blocks then empty string", [{ type: "text", text: "a" }], "", [{ type: "text", text: "a" }]],
    ["blocks then string", [{ type: "text", text: "a" }], "b", [{ type: "text", text: "a" }, { type: "text", text: "b" }]],
    [
      "same index merges text",
      [{ type: "text", text: "ab", index: 2 }],
      [{ type: "text", text: "cd", index: 2 }],
      [{ type: "text", text: "abcd", index: 2 }],
    ],
    [
      "different index appends",
      [{ type: "text", text: "a", index: 0 }],
      [{ type: "text", text: "b", index: 1 }],
      [{ type: "text", text: "a", index: 0 }, { type: "text", text: "b", index: 1 }],
    ],
    [
      "blocks without index append",
      [{ type: "text", text: "a" }],
      [{ type: "text", text: "b" }],
      [{ type: "text", text: "a" }, { type: "text", text: "b" }],
    ],
    [
      "reasoning text then signature",
      [{ type: "reasoning_content", reasoningText: { text: "th" }, index: 0 }],
      [{ type: "reasoning_content", reasoningText: { signature: "SIG" }, index: 0 }],
      [{ type: "reasoning_content", reasoningText: { text: "th", signature: "SIG" }, index: 0 }],
    ],
    [
      "citations accumulate",
      [{ type: "text", text: "", citations: [{ title: "a" }], index: 1 }],
      [{ type: "text", text: "x", citations: [{ title: "b" }], index: 1 }],
      [{ type: "text", text: "x", citations: [{ title: "a" }, { title: "b" }], index: 1 }],
    ],
    [
      "redacted reasoning joins as bytes",
      [{ type: "reasoning_content", redactedContent: btoa("ab"), index: 0 }],
      [{ type: "reasoning_content", redactedContent: btoa("cd"), index: 0 }],
      [{ type: "reasoning_content", redactedContent: btoa("abcd"), index: 0 }],
    ],
  ];

  it.each(cases)("%s", (_name, left, right, expected) => {
    const merged = new AIMessageChunk({ content: left }).concat(new AIMessageChunk({ content: right }));
    expect(merged.content).toEqual(expected);
  });

  it("leaves both operands unchanged", () => {
    const a = new AIMessageChunk({ content: [{ type: "text", text: "a", index: 0 }] });
    const b = new AIMessageChunk({ content: [{ type: "text", text: "b", index: 0 }] });
    a.concat(b);
    expect(a.content).toEqual([{ type: "text", text: "a", index: 0 }]);
    expect(b.content).toEqual([{ type: "text", text: "b", index: 0 }]);
  });
});

describe("AIMessageChunk.concat: tool calls", () => {
  const build = (...pieces: Array<{ name?: string; id?: string; args?: string; index?: number }>) =>
    concat(new AIMessageChunk(""), ...pieces.map((p) => new AIMessageChunk({ content: "", tool_call_chunks: [p] })));

  it("merges chunks by index and parses the joined args", () => {
    const m = build(
      { name: "get_weather", id: "t1", args: "", index: 0 },
      { args: '{"loc', index: 0 },
      { name: "add", id: "t2", args: "", index: 1 },
      { args: 'ation": "SF"}', index: 0 },
      { args: '{"a": 1}', index: 1 },
    );
    expect(m.tool_call_chunks).toEqual([
      { name: "get_weather", id: "t1", args: '{"location": "SF"}', index: 0, type: "tool_call_chunk" },
      { name: "add", id: "t2", args: '{"a": 1}', index: 1, type: "tool_call_chunk" },
    ]);
    expect(m.tool_calls).toEqual([
      { name: "get_weather", id: "t1", args: { location: "SF" }, type: "tool_call" },
      { name: "add", id: "t2", args: { a: 1 }, type: "tool_call" },
    ]);
    expect(m.invalid_tool_calls).toEqual([]);
  });

  it("gives args {} when no input arrived", () => {
    expect(build({ name: "now", id: "t1", args: "", index: 0 }).tool_calls).toEqual([
      { name: "now", id: "t1", args: {}, type: "tool_call" },
    ]);
  });

  it.each([
    ["truncated JSON", '{"a": 1'],
    ["not JSON", "hello"],
    ["JSON but not an object", "[1, 2]"],
  ])("puts %s in invalid_tool_calls without throwing", (_name, args) => {
    const m = build({ name: "f", id: "t1", args: "", index: 0 }, { args, index: 0 });
    expect(m.tool_calls).toEqual([]);
    expect(m.invalid_tool_calls).toEqual([
      { name: "f", id: "t1", args, error: expect.any(String), type: "invalid_tool_call" },
    ]);
  });

  it("keeps finished tool_calls of chunks built from them", () => {
    const a = new AIMessageChunk({ content: "x", tool_calls: [{ name: "f", args: { q: 1 }, id: "1" }] });
    const merged = a.concat(new AIMessageChunk("y"));
    expect(merged.tool_calls).toEqual([{ name: "f", args: { q: 1 }, id: "1", type: "tool_call" }]);
  });
});

describe("AIMessageChunk.concat: metadata", () => {
  it("sums usage, details included", () => {
    const a = new AIMessageChunk({ content: "", usage_metadata: { input_tokens: 1, output_tokens: 2, total_tokens: 3 } });
    const b = new AIMessageChunk({
      content: "",
      usage_metadata: { input_tokens: 10, output_tokens: 20, total_tokens: 30, input_token_details: { cache_read: 5 } },
    });
    expect(a.concat(b).usage_metadata).toEqual({
      input_tokens: 11,
      output_tokens: 22,
      total_tokens: 33,
      input_token_details: { cache_read: 5 },
    });
    expect(a.concat(new AIMessageChunk("")).usage_metadata).toEqual(a.usage_metadata);
    expect(new AIMessageChunk("").concat(new AIMessageChunk("")).usage_metadata).toBeUndefined();
  });

  it("merges response_metadata deeply, later values winning", () => {
    const a = new AIMessageChunk({ content: "", id: "r1", response_metadata: { model_name: "m", metrics: { a: 1 } } });
    const b = new AIMessageChunk({ content: "", id: "r2", response_metadata: { stopReason: "end_turn", metrics: { b: 2 } } });
    const m = a.concat(b);
    expect(m.response_metadata).toEqual({ model_name: "m", stopReason: "end_turn", metrics: { a: 1, b: 2 } });
    expect(m.id).toBe("r1");
  });
});

describe("typing as LangChain code expects", () => {
  it("narrows blocks by type the LangChain way", () => {
    const m = new AIMessage({ content: [{ type: "text", text: " a " }, { type: "image_url", image_url: { url: "data:," } }] });
    const texts: string[] = [];
    if (Array.isArray(m.content)) {
      for (const b of m.content) if (b.type === "text") texts.push(b.text.trim());
    }
    expect(texts).toEqual(["a"]);
  });
});
