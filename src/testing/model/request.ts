// Reads what the built-in model needs from a (validated) Converse body: the last user turn, its text and media, tools.
import type { JsonObject } from "../types.js";
import { isObject } from "../../internal/index.js";

/** A bound tool: its name and input JSON schema. */
export interface ToolSpecJson {
  name: string;
  schema: JsonObject;
  /** The spec's `description` ("" when it has none). */
  description: string;
}

export function messagesOf(request: JsonObject): JsonObject[] {
  return Array.isArray(request.messages) ? (request.messages as unknown[]).filter(isObject) : [];
}

export function contentOf(message: JsonObject | undefined): JsonObject[] {
  return message && Array.isArray(message.content) ? (message.content as unknown[]).filter(isObject) : [];
}

/** Index of the last user message, or -1. */
export function lastUserIndex(request: JsonObject): number {
  const messages = messagesOf(request);
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.role === "user") return i;
  return -1;
}

export function lastUserContent(request: JsonObject): JsonObject[] {
  return contentOf(messagesOf(request)[lastUserIndex(request)]);
}

/** Text of a `guardContent` block (its image variant has none). */
export function guardText(block: JsonObject): string | undefined {
  const guard = block.guardContent;
  return isObject(guard) && isObject(guard.text) && typeof guard.text.text === "string" ? guard.text.text : undefined;
}

/** The user's words: every `text` and guarded text of the blocks, joined with newlines. */
export function blocksText(content: JsonObject[]): string {
  return content
    .map((block) => (typeof block.text === "string" ? block.text : guardText(block)))
    .filter((text): text is string => text !== undefined)
    .join("\n");
}

/** The system prompt's words: its `text` and guarded texts, joined with newlines ("" without a system prompt). */
export function systemText(request: JsonObject): string {
  return blocksText(Array.isArray(request.system) ? (request.system as unknown[]).filter(isObject) : []);
}

/** Bound tools with a toolSpec (cache points and system tools are skipped). */
export function toolSpecs(request: JsonObject): ToolSpecJson[] {
  const config = request.toolConfig;
  if (!isObject(config) || !Array.isArray(config.tools)) return [];
  return config.tools.flatMap((tool: unknown) => {
    const spec = isObject(tool) ? tool.toolSpec : undefined;
    if (!isObject(spec) || typeof spec.name !== "string") return [];
    const schema = isObject(spec.inputSchema) && isObject(spec.inputSchema.json) ? spec.inputSchema.json : {};
    return [{ name: spec.name, schema, description: typeof spec.description === "string" ? spec.description : "" }];
  });
}

/** `toolConfig.toolChoice` as a kind: "auto" (also when absent), "any", or the forced tool's name. */
export function toolChoiceOf(request: JsonObject): { kind: "auto" } | { kind: "any" } | { kind: "tool"; name: string } {
  const choice = isObject(request.toolConfig) ? request.toolConfig.toolChoice : undefined;
  if (!isObject(choice)) return { kind: "auto" };
  if (isObject(choice.tool) && typeof choice.tool.name === "string") return { kind: "tool", name: choice.tool.name };
  if (choice.any !== undefined) return { kind: "any" };
  return { kind: "auto" };
}

/** The JSON schema of `outputConfig.textFormat` (structured output), parsed, or undefined. */
export function outputSchemaOf(request: JsonObject): JsonObject | undefined {
  const format = isObject(request.outputConfig) ? request.outputConfig.textFormat : undefined;
  const structure = isObject(format) ? format.structure : undefined;
  const definition = isObject(structure) ? structure.jsonSchema : undefined;
  if (!isObject(definition) || typeof definition.schema !== "string") return undefined;
  try {
    const schema: unknown = JSON.parse(definition.schema);
    return isObject(schema) ? schema : undefined;
  } catch {
    return undefined;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "I see 1 image and 2 documents (a, b)." for the media of the last user turn, or "" when there is none. */
export function mediaSentence(content: JsonObject[]): string {
  const images = content.filter((b) => b.image !== undefined || (isObject(b.guardContent) && b.guardContent.image !== undefined)).length;
  const documents = content.filter((b) => isObject(b.document)).map((b) => String((b.document as JsonObject).name ?? "unnamed"));
  const videos = content.filter((b) => b.video !== undefined).length;
  const audios = content.filter((b) => b.audio !== undefined).length;
  const parts: string[] = [];
  if (images > 0) parts.push(plural(images, "image"));
  if (documents.length > 0) parts.push(`${plural(documents.length, "document")} (${documents.join(", ")})`);
  if (videos > 0) parts.push(plural(videos, "video"));
  if (audios > 0) parts.push(plural(audios, "audio clip"));
  if (parts.length === 0) return "";
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return `I see ${list}.`;
}
