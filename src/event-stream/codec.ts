// One shared EventStreamCodec (Smithy's), wired to the platform's UTF-8 coders.
import { EventStreamCodec } from "@smithy/eventstream-codec";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Smithy's codec with WHATWG TextEncoder/TextDecoder, so no Buffer is needed. */
export const codec = new EventStreamCodec(
  (bytes: Uint8Array) => decoder.decode(bytes),
  (text: string) => encoder.encode(text),
);
