// JSON Schema from zod 4, any Standard JSON Schema, or a plain JSON Schema, cleaned for Bedrock.
import { BedrockInputError } from "../../errors/index.js";
import { checkJsonValue } from "../../wire/validate/validate-json.js";
import { isObject } from "../../internal/index.js";

/** A JSON Schema document, as a plain object. */
export type JsonSchema = Record<string, unknown>;

/** The `~standard` property of a Standard Schema (https://standardschema.dev), as far as we read it. */
interface StandardProps {
  vendor?: unknown;
  validate?: unknown;
  jsonSchema?: { input?: unknown; output?: unknown };
}

function standardProps(value: unknown): StandardProps | undefined {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return undefined;
  const props = (value as Record<string, unknown>)["~standard"];
  return isObject(props) ? (props as StandardProps) : undefined;
}

/** A zod schema of any version, recognised by shape so zod stays an optional dependency. */
export function isZodSchema(value: unknown): boolean {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
  const v = value as Record<string, unknown>;
  // zod 4 instances carry `_zod`; zod 3 ones carry `_def` plus the Standard Schema vendor tag.
  return isObject(v._zod) || standardProps(value)?.vendor === "zod";
}

/** Any Standard Schema (zod ≥ 3.24, valibot, arktype, …): it can validate values. */
export function isStandardSchema(value: unknown): boolean {
  return typeof standardProps(value)?.validate === "function";
}

/** A schema that can turn itself into JSON Schema: Standard JSON Schema, or zod 4's `toJSONSchema()`. */
export function canProduceJsonSchema(value: unknown): boolean {
  if (typeof standardProps(value)?.jsonSchema?.input === "function") return true;
  return isZodSchema(value) && typeof (value as { toJSONSchema?: unknown }).toJSONSchema === "function";
}

/** A schema-like value we can turn into JSON Schema (library schema or a plain JSON Schema object). */
export function isSchemaLike(value: unknown): boolean {
  return canProduceJsonSchema(value) || isZodSchema(value) || isStandardSchema(value) || isJsonSchemaObject(value);
}

const JSON_SCHEMA_KEYS = ["type", "properties", "$ref", "anyOf", "oneOf", "allOf", "enum", "const", "items", "$defs"];

/** A plain object that looks like JSON Schema (has a schema keyword), not a library schema. */
export function isJsonSchemaObject(value: unknown): value is JsonSchema {
  if (!isObject(value) || standardProps(value) !== undefined || isZodSchema(value)) return false;
  return JSON_SCHEMA_KEYS.some((key) => key in value);
}

/**
 * JSON Schema for a zod 4 schema, a Standard JSON Schema (zod ≥ 4.2, arktype, valibot's
 * adapter) or a plain JSON Schema, cleaned with `cleanJsonSchema`. The input side of the schema
 * is used: it describes what the model must write before validation runs.
 * @param what names the value in error messages (e.g. `tools[2].schema`).
 */
export function toJsonSchema(schema: unknown, what = "schema"): JsonSchema {
  const props = standardProps(schema);
  const standardInput = props?.jsonSchema?.input;
  let produced: unknown;
  try {
    if (typeof standardInput === "function") {
      produced = (standardInput as (o: { target: string }) => unknown).call(props!.jsonSchema, { target: "draft-2020-12" });
    } else if (isZodSchema(schema) && typeof (schema as { toJSONSchema?: unknown }).toJSONSchema === "function") {
      produced = (schema as { toJSONSchema: (o?: object) => unknown }).toJSONSchema({ io: "input" });
    } else if (isZodSchema(schema)) {
      throw new BedrockInputError(`${what} is a zod 3 schema: use zod 4 or a JSON Schema (CH22)`);
    } else if (props !== undefined) {
      throw new BedrockInputError(`${what} is a Standard Schema (vendor "${String(props.vendor)}") without ~standard.jsonSchema: pass a JSON Schema (CH22)`);
    } else if (isObject(schema)) {
      produced = schema;
    } else {
      throw new BedrockInputError(`${what} must be a JSON Schema object, a zod 4 schema or a Standard JSON Schema`);
    }
  } catch (err) {
    if (err instanceof BedrockInputError) throw err;
    throw new BedrockInputError(`${what} could not be converted to JSON Schema: ${(err as Error)?.message ?? String(err)}`, {
      cause: err,
    });
  }
  if (!isObject(produced)) throw new BedrockInputError(`${what} did not produce a JSON Schema object`);
  // Before the JSON round trip and the recursive clean-up, which would throw a bare TypeError / RangeError.
  checkJsonValue(produced, what);
  return cleanJsonSchema(produced);
}

/**
 * A copy of `schema` fit for Bedrock: the `$schema` dialect marker is dropped (Bedrock reads
 * draft 2020-12 and refuses some dialect URIs), and so are the ±2^53-1 integer bounds zod adds to
 * every `.int()`, which say nothing and which Bedrock's strict mode refuses (no numeric limits).
 * Everything else, `additionalProperties` included, is kept as written.
 */
export function cleanJsonSchema(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return dropSafeIntegerBounds(structuredCloneJson(rest)) as JsonSchema;
}

function dropSafeIntegerBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dropSafeIntegerBounds);
  if (!isObject(node)) return node;
  if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
  if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
  for (const key of Object.keys(node)) {
    // `properties`, `$defs`, `enum`, `const`, `default`… values are walked too: harmless for data.
    if (typeof node[key] === "object") node[key] = dropSafeIntegerBounds(node[key]);
  }
  return node;
}

/**
 * An object schema for a tool's input: `type: "object"` is added when missing, and a schema for
 * anything but an object is refused, since Bedrock tools take a JSON object.
 */
export function toToolInputSchema(schema: JsonSchema, what = "schema"): JsonSchema {
  const type = schema.type;
  if (type !== undefined && type !== "object") {
    throw new BedrockInputError(`${what} must describe an object (got type ${JSON.stringify(type)}); wrap it in an object schema`);
  }
  if (type === undefined && !("$ref" in schema) && !("anyOf" in schema) && !("oneOf" in schema) && !("allOf" in schema)) {
    return { type: "object", properties: {}, ...schema };
  }
  return schema;
}

const SUBSCHEMA_MAPS = ["properties", "$defs", "definitions", "patternProperties", "dependentSchemas"];
const SUBSCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"];
const SUBSCHEMA_SINGLE = ["items", "not", "if", "then", "else", "contains", "additionalItems", "unevaluatedItems"];

/**
 * A copy of `schema` where every object schema sets `additionalProperties: false`, as Bedrock's
 * structured output (`outputConfig.textFormat`) and strict tool use require (`true` is turned into
 * `false` for that reason). An `additionalProperties` given as a schema is kept, and made strict.
 */
export function strictJsonSchema(schema: JsonSchema): JsonSchema {
  return makeStrict(structuredCloneJson(schema)) as JsonSchema;
}

function makeStrict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(makeStrict);
  if (!isObject(node)) return node;
  for (const key of SUBSCHEMA_MAPS) {
    const map = node[key];
    if (isObject(map)) for (const name of Object.keys(map)) map[name] = makeStrict(map[name]);
  }
  for (const key of SUBSCHEMA_LISTS) {
    if (Array.isArray(node[key])) node[key] = (node[key] as unknown[]).map(makeStrict);
  }
  for (const key of SUBSCHEMA_SINGLE) {
    if (isObject(node[key]) || Array.isArray(node[key])) node[key] = makeStrict(node[key]);
  }
  if (isObject(node.additionalProperties)) node.additionalProperties = makeStrict(node.additionalProperties);
  const objectTyped = node.type === "object" || (Array.isArray(node.type) && node.type.includes("object")) || isObject(node.properties);
  if (objectTyped && (node.additionalProperties === undefined || node.additionalProperties === true)) {
    node.additionalProperties = false;
  }
  return node;
}

// JSON round trip: schemas are JSON by definition, and this drops functions or undefined a library left behind.
function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
