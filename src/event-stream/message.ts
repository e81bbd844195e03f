// The decoded frame's types, declared here so the published .d.ts need not load Smithy's types.

// Structurally the same as `Message` and its header values in `@smithy/types` (eventStream.d.ts),
// so frames pass to and from Smithy's codec unchanged. Importing Smithy's would drag its
// `node:stream`/`node:http` types into every consumer's program.

/** A 64-bit header value, as Smithy's `Int64` holds it (big-endian two's complement). */
export interface Int64Value {
  readonly bytes: Uint8Array;
  valueOf: () => number;
  toString: () => string;
}

type HeaderValue<K extends string, V> = { type: K; value: V };

export type MessageHeaderValue =
  | HeaderValue<"boolean", boolean>
  | HeaderValue<"byte", number>
  | HeaderValue<"short", number>
  | HeaderValue<"integer", number>
  | HeaderValue<"long", Int64Value>
  | HeaderValue<"binary", Uint8Array>
  | HeaderValue<"string", string>
  | HeaderValue<"timestamp", Date>
  | HeaderValue<"uuid", string>;

export type MessageHeaders = Record<string, MessageHeaderValue>;

/** One event-stream frame split into typed headers and its body. */
export interface DecodedFrame {
  headers: MessageHeaders;
  body: Uint8Array;
}
