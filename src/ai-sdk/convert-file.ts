// AI SDK file parts (images, documents, videos, audio) → Converse media content blocks.
import { BedrockInputError } from "../errors/index.js";
import type { AudioFormat, ContentBlock, DocumentFormat, ImageFormat, VideoFormat } from "../wire/index.js";

const IMAGE: Record<string, ImageFormat> = { "image/jpeg": "jpeg", "image/jpg": "jpeg", "image/png": "png", "image/gif": "gif", "image/webp": "webp" };

// Converse's document formats (API_runtime_DocumentBlock), keyed by the IANA types apps send.
const DOCUMENT: Record<string, DocumentFormat> = {
  "application/pdf": "pdf",
  "text/csv": "csv",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "text/html": "html",
  "text/plain": "txt",
  "text/markdown": "md",
};

const VIDEO: Record<string, VideoFormat> = {
  "video/x-flv": "flv",
  "video/x-matroska": "mkv",
  "video/quicktime": "mov",
  "video/mp4": "mp4",
  "video/mpeg": "mpeg",
  "video/mpg": "mpg",
  "video/3gpp": "three_gp",
  "video/webm": "webm",
  "video/x-ms-wmv": "wmv",
};

const AUDIO: Record<string, AudioFormat> = {
  "audio/aac": "aac",
  "audio/flac": "flac",
  "audio/mp4": "m4a",
  "audio/x-m4a": "m4a",
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/ogg": "ogg",
  "audio/opus": "opus",
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/webm": "webm",
};

export interface FileInput {
  data: Uint8Array | string | URL;
  mediaType: string;
  filename?: string | undefined;
}

/** Inline bytes (or a base64 string), or an `s3://` object; other URLs are downloaded by the AI SDK first. */
function source(data: FileInput["data"], path: string): { bytes: Uint8Array | string } | { s3Location: { uri: string } } {
  if (data instanceof URL) {
    if (data.protocol !== "s3:") throw new BedrockInputError(`${path}.data: only s3:// URLs can be sent to Bedrock as they are`);
    return { s3Location: { uri: data.href } };
  }
  if (typeof data === "string" || data instanceof Uint8Array) return { bytes: data };
  throw new BedrockInputError(`${path}.data must be a Uint8Array, a base64 string or a URL`);
}

/**
 * A Bedrock-safe document name: the file name without its extension, with characters Bedrock
 * refuses (anything but letters, digits, spaces, hyphens, parentheses, brackets) made hyphens.
 */
export function documentName(filename: string | undefined, fallback: () => string): string {
  if (!filename) return fallback();
  const stem = filename.replace(/\.[^./\\]+$/, "");
  const safe = stem.replace(/[^A-Za-z0-9 \-()[\]]/g, "-").replace(/ {2,}/g, " ").trim();
  return safe === "" ? fallback() : safe;
}

/** One file part as a content block; `nextName` numbers unnamed documents (`document-1`, …). */
export function convertFile(part: FileInput, path: string, nextName: () => string): ContentBlock {
  const type = part.mediaType?.toLowerCase();
  if (typeof type !== "string") throw new BedrockInputError(`${path}.mediaType is required`);
  const image = IMAGE[type];
  if (image) return { image: { format: image, source: source(part.data, path) } };
  const document = DOCUMENT[type];
  if (document) return { document: { format: document, name: documentName(part.filename, nextName), source: source(part.data, path) } };
  const video = VIDEO[type];
  if (video) return { video: { format: video, source: source(part.data, path) } };
  const audio = AUDIO[type];
  if (audio) return { audio: { format: audio, source: source(part.data, path) } };
  throw new BedrockInputError(
    `${path}.mediaType is not a type Bedrock Converse accepts (images: ${Object.keys(IMAGE).join(", ")}; documents: pdf, csv, doc(x), xls(x), html, txt, md; videos; audio)`,
  );
}

/** The image format of a media type, for tool results that carry images. */
export function imageFormat(mediaType: string, path: string): ImageFormat {
  const format = IMAGE[mediaType.toLowerCase()];
  if (!format) throw new BedrockInputError(`${path}.mediaType must be one of ${Object.keys(IMAGE).join(", ")}`);
  return format;
}
