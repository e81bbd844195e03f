// Tools room: tool definitions and tool_choice → Converse toolConfig, JSON Schema from zod / Standard Schema, native output format.
export {
  convertTools,
  toolNames,
  buildToolConfig,
  type ToolInput,
  type OpenAIToolDefinition,
  type NamedToolDefinition,
  type ConvertToolsOptions,
  type ToolConfigOptions,
} from "./convert-tools.js";
export { convertToolChoice, type ToolChoiceInput, type ToolChoiceOptions } from "./convert-tool-choice.js";
export { toJsonSchema, isSchemaLike, isStandardSchema, type JsonSchema } from "./json-schema.js";
export { checkJsonSchema } from "./json-schema-check.js";
export { toOutputConfig, type OutputFormatOptions } from "./convert-output-format.js";
