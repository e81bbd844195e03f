import { describe, expect, it } from "vitest";
import * as z from "zod";
import { BedrockInputError } from "../../../src/errors/index.js";
import {
  canProduceJsonSchema,
  cleanJsonSchema,
  isJsonSchemaObject,
  isStandardSchema,
  isZodSchema,
  strictJsonSchema,
  toJsonSchema,
  toToolInputSchema,
} from "../../../src/chat/tools/json-schema.js";

// A Standard JSON Schema from a library that is not zod (https://standardschema.dev/json-schema).
const otherVendor = {
  "~standard": {
    version: 1,
    vendor: "acme",
    validate: (value: unknown) => ({ value }),
    jsonSchema: {
      input: (o: { target: string }) => ({
        $schema: `target:${o.target}`,
        type: "object",
        properties: { q: { type: "string" } },
      }),
      output: () => ({}),
    },
  },
};
// What a zod 3 schema looks like from outside: Standard Schema, no JSON Schema converter.
const zod3Like = { _def: { typeName: "ZodObject" }, "~standard": { version: 1, vendor: "zod", validate: () => ({}) } };
const valibotLike = { "~standard": { version: 1, vendor: "valibot", validate: () => ({}) } };

describe("schema detection", () => {
  const zodSchema = z.object({ a: z.string() });
  it.each([
    ["zod 4 object", zodSchema, { zod: true, standard: true, producer: true, json: false }],
    ["zod 3 look-alike", zod3Like, { zod: true, standard: true, producer: false, json: false }],
    ["other Standard JSON Schema", otherVendor, { zod: false, standard: true, producer: true, json: false }],
    ["Standard Schema without JSON", valibotLike, { zod: false, standard: true, producer: false, json: false }],
    ["plain JSON Schema", { type: "object", properties: {} }, { zod: false, standard: false, producer: false, json: true }],
    ["plain object, no schema keyword", { foo: 1 }, { zod: false, standard: false, producer: false, json: false }],
  ])("%s", (_name, value, expected) => {
    expect(isZodSchema(value)).toBe(expected.zod);
    expect(isStandardSchema(value)).toBe(expected.standard);
    expect(canProduceJsonSchema(value)).toBe(expected.producer);
    expect(isJsonSchemaObject(value)).toBe(expected.json);
  });
});

describe("toJsonSchema", () => {
  it("uses zod 4's Standard JSON Schema (input side), without $schema or zod's safe-integer bounds", () => {
    const schema = z.object({ city: z.string().describe("The city"), days: z.number().int().optional() }).describe("Forecast");
    expect(toJsonSchema(schema)).toEqual({
      type: "object",
      description: "Forecast",
      properties: {
        city: { type: "string", description: "The city" },
        days: { type: "integer" },
      },
      required: ["city"],
    });
  });

  it("asks other Standard JSON Schema vendors for draft 2020-12 and drops $schema", () => {
    expect(toJsonSchema(otherVendor)).toEqual({ type: "object", properties: { q: { type: "string" } } });
  });

  it("falls back to a zod instance's toJSONSchema() when ~standard.jsonSchema is missing", () => {
    const calls: unknown[] = [];
    const fake = {
      _zod: { def: {} },
      "~standard": { vendor: "zod", version: 1, validate: () => ({}) },
      toJSONSchema(opts: unknown) {
        calls.push(opts);
        return { $schema: "x", type: "object", properties: {} };
      },
    };
    expect(toJsonSchema(fake)).toEqual({ type: "object", properties: {} });
    expect(calls).toEqual([{ io: "input" }]);
  });

  it("copies a plain JSON Schema (the input is not modified)", () => {
    const input = { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", additionalProperties: false };
    const out = toJsonSchema(input);
    expect(out).toEqual({ type: "object", additionalProperties: false });
    expect(input.$schema).toBeDefined();
  });

  it.each([
    ["zod 3", zod3Like, /zod 3 schema/],
    ["Standard Schema without converter", valibotLike, /vendor "valibot"/],
    ["a string", "nope", /must be a JSON Schema object/],
  ])("refuses %s with BedrockInputError naming the field", (_n, value, message) => {
    expect(() => toJsonSchema(value, "tools[3].schema")).toThrow(BedrockInputError);
    expect(() => toJsonSchema(value, "tools[3].schema")).toThrow(/tools\[3\]\.schema/);
    expect(() => toJsonSchema(value, "tools[3].schema")).toThrow(message);
  });

  it("wraps a converter failure (zod transforms cannot be represented) in BedrockInputError", () => {
    const schema = z.object({ when: z.date() });
    expect(() => toJsonSchema(schema, "schema")).toThrow(BedrockInputError);
  });
});

describe("cleanJsonSchema / toToolInputSchema", () => {
  it("keeps real integer bounds", () => {
    expect(cleanJsonSchema({ type: "integer", minimum: 0, maximum: 10 })).toEqual({ type: "integer", minimum: 0, maximum: 10 });
  });

  it("keeps additionalProperties and nested $defs", () => {
    const schema = { $schema: "x", type: "object", additionalProperties: false, $defs: { a: { type: "string" } } };
    expect(cleanJsonSchema(schema)).toEqual({ type: "object", additionalProperties: false, $defs: { a: { type: "string" } } });
  });

  it.each([
    [{}, { type: "object", properties: {} }],
    [{ properties: { a: { type: "string" } } }, { type: "object", properties: { a: { type: "string" } } }],
    [{ type: "object" }, { type: "object" }],
    [{ anyOf: [{ type: "object" }] }, { anyOf: [{ type: "object" }] }],
  ])("object input schema %#", (input, expected) => {
    expect(toToolInputSchema(input)).toEqual(expected);
  });

  it("refuses a non-object tool input", () => {
    expect(() => toToolInputSchema({ type: "string" }, "tools[0] schema")).toThrow(/tools\[0\] schema must describe an object/);
  });
});

describe("strictJsonSchema", () => {
  it.each([
    ["flat object", { type: "object", properties: { a: { type: "string" } } }, { type: "object", properties: { a: { type: "string" } }, additionalProperties: false }],
    ["true becomes false", { type: "object", additionalProperties: true }, { type: "object", additionalProperties: false }],
    [
      "nested properties, items, anyOf and $defs",
      {
        type: "object",
        properties: {
          list: { type: "array", items: { type: "object", properties: { x: { type: "number" } } } },
          either: { anyOf: [{ type: "object", properties: {} }, { type: "null" }] },
        },
        $defs: { Node: { type: "object", properties: { v: { type: "string" } } } },
      },
      {
        type: "object",
        additionalProperties: false,
        properties: {
          list: { type: "array", items: { type: "object", properties: { x: { type: "number" } }, additionalProperties: false } },
          either: { anyOf: [{ type: "object", properties: {}, additionalProperties: false }, { type: "null" }] },
        },
        $defs: { Node: { type: "object", properties: { v: { type: "string" } }, additionalProperties: false } },
      },
    ],
    ["nullable object via type list", { type: ["object", "null"] }, { type: ["object", "null"], additionalProperties: false }],
    ["non-object untouched", { type: "string", minLength: 1 }, { type: "string", minLength: 1 }],
    [
      "schema-valued additionalProperties kept and made strict",
      { type: "object", additionalProperties: { type: "object", properties: {} } },
      { type: "object", additionalProperties: { type: "object", properties: {}, additionalProperties: false } },
    ],
  ])("%s", (_name, input, expected) => {
    const before = JSON.stringify(input);
    expect(strictJsonSchema(input as Record<string, unknown>)).toEqual(expected);
    expect(JSON.stringify(input)).toBe(before);
  });
});
