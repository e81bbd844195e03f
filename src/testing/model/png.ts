// Small valid PNG files for the emulator's image models: a two-colour diagonal gradient of any size, zlib-compressed.
// https://www.w3.org/TR/png-3/ (signature, IHDR, IDAT, IEND; filter type 0 per row; CRC-32 over type and data)
import { crc32 } from "../../event-stream/crc32.js";
import { concat } from "../response/body-stream.js";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RGB = 2;
const RGBA = 6;

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** zlib (RFC 1950) deflate, as IDAT holds it: CompressionStream's "deflate" is exactly that. */
async function zlib(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export interface PngSpec {
  width: number;
  height: number;
  /** Top-left and bottom-right colours, `[r, g, b]`. */
  from: readonly [number, number, number];
  to: readonly [number, number, number];
  /** An alpha channel (opaque), as Bedrock's background removal answers. */
  alpha?: boolean;
}

/**
 * A PNG of `width` × `height`, 8-bit RGB (or RGBA), shading from `from` to `to` along the diagonal
 * in 16 bands, so it compresses to a few KiB even at 4096 × 4096 yet is not a flat colour.
 */
export async function encodePng({ width, height, from, to, alpha = false }: PngSpec): Promise<Uint8Array> {
  const channels = alpha ? 4 : 3;
  const stride = 1 + width * channels;
  const raw = new Uint8Array(stride * height);
  const bands = 16;
  for (let y = 0; y < height; y++) {
    const row = y * stride; // raw[row] = 0: filter type None
    for (let x = 0; x < width; x++) {
      const t = Math.floor(((x / width + y / height) / 2) * bands) / (bands - 1);
      const at = row + 1 + x * channels;
      for (let c = 0; c < 3; c++) raw[at + c] = Math.round(from[c]! + (to[c]! - from[c]!) * Math.min(1, t));
      if (alpha) raw[at + 3] = 255;
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, alpha ? RGBA : RGB, 0, 0, 0], 8); // bit depth, colour type, compression, filter, interlace
  return concat([new Uint8Array(SIGNATURE), chunk("IHDR", header), chunk("IDAT", await zlib(raw)), chunk("IEND", new Uint8Array(0))]);
}

/** The width and height of a PNG (from IHDR), or undefined for bytes that are not one. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24 || SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!) !== "IHDR") return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
