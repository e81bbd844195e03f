// LangChain `tool_choice` values → Converse `ToolChoice`, with the thinking-mode downgrade Bedrock needs.
import { BedrockInputError } from "../../errors/index.js";
import type { ToolChoice } from "../request/index.js";
import { isObject } from "../../internal/index.js";

/**
 * `"auto"`, `"any"` (or OpenAI's `"required"`), `"none"`, a tool name, a Bedrock `ToolChoice`,
 * or the OpenAI / Anthropic object forms (`{ type: "function", function: { name } }`,
 * `{ type: "tool", name }`, `{ type: "auto" | "any" }`).
 */
export type ToolChoiceInput = string | ToolChoice | Record<string, unknown>;

export interface ToolChoiceOptions {
  /** Extended thinking is on: Bedrock then refuses any choice but `auto`. */
  thinkingEnabled?: boolean;
  /** Receives the downgrade warning. */
  warn?: (message: string) => void;
  /** Names of the bound tools; a choice naming another tool is refused before any call. */
  toolNames?: readonly string[];
}

/**
 * Converts a `tool_choice`. Returns `undefined` when none was given, and `"none"` for `"none"`:
 * Converse has no such choice, so the caller sends no tools at all (and, as for any request
 * without tools, tool blocks in the history become text).
 * @example
 * convertToolChoice("get_weather", { toolNames: ["get_weather"] }); // { tool: { name: "get_weather" } }
 * convertToolChoice("any", { thinkingEnabled: true, warn: console.warn }); // { auto: {} }, with a warning
 */
export function convertToolChoice(
  choice: ToolChoiceInput | undefined | null,
  options: ToolChoiceOptions = {},
): ToolChoice | "none" | undefined {
  if (choice === undefined || choice === null) return undefined;
  const normalized = normalize(choice);
  if (normalized === "none") return "none";
  if ("tool" in normalized && options.toolNames && !options.toolNames.includes(normalized.tool.name)) {
    throw new BedrockInputError(
      `tool_choice names "${normalized.tool.name}", which is not among the bound tools (${options.toolNames.join(", ") || "none"})`,
    );
  }
  if (options.thinkingEnabled && !("auto" in normalized)) {
    const what = "tool" in normalized ? `"${normalized.tool.name}"` : `"any"`;
    options.warn?.(thinkingDowngrade(what));
    return { auto: {} };
  }
  return normalized;
}

/** The warning for a forced `tool_choice` (`what`, quoted) downgraded because extended thinking is on. */
export const thinkingDowngrade = (what: string): string => `tool_choice ${what} was changed to "auto": Bedrock refuses it with extended thinking (CH11)`;

function normalize(choice: ToolChoiceInput): ToolChoice | "none" {
  if (typeof choice === "string") {
    if (choice === "auto") return { auto: {} };
    if (choice === "any" || choice === "required") return { any: {} };
    if (choice === "none") return "none";
    if (choice.trim() === "") throw new BedrockInputError("tool_choice must not be an empty string");
    return { tool: { name: choice } };
  }
  if (!isObject(choice)) throw new BedrockInputError(`tool_choice must be a string or an object, got ${typeof choice}`);
  return normalizeObject(choice);
}

function normalizeObject(choice: Record<string, unknown>): ToolChoice | "none" {
  if (isObject(choice.auto)) return { auto: {} };
  if (isObject(choice.any)) return { any: {} };
  if (isObject(choice.tool) && typeof choice.tool.name === "string") return { tool: { name: choice.tool.name } };
  if (choice.type === "function" && isObject(choice.function) && typeof choice.function.name === "string") {
    return { tool: { name: choice.function.name } };
  }
  if (choice.type === "tool" && typeof choice.name === "string") return { tool: { name: choice.name } };
  if (choice.type === "auto" || choice.type === "any" || choice.type === "none" || choice.type === "required") {
    return normalize(choice.type);
  }
  throw new BedrockInputError(`tool_choice ${JSON.stringify(choice)} is not a recognised tool choice`);
}
