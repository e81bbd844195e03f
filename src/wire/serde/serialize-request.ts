// Converse / ConverseStream / CountTokens / ApplyGuardrail request → JSON body, blobs as base64.
import { BedrockInputError } from "../../errors/exceptions.js";
import { encodeBase64 } from "./base64.js";
import type { ConverseRequest } from "../types/converse.js";
import type { CountTokensRequest } from "../types/count-tokens.js";
import type { ConverseStreamRequest } from "../types/stream-events.js";
import type { ApplyGuardrailRequest } from "../types/apply-guardrail.js";

/**
 * The JSON body of a Converse or ConverseStream call. `modelId` is left out (it goes in
 * the path, see `modelPath`); `undefined` members are dropped; every `Uint8Array` (or other
 * ArrayBuffer view, or ArrayBuffer) becomes standard base64, wherever it sits: image,
 * document, video and audio sources, guardrail images, redacted reasoning, blocks nested in
 * tool results and system blocks. Strings in blob positions are taken to be base64 already
 * and pass through. SDK-style `{ $unknown: [name, value] }` union members become `{ [name]: value }`.
 *
 * @example
 * serializeConverseRequest({ modelId: "m", messages: [{ role: "user", content: [{ image: { format: "png", source: { bytes } } }] }] });
 * // → '{"messages":[{"role":"user","content":[{"image":{"format":"png","source":{"bytes":"iVBORw0…"}}}]}]}'
 */
export function serializeConverseRequest(request: ConverseRequest | ConverseStreamRequest): string {
  const { modelId: _inPath, ...body } = request;
  return stringify(body);
}

/** The JSON body of a CountTokens call (`{"input":{"converse":{…}}}` or `{"input":{"invokeModel":{"body":"…"}}}`). */
export function serializeCountTokensRequest(request: CountTokensRequest): string {
  const { modelId: _inPath, ...body } = request;
  return stringify(body);
}

/** The JSON body of an ApplyGuardrail call: `source`, `content` (image bytes as base64), `outputScope`; the IDs go in the path. */
export function serializeApplyGuardrailRequest(request: ApplyGuardrailRequest): string {
  const { guardrailIdentifier: _id, guardrailVersion: _version, ...body } = request;
  return stringify(body);
}

/**
 * validate*Request names the field for cycles, BigInts and deep nesting first; this catches what
 * only JSON.stringify itself can run into (a throwing `toJSON`, one that returns a cycle).
 */
function stringify(body: object): string {
  try {
    return JSON.stringify(body, toWire);
  } catch (cause) {
    const name = cause instanceof Error ? cause.name : typeof cause;
    throw new BedrockInputError(`the request cannot be written as JSON (JSON.stringify threw ${name})`, { cause });
  }
}

/**
 * JSON.stringify replacer. It reads the holder's raw value (`this[key]`) because `value` has
 * already been through `toJSON`, which turns a Node `Buffer` into `{ type, data: [...] }`.
 */
function toWire(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  const bytes = asBytes(raw);
  if (bytes) return encodeBase64(bytes);
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return unwrapUnknown(value);
  return value;
}

/** Bytes of any ArrayBuffer view or ArrayBuffer, realm-independent (no `instanceof`). */
function asBytes(value: unknown): Uint8Array | undefined {
  if (value === null || typeof value !== "object") return undefined;
  if (ArrayBuffer.isView(value)) {
    return value instanceof Uint8Array ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  const tag = Object.prototype.toString.call(value);
  if (tag === "[object ArrayBuffer]" || tag === "[object SharedArrayBuffer]") {
    return new Uint8Array(value as ArrayBuffer);
  }
  return undefined;
}

/** `{ $unknown: ["newKind", v] }` (the SDK's way to send a member it has no type for) → `{ newKind: v }`. */
function unwrapUnknown(value: object): unknown {
  const tuple = (value as { $unknown?: unknown }).$unknown;
  if (!Array.isArray(tuple) || tuple.length !== 2 || typeof tuple[0] !== "string") return value;
  for (const [k, v] of Object.entries(value)) if (k !== "$unknown" && v !== undefined) return value;
  return { [tuple[0]]: tuple[1] };
}
