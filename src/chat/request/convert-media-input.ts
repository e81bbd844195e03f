// Reads a LangChain / Anthropic / OpenAI media content block into one `MediaInput`, whatever its spelling.
import { BedrockInputError } from "../../errors/index.js";
import type { MediaKind } from "./convert-media-formats.js";
import type { MediaInput } from "./convert-media.js";
import { isRecord, type Dict } from "../../internal/index.js";

const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

function citationsFlag(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (isRecord(value) && typeof value.enabled === "boolean") return value.enabled;
  return undefined;
}

/**
 * The media a block describes. Understood spellings:
 * - Anthropic: `source: { type: "base64", media_type, data }`, `{ type: "url", url }`, `{ type: "text", data }`;
 * - LangChain v0.3 data blocks: `source_type: "base64" | "url" | "text" | "id"` with `data` / `url` / `text` / `id`, `mime_type`;
 * - LangChain v1 blocks: `data` (base64 or bytes) / `url` / `fileId`, `mimeType`;
 * - langchain-aws (Python): `base64`, `source: { type: "s3Location", mediaType, data: { uri } }`;
 * - OpenAI: `image_url`, `video_url` (string or `{ url }`), `input_audio: { data, format }`.
 * The document name comes from `name`, `filename`, `title` or the same keys under `metadata` / `extras`.
 */
export function mediaInputFrom(block: Dict, kind: MediaKind, where: string): MediaInput {
  const metadata = isRecord(block.metadata) ? block.metadata : {};
  const extras = isRecord(block.extras) ? block.extras : {};
  const input: MediaInput = {
    kind,
    format: str(block.format),
    mime: str(block.mime_type) ?? str(block.mimeType) ?? str(block.media_type),
    name:
      str(block.name) ?? str(block.filename) ?? str(block.title) ??
      str(metadata.name) ?? str(metadata.filename) ?? str(metadata.title) ??
      str(extras.name) ?? str(extras.filename) ?? str(extras.title),
    context: str(block.context) ?? str(metadata.context),
    citations: citationsFlag(block.citations),
    bucketOwner: str(block.bucketOwner) ?? str(block.bucket_owner) ?? str(metadata.bucketOwner),
  };
  const urlField = block.image_url ?? block.video_url;
  if (urlField !== undefined) {
    input.url = typeof urlField === "string" ? urlField : isRecord(urlField) ? str(urlField.url) : undefined;
  } else if (isRecord(block.input_audio)) {
    input.data = block.input_audio.data as string;
    input.format = str(block.input_audio.format) ?? input.format;
  } else if (isRecord(block.source)) {
    readSource(block.source, input, where);
  } else if (typeof block.source_type === "string") {
    readSourceType(block, input, where);
  } else {
    const data = block.data ?? block.base64;
    if (typeof data === "string" || data instanceof Uint8Array) input.data = data;
    input.url = str(block.url);
    const fileId = str(block.fileId) ?? str(block.file_id);
    if (fileId !== undefined) input.url = fileIdUrl(fileId, where);
    if (typeof block.text === "string") input.text = block.text;
  }
  return input;
}

function readSource(source: Dict, input: MediaInput, where: string): void {
  input.mime = input.mime ?? str(source.media_type) ?? str(source.mediaType) ?? str(source.mime_type);
  input.format = input.format ?? str(source.format);
  const type = source.type;
  if (type === "base64") input.data = source.data as string;
  else if (type === "url") input.url = str(source.url);
  else if (type === "text" || type === "content") input.text = textOf(source, where);
  else if (type === "s3Location" || type === "s3" || isRecord(source.s3Location)) {
    const loc = isRecord(source.s3Location) ? source.s3Location : isRecord(source.data) ? source.data : source;
    input.url = str(loc.uri);
    input.bucketOwner = input.bucketOwner ?? str(loc.bucketOwner);
  } else if ("bytes" in source) {
    input.data = source.bytes as string | Uint8Array;
  } else if (type === "file") {
    throw new BedrockInputError(`${where}: file-API ids cannot be sent to Bedrock; pass the bytes or an s3:// location`);
  } else {
    throw new BedrockInputError(`${where}: unknown ${input.kind} source type ${JSON.stringify(type)}`);
  }
}

function textOf(source: Dict, where: string): string {
  if (typeof source.data === "string") return source.data;
  if (typeof source.text === "string") return source.text;
  if (Array.isArray(source.content)) {
    // Anthropic "content" documents: a list of text blocks, joined as paragraphs.
    return source.content.map((c) => (isRecord(c) && typeof c.text === "string" ? c.text : "")).join("\n\n");
  }
  throw new BedrockInputError(`${where}: a text document source needs its text in "data"`);
}

function readSourceType(block: Dict, input: MediaInput, where: string): void {
  switch (block.source_type) {
    case "base64":
      input.data = block.data as string;
      return;
    case "url":
      input.url = str(block.url);
      return;
    case "text":
      input.text = typeof block.text === "string" ? block.text : "";
      return;
    case "id":
      input.url = fileIdUrl(String(block.id ?? ""), where);
      return;
    default:
      throw new BedrockInputError(`${where}: unknown source_type ${JSON.stringify(block.source_type)}`);
  }
}

// Provider file ids mean nothing to Bedrock; an s3:// URI used as an id is the one that works.
function fileIdUrl(id: string, where: string): string {
  if (id.startsWith("s3://")) return id;
  throw new BedrockInputError(`${where}: file id "${id.slice(0, 60)}" cannot be sent to Bedrock; pass the bytes or an s3:// location`);
}
