// The built-in model's tool rules: which bound tools to call (named, forced or inferred), their toolUse blocks, result summaries.
import { argumentsFromText } from "./args.js";
import { base64Url, sha256 } from "./hash.js";
import { inferArguments } from "./infer-args.js";
import { inferTool } from "./infer-tool.js";
import { findMention } from "./mentions.js";
import { contentOf, messagesOf, systemText, toolChoiceOf, toolSpecs, type ToolSpecJson } from "./request.js";
import type { JsonObject } from "../types.js";
import { isObject } from "../../internal/index.js";

export { findMention, nameSpellings } from "./mentions.js";

/** A tool the model decided to call, with where its name appears in the text (-1: forced, not named). */
export interface PlannedCall {
  tool: ToolSpecJson;
  at: number;
  /** Length of the matched spelling of the name. */
  length: number;
  /** Chosen by infer-tool.ts (the text names no tool): its arguments follow infer-args.ts. */
  inferred?: boolean;
}

/**
 * The calls to make: tools named in the text in order of mention (several → parallel calls);
 * `toolChoice.tool` forces that tool alone. When the text names none, the tool the system prompt
 * demands or the one its words fit best (infer-tool.ts) is called; failing that `toolChoice.any`
 * forces the first bound tool, and `auto` calls nothing.
 */
export function planToolCalls(request: JsonObject, text: string): PlannedCall[] {
  const tools = toolSpecs(request);
  if (tools.length === 0) return [];
  const named = tools
    .flatMap((tool) => {
      const mention = findMention(text, tool.name);
      return mention ? [{ tool, ...mention }] : [];
    })
    .sort((a, b) => a.at - b.at);
  const choice = toolChoiceOf(request);
  if (choice.kind === "tool") {
    const tool = tools.find((t) => t.name === choice.name);
    if (!tool) return [];
    return [named.find((call) => call.tool === tool) ?? { tool, at: -1, length: 0 }];
  }
  if (named.length > 0) return named;
  const inferred = inferTool(tools, systemText(request), text);
  if (inferred) return [{ tool: inferred, at: -1, length: 0, inferred: true }];
  return choice.kind === "any" ? [{ tool: tools[0]!, at: -1, length: 0 }] : [];
}

const SEPARATORS = /^[\s:,\-–—]+/;

/**
 * Arguments of each planned call. With one call the whole text is searched for pairs; with several,
 * each call reads from its mention to the next mention (the first also gets the text before it).
 * A lone string property falls back to the text after the name (up to a `;` or newline), or the
 * whole text when none follows. An inferred call reads the whole text by infer-args.ts
 * (`toolNames` are not taken as values).
 */
export function callArguments(calls: PlannedCall[], text: string, toolNames: readonly string[] = []): JsonObject[] {
  return calls.map((call, i) => {
    if (call.inferred) return inferArguments(call.tool.schema, text, toolNames);
    const start = i === 0 ? 0 : call.at;
    const end = i + 1 < calls.length ? calls[i + 1]!.at : text.length;
    const segment = calls.length === 1 ? text : text.slice(start, end);
    const after = call.at < 0 ? "" : text.slice(call.at + call.length, end).replace(SEPARATORS, "").split(/[;\n]/)[0]!.trim();
    return argumentsFromText(call.tool.schema, segment, after !== "" ? after : text);
  });
}

/** `tooluse_` + 22 URL-safe characters derived from the conversation, the tool and the call's position. */
export function toolUseId(request: JsonObject, name: string, index: number): string {
  const seed = JSON.stringify([request.messages ?? [], name, index]);
  return `tooluse_${base64Url(sha256(seed), 22)}`;
}

/** toolUse blocks for the planned calls. */
export function toolUseBlocks(request: JsonObject, calls: PlannedCall[], text: string): JsonObject[] {
  const args = callArguments(calls, text, toolSpecs(request).map((tool) => tool.name));
  return calls.map((call, i) => ({ toolUse: { toolUseId: toolUseId(request, call.tool.name, i), name: call.tool.name, input: args[i]! } }));
}

function renderResultPart(part: unknown): string {
  if (!isObject(part)) return "";
  if (typeof part.text === "string") return part.text;
  if (part.json !== undefined) return JSON.stringify(part.json);
  if (isObject(part.document)) return `[document ${String(part.document.name ?? "")}]`.replace(" ]", "]");
  if (part.image !== undefined) return "[image]";
  if (part.video !== undefined) return "[video]";
  return `[${Object.keys(part)[0] ?? "empty"}]`;
}

/** "Tool <name> returned: <text or JSON>" (or "failed:" for status error), one line per toolResult block. */
export function summarizeToolResults(request: JsonObject, content: JsonObject[], userIndex: number): string {
  const previous = contentOf(messagesOf(request)[userIndex - 1]);
  const names = new Map<string, string>();
  for (const block of previous) {
    if (isObject(block.toolUse)) names.set(String(block.toolUse.toolUseId), String(block.toolUse.name));
  }
  return content
    .filter((block) => isObject(block.toolResult))
    .map((block) => {
      const result = block.toolResult as JsonObject;
      const id = String(result.toolUseId);
      const parts = Array.isArray(result.content) ? result.content.map(renderResultPart).join(" ") : "";
      return `Tool ${names.get(id) ?? id} ${result.status === "error" ? "failed" : "returned"}: ${parts}`;
    })
    .join("\n");
}
