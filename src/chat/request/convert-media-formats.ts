// Bedrock media formats per block kind, and how MIME types, file extensions and magic bytes map to them.
import { AudioFormat, DocumentFormat, ImageFormat, VideoFormat } from "../../wire/index.js";

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

// File extensions whose spelling differs from the format name.
const EXTENSIONS: Record<string, string> = {
  jpg: "jpeg",
  jpe: "jpeg",
  htm: "html",
  markdown: "md",
  text: "txt",
  "3gp": "three_gp",
  qt: "mov",
  mpeg4: "mp4",
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

/** The format named by a file name's or URI's extension, within a kind. */
export function formatFromName(kind: MediaKind, name: string | undefined): string | undefined {
  const match = name ? /\.([A-Za-z0-9]+)(?:[?#].*)?$/.exec(name) : null;
  if (!match) return undefined;
  const ext = match[1]!.toLowerCase();
  const format = EXTENSIONS[ext] ?? ext;
  return FORMATS[kind].includes(format) ? format : undefined;
}

/** An explicit format (`"pdf"`, `"PNG"`, `"3gp"`), if it is one Bedrock knows for the kind. */
export function normalizeFormat(kind: MediaKind, format: string): string | undefined {
  const lower = format.toLowerCase();
  const mapped = EXTENSIONS[lower] ?? lower;
  return FORMATS[kind].includes(mapped) ? mapped : undefined;
}

// Leading base64 characters of each image format's magic number.
const IMAGE_MAGIC: Array<[string, ImageFormat]> = [
  ["iVBORw0KGgo", "png"],
  ["/9j/", "jpeg"],
  ["R0lGOD", "gif"],
  ["UklGR", "webp"],
];

/** Guesses an image format from its first bytes, for blocks that carry no MIME type. */
export function sniffImageFormat(data: string | Uint8Array): ImageFormat | undefined {
  if (typeof data === "string") return IMAGE_MAGIC.find(([prefix]) => data.startsWith(prefix))?.[1];
  const b = data;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return "png";
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return "gif";
  if (b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45) return "webp";
  return undefined;
}
