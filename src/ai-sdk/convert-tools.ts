// AI SDK tools and tool choice → Converse `toolConfig`, with warnings for what Bedrock cannot take.
import type { JSONSchema7, LanguageModelV3CallOptions, SharedV3Warning } from "@ai-sdk/provider";
import { BedrockInputError } from "../errors/index.js";
import type { Tool, ToolChoice, ToolConfiguration } from "../wire/index.js";
import { cachePointOf } from "./provider-options.js";

/** Name of the tool that carries structured output when it is done by tool forcing. */
export const JSON_TOOL_NAME = "json";

export interface ToolsInput {
  tools: LanguageModelV3CallOptions["tools"];
  toolChoice: LanguageModelV3CallOptions["toolChoice"];
  /** Structured output by tool forcing: this schema becomes a `json` tool the model must call. */
  jsonSchema?: JSONSchema7 | undefined;
}

export interface ConvertedTools {
  toolConfig: ToolConfiguration | undefined;
  warnings: SharedV3Warning[];
}

/**
 * `toolChoice: "none"` sends no tools at all (Converse has no "none"); `"required"` is `any`;
 * a named tool is sent alone and forced.
 * The `json` tool, when present, is forced alone, or as `any` beside the app's own tools so
 * the model may still call them first.
 */
export function convertTools({ tools = [], toolChoice, jsonSchema }: ToolsInput): ConvertedTools {
  const warnings: SharedV3Warning[] = [];
  if (!Array.isArray(tools)) throw new BedrockInputError("tools must be an array");
  if (toolChoice?.type === "tool" && !tools.some((t) => t.type === "function" && t.name === toolChoice.toolName)) {
    throw new BedrockInputError("toolChoice.toolName must name one of the tools");
  }
  const specs: Tool[] = [];
  if (toolChoice?.type !== "none") {
    tools.forEach((tool, i) => {
      // A named choice sends that tool alone, as @ai-sdk/amazon-bedrock does (same prompt, same cost).
      if (toolChoice?.type === "tool" && tool.name !== toolChoice.toolName) return;
      if (tool.type === "provider") {
        warnings.push({ type: "unsupported", feature: `provider-defined tool ${tool.id}` });
        return;
      }
      if (tool.type !== "function") throw new BedrockInputError(`tools[${i}].type must be "function" or "provider"`);
      if (typeof tool.name !== "string" || tool.name === "") throw new BedrockInputError(`tools[${i}].name is required`);
      specs.push({
        toolSpec: {
          name: tool.name,
          ...(tool.description?.trim() ? { description: tool.description } : {}),
          inputSchema: { json: tool.inputSchema ?? { type: "object", properties: {} } },
          ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
        },
      });
      const point = cachePointOf(tool.providerOptions, `tools[${i}]`);
      if (point) specs.push(point);
    });
  }
  const ownTools = specs.some((s) => s.toolSpec !== undefined);
  if (jsonSchema) {
    specs.push({ toolSpec: { name: JSON_TOOL_NAME, description: "Respond with a JSON object.", inputSchema: { json: jsonSchema } } });
    return { toolConfig: { tools: specs, toolChoice: ownTools ? { any: {} } : { tool: { name: JSON_TOOL_NAME } } }, warnings };
  }
  if (!ownTools) return { toolConfig: undefined, warnings };
  return { toolConfig: { tools: specs, ...(toolChoice ? { toolChoice: convertToolChoice(toolChoice) } : {}) }, warnings };
}

function convertToolChoice(choice: NonNullable<LanguageModelV3CallOptions["toolChoice"]>): ToolChoice {
  switch (choice.type) {
    case "auto":
      return { auto: {} };
    case "required":
      return { any: {} };
    case "tool":
      return { tool: { name: choice.toolName } };
    case "none":
      // Unreachable: "none" sends no tools, so no choice is made.
      return { auto: {} };
    default: {
      const never: never = choice;
      throw new BedrockInputError(`toolChoice.type "${(never as { type: string }).type}" is unknown`);
    }
  }
}
