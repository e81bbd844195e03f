// The built-in model's inference rules as pure functions: words, the tool it picks, the arguments it reads.
import { describe, expect, it } from "vitest";
import { inferArguments, namesIn, numbersIn } from "../../../src/testing/model/infer-args.js";
import { bestMatchingTool, demandedTool, inferTool, toolScore } from "../../../src/testing/model/infer-tool.js";
import type { ToolSpecJson } from "../../../src/testing/model/request.js";
import { contentWords, stem, stemsMatch, wordsOf } from "../../../src/testing/model/words.js";

const spec = (name: string, description = "", properties: Record<string, unknown> = {}, required: string[] = []): ToolSpecJson => ({
  name,
  description,
  schema: { type: "object", properties, required },
});

const weather = spec("get_current_weather", "Get the current weather in a given location", { location: { type: "string" } }, ["location"]);
const time = spec("get_current_time", "Get the current time in a given location", { location: { type: "string" } }, ["location"]);
const adder = spec("AdderTool", "Add two integers", { a: { type: "integer" }, b: { type: "integer" } }, ["a", "b"]);
const search = spec("search_web", "Search the web for pages", { query: { type: "string" } }, ["query"]);

describe("words", () => {
  it.each([
    ["getCurrent_weather", ["get", "current", "weather"]],
    ["AdderTool", ["adder", "tool"]],
    ["parseHTMLPage", ["parse", "html", "page"]],
    ["What's up, San Francisco?", ["what's", "up", "san", "francisco"]],
  ])("wordsOf(%j)", (text, words) => {
    expect(wordsOf(text)).toEqual(words);
  });

  it.each([
    ["adds", "add"],
    ["cities", "city"],
    ["class", "class"],
    ["located", "locat"],
    ["searching", "search"],
    ["city's", "city"],
    ["bus", "bus"],
    ["news", "new"],
    ["is", "is"],
  ])("stem(%j) = %j", (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it("content words drop numbers, stop words and repeats", () => {
    expect(contentWords("What's the weather like in San Francisco today? The weather, 2 days")).toEqual(["weather", "san", "francisco", "today", "day"]);
  });

  it.each([
    ["weather", "weather", true],
    ["locat", "location", true],
    ["time", "timezone", true],
    ["add", "addition", false],
    ["sum", "summary", false],
    ["adder", "add", false],
  ])("%j ~ %j: %s", (a, b, expected) => {
    expect(stemsMatch(a, b)).toBe(expected);
    expect(stemsMatch(b, a)).toBe(expected);
  });
});

describe("the tool a system prompt demands", () => {
  const math = spec("math_addition", "Add two integers");
  it.each<[string, string, ToolSpecJson[], string | undefined]>([
    ["names a bound tool with must … call", "You are bad at math and must ALWAYS call the math_addition function.", [weather, math], "math_addition"],
    ["always use … tool", "You're a helpful assistant. Always use the get current weather tool.", [math, weather], "get_current_weather"],
    ["the first tool the demanding sentence names", "You must call get_current_time, then get_current_weather.", [weather, time], "get_current_time"],
    ["an unbound name with one tool bound: that tool", "You must ALWAYS call the math_addition function.", [adder], "AdderTool"],
    ["an unbound name with two tools bound: none", "You must ALWAYS call the math_addition function.", [adder, weather], undefined],
    ["no call verb: none", "You must be polite about the weather tool.", [weather], undefined],
    ["no always/must: none", "You can call get_current_weather when asked.", [weather], undefined],
    ["neither named nor a tool/function word: none", "You must always use polite words.", [weather], undefined],
    ["a later sentence can demand", "Be brief.\nAlways invoke search_web first.", [weather, search], "search_web"],
  ])("%s", (_name, system, tools, expected) => {
    expect(demandedTool(system, tools)?.name).toBe(expected);
  });
});

describe("the tool whose words fit the request", () => {
  it.each<[string, ToolSpecJson, number]>([
    ["What's the weather like in San Francisco today?", weather, 2],
    ["What's the current weather?", weather, 4],
    ["What time is it in Paris?", weather, 0],
    ["Which location is it?", weather, 1],
    ["Search pages about cats", search, 3],
    ["What is the sum of 1836281973 and 19973286?", adder, 0],
  ])("%j scores %s %i", (text, tool, score) => {
    expect(toolScore(tool, text)).toBe(score);
  });

  it.each<[string, ToolSpecJson[], string | undefined]>([
    ["What's the weather like in San Francisco today?", [time, weather], "get_current_weather"],
    ["What's the current time in Rome?", [weather, time], "get_current_time"],
    ["What's current?", [weather, time], "get_current_weather"],
    ["Which location is it?", [weather], undefined],
    ["Hello there", [weather, time, adder, search], undefined],
    ["What is 3 + 4", [adder], undefined],
  ])("%j → %s", (text, tools, expected) => {
    expect(bestMatchingTool(tools, text)?.name).toBe(expected);
  });

  it("a demand wins over a word match; no tools, no tool", () => {
    expect(inferTool([weather, search], "Always use search_web.", "What's the weather?")?.name).toBe("search_web");
    expect(inferTool([weather, search], "", "What's the weather?")?.name).toBe("get_current_weather");
    expect(inferTool([], "Always use search_web.", "What's the weather?")).toBeUndefined();
  });
});

describe("values in the text", () => {
  it.each([
    ["What is the sum of 1836281973 and 19973286?", [1836281973, 19973286]],
    ["1,836,281,973 plus -2.5.", [1836281973, -2.5]],
    ["3-4 and 3rd, ISO8601, v1.2", [3, 4]],
    ["no numbers", []],
  ])("numbersIn(%j)", (text, numbers) => {
    expect(numbersIn(text)).toEqual(numbers);
  });

  it.each<[string, string[], string[]]>([
    ["What's the weather like in San Francisco today?", [], ["San Francisco"]],
    ["Paris is nice. Then Rome and New York", [], ["Rome", "New York"]],
    ['Look up "the big one" and \'small\' in Oslo', [], ["the big one", "small", "Oslo"]],
    ["What's Lisbon like? And what about “Porto”?", [], ["Porto", "Lisbon"]],
    ["Ask SearchWeb about Oslo and Oslo", ["SearchWeb"], ["Oslo"]],
    ["hello", [], []],
  ])("namesIn(%j)", (text, skip, names) => {
    expect(namesIn(text, skip)).toEqual(names);
  });
});

describe("inferArguments", () => {
  const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });
  it.each<[string, Record<string, unknown>, string, Record<string, unknown>]>([
    ["numbers fill integer params in order", object({ a: { type: "integer" }, b: { type: "integer" } }, ["a", "b"]), "What is the sum of 1836281973 and 19973286?", { a: 1836281973, b: 19973286 }],
    ["integers truncate, numbers keep decimals", object({ n: { type: "integer" }, x: { type: "number" } }, ["n", "x"]), "round 2.7 and 0.5", { n: 2, x: 0.5 }],
    ["required params first", object({ days: { type: "integer" }, city: { type: "string" }, n: { type: "integer" } }, ["n", "city"]), "3 nights in Rome, 5 guests", { days: 5, city: "Rome", n: 3 }],
    ["a capitalised name fills a string", object({ location: { type: "string" } }, ["location"]), "What's the weather like in San Francisco today?", { location: "San Francisco" }],
    ["no name: the whole text", object({ query: { type: "string" } }, ["query"]), "cheap flights to anywhere", { query: "cheap flights to anywhere" }],
    [
      "enums by a whole word, as the schema spells them",
      object({ city: { type: "string" }, unit: { type: "string", enum: ["Celsius", "Fahrenheit"] } }, ["city"]),
      "Weather in Oslo in fahrenheit please",
      { city: "Oslo", unit: "Fahrenheit" },
    ],
    ["an enum the text lacks: its default when required", object({ unit: { enum: ["c", "f"] } }, ["unit"]), "Oslo", { unit: "c" }],
    ["pairs come first and are not reused", object({ a: { type: "integer" }, b: { type: "integer" } }, ["a", "b"]), "add b=7, then 3", { a: 3, b: 7 }],
    ["missing values: defaults for required, optional left out", object({ a: { type: "integer" }, on: { type: "boolean" }, z: { type: "number" } }, ["a", "on"]), "nothing here", { a: 0, on: false }],
    ["two strings: names in order, then the whole text for the first still empty", object({ from: { type: "string" }, to: { type: "string" } }, ["from", "to"]), "fly to Lisbon", { from: "Lisbon", to: "fly to Lisbon" }],
    ["a tool's own name is no value", object({ q: { type: "string" } }, ["q"]), "Is 'search_web' up?", { q: "Is 'search_web' up?" }],
  ])("%s", (_name, schema, text, expected) => {
    expect(inferArguments(schema, text, ["search_web"])).toEqual(expected);
  });

  it("keeps the schema's property order", () => {
    const schema = object({ x: { type: "number" }, name: { type: "string" } }, ["name"]);
    expect(Object.keys(inferArguments(schema, "Ada 3"))).toEqual(["x", "name"]);
  });
});
