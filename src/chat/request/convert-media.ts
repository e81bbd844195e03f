// Image, document, video and audio inputs (bytes, base64, data URLs, s3:// URIs) → Converse media blocks.
import { BedrockInputError } from "../../errors/index.js";
import { base64Problem } from "../../wire/serde/base64.js";
import {
  FORMATS,
  formatFromMime,
  formatFromName,
  normalizeFormat,
  sniffImageFormat,
  type MediaKind,
} from "./convert-media-formats.js";
import type { ContentBlock, DocumentBlock, MediaSource } from "./convert-wire-types.js";

/** What a content block says about one piece of media, whatever spelling it used. */
export interface MediaInput {
  kind: MediaKind;
  /** Bedrock format or file extension, when the block names one. */
  format?: string | undefined;
  mime?: string | undefined;
  /** Base64 text (or a data URL) or raw bytes. */
  data?: string | Uint8Array | undefined;
  /** `data:`, `s3://` (http(s) is refused: Bedrock cannot fetch URLs). */
  url?: string | undefined;
  bucketOwner?: string | undefined;
  /** Plain text, for documents. */
  text?: string | undefined;
  /** File name, for documents (also a hint for the format). */
  name?: string | undefined;
  context?: string | undefined;
  citations?: boolean | undefined;
}

type Resolved = { source: MediaSource | { text: string }; mime?: string | undefined; uri?: string };

/**
 * Builds the Converse block for one piece of media. The format comes from, in order: an explicit
 * format, the MIME type, the file name or S3 key's extension, and (images) the first bytes.
 */
export function toMediaBlock(input: MediaInput, where: string): ContentBlock {
  const resolved = resolveSource(input, where);
  const format = pickFormat(input, resolved, where);
  switch (input.kind) {
    case "image":
      return { image: { format, source: asMedia(resolved, input.kind, where) } } as ContentBlock;
    case "video":
      return { video: { format, source: asMedia(resolved, input.kind, where) } } as ContentBlock;
    case "audio":
      return { audio: { format, source: asMedia(resolved, input.kind, where) } } as ContentBlock;
    case "document": {
      const document: DocumentBlock = {
        format: format as DocumentBlock["format"],
        name: sanitizeDocumentName(input.name ?? resolved.uri, format),
        source: resolved.source,
      };
      if (input.context !== undefined) document.context = input.context;
      if (input.citations !== undefined) document.citations = { enabled: input.citations };
      return { document };
    }
  }
}

function asMedia(resolved: Resolved, kind: MediaKind, where: string): MediaSource {
  if ("text" in resolved.source) throw new BedrockInputError(`${where}: ${kind} data must be bytes or base64, not text`);
  return resolved.source;
}

function resolveSource(input: MediaInput, where: string): Resolved {
  if (input.data instanceof Uint8Array) return { source: { bytes: input.data }, mime: input.mime };
  if (typeof input.data === "string") {
    if (input.data.startsWith("data:")) return fromUrl(input.data, input, where);
    const problem = base64Problem(input.data);
    if (problem) throw new BedrockInputError(`${where}: ${input.kind} data is not valid base64 (${problem})`);
    return { source: { bytes: input.data }, mime: input.mime };
  }
  if (typeof input.url === "string") return fromUrl(input.url, input, where);
  if (typeof input.text === "string" && input.kind === "document") return { source: { text: input.text }, mime: input.mime };
  throw new BedrockInputError(`${where}: the ${input.kind} block carries no data (CH23)`);
}

const DATA_URL = /^data:([^,]*),(.*)$/s;

function fromUrl(url: string, input: MediaInput, where: string): Resolved {
  if (url.startsWith("data:")) {
    const match = DATA_URL.exec(url);
    if (!match) throw new BedrockInputError(`${where}: malformed data: URL`);
    const params = match[1]!.split(";");
    const mime = params[0] || input.mime;
    const body = match[2]!;
    if (params.slice(1).some((p) => p.toLowerCase() === "base64")) {
      const problem = base64Problem(body);
      if (problem) throw new BedrockInputError(`${where}: the data: URL's payload is not valid base64 (${problem})`);
      return { source: { bytes: body }, mime };
    }
    if (input.kind !== "document") {
      throw new BedrockInputError(`${where}: a ${input.kind} data: URL must be base64-encoded (data:<type>;base64,…)`);
    }
    return { source: { text: decodeURIComponent(body) }, mime };
  }
  if (/^s3:\/\/[^/]+\/.+/.test(url)) {
    const s3Location = input.bucketOwner ? { uri: url, bucketOwner: input.bucketOwner } : { uri: url };
    return { source: { s3Location }, mime: input.mime, uri: url };
  }
  if (/^https?:\/\//i.test(url)) {
    throw new BedrockInputError(`${where}: Bedrock cannot fetch ${input.kind} URLs (${url.slice(0, 80)}); pass bytes or an s3:// URI (CH23)`);
  }
  throw new BedrockInputError(`${where}: unsupported ${input.kind} URL "${url.slice(0, 80)}" (CH23)`);
}

function pickFormat(input: MediaInput, resolved: Resolved, where: string): string {
  const { kind } = input;
  if (input.format !== undefined) {
    const format = normalizeFormat(kind, input.format);
    if (!format) throw unsupported(`format "${input.format}"`, kind, where);
    return format;
  }
  if (resolved.mime) {
    const format = formatFromMime(kind, resolved.mime);
    if (!format) throw unsupported(`MIME type "${resolved.mime}"`, kind, where);
    return format;
  }
  const byName = formatFromName(kind, input.name) ?? formatFromName(kind, resolved.uri);
  if (byName) return byName;
  if ("text" in resolved.source) return "txt";
  if (kind === "image" && "bytes" in resolved.source) {
    const sniffed = sniffImageFormat(resolved.source.bytes);
    if (sniffed) return sniffed;
  }
  throw new BedrockInputError(`${where}: cannot tell the ${kind}'s format; give its MIME type (mime_type / mimeType)`);
}

function unsupported(what: string, kind: MediaKind, where: string): BedrockInputError {
  return new BedrockInputError(`${where}: ${what} is not a ${kind} format Bedrock accepts (${FORMATS[kind].join(", ")})`);
}

const NAME_MAX = 200;

/**
 * A document name Bedrock accepts: letters, digits, single spaces, hyphens, parentheses and
 * square brackets (the documented set), plus "_", which Bedrock takes too (a recorded request
 * named "company_policy" succeeded). A trailing extension matching the format is dropped
 * ("report.pdf" → "report"), other runs of characters become "-", and an empty result becomes
 * "document".
 */
export function sanitizeDocumentName(name: string | undefined, format?: string): string {
  let base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const ext = /\.([A-Za-z0-9]+)$/.exec(base);
  if (ext && (ext[1]!.toLowerCase() === format || formatFromName("document", base) === format)) {
    base = base.slice(0, -ext[0].length);
  }
  const cleaned = base
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "") // accents off: "résumé" → "resume"
    .replace(/[^A-Za-z0-9_\s\-()[\]]+/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^[\s-]+|[\s-]+$/g, "")
    .slice(0, NAME_MAX)
    .trim();
  return cleaned === "" ? "document" : cleaned;
}
