// JSON Schema limits of Bedrock's Claude grammar compiler: keywords native structured output refuses, and union counts.
import { isObject, type Dict } from "../../internal/index.js";

/**
 * Keywords native structured output refuses ("For 'integer' type, properties maximum, minimum are
 * not supported": vercel/ai #17197 / PR #17268); their meaning is kept in words (`wordsFor`), as
 * @ai-sdk/anthropic's sanitizeJsonSchema does (vercel/ai PR #17558).
 */
const MOVED_TO_DESCRIPTION = [
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
  "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "not",
];

/** The words a moved keyword's meaning is kept in: `maxItems` → "max items", `not` → "must not match". */
const wordsFor = (key: string): string => (key === "not" ? "must not match" : key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`));

/** The `format` values it accepts (the same sanitizer's list); others move to the description. */
const SUPPORTED_FORMATS = new Set(["date-time", "time", "date", "duration", "email", "hostname", "uri", "ipv4", "ipv6", "uuid"]);

/** Keywords holding one subschema / a list of them / a map of them. */
const SUB_ONE = ["items", "additionalProperties", "contains"];
const SUB_LIST = ["anyOf", "allOf", "oneOf", "prefixItems"];
const SUB_MAP = ["properties", "$defs", "definitions"];

/**
 * A copy of `schema` without the refused keywords, their meaning appended to `description`
 * ("Minimum: 1; max items: 3."), plus the names removed. `oneOf` becomes `anyOf` (refused too).
 * @example
 * sanitizeOutputSchema({ type: "integer", minimum: 1 }); // { schema: { type: "integer", description: "Minimum: 1." }, removed: ["minimum"] }
 */
export function sanitizeOutputSchema(schema: unknown): { schema: unknown; removed: string[] } {
  const removed = new Set<string>();
  const out = sanitize(schema, removed);
  return { schema: out, removed: [...removed] };
}

function sanitize(node: unknown, removed: Set<string>): unknown {
  if (!isObject(node)) return node;
  const out: Dict = {};
  const notes: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (MOVED_TO_DESCRIPTION.includes(key)) {
      removed.add(key);
      notes.push(`${wordsFor(key)}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
    } else if (key === "format" && typeof value === "string" && !SUPPORTED_FORMATS.has(value)) {
      removed.add("format");
      notes.push(`format: ${value}`);
    } else if (key === "oneOf" && Array.isArray(value)) {
      removed.add("oneOf");
      out.anyOf = value.map((v) => sanitize(v, removed));
    } else if (SUB_ONE.includes(key)) {
      out[key] = sanitize(value, removed);
    } else if (SUB_LIST.includes(key) && Array.isArray(value)) {
      out[key] = value.map((v) => sanitize(v, removed));
    } else if (SUB_MAP.includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitize(v, removed)]));
    } else {
      out[key] = value;
    }
  }
  if (notes.length > 0) {
    const text = notes.join("; ");
    const sentence = text.charAt(0).toUpperCase() + text.slice(1) + ".";
    out.description = typeof out.description === "string" && out.description !== "" ? `${out.description} ${sentence}` : sentence;
  }
  return out;
}

/**
 * Schema nodes that are unions: an `anyOf` / `oneOf`, or a `type` array of more than one type
 * (pydantic's `Optional[X]` gives `anyOf: [{ type: X }, { type: "null" }]`, zod's `.nullable()`
 * a `type` array) — what Bedrock's limit of 16 counts (langchain-aws PR #1114).
 */
export function countUnionParameters(schema: unknown): number {
  if (!isObject(schema)) return 0;
  let count = 0;
  const union = ["anyOf", "oneOf"].some((k) => Array.isArray(schema[k])) || (Array.isArray(schema.type) && schema.type.length > 1);
  if (union) count++;
  for (const key of SUB_ONE) count += countUnionParameters(schema[key]);
  for (const key of SUB_LIST) if (Array.isArray(schema[key])) for (const sub of schema[key] as unknown[]) count += countUnionParameters(sub);
  for (const key of SUB_MAP) if (isObject(schema[key])) for (const sub of Object.values(schema[key] as Dict)) count += countUnionParameters(sub);
  return count;
}
