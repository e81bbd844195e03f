// LangChain-style message content (strings, LangChain / Anthropic / OpenAI / Bedrock blocks) → Converse content blocks.
import { BedrockInputError } from "../../errors/index.js";
import { cacheControlPoint, isCachePointLike, toCachePoint } from "./convert-cache-point.js";
import { toMediaBlock } from "./convert-media.js";
import type { MediaKind } from "./convert-media-formats.js";
import { mediaInputFrom } from "./convert-media-input.js";
import { isReasoningBlock, joinReasoningPieces, toReasoningContent } from "./convert-reasoning.js";
import type { DocumentType } from "../../wire/index.js";
import { checkJsonValue } from "../../wire/validate/validate-json.js";
import type { ContentBlock, GuardrailConverseContentBlock, ToolResultContentBlock } from "./convert-wire-types.js";
import { isObject, type Dict } from "../../internal/index.js";

/** Converse block keys passed through as written when a block has no `type`. */
export const NATIVE_KEYS = [
  "text", "image", "document", "video", "audio", "toolUse", "toolResult", "guardContent", "cachePoint",
  "reasoningContent", "citationsContent", "searchResult", "toolAddition", "toolRemoval", "json",
] as const;

// Streaming leftovers that duplicate what `tool_calls` carries: dropped.
const SKIPPED_TYPES = new Set(["tool_call_chunk", "input_json_delta", "invalid_tool_call", "server_tool_call_chunk"]);

/** A Converse text block is refused when blank. */
export const isBlankText = (text: string): boolean => text.trim() === "";

/**
 * Converts a message's content. Blank text is dropped (Bedrock refuses it), and so is reasoning
 * without a signature; unknown blocks raise a `BedrockInputError` naming their index.
 * @param where names the content in errors, e.g. `messages[2].content`.
 * @example
 * convertContent([{ type: "text", text: "What is this?" }, { type: "image_url", image_url: "data:image/png;base64,iVBORw0KGgo=" }], "messages[0].content");
 * // [{ text: "What is this?" }, { image: { format: "png", source: { bytes: "iVBORw0KGgo=" } } }]
 */
export function convertContent(content: unknown, where = "content"): ContentBlock[] {
  if (typeof content === "string") return isBlankText(content) ? [] : [{ text: content }];
  if (content === undefined || content === null) return [];
  if (!Array.isArray(content)) throw new BedrockInputError(`${where} must be a string or an array of content blocks`);
  const blocks = joinReasoningPieces(content);
  return blocks.flatMap((block, index) => convertBlock(block, `${where}[${index}]`));
}

/** Converts one content block to zero (dropped), one, or two (with a trailing cache point) Converse blocks. */
export function convertBlock(block: unknown, where: string): ContentBlock[] {
  if (typeof block === "string") return isBlankText(block) ? [] : [{ text: block }];
  if (!isObject(block)) throw new BedrockInputError(`${where} must be a content block object, got ${kindOf(block)}`);
  // Tool input and json blocks may be written out as text (JSON.stringify) before the client validates.
  checkJsonValue(block, where);
  if (isCachePointLike(block)) return [{ cachePoint: toCachePoint(block, where) }];
  const converted = convertTyped(block, where);
  const point = cacheControlPoint(block, where);
  return point ? [...converted, { cachePoint: point }] : converted;
}

function convertTyped(block: Dict, where: string): ContentBlock[] {
  if (isReasoningBlock(block)) {
    const reasoning = toReasoningContent(block);
    return reasoning ? [{ reasoningContent: reasoning }] : [];
  }
  const type = block.type;
  if (type === undefined) return nativeBlock(block, where);
  if (typeof type !== "string") throw new BedrockInputError(`${where}.type must be a string`);
  if (SKIPPED_TYPES.has(type)) return [];
  switch (type) {
    case "text":
      return textBlock(block, where);
    case "image":
      return media(block, "image", where);
    case "image_url":
      return [toMediaBlock(mediaInputFrom(block, "image", where), where)];
    case "document":
    case "file":
    case "text-plain":
      return media(block, "document", where);
    case "video":
    case "video_url":
      return media(block, "video", where);
    case "audio":
    case "input_audio":
      return media(block, "audio", where);
    case "guard_content":
      return [{ guardContent: guardContent(block, where) }];
    case "tool_use":
    case "server_tool_use":
    case "tool_call":
      return [{ toolUse: toolUse(block, where) }];
    case "tool_result":
      return [{ toolResult: toolResultBlock(block, where) }];
    case "json":
      return passthrough("json", block.json);
    default:
      throw new BedrockInputError(`${where}: unsupported content block type "${type}"`);
  }
}

// A media block: Bedrock's own shape under its kind's key goes as written, any other spelling is read and converted.
function media(block: Dict, kind: MediaKind, where: string): ContentBlock[] {
  return isObject(block[kind]) ? passthrough(kind, block[kind]) : [toMediaBlock(mediaInputFrom(block, kind, where), where)];
}

function textBlock(block: Dict, where: string): ContentBlock[] {
  if (typeof block.text !== "string") throw new BedrockInputError(`${where}.text must be a string`);
  if (isBlankText(block.text)) return [];
  const citations = block.citations;
  // Text the model wrote with citations goes back as Converse `citationsContent`, as it came.
  if (Array.isArray(citations) && citations.length > 0 && citations.every((c) => isObject(c) && ("location" in c || "sourceContent" in c))) {
    return [{ citationsContent: { content: [{ text: block.text }], citations } }];
  }
  return [{ text: block.text }];
}

function nativeBlock(block: Dict, where: string): ContentBlock[] {
  const keys = Object.keys(block).filter((k) => k !== "index");
  const known = keys.filter((k) => (NATIVE_KEYS as readonly string[]).includes(k));
  if (known.length !== 1 || keys.length !== 1) {
    throw new BedrockInputError(`${where}: a content block needs a "type" or exactly one Converse key, got keys ${JSON.stringify(keys)} (CH24)`);
  }
  const key = known[0]!;
  if (key === "text") {
    if (typeof block.text !== "string") throw new BedrockInputError(`${where}.text must be a string`);
    return isBlankText(block.text) ? [] : [{ text: block.text }];
  }
  return passthrough(key, block[key]);
}

// A Converse block the caller wrote in Bedrock's own shape goes out as written.
function passthrough(key: string, value: unknown): ContentBlock[] {
  return [{ [key]: value } as unknown as ContentBlock];
}

function guardContent(block: Dict, where: string): GuardrailConverseContentBlock {
  // `{ type, text, qualifiers? }`, langchain-aws's `{ type, guard_content: { text } }`, or `{ type, guardContent: <Converse> }`.
  if (isObject(block.guardContent)) return block.guardContent as GuardrailConverseContentBlock;
  const inner = isObject(block.guard_content) ? block.guard_content : block;
  const text = isObject(inner.text) ? inner.text.text : inner.text;
  if (typeof text !== "string" || isBlankText(text)) throw new BedrockInputError(`${where}: guard content needs non-blank text`);
  const qualifiers = inner.qualifiers ?? (isObject(inner.text) ? inner.text.qualifiers : undefined);
  return { text: Array.isArray(qualifiers) ? { text, qualifiers: qualifiers as never } : { text } };
}

function toolUse(block: Dict, where: string) {
  const id = block.id ?? block.toolUseId ?? block.tool_use_id;
  if (typeof id !== "string" || id === "") throw new BedrockInputError(`${where}: a tool call needs a string id`);
  if (typeof block.name !== "string" || block.name === "") throw new BedrockInputError(`${where}: a tool call needs a name`);
  const raw = block.type === "tool_call" ? block.args : block.input;
  return { toolUseId: id, name: block.name, input: parseInput(raw) };
}

// Streamed tool_use blocks can hold their input as the JSON text that was streamed. Text that
// does not parse is kept: the message's `tool_calls` may supersede it (convert-messages checks).
function parseInput(raw: unknown): DocumentType {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== "string") return raw as DocumentType;
  if (raw.trim() === "") return {};
  try {
    return JSON.parse(raw) as DocumentType;
  } catch {
    return raw;
  }
}

function toolResultBlock(block: Dict, where: string) {
  const id = block.tool_use_id ?? block.toolUseId;
  if (typeof id !== "string" || id === "") throw new BedrockInputError(`${where}: a tool result needs tool_use_id`);
  const { content } = convertToolResultContent(block.content, `${where}.content`);
  const isError = block.is_error === true || block.isError === true || block.status === "error";
  return { toolUseId: id, content, status: isError ? ("error" as const) : ("success" as const) };
}

/** Stand-in for an empty tool result: Bedrock refuses blank text, and the model should know nothing came back. */
export const EMPTY_TOOL_RESULT = "(empty result)";

const TOOL_RESULT_KEYS = new Set(["text", "json", "image", "document", "video", "searchResult"]);

/**
 * A tool's output as `toolResult` content: a string is `text`, as given (even when it parses as
 * JSON), a plain object `json`; blocks convert as message content does (`{ type: "json" }` blocks
 * become `json`). Cache points cannot sit inside a tool result, so they are returned apart
 * (`after`), to follow the block.
 */
export function convertToolResultContent(
  content: unknown,
  where: string,
): { content: ToolResultContentBlock[]; after: ContentBlock[] } {
  if (typeof content === "string") {
    // Follows langchain-aws (`_lc_content_to_bedrock`: a str is `[{text}]`) and @langchain/aws
    // (message_inputs.js: string content → `[{ text }]`): the tool's string is not re-typed as json.
    return { content: [{ text: isBlankText(content) ? EMPTY_TOOL_RESULT : content }], after: [] };
  }
  if (isObject(content)) {
    checkJsonValue(content, where);
    return { content: [{ json: content }], after: [] };
  }
  const blocks = content === undefined || content === null ? [] : convertContent(content, where);
  const out: ToolResultContentBlock[] = [];
  const after: ContentBlock[] = [];
  blocks.forEach((block) => {
    const key = Object.keys(block)[0]!;
    if (key === "cachePoint") after.push(block);
    else if (TOOL_RESULT_KEYS.has(key)) out.push(block as ToolResultContentBlock);
    else throw new BedrockInputError(`${where}: a tool result cannot hold a "${key}" block`);
  });
  if (out.length === 0) out.push({ text: EMPTY_TOOL_RESULT });
  return { content: out, after };
}

/** A refused block's kind only (`null`, `an array`, `string`, …): blocks may carry user text, never shown. */
function kindOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}
