// Tools as LangChain users write them (JSON Schema, OpenAI, zod, Standard Schema, Bedrock) → Converse `Tool[]`.
import { BedrockInputError } from "../../errors/index.js";
import { isCachePointLike, toCachePoint, type Tool, type ToolConfiguration, type ToolSpecification } from "../request/index.js";
import { convertToolChoice, type ToolChoiceInput } from "./convert-tool-choice.js";
import { isSchemaLike, strictJsonSchema, toJsonSchema, toToolInputSchema, type JsonSchema } from "./json-schema.js";
import { isObject } from "../../internal/index.js";

/** OpenAI / LangChain `ToolDefinition`: `{ type: "function", function: { name, description, parameters } }`. */
export interface OpenAIToolDefinition {
  type: "function";
  function: { name: string; description?: string; parameters?: unknown; strict?: boolean };
}

/**
 * A named tool: a JSON Schema spec (`input_schema` as Anthropic writes it, `inputSchema`,
 * `parameters` or `schema`), or a LangChain tool object (`name`, `description`, `schema`), the
 * schema being JSON Schema, zod 4 or any Standard JSON Schema.
 */
export interface NamedToolDefinition {
  name: string;
  description?: string;
  input_schema?: unknown;
  inputSchema?: unknown;
  parameters?: unknown;
  schema?: unknown;
  strict?: boolean;
  [key: string]: unknown;
}

/**
 * Anything `bindTools` accepts: the above, a Bedrock `Tool` (`{ toolSpec }`, `{ systemTool }`,
 * `{ cachePoint }`), or a bare schema whose JSON Schema has a `title` (used as the tool name).
 */
export type ToolInput = Tool | OpenAIToolDefinition | NamedToolDefinition | Record<string, unknown>;

export interface ConvertToolsOptions {
  /** Sets `toolSpec.strict` on every tool that does not set it itself. */
  strict?: boolean;
}

// Bedrock's ToolSpecification name pattern.
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Converts tools to Converse `Tool`s, validating names (Bedrock allows `[a-zA-Z0-9_-]{1,64}`,
 * unique). A tool without a description gets its name as one, since several models refuse
 * description-less tools.
 * @example
 * convertTools([{ name: "get_weather", description: "Weather for a city", schema: z.object({ city: z.string() }) }]);
 * // [{ toolSpec: { name: "get_weather", description: "Weather for a city", inputSchema: { json: { type: "object", … } } } }]
 */
export function convertTools(tools: readonly unknown[], options: ConvertToolsOptions = {}): Tool[] {
  if (!Array.isArray(tools)) throw new BedrockInputError("tools must be an array");
  const out = tools.map((tool, index) => convertTool(tool, `tools[${index}]`, options));
  const seen = new Set<string>();
  out.forEach((tool, index) => {
    if (!("toolSpec" in tool)) return;
    const name = tool.toolSpec.name;
    if (seen.has(name)) throw new BedrockInputError(`tools[${index}]: the tool name "${name}" is used twice`);
    seen.add(name);
  });
  return out;
}

function convertTool(tool: unknown, where: string, options: ConvertToolsOptions): Tool {
  if ((typeof tool !== "object" && typeof tool !== "function") || tool === null) {
    throw new BedrockInputError(`${where} must be a tool object or a schema, got ${tool === null ? "null" : typeof tool}`);
  }
  const t = tool as Record<string, unknown>;
  if (isCachePointLike(tool)) return { cachePoint: toCachePoint(t, where) };
  if (isObject(t.toolSpec)) return nativeToolSpec(t.toolSpec, where, options);
  if (isObject(t.systemTool)) {
    if (typeof t.systemTool.name !== "string") throw new BedrockInputError(`${where}.systemTool.name must be a string`);
    return { systemTool: { name: t.systemTool.name } };
  }
  if (t.type === "function" && isObject(t.function)) {
    const fn = t.function;
    return specFrom(fn.name, fn.description, fn.parameters, strictOf(fn.strict, options), `${where}.function`);
  }
  if (typeof t.name === "string") {
    const schema = t.input_schema ?? t.inputSchema ?? t.parameters ?? t.schema;
    return specFrom(t.name, t.description, schema, strictOf(t.strict, options), where);
  }
  if (isSchemaLike(tool)) {
    const json = toJsonSchema(tool, where);
    if (typeof json.title !== "string") {
      throw new BedrockInputError(
        `${where} is a schema without a title to name the tool: pass { name, description, schema } instead`,
      );
    }
    return specFrom(json.title, json.description, json, strictOf(undefined, options), where);
  }
  throw new BedrockInputError(
    `${where} is not a tool: expected { name, description, schema | input_schema | parameters }, ` +
      `{ type: "function", function: { … } }, a Bedrock { toolSpec } / { cachePoint }, or a titled schema`,
  );
}

function strictOf(own: unknown, options: ConvertToolsOptions): boolean | undefined {
  return typeof own === "boolean" ? own : options.strict;
}

function checkName(name: unknown, where: string): string {
  if (typeof name !== "string" || !TOOL_NAME.test(name)) {
    throw new BedrockInputError(
      `${where}.name must be 1-64 letters, digits, "_" or "-" (Bedrock's rule), got ${JSON.stringify(name)}`,
    );
  }
  return name;
}

function specFrom(name: unknown, description: unknown, schema: unknown, strict: boolean | undefined, where: string): Tool {
  const toolName = checkName(name, where);
  let json: JsonSchema =
    schema === undefined || schema === null ? { type: "object", properties: {} } : toJsonSchema(schema, `${where} schema`);
  json = toToolInputSchema(withoutNameAndDescription(json), `${where} schema`);
  if (strict === true) json = strictJsonSchema(json);
  const spec: ToolSpecification = {
    name: toolName,
    description: typeof description === "string" && description.trim() !== "" ? description : toolName,
    inputSchema: { json },
  };
  if (strict !== undefined) spec.strict = strict;
  return { toolSpec: spec };
}

/**
 * The schema without its top-level `title` and `description`, which the toolSpec already carries
 * as `name` / `description`. Follows langchain-aws: `_format_tools` takes the schema from
 * langchain-core's `convert_to_openai_function`, which pops both (top level only; nested ones are
 * data the model reads). @langchain/aws keeps them (tools.js passes `toJsonSchema(schema)` as is);
 * we differ from it so the schema does not repeat the spec. A Bedrock `{ toolSpec }` is untouched.
 */
function withoutNameAndDescription(schema: JsonSchema): JsonSchema {
  const { title: _title, description: _description, ...rest } = schema;
  return rest;
}

// A Bedrock tool passes through as written; only `strict` is filled in from the options.
function nativeToolSpec(spec: Record<string, unknown>, where: string, options: ConvertToolsOptions): Tool {
  checkName(spec.name, `${where}.toolSpec`);
  if (!isObject(spec.inputSchema) || !("json" in spec.inputSchema)) {
    throw new BedrockInputError(`${where}.toolSpec.inputSchema must be { json: <JSON Schema> }`);
  }
  const copy = { ...spec } as unknown as ToolSpecification;
  if (copy.strict === undefined && options.strict !== undefined) copy.strict = options.strict;
  return { toolSpec: copy };
}

/** The names of the function tools in a converted tool list. */
export function toolNames(tools: readonly Tool[]): string[] {
  return tools.flatMap((tool) => ("toolSpec" in tool ? [tool.toolSpec.name] : []));
}

export interface ToolConfigOptions extends ConvertToolsOptions {
  tool_choice?: ToolChoiceInput | undefined;
  /** Extended thinking is on: forced tool choices are downgraded to `auto`, with a warning. */
  thinkingEnabled?: boolean;
  warn?: (message: string) => void;
}

/**
 * The request's `toolConfig`, or `undefined` when no tools are sent: none were given, or
 * `tool_choice` is `"none"` (Converse has no such choice; the tools are withheld instead). Send
 * the messages with `toolsBound: toolConfig !== undefined`.
 * @example
 * const toolConfig = buildToolConfig(tools, { tool_choice: "get_weather", strict: true });
 */
export function buildToolConfig(tools: readonly unknown[] | undefined, options: ToolConfigOptions = {}): ToolConfiguration | undefined {
  if (!tools || tools.length === 0) return undefined;
  const converted = convertTools(tools, options.strict === undefined ? {} : { strict: options.strict });
  const choice = convertToolChoice(options.tool_choice, {
    toolNames: toolNames(converted),
    ...(options.thinkingEnabled !== undefined && { thinkingEnabled: options.thinkingEnabled }),
    ...(options.warn !== undefined && { warn: options.warn }),
  });
  if (choice === "none") return undefined;
  return choice === undefined ? { tools: converted } : { tools: converted, toolChoice: choice };
}
