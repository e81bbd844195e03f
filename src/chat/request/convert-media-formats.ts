// Bedrock media formats per block kind, and how file extensions and magic bytes map to them (MIME types: internal/media-types.ts).
import type { ImageFormat } from "../../wire/index.js";
import { FORMATS, type MediaKind } from "../../internal/media-types.js";

export { FORMATS, formatFromMime, type MediaFormat, type MediaKind } from "../../internal/media-types.js";

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
