// LangChain tools (tool(), StructuredTool, zod or JSON Schema params) → tool definitions bedrock-edge converts.
import { convertToOpenAITool, isLangChainTool } from "@langchain/core/utils/function_calling";
import { convertToolChoice, convertTools, toolNames } from "../chat/tools/index.js";
import type { Tool } from "../chat/request/index.js";
import type { ChatBedrockConverseCallOptions } from "./options.js";

/**
 * LangChain's own tool objects go through LangChain's converter (zod 3 or 4, Standard Schema,
 * JSON Schema), so their JSON Schema is exactly what @langchain/aws would send; anything else
 * (Bedrock tools, OpenAI definitions, bare schemas) is left to bedrock-edge's `convertTools`.
 */
export function toToolInputs(tools: readonly unknown[]): unknown[] {
  return tools.map((tool) => (isLangChainTool(tool) ? convertToOpenAITool(tool) : tool));
}

/**
 * Converts tools for `bindTools` up front, so a bad tool or a `tool_choice` naming no bound tool
 * fails there rather than at the first call.
 */
export function bindableTools(tools: readonly unknown[], kwargs: Partial<ChatBedrockConverseCallOptions> = {}): Tool[] {
  const converted = convertTools(toToolInputs(tools), kwargs.strict !== undefined ? { strict: kwargs.strict } : {});
  convertToolChoice(kwargs.tool_choice, { toolNames: toolNames(converted) });
  return converted;
}
