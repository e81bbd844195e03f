// Rules for a Converse request's settings: inferenceConfig, toolConfig and the smaller top-level members.
import { isObject, type Dict } from "../../internal/index.js";
import { constraint, dotted, enumRule, first, notNull, typeRule, unionRule, type Path } from "./rules.js";

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

function rangeRule(path: Path, value: unknown, min: number, max: number, integer = false): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    return constraint(path, value, `Member must be of type ${integer ? "integer" : "number"}`);
  }
  if (value < min) return constraint(path, value, `Member must have value greater than or equal to ${min}`);
  if (value > max) return constraint(path, value, `Member must have value less than or equal to ${max}`);
  return undefined;
}

export function inferenceConfigRule(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) return typeRule(["inferenceConfig"], value, "object");
  const at = (name: string): Path => ["inferenceConfig", name];
  return first(
    () => rangeRule(at("maxTokens"), value.maxTokens, 1, Number.MAX_SAFE_INTEGER, true),
    () => rangeRule(at("temperature"), value.temperature, 0, 1),
    () => rangeRule(at("topP"), value.topP, 0, 1),
    () => {
      const stops = value.stopSequences;
      if (stops === undefined) return undefined;
      if (!Array.isArray(stops)) return typeRule(at("stopSequences"), stops, "list");
      const bad = stops.findIndex((s) => typeof s !== "string" || s.length === 0);
      return bad < 0 ? undefined : constraint(["inferenceConfig", "stopSequences", bad], stops[bad], "Member must have length greater than or equal to 1");
    },
  );
}

function toolRule(path: Path, value: unknown): string | undefined {
  return first(
    () => unionRule(path, value, "Tool", ["toolSpec", "cachePoint", "systemTool"]),
    () => {
      const tool = value as Dict;
      const spec = tool.toolSpec ?? tool.systemTool;
      if (spec === undefined) return undefined;
      const kind = tool.toolSpec !== undefined ? "toolSpec" : "systemTool";
      if (!isObject(spec)) return typeRule([...path, kind], spec, "object");
      if (typeof spec.name !== "string") return notNull([...path, kind, "name"]);
      if (!TOOL_NAME.test(spec.name)) {
        return constraint([...path, kind, "name"], spec.name, "Member must satisfy regular expression pattern: ^[a-zA-Z0-9_-]{1,64}$");
      }
      if (kind === "systemTool") return undefined;
      if (spec.description !== undefined && (typeof spec.description !== "string" || spec.description === "")) {
        return constraint([...path, kind, "description"], spec.description, "Member must have length greater than or equal to 1");
      }
      const schema = spec.inputSchema;
      if (!isObject(schema)) return notNull([...path, kind, "inputSchema"]);
      if (!isObject(schema.json)) return `The inputSchema of the tool at ${dotted(path)} must set 'json' to a JSON Schema object.`;
      return undefined;
    },
  );
}

/** Tool names, for the messages rules; undefined when toolConfig is absent. */
export function toolNames(toolConfig: unknown): string[] | undefined {
  if (!isObject(toolConfig) || !Array.isArray(toolConfig.tools)) return undefined;
  return toolConfig.tools.flatMap((tool: unknown) => {
    const spec = isObject(tool) ? (tool.toolSpec ?? tool.systemTool) : undefined;
    return isObject(spec) && typeof spec.name === "string" ? [spec.name] : [];
  });
}

export function toolConfigRule(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) return typeRule(["toolConfig"], value, "object");
  const tools = value.tools;
  if (tools === undefined || tools === null) return notNull(["toolConfig", "tools"]);
  if (!Array.isArray(tools)) return typeRule(["toolConfig", "tools"], tools, "list");
  if (tools.length === 0) return constraint(["toolConfig", "tools"], "[]", "Member must have length greater than or equal to 1");
  for (let i = 0; i < tools.length; i++) {
    const failure = toolRule(["toolConfig", "tools", i], tools[i]);
    if (failure) return failure;
  }
  const names = toolNames(value)!;
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) return `The toolConfig contains more than one tool named '${duplicate}'. Tool names must be unique.`;
  if (value.toolChoice === undefined) return undefined;
  return first(
    () => unionRule(["toolConfig", "toolChoice"], value.toolChoice, "ToolChoice", ["auto", "any", "tool"]),
    () => {
      const choice = (value.toolChoice as Dict).tool;
      if (choice === undefined) return undefined;
      const name = isObject(choice) ? choice.name : undefined;
      if (typeof name !== "string") return notNull(["toolConfig", "toolChoice", "tool", "name"]);
      return names.includes(name) ? undefined : `The tool '${name}' named in toolConfig.toolChoice is not defined in toolConfig.tools.`;
    },
  );
}

/** The smaller top-level members: types and enums only. */
export function otherMembersRule(body: Dict): string | undefined {
  const optional = (name: string, check: (v: unknown) => string | undefined) => () =>
    body[name] === undefined ? undefined : check(body[name]);
  return first(
    optional("system", (v) => typeRule(["system"], v, "list")),
    optional("additionalModelRequestFields", (v) => typeRule(["additionalModelRequestFields"], v, "object")),
    optional("additionalModelResponseFieldPaths", (v) =>
      Array.isArray(v) && v.every((p) => typeof p === "string" && p.startsWith("/"))
        ? undefined
        : constraint(["additionalModelResponseFieldPaths"], v, "Member must be a list of JSON Pointer strings"),
    ),
    optional("requestMetadata", (v) =>
      isObject(v) && Object.values(v).every((x) => typeof x === "string")
        ? undefined
        : constraint(["requestMetadata"], v, "Member must be a map of string to string"),
    ),
    optional("guardrailConfig", (v) =>
      isObject(v)
        ? first(
            () => typeRule(["guardrailConfig", "guardrailIdentifier"], v.guardrailIdentifier, "string"),
            () => typeRule(["guardrailConfig", "guardrailVersion"], v.guardrailVersion, "string"),
          )
        : typeRule(["guardrailConfig"], v, "object"),
    ),
    optional("performanceConfig", (v) =>
      isObject(v) && v.latency !== undefined ? enumRule(["performanceConfig", "latency"], v.latency, ["standard", "optimized"]) : typeRule(["performanceConfig"], v, "object"),
    ),
    optional("serviceTier", (v) =>
      isObject(v) ? enumRule(["serviceTier", "type"], v.type, ["priority", "default", "flex", "reserved"]) : typeRule(["serviceTier"], v, "object"),
    ),
    optional("outputConfig", outputConfigRule),
  );
}

function outputConfigRule(value: unknown): string | undefined {
  if (!isObject(value)) return typeRule(["outputConfig"], value, "object");
  const format = value.textFormat;
  if (format === undefined) return undefined;
  if (!isObject(format)) return typeRule(["outputConfig", "textFormat"], format, "object");
  return first(
    () => enumRule(["outputConfig", "textFormat", "type"], format.type, ["json_schema"]),
    () => unionRule(["outputConfig", "textFormat", "structure"], format.structure, "OutputFormatStructure", ["jsonSchema"]),
    () => {
      const schema = ((format.structure as Dict).jsonSchema as Dict | undefined)?.schema;
      try {
        if (typeof schema === "string" && isObject(JSON.parse(schema))) return undefined;
      } catch {
        // fall through to the message below
      }
      return "The outputConfig.textFormat.structure.jsonSchema.schema field must be a string holding a JSON Schema object.";
    },
  );
}
