import { describe, expect, it } from "vitest";
import { BedrockInputError } from "../../../src/errors/index.js";
import { coerceMessages, type ChatInput } from "../../../src/chat/request/convert-input.js";
import { convertMessages } from "../../../src/chat/request/convert-messages.js";
import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from "../../../src/chat/messages/messages.js";

// Class name, content and the fields that matter, for compact expectations.
const view = (input: ChatInput) =>
  coerceMessages(input).map((m) => {
    const out: Record<string, unknown> = { class: m.constructor.name, content: m.content };
    if (m instanceof AIMessage && m.tool_calls.length > 0) out.tool_calls = m.tool_calls.map(({ id, name, args }) => ({ id, name, args }));
    if (m instanceof ToolMessage) out.tool_call_id = m.tool_call_id;
    if (m instanceof ToolMessage && m.status) out.status = m.status;
    return out;
  });

describe("coerceMessages", () => {
  it.each<[string, ChatInput, unknown]>([
    ["a string", "Hi", [{ class: "HumanMessage", content: "Hi" }]],
    ["one message", new SystemMessage("S"), [{ class: "SystemMessage", content: "S" }]],
    [
      "LangChain tuples",
      [["system", "Translate to French."], ["human", "I love programming."], ["ai", "J'adore la programmation."], ["user", "Thanks"], ["assistant", "De rien"]],
      [
        { class: "SystemMessage", content: "Translate to French." },
        { class: "HumanMessage", content: "I love programming." },
        { class: "AIMessage", content: "J'adore la programmation." },
        { class: "HumanMessage", content: "Thanks" },
        { class: "AIMessage", content: "De rien" },
      ],
    ],
    ["developer role is system", [["developer", "Rules"]], [{ class: "SystemMessage", content: "Rules" }]],
    ["strings in a list are human", ["a", "b"], [{ class: "HumanMessage", content: "a" }, { class: "HumanMessage", content: "b" }]],
    [
      "tuple with blocks",
      [["human", [{ type: "text", text: "look" }]]],
      [{ class: "HumanMessage", content: [{ type: "text", text: "look" }] }],
    ],
    [
      "role objects with OpenAI tool calls",
      [
        { role: "user", content: "Weather?" },
        { role: "assistant", content: "", tool_calls: [{ id: "c1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
        { role: "tool", content: "Sunny", tool_call_id: "c1", status: "error" },
      ],
      [
        { class: "HumanMessage", content: "Weather?" },
        { class: "AIMessage", content: "", tool_calls: [{ id: "c1", name: "get_weather", args: { city: "Paris" } }] },
        { class: "ToolMessage", content: "Sunny", tool_call_id: "c1", status: "error" },
      ],
    ],
    [
      "a [\"tool\", …] tuple answers the oldest open tool call",
      [
        { role: "assistant", content: "", tool_calls: [{ id: "a", name: "f", args: {} }, { id: "b", name: "g", args: {} }] },
        ["tool", "result a"],
        ["tool", "result b"],
      ],
      [
        { class: "AIMessage", content: "", tool_calls: [{ id: "a", name: "f", args: {} }, { id: "b", name: "g", args: {} }] },
        { class: "ToolMessage", content: "result a", tool_call_id: "a" },
        { class: "ToolMessage", content: "result b", tool_call_id: "b" },
      ],
    ],
    [
      "tool_use blocks in tuple content count as open calls",
      [["ai", [{ type: "tool_use", id: "x", name: "f", input: {} }]], ["tool", "r"]],
      [
        { class: "AIMessage", content: [{ type: "tool_use", id: "x", name: "f", input: {} }] },
        { class: "ToolMessage", content: "r", tool_call_id: "x" },
      ],
    ],
    [
      "LangChain JSON ({ type, content })",
      [{ type: "human", content: "hi" }, { type: "ai", content: "yo" }],
      [{ class: "HumanMessage", content: "hi" }, { class: "AIMessage", content: "yo" }],
    ],
    [
      "LangChain serialized constructor",
      [{ lc: 1, type: "constructor", id: ["langchain_core", "messages", "AIMessageChunk"], kwargs: { content: "hey" } }],
      [{ class: "AIMessage", content: "hey" }],
    ],
    [
      "a message object from another LangChain copy (only _getType)",
      [{ _getType: () => "human", content: "from core", lc_kwargs: {} }],
      [{ class: "HumanMessage", content: "from core" }],
    ],
    [
      "a prompt value",
      { toChatMessages: () => [new HumanMessage("from prompt")] } as unknown as ChatInput,
      [{ class: "HumanMessage", content: "from prompt" }],
    ],
  ])("%s", (_name, input, expected) => {
    expect(view(input)).toEqual(expected);
  });

  it("keeps our own message instances as they are", () => {
    const ai = new AIMessage({ content: "x", tool_calls: [{ id: "1", name: "f", args: {} }] });
    expect(coerceMessages([ai])[0]).toBe(ai);
  });

  it("feeds convertMessages", () => {
    expect(convertMessages(coerceMessages([["system", "S"], ["human", "H"]]))).toEqual({
      system: [{ text: "S" }],
      messages: [{ role: "user", content: [{ text: "H" }] }],
    });
  });

  it.each<[string, unknown, RegExp]>([
    ["unknown role", [["robot", "beep"]], /messages\[0\]: unknown message role "robot"/],
    ["tool tuple with nothing to answer", [["tool", "r"]], /messages\[0\]: a tool message needs tool_call_id/],
    ["three-element tuple", [["human", "a", "b"]], /a tuple must be \[role, content\]/],
    ["object without role", [{ content: "x" }], /needs a "role"/],
    ["number", [3], /messages\[0\] must be a message/],
    ["bad OpenAI arguments", [{ role: "assistant", content: "", tool_calls: [{ id: "1", type: "function", function: { name: "f", arguments: "{" } }] }], /tool_calls\[0\]\.function\.arguments is not valid JSON/],
  ])("refuses %s", (_n, input, message) => {
    expect(() => coerceMessages(input as ChatInput)).toThrow(BedrockInputError);
    expect(() => coerceMessages(input as ChatInput)).toThrow(message);
  });
});
