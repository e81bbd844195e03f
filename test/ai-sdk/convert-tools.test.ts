// convertTools: AI SDK tools and tool choice → Converse toolConfig, one row per rule.
import type { LanguageModelV3CallOptions } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { convertTools, type ToolsInput } from "../../src/ai-sdk/convert-tools.js";
import { BedrockInputError } from "../../src/errors/index.js";

const schema = { type: "object" as const, properties: { city: { type: "string" as const } } };
const f = (name: string, extra: object = {}) => ({ type: "function" as const, name, inputSchema: schema, ...extra });
const tools: LanguageModelV3CallOptions["tools"] = [f("a", { description: "A tool" }), f("b", { description: "  ", strict: true })];
const specA = { toolSpec: { name: "a", description: "A tool", inputSchema: { json: schema } } };
const specB = { toolSpec: { name: "b", inputSchema: { json: schema }, strict: true } };

const cases: Array<[string, ToolsInput, unknown]> = [
  ["no tools: no toolConfig", { tools: undefined, toolChoice: undefined }, undefined],
  ["tools, no choice (blank description left out, strict kept)", { tools, toolChoice: undefined }, { tools: [specA, specB] }],
  ["auto", { tools, toolChoice: { type: "auto" } }, { tools: [specA, specB], toolChoice: { auto: {} } }],
  ["required → any", { tools, toolChoice: { type: "required" } }, { tools: [specA, specB], toolChoice: { any: {} } }],
  ["a named tool is sent alone and forced", { tools, toolChoice: { type: "tool", toolName: "b" } }, { tools: [specB], toolChoice: { tool: { name: "b" } } }],
  ["none → no tools at all", { tools, toolChoice: { type: "none" } }, undefined],
  [
    "a tool's cache point follows it",
    { tools: [f("a", { description: "A tool", providerOptions: { bedrock: { cachePoint: { type: "default" } } } })], toolChoice: undefined },
    { tools: [specA, { cachePoint: { type: "default" } }] },
  ],
  [
    "structured output alone: the json tool, forced by name",
    { tools: undefined, toolChoice: undefined, jsonSchema: schema },
    { tools: [{ toolSpec: { name: "json", description: "Respond with a JSON object.", inputSchema: { json: schema } } }], toolChoice: { tool: { name: "json" } } },
  ],
  [
    "structured output beside tools: any tool, the app's ones still callable",
    { tools: [f("a", { description: "A tool" })], toolChoice: { type: "auto" }, jsonSchema: schema },
    { tools: [specA, { toolSpec: { name: "json", description: "Respond with a JSON object.", inputSchema: { json: schema } } }], toolChoice: { any: {} } },
  ],
];

describe("convertTools", () => {
  it.each(cases)("%s", (_, input, expected) => {
    expect(convertTools(input).toolConfig).toEqual(expected);
  });

  it("warns about provider-defined tools instead of sending them", () => {
    const { toolConfig, warnings } = convertTools({
      tools: [{ type: "provider", id: "anthropic.web_search_20250305", name: "web_search", args: {} }, f("a", { description: "A tool" })],
      toolChoice: undefined,
    });
    expect(toolConfig).toEqual({ tools: [specA] });
    expect(warnings).toEqual([{ type: "unsupported", feature: "provider-defined tool anthropic.web_search_20250305" }]);
  });

  it("refuses a named choice of a tool that does not exist", () => {
    expect(() => convertTools({ tools, toolChoice: { type: "tool", toolName: "zzz" } })).toThrow(BedrockInputError);
    expect(() => convertTools({ tools, toolChoice: { type: "tool", toolName: "zzz" } })).toThrow(/^toolChoice\.toolName must name one of the tools$/);
  });
});
