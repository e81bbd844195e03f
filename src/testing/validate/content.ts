// Rules for one content block (message, system prompt or tool result), in Bedrock's wording where known.
import { isObject, type Dict } from "../../internal/index.js";
import {
  base64Rule,
  constraint,
  dotted,
  enumRule,
  first,
  notNull,
  typeRule,
  unionRule,
  type Path,
} from "./rules.js";

export const CONTENT_BLOCK_KINDS = [
  "text", "image", "document", "video", "audio", "toolUse", "toolResult", "guardContent",
  "cachePoint", "reasoningContent", "citationsContent", "searchResult", "toolAddition", "toolRemoval",
] as const;
export const SYSTEM_BLOCK_KINDS = ["text", "guardContent", "cachePoint"] as const;
const TOOL_RESULT_KINDS = ["json", "text", "image", "document", "video", "searchResult"] as const;

const IMAGE_FORMATS = ["png", "jpeg", "gif", "webp"];
const DOCUMENT_FORMATS = ["pdf", "csv", "doc", "docx", "xls", "xlsx", "html", "txt", "md"];
const VIDEO_FORMATS = ["mkv", "mov", "mp4", "webm", "flv", "mpeg", "mpg", "wmv", "three_gp"];
const AUDIO_FORMATS = ["aac", "flac", "m4a", "mka", "mkv", "mp3", "mp4", "mpeg", "mpga", "ogg", "opus", "pcm", "wav", "webm", "x-aac"];

function textRule(path: Path, value: unknown, shape: string): string | undefined {
  if (typeof value !== "string") return typeRule(path, value, "string");
  if (value.trim() === "") {
    return `The text field in the ${shape} object at ${dotted(path.slice(0, -1))} is blank. Add text to the text field, and try again.`;
  }
  return undefined;
}

/** `{ bytes }` (base64) or `{ s3Location: { uri } }`, plus `text`/`content` for documents. */
function sourceRule(path: Path, value: unknown, kinds: readonly string[]): string | undefined {
  return first(
    () => unionRule(path, value, "source", kinds),
    () => {
      const source = value as Dict;
      if (source.bytes !== undefined) return base64Rule([...path, "bytes"], source.bytes);
      if (source.s3Location !== undefined) {
        const uri = isObject(source.s3Location) ? source.s3Location.uri : undefined;
        return typeof uri === "string" && uri.startsWith("s3://") ? undefined : constraint([...path, "s3Location", "uri"], uri, "Member must be an s3:// URI");
      }
      if (source.text !== undefined) return typeRule([...path, "text"], source.text, "string");
      if (source.content !== undefined) return typeRule([...path, "content"], source.content, "list");
      return undefined;
    },
  );
}

function mediaRule(path: Path, value: unknown, formats: readonly string[], sources: readonly string[], formatRequired = true): string | undefined {
  if (!isObject(value)) return typeRule(path, value, "object");
  return first(
    () => (value.format === undefined && !formatRequired ? undefined : enumRule([...path, "format"], value.format, formats)),
    () => (value.source === undefined ? notNull([...path, "source"]) : sourceRule([...path, "source"], value.source, sources)),
  );
}

function documentRule(path: Path, value: unknown): string | undefined {
  if (!isObject(value)) return typeRule(path, value, "object");
  return first(
    () => (typeof value.name === "string" && value.name.trim() !== "" ? undefined : notNull([...path, "name"])),
    () => mediaRule(path, value, DOCUMENT_FORMATS, ["bytes", "s3Location", "text", "content"], false),
  );
}

// API_runtime_ToolUseBlock / ToolResultBlock: toolUseId 1–64 characters; the pattern as Bedrock
// states it in its answers today, `.` and `:` included (tontinton/maki #38, 2026-04); tool names as
// tool specs have them.
const TOOL_USE_ID_PATTERN = "[a-zA-Z0-9_.:-]+";
const TOOL_USE_ID = /^[a-zA-Z0-9_.:-]+$/;
const TOOL_USE_NAME_PATTERN = "[a-zA-Z0-9_-]+";
const TOOL_USE_NAME = /^[a-zA-Z0-9_-]+$/;

function toolUseIdRule(path: Path, value: unknown): string | undefined {
  if (typeof value !== "string") return notNull(path);
  if (value === "") return constraint(path, value, "Member must have length greater than or equal to 1");
  if (value.length > 64) return constraint(path, value, "Member must have length less than or equal to 64");
  return TOOL_USE_ID.test(value) ? undefined : constraint(path, value, `Member must satisfy regular expression pattern: ${TOOL_USE_ID_PATTERN}`);
}

function toolUseRule(path: Path, value: unknown): string | undefined {
  if (!isObject(value)) return typeRule(path, value, "object");
  return first(
    () => toolUseIdRule([...path, "toolUseId"], value.toolUseId),
    () => (typeof value.name === "string" && value.name !== "" ? undefined : notNull([...path, "name"])),
    () => (TOOL_USE_NAME.test(value.name as string) ? undefined : constraint([...path, "name"], value.name, `Member must satisfy regular expression pattern: ${TOOL_USE_NAME_PATTERN}`)),
    () => (value.input === undefined ? notNull([...path, "input"]) : undefined),
  );
}

function toolResultRule(path: Path, value: unknown): string | undefined {
  if (!isObject(value)) return typeRule(path, value, "object");
  return first(
    () => toolUseIdRule([...path, "toolUseId"], value.toolUseId),
    () => (Array.isArray(value.content) ? undefined : notNull([...path, "content"])),
    () => (value.status === undefined ? undefined : enumRule([...path, "status"], value.status, ["success", "error"])),
    () => {
      const content = value.content as unknown[];
      for (let i = 0; i < content.length; i++) {
        const failure = toolResultContentRule([...path, "content", i], content[i]);
        if (failure) return failure;
      }
      return undefined;
    },
  );
}

function toolResultContentRule(path: Path, value: unknown): string | undefined {
  return first(
    () => unionRule(path, value, "ToolResultContentBlock", TOOL_RESULT_KINDS),
    () => {
      const block = value as Dict;
      if (block.text !== undefined) return typeRule([...path, "text"], block.text, "string");
      if (block.image !== undefined) return mediaRule([...path, "image"], block.image, IMAGE_FORMATS, ["bytes", "s3Location"]);
      if (block.document !== undefined) return documentRule([...path, "document"], block.document);
      if (block.video !== undefined) return mediaRule([...path, "video"], block.video, VIDEO_FORMATS, ["bytes", "s3Location"]);
      return undefined;
    },
  );
}

function reasoningRule(path: Path, value: unknown): string | undefined {
  return first(
    () => unionRule(path, value, "ReasoningContentBlock", ["reasoningText", "redactedContent"]),
    () => {
      const block = value as Dict;
      if (block.redactedContent !== undefined) return base64Rule([...path, "redactedContent"], block.redactedContent);
      const text = block.reasoningText;
      if (!isObject(text)) return typeRule([...path, "reasoningText"], text, "object");
      return first(
        () => typeRule([...path, "reasoningText", "text"], text.text, "string"),
        () => (text.signature === undefined ? undefined : typeRule([...path, "reasoningText", "signature"], text.signature, "string")),
      );
    },
  );
}

function cachePointRule(path: Path, value: unknown): string | undefined {
  if (!isObject(value)) return typeRule(path, value, "object");
  return first(
    () => enumRule([...path, "type"], value.type, ["default"]),
    () => (value.ttl === undefined ? undefined : enumRule([...path, "ttl"], value.ttl, ["5m", "1h"])),
  );
}

function guardContentRule(path: Path, value: unknown): string | undefined {
  return first(
    () => unionRule(path, value, "GuardrailConverseContentBlock", ["text", "image"]),
    () => {
      const block = value as Dict;
      if (block.image !== undefined) return mediaRule([...path, "image"], block.image, ["png", "jpeg"], ["bytes"]);
      const text = block.text;
      return isObject(text) ? textRule([...path, "text", "text"], text.text, "GuardrailConverseTextBlock") : typeRule([...path, "text"], text, "object");
    },
  );
}

/** One block of `messages[i].content` or `system`; `kinds` lists the members allowed there. */
export function contentBlockRule(path: Path, value: unknown, kinds: readonly string[], shape = "ContentBlock"): string | undefined {
  const union = unionRule(path, value, shape, kinds);
  if (union) return union;
  const block = value as Dict;
  const kind = Object.keys(block).find((key) => block[key] !== undefined && block[key] !== null)!;
  const inner = block[kind];
  const at: Path = [...path, kind];
  switch (kind) {
    case "text":
      return textRule(at, inner, shape);
    case "image":
      return mediaRule(at, inner, IMAGE_FORMATS, ["bytes", "s3Location"]);
    case "document":
      return documentRule(at, inner);
    case "video":
      return mediaRule(at, inner, VIDEO_FORMATS, ["bytes", "s3Location"]);
    case "audio":
      return mediaRule(at, inner, AUDIO_FORMATS, ["bytes", "s3Location"]);
    case "toolUse":
      return toolUseRule(at, inner);
    case "toolResult":
      return toolResultRule(at, inner);
    case "reasoningContent":
      return reasoningRule(at, inner);
    case "cachePoint":
      return cachePointRule(at, inner);
    case "guardContent":
      return guardContentRule(at, inner);
    default:
      // citationsContent, searchResult, toolAddition, toolRemoval: shape-checked only.
      return typeRule(at, inner, "object");
  }
}
