import { describe, expect, it } from "vitest";
import { argumentsFromText, coerce, findPairs, formatJson } from "../../../src/testing/model/args.js";
import { findMention, nameSpellings } from "../../../src/testing/model/tools.js";

const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });

describe("findPairs", () => {
  it.each([
    ["city=Paris, days=3", ["city", "days"], { city: "Paris", days: "3" }],
    ["city: San Francisco days: 2", ["city", "days"], { city: "San Francisco", days: "2" }],
    ['CITY = "Paris, France"; days=3.', ["city", "days"], { city: "Paris, France", days: "3" }],
    ["note='it, works' and more", ["note"], { note: "it, works" }],
    ["city=Paris city=Rome", ["city"], { city: "Paris" }],
    ["pre-city=x city=y", ["city"], { city: "y" }],
    ["nothing here", ["city"], {}],
    ["city=  ,", ["city"], {}],
  ])("%j", (text, names, expected) => {
    expect(Object.fromEntries(findPairs(text, names))).toEqual(expected);
  });
});

describe("coerce", () => {
  it.each([
    ["3", { type: "number" }, 3],
    ["-2.5e1", { type: "number" }, -25],
    ["3.9", { type: "integer" }, 3],
    ["three", { type: "number" }, undefined],
    ["Yes", { type: "boolean" }, true],
    ["off", { type: "boolean" }, false],
    ["maybe", { type: "boolean" }, undefined],
    ["CELSIUS", { type: "string", enum: ["celsius", "fahrenheit"] }, "celsius"],
    ["kelvin", { enum: ["celsius"] }, undefined],
    ["[1,2]", { type: "array" }, [1, 2]],
    ["1|x|3", { type: "array", items: { type: "integer" } }, [1, 3]],
    ['{"a":1}', { type: "object" }, { a: 1 }],
    ["nope", { type: "object" }, undefined],
    ["7", { type: ["integer", "null"] }, 7],
    ["7", { anyOf: [{ type: "null" }, { type: "number" }] }, 7],
    ["free text", {}, "free text"],
  ])("%j as %j", (raw, schema, expected) => {
    expect(coerce(raw, schema)).toEqual(expected);
  });
});

describe("argumentsFromText", () => {
  it.each([
    ["pairs fill properties", object({ a: { type: "string" }, n: { type: "number" } }), "a=x n=2", undefined, { a: "x", n: 2 }],
    ["optional missing ones are left out", object({ a: { type: "string" }, n: { type: "number" } }, ["a"]), "n=2", undefined, { a: "", n: 2 }],
    ["a lone required string takes the fallback", object({ q: { type: "string" }, k: { type: "integer" } }, ["q"]), "k=5", "cats", { q: "cats", k: 5 }],
    ["so does the only property", object({ q: { type: "string" } }), "hello", "hello", { q: "hello" }],
    ["not when two strings are required", object({ a: { type: "string" }, b: { type: "string" } }, ["a", "b"]), "hi", "hi", { a: "", b: "" }],
    [
      "defaults by type, default, const, enum, minimum",
      object(
        {
          s: { type: "string" },
          i: { type: "integer", minimum: 1.5 },
          b: { type: "boolean" },
          a: { type: "array" },
          d: { type: "string", default: "dflt" },
          c: { const: "fixed" },
          e: { enum: ["x", "y"] },
          o: object({ inner: { type: "number" } }, ["inner"]),
          z: { type: "null" },
        },
        ["s", "i", "b", "a", "d", "c", "e", "o", "z"],
      ),
      "",
      undefined,
      { s: "", i: 2, b: false, a: [], d: "dflt", c: "fixed", e: "x", o: { inner: 0 }, z: null },
    ],
  ])("%s", (_name, schema, text, fallback, expected) => {
    expect(argumentsFromText(schema, text, fallback)).toEqual(expected);
  });
});

describe("tool names in text", () => {
  it.each([
    ["get_weather", ["get_weather", "get weather"]],
    ["getWeather", ["getWeather", "get Weather"]],
    ["lookup-user_id", ["lookup-user_id", "lookup user id"]],
  ])("spellings of %s", (name, spellings) => {
    expect(nameSpellings(name)).toEqual(spellings);
  });

  it.each([
    ["call get_weather now", "get_weather", 5],
    ["Get   Weather please", "get_weather", 0],
    ["forget_weather", "get_weather", undefined],
    ["get_weathers", "get_weather", undefined],
    ["ask getweather", "getWeather", 4],
  ])("%j names %s at %j", (text, name, at) => {
    expect(findMention(text, name)?.at).toBe(at);
  });
});

describe("formatJson", () => {
  it("writes JSON with spaces, as models do", () => {
    const value = { a: 1, b: ["x", true, null], c: { d: "e" } };
    expect(formatJson(value)).toBe('{"a": 1, "b": ["x", true, null], "c": {"d": "e"}}');
    expect(JSON.parse(formatJson(value))).toEqual(value);
  });
});
