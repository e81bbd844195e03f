// The floor for stream decoding: CRC-check and JSON.parse every frame of a body in a tight loop.
import { crc32 } from "../../dist/event-stream/crc32.js";

const utf8 = new TextDecoder();

/**
 * What any client must do per event at the least: check the prelude and message CRCs and parse
 * the JSON payload. No header parsing, no objects per frame, no async hand-offs, whole body in
 * one buffer. Returns the number of frames.
 */
export function floorDecode(body) {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let frames = 0;
  for (let at = 0; at < body.byteLength; frames++) {
    const total = view.getUint32(at);
    const headersLength = view.getUint32(at + 4);
    const preludeCrc = crc32(body, at, at + 8);
    if (preludeCrc !== view.getUint32(at + 8)) throw new Error(`prelude CRC mismatch at ${at}`);
    if (crc32(body, at + 8, at + total - 4, preludeCrc) !== view.getUint32(at + total - 4)) throw new Error(`message CRC mismatch at ${at}`);
    JSON.parse(utf8.decode(body.subarray(at + 12 + headersLength, at + total - 4)));
    at += total;
  }
  return frames;
}
