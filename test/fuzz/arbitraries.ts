// fast-check arbitraries and run settings shared by the fuzz tests: hostile names, headers, frames.
import { Int64, type Message, type MessageHeaders, type MessageHeaderValue } from "@smithy/eventstream-codec";
import fc from "fast-check";
import { BedrockError } from "../../src/errors/index.js";
import { codec } from "../../src/event-stream/codec.js";
import { crc32 } from "../../src/event-stream/crc32.js";

// `npm test` must give the same verdict on every run, so under CI the seed is fixed (a gate that fails at random
// blocks unrelated work). Exploration is `npm run fuzz`: random seeds, FUZZ_SCALE times the runs and time.
// A failure prints its seed; FUZZ_SEED=<seed> replays it.
const { FUZZ_SCALE, FUZZ_SEED, CI } = process.env;
const scale = Math.max(1, Number(FUZZ_SCALE) || 1);
const seed = FUZZ_SEED !== undefined ? Number(FUZZ_SEED) : CI ? 20261203 : undefined;

/** Bounded runs: each property stops after `numRuns` or its time budget, whichever comes first. */
export function runs(numRuns: number, timeLimitMs: number): fc.Parameters<unknown> {
  return {
    numRuns: numRuns * scale,
    ...(seed !== undefined && { seed }),
    plugins: [fc.interruptAfterTimeLimit(timeLimitMs * scale)],
  } as fc.Parameters<unknown>;
}

/** Object.prototype's member names and the names Bedrock really uses, which a lookup must tell apart. */
export const SPECIAL_NAMES = [
  "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "propertyIsEnumerable",
  "toLocaleString", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
  "prototype", "length", "name", "then", "$unknown", "p",
  "event", "exception", "error", "messageStart", "contentBlockStart", "contentBlockDelta", "contentBlockStop",
  "messageStop", "metadata", "throttlingException", "validationException", "modelStreamErrorException",
  "internalServerException", "serviceUnavailableException", "ThrottlingException", "InternalFailure",
  "end_turn", "tool_use", "max_tokens", "5m", "1h", "text", "toolUse", "reasoningContent", "image",
] as const;

/** A name as the wire might carry it: a special one, or any string (lone surrogates included). */
export const wireName: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_NAMES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
);

/** Throws unless `error` is one of the library's typed errors. */
export function expectTyped(error: unknown): void {
  if (BedrockError.isInstance(error)) return;
  const name = (error as { constructor?: { name?: string } } | null)?.constructor?.name ?? typeof error;
  throw new Error(`untyped ${name}: ${String((error as Error | null)?.message ?? error)}`, { cause: error });
}

const headerValue: fc.Arbitrary<MessageHeaderValue> = fc.oneof(
  fc.boolean().map((value) => ({ type: "boolean", value }) as const),
  fc.integer({ min: -128, max: 127 }).map((value) => ({ type: "byte", value }) as const),
  fc.integer({ min: -32768, max: 32767 }).map((value) => ({ type: "short", value }) as const),
  fc.integer().map((value) => ({ type: "integer", value }) as const),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map((value) => ({ type: "long", value: Int64.fromNumber(value) }) as const),
  fc.uint8Array({ maxLength: 16 }).map((value) => ({ type: "binary", value }) as const),
  wireName.map((value) => ({ type: "string", value }) as const),
  fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => ({ type: "timestamp", value: new Date(ms) }) as const),
  fc.uuid().map((value) => ({ type: "uuid", value }) as const),
);

const str = (value: string): MessageHeaderValue => ({ type: "string", value });

/** Headers with own keys only (`__proto__` included), built without going through `[[Set]]`. */
function headersFrom(entries: ReadonlyArray<readonly [string, MessageHeaderValue]>): MessageHeaders {
  const headers: MessageHeaders = {};
  for (const [name, value] of entries) Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
  return headers;
}

type Entry = [string, MessageHeaderValue];
const entry = (name: string, value: MessageHeaderValue): Entry => [name, value];

/** The routing headers of an event, exception or error frame, names and values drawn from `wireName`. */
const routing: fc.Arbitrary<Entry[]> = fc.oneof(
  fc
    .tuple(wireName, fc.constantFrom("application/json", "application/problem+json", "text/plain"))
    .map(([type, ct]) => [entry(":message-type", str("event")), entry(":event-type", str(type)), entry(":content-type", str(ct))]),
  wireName.map((type) => [
    entry(":message-type", str("exception")),
    entry(":exception-type", str(type)),
    entry(":content-type", str("application/json")),
  ]),
  fc
    .tuple(wireName, wireName)
    .map(([code, message]) => [entry(":message-type", str("error")), entry(":error-code", str(code)), entry(":error-message", str(message))]),
  fc.tuple(wireName, wireName).map(([messageType, type]) => [entry(":message-type", str(messageType)), entry(":event-type", str(type))]),
  // A routing header of the wrong type, or none at all.
  fc.tuple(headerValue, wireName).map(([value, type]) => [entry(":message-type", value), entry(":event-type", str(type))]),
  fc.constant<Entry[]>([]),
);

const jsonBody: fc.Arbitrary<Uint8Array> = fc
  .oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record({ p: fc.string(), delta: fc.record({ text: fc.string() }) }),
    fc.record({ contentBlockIndex: fc.nat(3), delta: fc.record({ reasoningContent: fc.record({ redactedContent: fc.string() }) }) }),
    fc.record({ message: wireName, originalStatusCode: fc.integer(), originalMessage: fc.string() }),
    fc.dictionary(wireName, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  )
  .map((value) => new TextEncoder().encode(JSON.stringify(value) ?? "null"));

/** A well-formed frame (correct lengths and CRCs) with random routing, extra headers and body. */
export const validFrame: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    routing,
    fc.uniqueArray(fc.tuple(wireName, headerValue), { selector: ([name]) => name, maxLength: 4 }),
    fc.oneof(jsonBody, fc.uint8Array({ maxLength: 64 }), fc.constant(new Uint8Array(0))),
  )
  .map(([route, extra, body]) => {
    const routed = new Set(route.map(([name]) => name));
    const message: Message = { headers: headersFrom([...extra.filter(([name]) => !routed.has(name)), ...route]), body };
    return codec.encode(message);
  });

/**
 * A frame whose prelude and message CRCs are right but whose header section is random bytes
 * (and whose declared headers length may run past the frame): what reaches the header parser.
 */
export const garbageFrame: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.uint8Array({ maxLength: 96 }), fc.uint8Array({ maxLength: 32 }), fc.integer({ min: -4, max: 8 }))
  .map(([headers, body, skew]) => {
    const total = 12 + headers.length + body.length + 4;
    const frame = new Uint8Array(total);
    const view = new DataView(frame.buffer);
    view.setUint32(0, total);
    view.setUint32(4, Math.max(0, headers.length + skew));
    view.setUint32(8, crc32(frame, 0, 8));
    frame.set(headers, 12);
    frame.set(body, 12 + headers.length);
    view.setUint32(total - 4, crc32(frame, 0, total - 4));
    return frame;
  });

/** Cuts `bytes` into chunks at the given sizes (cycled), as network reads would. */
export function split(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  if (sizes.length === 0) return [bytes];
  const chunks: Uint8Array[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    chunks.push(bytes.slice(at, at + size));
    at += size;
  }
  return chunks;
}

export const chunkSizes: fc.Arbitrary<number[]> = fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 8 });
