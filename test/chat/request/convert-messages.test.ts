import { describe, expect, it } from "vitest";
import { BedrockInputError } from "../../../src/errors/index.js";
import { convertMessages, convertSystemContent } from "../../../src/chat/request/convert-messages.js";
import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from "../../../src/chat/messages/messages.js";

const PDF = "JVBERi0xLjQK";
const call = (id: string, name = "get_weather", args: Record<string, unknown> = { city: "Paris" }) => ({ id, name, args });

type Row = [string, BaseMessage[], unknown];

describe("convertMessages: conversation shapes", () => {
  it.each<Row>([
    [
      "one human message",
      [new HumanMessage("Hi")],
      { system: [], messages: [{ role: "user", content: [{ text: "Hi" }] }] },
    ],
    [
      "several system messages anywhere go to system, in order",
      [new SystemMessage("A"), new HumanMessage("Hi"), new SystemMessage({ content: [{ type: "text", text: "B" }, { cachePoint: { type: "default" } }] })],
      {
        system: [{ text: "A" }, { text: "B" }, { cachePoint: { type: "default" } }],
        messages: [{ role: "user", content: [{ text: "Hi" }] }],
      },
    ],
    [
      "consecutive human messages merge",
      [new HumanMessage("a"), new HumanMessage("b"), new AIMessage("c"), new AIMessage("d")],
      {
        system: [],
        messages: [
          { role: "user", content: [{ text: "a" }, { text: "b" }] },
          { role: "assistant", content: [{ text: "c" }, { text: "d" }] },
        ],
      },
    ],
    [
      "AI tool calls become toolUse after text; parallel results merge into one user turn",
      [
        new HumanMessage("Weather in Paris and Rome?"),
        new AIMessage({ content: "Let me check.", tool_calls: [call("t1"), call("t2", "get_weather", { city: "Rome" })] }),
        new ToolMessage({ content: "Sunny", tool_call_id: "t1" }),
        new ToolMessage({ content: '{"temp": 21}', tool_call_id: "t2", status: "error" }),
      ],
      {
        system: [],
        messages: [
          { role: "user", content: [{ text: "Weather in Paris and Rome?" }] },
          {
            role: "assistant",
            content: [
              { text: "Let me check." },
              { toolUse: { toolUseId: "t1", name: "get_weather", input: { city: "Paris" } } },
              { toolUse: { toolUseId: "t2", name: "get_weather", input: { city: "Rome" } } },
            ],
          },
          {
            role: "user",
            content: [
              { toolResult: { toolUseId: "t1", content: [{ text: "Sunny" }], status: "success" } },
              { toolResult: { toolUseId: "t2", content: [{ text: '{"temp": 21}' }], status: "error" } },
            ],
          },
        ],
      },
    ],
    [
      "a human message after tool results joins their turn, after them",
      [
        new HumanMessage("q"),
        new AIMessage({ content: "", tool_calls: [call("t1")] }),
        new ToolMessage({ content: "r", tool_call_id: "t1" }),
        new HumanMessage("and tomorrow?"),
      ],
      {
        system: [],
        messages: [
          { role: "user", content: [{ text: "q" }] },
          { role: "assistant", content: [{ toolUse: { toolUseId: "t1", name: "get_weather", input: { city: "Paris" } } }] },
          { role: "user", content: [{ toolResult: { toolUseId: "t1", content: [{ text: "r" }], status: "success" } }, { text: "and tomorrow?" }] },
        ],
      },
    ],
    [
      "tool results are moved ahead of text in a merged user turn",
      [
        new HumanMessage("q"),
        new AIMessage({ content: "", tool_calls: [call("t1")] }),
        new HumanMessage("note"),
        new ToolMessage({ content: [{ type: "text", text: "r" }, { cachePoint: { type: "default" } }], tool_call_id: "t1" }),
      ],
      {
        system: [],
        messages: [
          { role: "user", content: [{ text: "q" }] },
          { role: "assistant", content: [{ toolUse: { toolUseId: "t1", name: "get_weather", input: { city: "Paris" } } }] },
          {
            role: "user",
            content: [
              { toolResult: { toolUseId: "t1", content: [{ text: "r" }], status: "success" } },
              { cachePoint: { type: "default" } },
              { text: "note" },
            ],
          },
        ],
      },
    ],
    [
      "tool_use blocks already in content are not duplicated; tool_calls win on args",
      [
        new HumanMessage("q"),
        new AIMessage({
          content: [{ type: "text", text: "ok" }, { type: "tool_use", id: "t1", name: "get_weather", input: '{"city":"Pa' }],
          tool_calls: [call("t1")],
        }),
      ],
      {
        system: [],
        messages: [
          { role: "user", content: [{ text: "q" }] },
          { role: "assistant", content: [{ text: "ok" }, { toolUse: { toolUseId: "t1", name: "get_weather", input: { city: "Paris" } } }] },
        ],
      },
    ],
    [
      "blank messages vanish and their neighbours merge",
      [new HumanMessage("a"), new AIMessage(""), new HumanMessage("b")],
      { system: [], messages: [{ role: "user", content: [{ text: "a" }, { text: "b" }] }] },
    ],
    [
      "a final assistant prefill loses trailing whitespace",
      [new HumanMessage("List three fruits."), new AIMessage("Here they are:\n")],
      {
        system: [],
        messages: [
          { role: "user", content: [{ text: "List three fruits." }] },
          { role: "assistant", content: [{ text: "Here they are:" }] },
        ],
      },
    ],
    [
      "unsigned reasoning is dropped, signed reasoning replayed before text and tool use",
      [
        new HumanMessage("q"),
        new AIMessage({
          content: [
            { type: "reasoning_content", reasoningText: { text: "hmm", signature: "SIG" } },
            { type: "text", text: "Calling." },
          ],
          tool_calls: [call("t1")],
        }),
        new ToolMessage({ content: "r", tool_call_id: "t1" }),
        new AIMessage({ content: [{ type: "reasoning_content", reasoningText: { text: "unsigned" } }, { type: "text", text: "Done." }] }),
      ],
      {
        system: [],
        messages: [
          { role: "user", content: [{ text: "q" }] },
          {
            role: "assistant",
            content: [
              { reasoningContent: { reasoningText: { text: "hmm", signature: "SIG" } } },
              { text: "Calling." },
              { toolUse: { toolUseId: "t1", name: "get_weather", input: { city: "Paris" } } },
            ],
          },
          { role: "user", content: [{ toolResult: { toolUseId: "t1", content: [{ text: "r" }], status: "success" } }] },
          { role: "assistant", content: [{ text: "Done." }] },
        ],
      },
    ],
    [
      "documents that share a name are renamed, across turns",
      [
        new HumanMessage({ content: [{ type: "file", data: PDF, mimeType: "application/pdf" }, { type: "text", text: "Summarise" }] }),
        new AIMessage("Summary."),
        new HumanMessage({
          content: [
            { type: "file", data: PDF, mimeType: "application/pdf" },
            { type: "file", data: PDF, mimeType: "application/pdf", name: "Document" },
            { type: "text", text: "And these?" },
          ],
        }),
      ],
      {
        system: [],
        messages: [
          { role: "user", content: [{ document: { format: "pdf", name: "document", source: { bytes: PDF } } }, { text: "Summarise" }] },
          { role: "assistant", content: [{ text: "Summary." }] },
          {
            role: "user",
            content: [
              { document: { format: "pdf", name: "document (2)", source: { bytes: PDF } } },
              { document: { format: "pdf", name: "Document (3)", source: { bytes: PDF } } },
              { text: "And these?" },
            ],
          },
        ],
      },
    ],
  ])("%s", (_name, messages, expected) => {
    expect(convertMessages(messages)).toEqual(expected);
  });

  it("accepts an AIMessageChunk (a concatenated stream) wherever an AIMessage goes", () => {
    const chunk = new AIMessageChunk({ content: "Hel" }).concat(
      new AIMessageChunk({ content: "lo", tool_call_chunks: [{ id: "t1", name: "f", args: '{"a":', index: 1 }] }),
    ).concat(new AIMessageChunk({ content: "", tool_call_chunks: [{ args: "1}", index: 1 }] }));
    expect(convertMessages([new HumanMessage("q"), chunk]).messages[1]).toEqual({
      role: "assistant",
      content: [{ text: "Hello" }, { toolUse: { toolUseId: "t1", name: "f", input: { a: 1 } } }],
    });
  });

  it("does not modify the messages it is given", () => {
    const ai = new AIMessage({ content: [{ type: "text", text: "x " }], tool_calls: [call("t1")] });
    const before = JSON.stringify(ai);
    convertMessages([new HumanMessage("q"), ai]);
    expect(JSON.stringify(ai)).toBe(before);
  });
});

describe("convertMessages: no tools bound", () => {
  const history = [
    new HumanMessage("Weather?"),
    new AIMessage({ content: "Checking.", tool_calls: [call("t1"), { id: "t2", name: "now", args: {} }] }),
    new ToolMessage({ content: "Sunny", tool_call_id: "t1" }),
    new ToolMessage({ content: [{ type: "image", data: "iVBORw0KGgo=", mimeType: "image/png" }], tool_call_id: "t2", status: "error" }),
    new AIMessage("It is sunny."),
    new HumanMessage("Thanks"),
  ];

  it("turns tool blocks into text, keeps returned media, and warns once", () => {
    const warnings: string[] = [];
    const out = convertMessages(history, { toolsBound: false, warn: (m) => warnings.push(m) });
    expect(out.messages).toEqual([
      { role: "user", content: [{ text: "Weather?" }] },
      {
        role: "assistant",
        content: [{ text: "Checking." }, { text: '[Called get_weather with parameters: {"city":"Paris"}]' }, { text: "[Called now]" }],
      },
      {
        role: "user",
        content: [
          { text: "[Tool output: Sunny]" },
          { text: "[Tool error: (no text)]" },
          { image: { format: "png", source: { bytes: "iVBORw0KGgo=" } } },
        ],
      },
      { role: "assistant", content: [{ text: "It is sunny." }] },
      { role: "user", content: [{ text: "Thanks" }] },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/no tools are bound/);
  });

  it("keeps tool blocks when tools are bound, and does not warn without tool blocks", () => {
    const warnings: string[] = [];
    expect(JSON.stringify(convertMessages(history, { warn: (m) => warnings.push(m) }))).toContain("toolUse");
    convertMessages([new HumanMessage("hi")], { toolsBound: false, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
  });
});

describe("convertMessages: guardLastTurnOnly", () => {
  it("wraps the text of the last user turn with text only", () => {
    const out = convertMessages(
      [
        new HumanMessage("old question"),
        new AIMessage({ content: "", tool_calls: [call("t1")] }),
        new ToolMessage({ content: "r", tool_call_id: "t1" }),
        new HumanMessage({ content: [{ type: "text", text: "new question" }, { type: "image", data: "iVBORw0KGgo=", mimeType: "image/png" }] }),
      ],
      { guardLastTurnOnly: true },
    );
    expect(out.messages[0]).toEqual({ role: "user", content: [{ text: "old question" }] });
    expect(out.messages[2]).toEqual({
      role: "user",
      content: [
        { toolResult: { toolUseId: "t1", content: [{ text: "r" }], status: "success" } },
        { guardContent: { text: { text: "new question" } } },
        { image: { format: "png", source: { bytes: "iVBORw0KGgo=" } } },
      ],
    });
  });

  it("skips a last user turn holding only tool results", () => {
    const out = convertMessages(
      [new HumanMessage("ask"), new AIMessage({ content: "", tool_calls: [call("t1")] }), new ToolMessage({ content: "r", tool_call_id: "t1" })],
      { guardLastTurnOnly: true },
    );
    expect(out.messages[0]).toEqual({ role: "user", content: [{ guardContent: { text: { text: "ask" } } }] });
  });
});

describe("convertMessages: refusals", () => {
  it.each<[string, BaseMessage[], RegExp]>([
    ["nothing to send", [new SystemMessage("only system")], /nothing to send/],
    ["empty list", [], /nothing to send/],
    ["tool_use with broken JSON and no tool call", [new HumanMessage("q"), new AIMessage({ content: [{ type: "tool_use", id: "t9", name: "f", input: "{" }] })], /messages\[1\]\.content: the input of tool call "t9" is not valid JSON/],
    ["tool call without id", [new HumanMessage("q"), new AIMessage({ content: "", tool_calls: [{ name: "f", args: {} }] })], /messages\[1\]\.tool_calls\[0\] needs an id/],
    ["tool message without id", [new HumanMessage("q"), new ToolMessage({ content: "r", tool_call_id: "" })], /messages\[1\]: a tool message needs tool_call_id/],
    ["image in a system message", [new SystemMessage({ content: [{ type: "image", data: "iVBORw0KGgo=", mimeType: "image/png" }] }), new HumanMessage("q")], /messages\[0\]\.content: a system message may hold text, guard content and cache points only, not "image"/],
    ["unknown block names its place", [new HumanMessage("q"), new AIMessage({ content: [{ type: "text", text: "a" }, { type: "hologram" }] })], /messages\[1\]\.content\[1\]: unsupported content block type "hologram"/],
    ["unknown message type", [{ type: "function", content: "x" } as unknown as BaseMessage], /unsupported message type "function"/],
  ])("%s", (_name, messages, message) => {
    expect(() => convertMessages(messages)).toThrow(BedrockInputError);
    expect(() => convertMessages(messages)).toThrow(message);
  });
});

describe("convertSystemContent", () => {
  it.each<[string, unknown, unknown]>([
    ["string", "Be brief.", [{ text: "Be brief." }]],
    ["guard content and cache point", [{ type: "guard_content", text: "policy" }, { type: "cache_point", ttl: "1h" }], [{ guardContent: { text: { text: "policy" } } }, { cachePoint: { type: "default", ttl: "1h" } }]],
    ["blank string", " ", []],
  ])("%s", (_n, content, expected) => {
    expect(convertSystemContent(content, "s")).toEqual(expected);
  });
});
