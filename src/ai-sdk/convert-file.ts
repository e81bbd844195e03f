// AI SDK file parts (images, documents, videos, audio) → Converse media content blocks.
import { BedrockInputError } from "../errors/index.js";
import { FORMATS, formatFromMime, mediaFromMime } from "../internal/media-types.js";
import type { AudioFormat, ContentBlock, DocumentFormat, ImageFormat, VideoFormat } from "../wire/index.js";

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

/**
 * One file part as a content block; `nextName` numbers unnamed documents (`document-1`, …).
 * MIME types map as in the chat layer (internal/media-types.ts): `image/jpg`, `text/plain; charset=utf-8`, … included.
 */
export function convertFile(part: FileInput, path: string, nextName: () => string): ContentBlock {
  const type = part.mediaType;
  if (typeof type !== "string") throw new BedrockInputError(`${path}.mediaType is required`);
  const media = mediaFromMime(type);
  if (!media) {
    throw new BedrockInputError(
      `${path}.mediaType is not a type Bedrock Converse accepts (images: ${FORMATS.image.join(", ")}; documents: ${FORMATS.document.join(", ")}; videos; audio)`,
    );
  }
  const src = source(part.data, path);
  switch (media.kind) {
    case "image":
      return { image: { format: media.format as ImageFormat, source: src } };
    case "document":
      return { document: { format: media.format as DocumentFormat, name: documentName(part.filename, nextName), source: src } };
    case "video":
      return { video: { format: media.format as VideoFormat, source: src } };
    case "audio":
      return { audio: { format: media.format as AudioFormat, source: src } };
  }
}

/** The image format of a media type, for tool results that carry images. */
export function imageFormat(mediaType: string, path: string): ImageFormat {
  const format = /^\s*image\//i.test(mediaType) ? formatFromMime("image", mediaType) : undefined;
  if (!format) throw new BedrockInputError(`${path}.mediaType must be an image type (${FORMATS.image.map((f) => `image/${f}`).join(", ")})`);
  return format as ImageFormat;
}
