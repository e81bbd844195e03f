// Bedrock's media formats per block kind, and the MIME types that name them: one table for the chat layer and the AI SDK provider.
import { AudioFormat, DocumentFormat, ImageFormat, VideoFormat } from "../wire/index.js";

export type MediaKind = "image" | "document" | "video" | "audio";
export type MediaFormat = ImageFormat | DocumentFormat | VideoFormat | AudioFormat;

/** The formats Bedrock's Converse API accepts for each kind: the SDK's enums, as src/wire declares them. */
export const FORMATS: Record<MediaKind, readonly string[]> = {
  image: Object.values(ImageFormat),
  document: Object.values(DocumentFormat),
  video: Object.values(VideoFormat),
  // "x-aac" (a later addition to the SDK's enum) stays refused until these converters are tested with it.
  audio: Object.values(AudioFormat).filter((format) => format !== AudioFormat.X_AAC),
};

// MIME types whose subtype is not already the Bedrock format name.
const MIME: Record<string, string> = {
  "image/jpg": "jpeg",
  "image/pjpeg": "jpeg",
  "application/pdf": "pdf",
  "text/csv": "csv",
  "application/csv": "csv",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "text/html": "html",
  "text/plain": "txt",
  "text/markdown": "md",
  "text/x-markdown": "md",
  "video/quicktime": "mov",
  "video/x-matroska": "mkv",
  "video/x-flv": "flv",
  "video/x-ms-wmv": "wmv",
  "video/3gpp": "three_gp",
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/vnd.wave": "wav",
  "audio/x-flac": "flac",
  "audio/x-m4a": "m4a",
  "audio/mp4": "m4a",
  "audio/x-matroska": "mka",
  "audio/l16": "pcm",
  "audio/x-aac": "aac",
};

/** The format for a MIME type within a kind, or `undefined` when Bedrock has none for it. */
export function formatFromMime(kind: MediaKind, mime: string | undefined): string | undefined {
  if (!mime) return undefined;
  const bare = mime.split(";")[0]!.trim().toLowerCase();
  const mapped = MIME[bare];
  if (mapped && FORMATS[kind].includes(mapped)) return mapped;
  const subtype = bare.split("/")[1];
  return subtype && FORMATS[kind].includes(subtype) ? subtype : undefined;
}

/**
 * The block kind and format for a MIME type on its own (no block kind given, as AI SDK file parts
 * come): `image/*`, `video/*` and `audio/*` by their top-level type, anything else a document.
 */
export function mediaFromMime(mime: string): { kind: MediaKind; format: string } | undefined {
  const top = mime.split("/")[0]!.trim().toLowerCase();
  const kind: MediaKind = top === "image" || top === "video" || top === "audio" ? top : "document";
  const format = formatFromMime(kind, mime);
  return format === undefined ? undefined : { kind, format };
}
