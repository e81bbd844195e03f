// A light structural check that a tool's input schema is JSON Schema: keyword shapes, recursively, bounded.
import { fail, isRecord } from "./validate-helpers.js";

const JSON_TYPES = ["string", "number", "integer", "boolean", "object", "array", "null"];

// Keywords of JSON Schema (drafts 4 to 2020-12) and the OpenAPI extras model providers accept. A
// non-empty schema with none of them is something else (`{ city: "string" }`, a zod object).
const KEYWORDS = new Set([
  "$schema", "$id", "$ref", "$defs", "$comment", "$anchor", "$dynamicRef", "$dynamicAnchor", "definitions",
  "type", "enum", "const", "properties", "patternProperties", "additionalProperties", "required", "propertyNames",
  "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "dependencies", "unevaluatedProperties",
  "items", "prefixItems", "additionalItems", "contains", "minContains", "maxContains", "minItems", "maxItems",
  "uniqueItems", "unevaluatedItems", "anyOf", "oneOf", "allOf", "not", "if", "then", "else",
  "minLength", "maxLength", "pattern", "format", "contentEncoding", "contentMediaType", "contentSchema",
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
  "title", "description", "default", "examples", "readOnly", "writeOnly", "deprecated", "nullable", "discriminator",
]);

// Keywords whose value is one schema, a map of schemas, or a list of schemas.
const ONE = ["additionalProperties", "items", "additionalItems", "contains", "not", "if", "then", "else", "propertyNames",
  "unevaluatedProperties", "unevaluatedItems", "contentSchema"];
const MAP = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const LIST = ["anyOf", "oneOf", "allOf", "prefixItems"];

/** Schemas nested deeper than this are not looked into (checkJsonValue bounds the document itself). */
export const MAX_SCHEMA_DEPTH = 64;

const step = (path: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`);

/**
 * Throws BedrockInputError at the first place `schema` is not JSON Schema: `type` not one of the
 * seven JSON types (or a list of them), `properties` not an object of schemas, `required` not a
 * list of strings, `items` not a schema, a non-empty object with no JSON Schema keyword at all.
 * Only shapes are checked; what a model provider supports (`$ref`, formats) is its to say.
 * @example
 * checkJsonSchema({ type: "object", properties: { city: { type: "strnig" } } }, "tools[0].toolSpec.inputSchema.json");
 * // BedrockInputError: tools[0].toolSpec.inputSchema.json.properties.city.type: "strnig" is not a JSON Schema type (…)
 */
export function checkJsonSchema(schema: unknown, path: string, depth = 0): void {
  if (typeof schema === "boolean") return; // `true` / `false` are schemas in every draft since 6
  if (!isRecord(schema)) fail(path, `must be a JSON Schema object, got ${Array.isArray(schema) ? "an array" : schema === null ? "null" : `a ${typeof schema}`}`);
  if (depth >= MAX_SCHEMA_DEPTH) return;
  const keys = Object.keys(schema);
  if (keys.length > 0 && !keys.some((k) => KEYWORDS.has(k))) {
    fail(path, `is not a JSON Schema: it has none of its keywords (type, properties, items, anyOf, $ref, …), only ${keys.slice(0, 3).map((k) => JSON.stringify(k)).join(", ")}`);
  }
  checkType(schema.type, step(path, "type"));
  if (schema.required !== undefined && (!Array.isArray(schema.required) || !schema.required.every((r) => typeof r === "string"))) {
    fail(step(path, "required"), "must be a list of property names (strings)");
  }
  if (schema.enum !== undefined && !Array.isArray(schema.enum)) fail(step(path, "enum"), "must be a list of values");
  for (const key of ONE) {
    const sub = schema[key];
    if (sub === undefined) continue;
    // Draft 4-2019 tuple form: `items: [schema, …]`.
    if (key === "items" && Array.isArray(sub)) sub.forEach((s, i) => checkJsonSchema(s, `${step(path, key)}[${i}]`, depth + 1));
    else checkJsonSchema(sub, step(path, key), depth + 1);
  }
  for (const key of MAP) {
    const map = schema[key];
    if (map === undefined) continue;
    if (!isRecord(map)) fail(step(path, key), "must be an object mapping names to schemas");
    for (const [name, sub] of Object.entries(map)) checkJsonSchema(sub, step(step(path, key), name), depth + 1);
  }
  for (const key of LIST) {
    const list = schema[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(step(path, key), "must be a list of schemas");
    list.forEach((sub, i) => checkJsonSchema(sub, `${step(path, key)}[${i}]`, depth + 1));
  }
}

function checkType(type: unknown, path: string): void {
  if (type === undefined) return;
  const expected = `one of ${JSON_TYPES.map((t) => JSON.stringify(t)).join(", ")}`;
  const check = (t: unknown, at: string) => {
    if (typeof t !== "string") fail(at, `must be a JSON Schema type name (${expected}), got a ${t === null ? "null" : typeof t}`);
    if (!JSON_TYPES.includes(t)) fail(at, `${JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t)} is not a JSON Schema type (${expected})`);
  };
  if (Array.isArray(type)) {
    if (type.length === 0) fail(path, `must not be an empty list (${expected}, or a list of them)`);
    type.forEach((t, i) => check(t, `${path}[${i}]`));
  } else {
    check(type, path);
  }
}
