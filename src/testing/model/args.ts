// The built-in model's argument rule: fills an object JSON schema from `prop=value` / `prop: value` pairs in text.
//
// Rule, for each property of the schema's top-level `properties`:
// 1. A pair `prop=value` or `prop: value` (property name case-insensitive) gives the value. It is
//    a quoted string ("…" or '…'), or the text up to the next `,` `;` newline or next known
//    `prop=` / `prop:` pair, trimmed, with trailing `.` `!` `?` removed.
// 2. The value is coerced to the property's type: number (decimal), integer (truncated), boolean
//    (true/yes/on/1, false/no/off/0), string, enum (matched case-insensitively), array (a JSON
//    array, or items separated by `|`), object (a JSON object). A value that does not coerce is
//    treated as absent.
// 3. Otherwise, when the schema has a single required string property (or a single property,
//    a string), it takes `fallback` (for tools: the text after the tool's name, or the whole text).
// 4. Required properties still without a value get `default`, `const`, the first `enum` value, or
//    by type: "" / `minimum` or 0 / false / [] / null / an object filled by this same rule.
// Optional properties without a value are left out.
import type { JsonObject } from "../types.js";
import { isObject } from "../../internal/index.js";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The schema's main type: the first non-null of `type`, or of the first `anyOf`/`oneOf` branch. */
export function typeOf(schema: JsonObject): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (typeof type === "string") return type;
  for (const branch of [...(Array.isArray(schema.anyOf) ? schema.anyOf : []), ...(Array.isArray(schema.oneOf) ? schema.oneOf : [])]) {
    const branchType = isObject(branch) ? typeOf(branch) : undefined;
    if (branchType !== undefined && branchType !== "null") return branchType;
  }
  if (isObject(schema.properties)) return "object";
  return undefined;
}

/** Raw `prop=value` / `prop: value` strings found in `text`, keyed by the property's own spelling. */
export function findPairs(text: string, names: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  if (names.length === 0) return found;
  const key = new RegExp(`(?<![\\w-])(${names.map(escape).join("|")})\\s*[=:]\\s*`, "gi");
  const matches = [...text.matchAll(key)];
  matches.forEach((match, i) => {
    const name = names.find((n) => n.toLowerCase() === match[1]!.toLowerCase())!;
    if (found.has(name)) return;
    const start = match.index! + match[0].length;
    const rest = text.slice(start);
    const quoted = /^(["'])(.*?)\1/s.exec(rest);
    if (quoted) {
      found.set(name, quoted[2]!);
      return;
    }
    const end = i + 1 < matches.length ? matches[i + 1]!.index! - start : rest.length;
    const raw = rest.slice(0, end).split(/[,;\n]/)[0]!.trim().replace(/[.!?]+$/, "");
    if (raw !== "") found.set(name, raw);
  });
  return found;
}

const TRUE = new Set(["true", "yes", "on", "1"]);
const FALSE = new Set(["false", "no", "off", "0"]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** A raw string coerced to the schema's type, or undefined when it does not fit. */
export function coerce(raw: string, schema: JsonObject): unknown {
  if (Array.isArray(schema.enum)) {
    return schema.enum.find((option) => String(option).toLowerCase() === raw.toLowerCase());
  }
  switch (typeOf(schema)) {
    case "number":
      return NUMBER.test(raw) ? Number(raw) : undefined;
    case "integer":
      return NUMBER.test(raw) ? Math.trunc(Number(raw)) : undefined;
    case "boolean":
      return TRUE.has(raw.toLowerCase()) ? true : FALSE.has(raw.toLowerCase()) ? false : undefined;
    case "array": {
      const parsed = parseJson(raw);
      if (Array.isArray(parsed)) return parsed;
      const items = isObject(schema.items) ? schema.items : {};
      return raw
        .split("|")
        .map((item) => coerce(item.trim(), items))
        .filter((item) => item !== undefined);
    }
    case "object": {
      const parsed = parseJson(raw);
      return isObject(parsed) ? parsed : undefined;
    }
    default:
      return raw;
  }
}

/** The value a required property gets when the text gives none. */
export function defaultFor(schema: JsonObject): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  switch (typeOf(schema)) {
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 0;
    case "integer":
      return typeof schema.minimum === "number" ? Math.ceil(schema.minimum) : 0;
    case "boolean":
      return false;
    case "array":
      return [];
    case "object":
      return argumentsFromText(schema, "");
    case "null":
      return null;
    default:
      return "";
  }
}

/** Rules 1-2: the properties that `prop=value` pairs in `text` give, coerced (nothing else filled). */
export function pairedArguments(schema: JsonObject, text: string): JsonObject {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const pairs = findPairs(text, Object.keys(properties));
  const out: JsonObject = {};
  for (const name of Object.keys(properties)) {
    const raw = pairs.get(name);
    const value = raw === undefined ? undefined : coerce(raw, isObject(properties[name]) ? properties[name] : {});
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** The schema's `required` names that are strings. */
export function requiredOf(schema: JsonObject): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === "string") : [];
}

/** Rule 4: required properties still without a value get their default (`out` is filled in place and returned). */
export function fillDefaults(schema: JsonObject, out: JsonObject): JsonObject {
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const name of requiredOf(schema)) {
    if (out[name] === undefined) out[name] = defaultFor(isObject(properties[name]) ? properties[name] : {});
  }
  return out;
}

/** Fills an object schema from `text` by the rule above; `fallback` feeds a lone string property. */
export function argumentsFromText(schema: JsonObject, text: string, fallback?: string): JsonObject {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const names = Object.keys(properties);
  const required = requiredOf(schema);
  const out = pairedArguments(schema, text);
  const stringProp = (name: string | undefined) => name !== undefined && isObject(properties[name]) && typeOf(properties[name]) === "string";
  const lone = required.length === 1 ? required[0] : required.length === 0 && names.length === 1 ? names[0] : undefined;
  if (fallback !== undefined && fallback.trim() !== "" && stringProp(lone) && out[lone!] === undefined) out[lone!] = fallback.trim();
  return fillDefaults(schema, out);
}

/** JSON with a space after `:` and `,`, as models write it (so a stream splits it into words). */
export function formatJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatJson).join(", ")}]`;
  if (isObject(value)) {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}: ${formatJson(v)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
