// A minimal JSON Schema check for structured output given as plain JSON Schema: types, required, enums.
import type { JsonSchema } from "./json-schema.js";
import { isObject, type Dict } from "../../internal/index.js";

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

/**
 * Problems of `value` against `schema`, each as `"<path>: <problem>"`; empty when it passes.
 * Deliberately small: `type`, `required`, `properties`, `additionalProperties: false`, `items`,
 * `enum`, `const` and `anyOf`/`oneOf` (any branch passing). `$ref`, formats, numeric and length
 * limits are not checked; pass a zod or Standard Schema for full validation.
 * @example
 * checkJsonSchema({ name: 1 }, { type: "object", properties: { name: { type: "string" } }, required: ["name", "age"] });
 * // ['$.name: expected string, got integer', '$: missing required property "age"']
 */
export function checkJsonSchema(value: unknown, schema: JsonSchema, path = "$"): string[] {
  const problems: string[] = [];
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  if (types.length > 0 && !types.some((t) => matchesType(value, t))) {
    return [`${path}: expected ${types.join(" or ")}, got ${typeOf(value)}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => sameJson(option, value))) {
    problems.push(`${path}: expected one of ${JSON.stringify(schema.enum)}`);
  }
  if ("const" in schema && !sameJson(schema.const, value)) problems.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  for (const key of ["anyOf", "oneOf"] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.length > 0 && !branches.some((b) => isObject(b) && checkJsonSchema(value, b, path).length === 0)) {
      problems.push(`${path}: matches none of the ${key} schemas`);
    }
  }
  if (Array.isArray(schema.allOf)) {
    for (const branch of schema.allOf) if (isObject(branch)) problems.push(...checkJsonSchema(value, branch, path));
  }
  if (isObject(value)) problems.push(...checkObject(value, schema, path));
  if (Array.isArray(value) && isObject(schema.items)) {
    value.forEach((item, i) => problems.push(...checkJsonSchema(item, schema.items as JsonSchema, `${path}[${i}]`)));
  }
  return problems;
}

function checkObject(value: Dict, schema: JsonSchema, path: string): string[] {
  const problems: string[] = [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  if (Array.isArray(schema.required)) {
    for (const name of schema.required) {
      if (typeof name === "string" && !(name in value)) problems.push(`${path}: missing required property "${name}"`);
    }
  }
  for (const [name, item] of Object.entries(value)) {
    const sub = properties[name];
    if (isObject(sub)) problems.push(...checkJsonSchema(item, sub, `${path}.${name}`));
    else if (schema.additionalProperties === false) problems.push(`${path}: unexpected property "${name}"`);
    else if (isObject(schema.additionalProperties)) problems.push(...checkJsonSchema(item, schema.additionalProperties, `${path}.${name}`));
  }
  return problems;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
