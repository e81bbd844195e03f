// Shared test helpers: conformance paths, seeded chunking, streams that record how they were read.
import { readFileSync, readdirSync } from "node:fs";
import type { MessageHeaders } from "@smithy/eventstream-codec";
import { codec } from "../../src/event-stream/codec.js";
import { conformancePath } from "../conformance.js";

export { CONFORMANCE, conformancePath } from "../conformance.js";

export function readBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(conformancePath(relative)));
}

export function readJson<T = unknown>(relative: string): T {
  return JSON.parse(readFileSync(conformancePath(relative), "utf8")) as T;
}

export function listDir(relative: string): string[] {
  return readdirSync(conformancePath(relative)).sort();
}

export function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "base64"));
}

export function fromHex(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "hex"));
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** mulberry32: a tiny seeded PRNG so random splits are reproducible from the seed in the test name. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `bytes` into chunks of 1..maxChunk bytes chosen by a seeded PRNG (copies, like network reads). */
export function randomChunks(bytes: Uint8Array, seed: number, maxChunk = 97): Uint8Array[] {
  const random = prng(seed);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(random() * maxChunk);
    chunks.push(bytes.slice(at, at + size));
    at += size;
  }
  return chunks;
}

export function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.slice(at, at + size));
  return chunks;
}

export interface RecordingStream {
  stream: ReadableStream<Uint8Array>;
  /** Resolves with the cancel reason when the consumer cancels. */
  cancelled: Promise<unknown>;
  wasCancelled(): boolean;
}

/**
 * A body that serves `chunks` on demand, then either closes or (with `hang`) never delivers
 * again, and records cancellation.
 */
export function bodyFrom(chunks: Uint8Array[], options: { hang?: boolean } = {}): RecordingStream {
  let cancelledFlag = false;
  let resolveCancel!: (reason: unknown) => void;
  const cancelled = new Promise<unknown>((resolve) => (resolveCancel = resolve));
  let index = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (index < chunks.length) controller.enqueue(chunks[index++]!);
        else if (!options.hang) controller.close();
        // With `hang`, pull returns without enqueuing: the next read() stays pending.
      },
      cancel(reason) {
        cancelledFlag = true;
        resolveCancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, cancelled, wasCancelled: () => cancelledFlag };
}

/** Wire type code of a decoded header, for comparison with the vectors' `type` numbers. */
export function wireType(header: MessageHeaders[string]): number {
  switch (header.type) {
    case "boolean":
      return header.value ? 0 : 1;
    case "byte":
      return 2;
    case "short":
      return 3;
    case "integer":
      return 4;
    case "long":
      return 5;
    case "binary":
      return 6;
    case "string":
      return 7;
    case "timestamp":
      return 8;
    case "uuid":
      return 9;
  }
}

/** A header value in plain comparable form: numbers, strings, booleans, and bytes as base64. */
export function plainValue(header: MessageHeaders[string]): unknown {
  switch (header.type) {
    case "long":
      return header.value.valueOf();
    case "timestamp":
      return header.value.getTime();
    case "binary":
      return Buffer.from(header.value).toString("base64");
    case "uuid":
      return Buffer.from(header.value.replace(/-/g, ""), "hex").toString("base64");
    default:
      return header.value;
  }
}

/** A frame whose headers are all strings, encoded by the codec the emulator uses. */
export function stringHeaderFrame(headers: Record<string, string>, body = ""): Uint8Array {
  return codec.encode({
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, { type: "string", value: v }])) as MessageHeaders,
    body: new TextEncoder().encode(body),
  });
}

/** What `fn` throws; a test failure when it does not throw. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}
