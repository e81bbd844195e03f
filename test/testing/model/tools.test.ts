import { describe, expect, it } from "vitest";
import { createBedrockEmulator, toolUseId } from "../../../src/testing/index.js";
import { assistant, call, expectToolCase, OPERATIONS, type ToolCase, tool, user } from "./helpers.js";

const weather = tool("get_weather", { city: { type: "string" }, days: { type: "integer" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } }, ["city"]);
const search = tool("search_web", { query: { type: "string" } }, ["query"]);
const time = tool("getTime", { timezone: { type: "string" } }, ["timezone"]);
const flags = tool("set_flags", { on: { type: "boolean" }, ratio: { type: "number" }, tags: { type: "array", items: { type: "string" } } }, ["on", "ratio"]);
const tools = [weather, search, time, flags];

const ask = (text: string, toolChoice?: unknown, list: unknown[] = tools) => ({
  messages: [user({ text })],
  toolConfig: { tools: list, ...(toolChoice ? { toolChoice } : {}) },
});

/** [case, body, expected calls (name → input) or a text reply]. */
const CASES: ToolCase[] = [
  ["a named tool, pairs coerced", ask("Use get_weather city=Paris, days=3, unit: Celsius"), [["get_weather", { city: "Paris", days: 3, unit: "celsius" }]]],
  ["the name with spaces, quoted value", ask('please GET WEATHER for city="San Francisco" days: 2.9'), [["get_weather", { city: "San Francisco", days: 2 }]]],
  ["a lone string property takes the text after the name", ask("search_web: latest Bedrock news"), [["search_web", { query: "latest Bedrock news" }]]],
  ["or the whole text when nothing follows the name", ask("What is new? Ask search web"), [["search_web", { query: "What is new? Ask search web" }]]],
  ["camelCase names match split words", ask("get time in timezone=CET"), [["getTime", { timezone: "CET" }]]],
  ["missing required values default by type", ask("set_flags tags=a|b"), [["set_flags", { on: false, ratio: 0, tags: ["a", "b"] }]]],
  ["booleans and numbers", ask("set_flags on=yes ratio=0.25"), [["set_flags", { on: true, ratio: 0.25 }]]],
  ["a value that does not coerce is absent", ask("get_weather city=Oslo days=many unit=kelvin"), [["get_weather", { city: "Oslo" }]]],
  [
    "several named tools: parallel calls in order of mention, each reading its own segment",
    ask("search_web cats; then get_weather city=Rome"),
    [
      ["search_web", { query: "cats" }],
      ["get_weather", { city: "Rome" }],
    ],
  ],
  ["no tool named: a text answer", ask("Hello there"), "You said: Hello there"],
  ["toolChoice tool forces that tool", ask("Hello there", { tool: { name: "search_web" } }), [["search_web", { query: "Hello there" }]]],
  ["toolChoice tool wins over named tools", ask("get_weather city=Paris", { tool: { name: "getTime" } }), [["getTime", { timezone: "get_weather city=Paris" }]]],
  ["toolChoice any: the first tool when none is named", ask("Hello", { any: {} }), [["get_weather", { city: "Hello" }]]],
  ["toolChoice any: named tools when some are", ask("search_web dogs", { any: {} }), [["search_web", { query: "dogs" }]]],
  ["a tool without properties gets {}", ask("ping now", { auto: {} }, [tool("ping")]), [["ping", {}]]],
];

describe("built-in model: tool calls", () => {
  describe.each(OPERATIONS)("%s", (operation) => {
    it.each(CASES)("%s", (_name, body, expected) => expectToolCase(createBedrockEmulator(), operation, body, expected));
  });

  it("gives the same deterministic IDs and inputs over Converse and ConverseStream", async () => {
    const body = ask("search_web cats; get_weather city=Rome");
    const converse = await call(createBedrockEmulator(), "converse", body);
    const stream = await call(createBedrockEmulator(), "converse-stream", body);
    expect(stream.content).toEqual(converse.content);
    expect(stream.usage).toEqual(converse.usage);
    expect(converse.content![0].toolUse.toolUseId).toBe(toolUseId(body, "search_web", 0));
    expect(new Set(converse.content!.map((b) => b.toolUse.toolUseId)).size).toBe(2);
  });

  it("streams each call as contentBlockStart, input JSON split mid-token, contentBlockStop", async () => {
    const { events } = await call(createBedrockEmulator(), "converse-stream", ask("get_weather city=Paris, days=3, unit=celsius"));
    const kinds = events!.map((e) => Object.keys(e)[0]);
    expect(kinds[0]).toBe("messageStart");
    expect(kinds[1]).toBe("contentBlockStart");
    expect(events![1].contentBlockStart).toEqual({
      contentBlockIndex: 0,
      start: { toolUse: { toolUseId: expect.stringMatching(/^tooluse_/), name: "get_weather" } },
    });
    const pieces = events!.filter((e) => e.contentBlockDelta).map((e) => e.contentBlockDelta.delta.toolUse.input as string);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.some((p) => { try { JSON.parse(p); return true; } catch { return false; } })).toBe(false);
    expect(JSON.parse(pieces.join(""))).toEqual({ city: "Paris", days: 3, unit: "celsius" });
    expect(kinds.slice(-3)).toEqual(["contentBlockStop", "messageStop", "metadata"]);
  });
});

describe("built-in model: tool results", () => {
  const id = "tooluse_abcdefghijklmnopqrstuv";
  const history = (results: unknown[], toolChoice?: unknown) => ({
    messages: [
      user({ text: "get_weather city=Paris" }),
      assistant({ toolUse: { toolUseId: id, name: "get_weather", input: { city: "Paris" } } }, { toolUse: { toolUseId: "tooluse_2", name: "search_web", input: { query: "x" } } }),
      user(...results),
    ],
    toolConfig: { tools, ...(toolChoice ? { toolChoice } : {}) },
  });

  const RESULTS: Array<[string, unknown, string]> = [
    [
      "text and JSON results, one line each",
      history([
        { toolResult: { toolUseId: id, content: [{ json: { temp: 21, sky: "clear" } }] } },
        { toolResult: { toolUseId: "tooluse_2", content: [{ text: "cats are great" }] } },
      ]),
      'Tool get_weather returned: {"temp":21,"sky":"clear"}\nTool search_web returned: cats are great',
    ],
    [
      "an error result",
      history([
        { toolResult: { toolUseId: id, status: "error", content: [{ text: "city unknown" }] } },
        { toolResult: { toolUseId: "tooluse_2", content: [{ document: { name: "page", format: "txt", source: { text: "hi" } } }] } },
      ]),
      "Tool get_weather failed: city unknown\nTool search_web returned: [document page]",
    ],
  ];

  describe.each(OPERATIONS)("%s", (operation) => {
    it.each(RESULTS)("%s", async (_name, body, text) => {
      const outcome = await call(createBedrockEmulator(), operation, body);
      expect(outcome.content).toEqual([{ text }]);
      expect(outcome.stopReason).toBe("end_turn");
    });

    it("calls again when a tool is forced", async () => {
      const body = history(
        [{ toolResult: { toolUseId: id, content: [{ text: "ok" }] } }, { toolResult: { toolUseId: "tooluse_2", content: [{ text: "ok" }] } }],
        { tool: { name: "search_web" } },
      );
      const outcome = await call(createBedrockEmulator(), operation, body);
      expect(outcome.stopReason).toBe("tool_use");
      expect(outcome.content![0].toolUse.name).toBe("search_web");
    });
  });
});
