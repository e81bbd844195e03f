import { describe, expect, it } from "vitest";
import * as z from "zod";
import { buildToolConfig } from "../../../src/chat/tools/convert-tools.js";
import { toOutputConfig } from "../../../src/chat/tools/convert-output-format.js";
import { BedrockInputError } from "../../../src/errors/index.js";

const weather = { name: "get_weather", description: "Weather", schema: z.object({ city: z.string() }) };
const weatherSpec = {
  toolSpec: {
    name: "get_weather",
    description: "Weather",
    inputSchema: { json: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
  },
};

describe("buildToolConfig", () => {
  it.each<[string, unknown[] | undefined, Parameters<typeof buildToolConfig>[1], unknown]>([
    ["no tools", undefined, {}, undefined],
    ["empty tools", [], { tool_choice: "any" }, undefined],
    ["tools, no choice", [weather], {}, { tools: [weatherSpec] }],
    ["tools + auto", [weather], { tool_choice: "auto" }, { tools: [weatherSpec], toolChoice: { auto: {} } }],
    ["tools + name", [weather], { tool_choice: "get_weather" }, { tools: [weatherSpec], toolChoice: { tool: { name: "get_weather" } } }],
    ["tools + none: nothing sent", [weather], { tool_choice: "none" }, undefined],
  ])("%s", (_n, tools, options, expected) => {
    expect(buildToolConfig(tools, options)).toEqual(expected);
  });

  it("downgrades a forced choice under thinking, with the warning", () => {
    const warnings: string[] = [];
    const config = buildToolConfig([weather], { tool_choice: "get_weather", thinkingEnabled: true, warn: (m) => warnings.push(m) });
    expect(config?.toolChoice).toEqual({ auto: {} });
    expect(warnings).toHaveLength(1);
  });

  it("passes strict to every tool", () => {
    expect(buildToolConfig([weather], { strict: true })?.tools[0]).toMatchObject({ toolSpec: { strict: true, inputSchema: { json: { additionalProperties: false } } } });
  });

  it("refuses a choice naming an unbound tool", () => {
    expect(() => buildToolConfig([weather], { tool_choice: "get_time" })).toThrow(BedrockInputError);
  });
});

describe("toOutputConfig", () => {
  it("zod schema → strict JSON string, named by the option", () => {
    const schema = z.object({ setup: z.string(), punchline: z.string(), rating: z.number().optional() }).describe("A joke");
    const config = toOutputConfig(schema, { name: "joke" });
    const def = config.textFormat!.structure!.jsonSchema!;
    expect(config.textFormat!.type).toBe("json_schema");
    expect(def.name).toBe("joke");
    expect(def.description).toBe("A joke");
    expect(JSON.parse(def.schema!)).toEqual({
      type: "object",
      description: "A joke",
      properties: { setup: { type: "string" }, punchline: { type: "string" }, rating: { type: "number" } },
      required: ["setup", "punchline"],
      additionalProperties: false,
    });
  });

  it("JSON Schema with a title names itself; nested objects are closed", () => {
    const config = toOutputConfig({ title: "person", type: "object", properties: { address: { type: "object", properties: { city: { type: "string" } } } } });
    const def = config.textFormat!.structure!.jsonSchema!;
    expect(def.name).toBe("person");
    expect(def.description).toBeUndefined();
    expect(JSON.parse(def.schema!).properties.address.additionalProperties).toBe(false);
  });

  it("refuses what is not a schema", () => {
    expect(() => toOutputConfig("nope")).toThrow(/structured output schema must be/);
  });
});
