// The built-in model calls a tool the user did not name, over Converse and ConverseStream alike.
import { describe, expect, it } from "vitest";
import { createBedrockEmulator } from "../../../src/testing/index.js";
import { assistant, call, expectToolCase, OPERATIONS, type ToolCase, user } from "./helpers.js";

const spec = (name: string, description: string, properties: Record<string, unknown>, required: string[]) => ({
  toolSpec: { name, description, inputSchema: { json: { type: "object", properties, required } } },
});

const weather = spec(
  "get_current_weather",
  "Get the current weather in a given location",
  { location: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] }, days: { type: "integer" } },
  ["location"],
);
const clock = spec("get_current_time", "Get the current time in a given location", { location: { type: "string" } }, ["location"]);
const adder = spec("math_addition", "Add two integers", { a: { type: "integer" }, b: { type: "integer" } }, ["a", "b"]);
const tools = [weather, clock, adder];

const ask = (text: string, options: { system?: string; toolChoice?: unknown; list?: unknown[] } = {}) => ({
  messages: [user({ text })],
  ...(options.system ? { system: [{ text: options.system }] } : {}),
  toolConfig: { tools: options.list ?? tools, ...(options.toolChoice ? { toolChoice: options.toolChoice } : {}) },
});

const MUST_ADD = "You are bad at math and must ALWAYS call the math_addition function.";

/** [case, body, expected calls (name → input) or a text reply]. */
const CASES: ToolCase[] = [
  ["a weather question: the weather tool, the place as location", ask("What's the weather like in San Francisco today?"), [["get_current_weather", { location: "San Francisco" }]]],
  [
    "optional params filled when the text holds them",
    ask("What's the weather in Oslo for 3 days, in Fahrenheit?"),
    [["get_current_weather", { location: "Oslo", unit: "fahrenheit", days: 3 }]],
  ],
  ["the best-scoring tool among several", ask("What's the current time in Rome?"), [["get_current_time", { location: "Rome" }]]],
  ["the tool the system prompt demands, numbers in order", ask("What is the sum of 1836281973 and 19973286?", { system: MUST_ADD }), [["math_addition", { a: 1836281973, b: 19973286 }]]],
  [
    "an unbound name in the system prompt: the only bound tool",
    ask("What is the sum of 1836281973 and 19973286?", { system: "You must ALWAYS call the adder function.", list: [adder] }),
    [["math_addition", { a: 1836281973, b: 19973286 }]],
  ],
  ["a demand wins over a word match", ask("What's the weather in Paris?", { system: MUST_ADD }), [["math_addition", { a: 0, b: 0 }]]],
  ["a tool the user names wins over a demand (old argument rule)", ask("get_current_time location=Lima", { system: MUST_ADD }), [["get_current_time", { location: "Lima" }]]],
  ["toolChoice any: the inferred tool", ask("What's the weather in Paris?", { toolChoice: { any: {} } }), [["get_current_weather", { location: "Paris" }]]],
  ["toolChoice tool: that tool, old argument rule", ask("What's the weather in Paris?", { toolChoice: { tool: { name: "get_current_time" } } }), [["get_current_time", { location: "What's the weather in Paris?" }]]],
  ["no tool fits: text", ask("What is 3 + 4"), "You said: What is 3 + 4"],
  ["one description word is not enough", ask("Which location is best?"), "You said: Which location is best?"],
  ["a system prompt that only allows: text", ask("Hello", { system: "You can call get_current_weather when asked." }), "You said: Hello"],
];

describe("built-in model: inferred tool calls", () => {
  describe.each(OPERATIONS)("%s", (operation) => {
    it.each(CASES)("%s", (_name, body, expected) => expectToolCase(createBedrockEmulator(), operation, body, expected));

    it("answers the tool's result instead of calling again, though the question still fits", async () => {
      const id = "tooluse_abcdefghijklmnopqrstuv";
      const body = {
        messages: [
          user({ text: "What's the weather like in San Francisco today?" }),
          assistant({ toolUse: { toolUseId: id, name: "get_current_weather", input: { location: "San Francisco" } } }),
          user({ toolResult: { toolUseId: id, content: [{ text: "70 degrees and sunny" }] } }),
        ],
        toolConfig: { tools },
      };
      const outcome = await call(createBedrockEmulator(), operation, body);
      expect(outcome.content).toEqual([{ text: "Tool get_current_weather returned: 70 degrees and sunny" }]);
      expect(outcome.stopReason).toBe("end_turn");
    });
  });

  it("reasons about the tool it chose", async () => {
    const body = {
      ...ask("What's the weather like in San Francisco today?"),
      additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } },
      inferenceConfig: { maxTokens: 2048 },
    };
    const outcome = await call(createBedrockEmulator(), "converse", body);
    expect(outcome.content![0].reasoningContent.reasoningText.text).toMatch(/I should call get_current_weather\.$/);
    expect(outcome.content![1].toolUse.input).toEqual({ location: "San Francisco" });
  });
});
