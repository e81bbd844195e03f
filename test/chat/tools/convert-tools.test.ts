import { conformanceUrl } from "../../conformance.js";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { BedrockInputError } from "../../../src/errors/index.js";
import { convertTools, toolNames } from "../../../src/chat/tools/convert-tools.js";

const conformance = conformanceUrl("recorded/");
const weatherJson = { type: "object", properties: { location: { type: "string" } }, required: ["location"] };
const weatherSpec = {
  toolSpec: { name: "get_weather", description: "Get the weather for a location.", inputSchema: { json: weatherJson } },
};

describe("convertTools: accepted shapes", () => {
  it.each<[string, unknown, unknown]>([
    [
      "Anthropic-style input_schema",
      { name: "get_weather", description: "Get the weather for a location.", input_schema: weatherJson },
      weatherSpec,
    ],
    ["parameters", { name: "get_weather", description: "Get the weather for a location.", parameters: weatherJson }, weatherSpec],
    ["inputSchema", { name: "get_weather", description: "Get the weather for a location.", inputSchema: weatherJson }, weatherSpec],
    ["schema (JSON)", { name: "get_weather", description: "Get the weather for a location.", schema: weatherJson }, weatherSpec],
    [
      "OpenAI function tool",
      { type: "function", function: { name: "get_weather", description: "Get the weather for a location.", parameters: weatherJson } },
      weatherSpec,
    ],
    [
      "LangChain tool object with a zod schema (plus methods)",
      {
        name: "get_weather",
        description: "Get the weather for a location.",
        schema: z.object({ location: z.string() }),
        invoke: async () => "sunny",
        lc_namespace: ["langchain", "tools"],
      },
      weatherSpec,
    ],
    ["Bedrock toolSpec passthrough", weatherSpec, weatherSpec],
    [
      "a titled, described JSON schema: top level stripped, nested title/description kept",
      {
        name: "get_weather",
        description: "Get the weather for a location.",
        schema: {
          title: "GetWeather",
          description: "Weather input",
          type: "object",
          properties: { location: { type: "string", title: "Location", description: "City" } },
          required: ["location"],
        },
      },
      {
        toolSpec: {
          name: "get_weather",
          description: "Get the weather for a location.",
          inputSchema: {
            json: { type: "object", properties: { location: { type: "string", title: "Location", description: "City" } }, required: ["location"] },
          },
        },
      },
    ],
    [
      "a described zod schema",
      { name: "get_weather", description: "Get the weather for a location.", schema: z.object({ location: z.string() }).describe("Weather input") },
      weatherSpec,
    ],
    [
      "a Bedrock toolSpec keeps its schema's title as written",
      { toolSpec: { ...weatherSpec.toolSpec, inputSchema: { json: { ...weatherJson, title: "GetWeather" } } } },
      { toolSpec: { ...weatherSpec.toolSpec, inputSchema: { json: { ...weatherJson, title: "GetWeather" } } } },
    ],
    ["cache point", { cachePoint: { type: "default" } }, { cachePoint: { type: "default" } }],
    ["cache point with ttl", { cachePoint: { type: "default", ttl: "1h" } }, { cachePoint: { type: "default", ttl: "1h" } }],
    ["cache_point type", { type: "cache_point" }, { cachePoint: { type: "default" } }],
    ["system tool", { systemTool: { name: "nova_grounding" } }, { systemTool: { name: "nova_grounding" } }],
    [
      "bare zod schema named by its title",
      z.object({ location: z.string() }).meta({ title: "get_weather", description: "Get the weather for a location." }),
      {
        toolSpec: {
          name: "get_weather",
          description: "Get the weather for a location.",
          // Top-level title/description live on the spec only (langchain-aws via convert_to_openai_function).
          inputSchema: { json: weatherJson },
        },
      },
    ],
    [
      "no schema: an empty object input",
      { name: "now", description: "Current time" },
      { toolSpec: { name: "now", description: "Current time", inputSchema: { json: { type: "object", properties: {} } } } },
    ],
    [
      "no description: the name stands in",
      { name: "now", schema: {} },
      { toolSpec: { name: "now", description: "now", inputSchema: { json: { type: "object", properties: {} } } } },
    ],
    [
      "Standard JSON Schema of another vendor",
      {
        name: "search",
        description: "Search",
        schema: {
          "~standard": {
            version: 1,
            vendor: "acme",
            validate: (v: unknown) => ({ value: v }),
            jsonSchema: { input: () => ({ type: "object", properties: { q: { type: "string" } } }), output: () => ({}) },
          },
        },
      },
      { toolSpec: { name: "search", description: "Search", inputSchema: { json: { type: "object", properties: { q: { type: "string" } } } } } },
    ],
  ])("%s", (_name, input, expected) => {
    expect(convertTools([input])).toEqual([expected]);
  });

  it("matches the tool list of a recorded langchain-aws request", () => {
    const recorded = JSON.parse(readFileSync(new URL("langchain-aws/claude-tooluse-stream.request.json", conformance), "utf8"));
    const tools = convertTools([
      { name: "get_weather", description: "Get the weather for a location.", schema: z.object({ location: z.string() }) },
    ]);
    expect(tools).toEqual(recorded.body_json.toolConfig.tools);
  });

  it("keeps a mixed list in order and reports names", () => {
    const tools = convertTools([weatherSpec, { cachePoint: { type: "default" } }, { name: "b", schema: {} }]);
    expect(tools.map((t) => Object.keys(t)[0])).toEqual(["toolSpec", "cachePoint", "toolSpec"]);
    expect(toolNames(tools)).toEqual(["get_weather", "b"]);
  });
});

describe("convertTools: strict", () => {
  const tool = { name: "f", description: "d", schema: z.object({ a: z.object({ b: z.string() }) }) };

  it("strict: true sets toolSpec.strict and closes every object schema", () => {
    const [out] = convertTools([tool], { strict: true });
    expect(out).toEqual({
      toolSpec: {
        name: "f",
        description: "d",
        strict: true,
        inputSchema: {
          json: {
            type: "object",
            additionalProperties: false,
            required: ["a"],
            properties: { a: { type: "object", additionalProperties: false, required: ["b"], properties: { b: { type: "string" } } } },
          },
        },
      },
    });
  });

  it("strict: false is sent as false; omitted is omitted", () => {
    expect(convertTools([tool], { strict: false })[0]).toMatchObject({ toolSpec: { strict: false } });
    expect("strict" in (convertTools([tool])[0] as { toolSpec: object }).toolSpec).toBe(false);
  });

  it("a tool's own strict wins over the option", () => {
    const openai = { type: "function", function: { name: "g", parameters: { type: "object" }, strict: false } };
    expect(convertTools([openai], { strict: true })[0]).toMatchObject({ toolSpec: { strict: false } });
  });

  it("a native toolSpec gets strict from the option only when it has none", () => {
    expect(convertTools([weatherSpec], { strict: true })[0]).toMatchObject({ toolSpec: { strict: true } });
    const own = { toolSpec: { ...weatherSpec.toolSpec, strict: false } };
    expect(convertTools([own], { strict: true })[0]).toMatchObject({ toolSpec: { strict: false } });
  });
});

describe("convertTools: refusals", () => {
  it.each<[string, unknown[], RegExp]>([
    ["not an object", ["get_weather"], /tools\[0\] must be a tool object/],
    ["bad name characters", [{ name: "get weather", schema: {} }], /tools\[0\]\.name must be 1-64 letters/],
    ["name too long", [{ name: "x".repeat(65), schema: {} }], /1-64/],
    ["duplicate names", [{ name: "a", schema: {} }, { name: "a", schema: {} }], /tools\[1\]: the tool name "a" is used twice/],
    ["non-object input schema", [{ name: "a", schema: { type: "string" } }], /must describe an object/],
    ["untitled bare schema", [z.object({ a: z.string() })], /without a title/],
    ["unknown object", [{ foo: 1 }], /tools\[0\] is not a tool/],
    ["toolSpec without inputSchema.json", [{ toolSpec: { name: "a" } }], /inputSchema must be \{ json/],
    ["cache point with bad ttl", [{ cachePoint: { type: "default", ttl: "2h" } }], /ttl must be "5m" or "1h"/],
    ["zod 3 schema", [{ name: "a", schema: { _def: {}, "~standard": { vendor: "zod", version: 1, validate() {} } } }], /zod 3/],
  ])("%s", (_name, tools, message) => {
    expect(() => convertTools(tools)).toThrow(BedrockInputError);
    expect(() => convertTools(tools)).toThrow(message);
  });
});
