import { describe, expect, it } from "vitest";
import { BedrockInputError } from "../../../src/errors/index.js";
import { convertToolChoice } from "../../../src/chat/tools/convert-tool-choice.js";

describe("convertToolChoice", () => {
  it.each<[string, unknown, unknown]>([
    ["undefined", undefined, undefined],
    ["auto", "auto", { auto: {} }],
    ["any", "any", { any: {} }],
    ["required (OpenAI)", "required", { any: {} }],
    ["none", "none", "none"],
    ["tool name", "get_weather", { tool: { name: "get_weather" } }],
    ["Bedrock auto", { auto: {} }, { auto: {} }],
    ["Bedrock any", { any: {} }, { any: {} }],
    ["Bedrock tool", { tool: { name: "get_weather" } }, { tool: { name: "get_weather" } }],
    ["OpenAI function", { type: "function", function: { name: "get_weather" } }, { tool: { name: "get_weather" } }],
    ["Anthropic tool", { type: "tool", name: "get_weather" }, { tool: { name: "get_weather" } }],
    ["Anthropic any", { type: "any" }, { any: {} }],
    ["Anthropic auto", { type: "auto" }, { auto: {} }],
  ])("%s", (_name, input, expected) => {
    expect(convertToolChoice(input as never, { toolNames: ["get_weather"] })).toEqual(expected);
  });

  it.each<[string, unknown, string]>([
    ["a tool name", "get_weather", `tool_choice "get_weather" was changed to "auto"`],
    ["any", "any", `tool_choice "any" was changed to "auto"`],
    ["Bedrock tool object", { tool: { name: "get_weather" } }, `tool_choice "get_weather" was changed to "auto"`],
  ])("with thinking on, %s is downgraded to auto with a warning", (_name, input, warning) => {
    const warnings: string[] = [];
    const out = convertToolChoice(input as never, { thinkingEnabled: true, warn: (m) => warnings.push(m) });
    expect(out).toEqual({ auto: {} });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(warning);
    expect(warnings[0]).toContain("extended thinking");
  });

  it("with thinking on, auto and none pass without a warning", () => {
    const warnings: string[] = [];
    expect(convertToolChoice("auto", { thinkingEnabled: true, warn: (m) => warnings.push(m) })).toEqual({ auto: {} });
    expect(convertToolChoice("none", { thinkingEnabled: true, warn: (m) => warnings.push(m) })).toBe("none");
    expect(warnings).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ["unknown tool", "get_time", /"get_time", which is not among the bound tools \(get_weather\)/],
    ["empty string", "", /empty string/],
    ["unrecognised object", { kind: "x" }, /not a recognised tool choice/],
    ["number", 3, /must be a string or an object/],
  ])("refuses %s", (_name, input, message) => {
    expect(() => convertToolChoice(input as never, { toolNames: ["get_weather"] })).toThrow(BedrockInputError);
    expect(() => convertToolChoice(input as never, { toolNames: ["get_weather"] })).toThrow(message);
  });

  it("does not check names when no tool list is given", () => {
    expect(convertToolChoice("anything")).toEqual({ tool: { name: "anything" } });
  });
});
