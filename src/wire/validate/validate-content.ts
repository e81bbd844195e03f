// Shape checks for messages, content blocks, system blocks and tool results.
import {
  AudioFormat,
  CachePointType,
  CacheTTL,
  ConversationRole,
  DocumentFormat,
  GuardrailConverseContentQualifier,
  GuardrailConverseImageFormat,
  ImageFormat,
  ToolResultStatus,
  VideoFormat,
} from "../types/enums.js";
import { blob, boolean, fail, list, oneOfValues, record, string, toolName, toolUseId, unionKind, type Dict } from "./validate-helpers.js";

const CONTENT_KINDS = [
  "text",
  "image",
  "document",
  "video",
  "audio",
  "toolUse",
  "toolResult",
  "guardContent",
  "cachePoint",
  "reasoningContent",
  "citationsContent",
  "searchResult",
  "toolAddition",
  "toolRemoval",
] as const;
const SYSTEM_KINDS = ["text", "guardContent", "cachePoint"] as const;
const TOOL_RESULT_KINDS = ["json", "text", "image", "document", "video", "searchResult"] as const;

export function checkMessages(value: unknown, path: string): void {
  if (value === undefined) return;
  list(value, path).forEach((message, i) => {
    const at = `${path}[${i}]`;
    const m = record(message, at);
    oneOfValues(m.role, `${at}.role`, ConversationRole, true);
    if (m.content === undefined) fail(`${at}.content`, "is required");
    const content = list(m.content, `${at}.content`);
    // "The content field in the Message object at messages.N is empty. Add a ContentBlock object to the content field and try again."
    if (content.length === 0) fail(`${at}.content`, "is empty; a message needs at least one content block");
    content.forEach((block, j) => checkContentBlock(block, `${at}.content[${j}]`));
  });
}

export function checkSystem(value: unknown, path: string): void {
  if (value === undefined) return;
  list(value, path).forEach((block, i) => {
    const at = `${path}[${i}]`;
    const kind = unionKind(block, at, "system content block", SYSTEM_KINDS);
    const b = block as Dict;
    if (kind === "text") string(b.text, `${at}.text`, true);
    else if (kind === "guardContent") checkGuardContent(b.guardContent, `${at}.guardContent`);
    else if (kind === "cachePoint") checkCachePoint(b.cachePoint, `${at}.cachePoint`);
  });
}

export function checkContentBlock(block: unknown, path: string): void {
  const kind = unionKind(block, path, "content block", CONTENT_KINDS);
  if (kind === "$unknown") return;
  const value = (block as Dict)[kind];
  const at = `${path}.${kind}`;
  switch (kind) {
    case "text":
      return string(value, at, true);
    case "image":
      return checkMedia(value, at, ImageFormat, true);
    case "document":
      return checkDocument(value, at);
    case "video":
      return checkMedia(value, at, VideoFormat, true);
    case "audio":
      return checkMedia(value, at, AudioFormat, true);
    case "toolUse": {
      const use = record(value, at);
      toolUseId(use.toolUseId, `${at}.toolUseId`);
      toolName(use.name, `${at}.name`);
      if (use.input === undefined) fail(`${at}.input`, "is required (the tool call's arguments)");
      return string(use.type, `${at}.type`, false);
    }
    case "toolResult":
      return checkToolResult(value, at);
    case "guardContent":
      return checkGuardContent(value, at);
    case "cachePoint":
      return checkCachePoint(value, at);
    case "reasoningContent":
      return checkReasoning(value, at);
    case "citationsContent":
      return void record(value, at);
    case "searchResult":
      return checkSearchResult(value, at);
    case "toolAddition":
    case "toolRemoval":
      return void record(record(value, at).tool, `${at}.tool`);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

function checkMedia(value: unknown, path: string, formats: Readonly<Record<string, string>>, s3: boolean): void {
  const media = record(value, path);
  oneOfValues(media.format, `${path}.format`, formats, true);
  checkSource(media.source, `${path}.source`, s3 ? ["bytes", "s3Location"] : ["bytes"]);
}

function checkSource(value: unknown, path: string, kinds: readonly ("bytes" | "s3Location" | "text" | "content")[]): void {
  if (value === undefined) fail(path, "is required");
  const kind = unionKind(value, path, "source", kinds);
  const source = value as Dict;
  if (kind === "bytes") blob(source.bytes, `${path}.bytes`);
  else if (kind === "s3Location") string(record(source.s3Location, `${path}.s3Location`).uri, `${path}.s3Location.uri`, true);
  else if (kind === "text") string(source.text, `${path}.text`, true);
  else if (kind === "content") {
    list(source.content, `${path}.content`).forEach((part, i) => {
      const at = `${path}.content[${i}]`;
      if (unionKind(part, at, "document content block", ["text"]) === "text") string((part as Dict).text, `${at}.text`, true);
    });
  }
}

function checkDocument(value: unknown, path: string): void {
  const doc = record(value, path);
  oneOfValues(doc.format, `${path}.format`, DocumentFormat, false);
  string(doc.name, `${path}.name`, true);
  string(doc.context, `${path}.context`, false);
  checkSource(doc.source, `${path}.source`, ["bytes", "s3Location", "text", "content"]);
  checkCitationsConfig(doc.citations, `${path}.citations`);
}

function checkCitationsConfig(value: unknown, path: string): void {
  if (value !== undefined) boolean(record(value, path).enabled, `${path}.enabled`, true);
}

function checkGuardContent(value: unknown, path: string): void {
  const kind = unionKind(value, path, "guardContent", ["text", "image"]);
  const at = `${path}.${kind}`;
  if (kind === "text") {
    const text = record((value as Dict).text, at);
    string(text.text, `${at}.text`, true);
    if (text.qualifiers !== undefined) {
      list(text.qualifiers, `${at}.qualifiers`).forEach((q, i) =>
        oneOfValues(q, `${at}.qualifiers[${i}]`, GuardrailConverseContentQualifier, true),
      );
    }
  } else if (kind === "image") {
    checkMedia((value as Dict).image, at, GuardrailConverseImageFormat, false);
  }
}

export function checkCachePoint(value: unknown, path: string): void {
  const point = record(value, path);
  oneOfValues(point.type, `${path}.type`, CachePointType, true);
  oneOfValues(point.ttl, `${path}.ttl`, CacheTTL, false);
}

function checkReasoning(value: unknown, path: string): void {
  const kind = unionKind(value, path, "reasoningContent", ["reasoningText", "redactedContent"]);
  if (kind === "reasoningText") {
    const text = record((value as Dict).reasoningText, `${path}.reasoningText`);
    string(text.text, `${path}.reasoningText.text`, true);
    string(text.signature, `${path}.reasoningText.signature`, false);
  } else if (kind === "redactedContent") {
    blob((value as Dict).redactedContent, `${path}.redactedContent`);
  }
}

function checkSearchResult(value: unknown, path: string): void {
  const result = record(value, path);
  string(result.source, `${path}.source`, true);
  string(result.title, `${path}.title`, true);
  if (result.content === undefined) fail(`${path}.content`, "is required");
  list(result.content, `${path}.content`).forEach((part, i) =>
    string(record(part, `${path}.content[${i}]`).text, `${path}.content[${i}].text`, true),
  );
  checkCitationsConfig(result.citations, `${path}.citations`);
}

function checkToolResult(value: unknown, path: string): void {
  const result = record(value, path);
  toolUseId(result.toolUseId, `${path}.toolUseId`);
  oneOfValues(result.status, `${path}.status`, ToolResultStatus, false);
  if (result.content === undefined) fail(`${path}.content`, "is required");
  list(result.content, `${path}.content`).forEach((part, i) => {
    const at = `${path}.content[${i}]`;
    const kind = unionKind(part, at, "tool result content block", TOOL_RESULT_KINDS);
    const item = (part as Dict)[kind];
    if (kind === "text") string(item, `${at}.text`, true);
    else if (kind === "image") checkMedia(item, `${at}.image`, ImageFormat, true);
    else if (kind === "document") checkDocument(item, `${at}.document`);
    else if (kind === "video") checkMedia(item, `${at}.video`, VideoFormat, true);
    else if (kind === "searchResult") checkSearchResult(item, `${at}.searchResult`);
  });
}
