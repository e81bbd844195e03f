// How streamed chunks combine: content, block lists merged by `index`, metadata, usage sums.
import type { ChatContentBlock, MessageContent, UsageMetadata } from "./message-types.js";
import { isRecord, type Dict } from "../../internal/index.js";

// Keys that name a thing rather than accumulate text: the latest non-empty value wins.
const IDENTITY_KEYS = new Set(["type", "id", "name", "index"]);

/**
 * Merges two dicts as LangChain's `_mergeDicts` does: strings concatenate, objects recurse, arrays
 * merge by `index`. Identity keys keep one value instead of concatenating.
 */
export function mergeDicts<T extends Dict>(left: T, right: Dict): T {
  const out: Dict = { ...left };
  for (const [key, value] of Object.entries(right)) {
    const prev = out[key];
    if (value === undefined) continue;
    if (prev === undefined || prev === null) out[key] = value;
    else if (IDENTITY_KEYS.has(key)) out[key] = value === "" ? prev : value;
    else if (key === "redactedContent" && typeof prev === "string" && typeof value === "string") {
      out[key] = concatBase64(prev, value);
    } else if (typeof prev === "string" && typeof value === "string") out[key] = prev + value;
    else if (Array.isArray(prev) && Array.isArray(value)) out[key] = mergeLists(prev, value);
    else if (isRecord(prev) && isRecord(value)) out[key] = mergeDicts(prev, value);
    else out[key] = value;
  }
  return out as T;
}

/** Appends `right` to `left`, merging items that carry the same numeric `index`. */
export function mergeLists<T>(left: readonly T[], right: readonly T[]): T[] {
  const out = [...left];
  for (const item of right) {
    const index = isRecord(item) ? item["index"] : undefined;
    const at =
      typeof index === "number"
        ? out.findIndex((o) => isRecord(o) && o["index"] === index)
        : -1;
    if (at >= 0) out[at] = mergeDicts(out[at] as Dict, item as Dict) as T;
    else out.push(item);
  }
  return out;
}

/**
 * Joins two contents: strings concatenate; a string meeting a block list becomes a text block
 * (an empty string is dropped), as LangChain's `mergeContent` does.
 */
export function mergeContent(left: MessageContent, right: MessageContent): MessageContent {
  if (typeof left === "string" && typeof right === "string") return left + right;
  const l: ChatContentBlock[] = typeof left === "string" ? textAsBlocks(left) : left;
  const r: ChatContentBlock[] = typeof right === "string" ? textAsBlocks(right) : right;
  return mergeLists(l, r);
}

const textAsBlocks = (text: string): ChatContentBlock[] => (text === "" ? [] : [{ type: "text", text }]);

/** Deep merge for metadata: objects recurse, arrays concatenate, later scalars win. */
export function mergeMetadata(left: Dict, right: Dict): Dict {
  const out: Dict = { ...left };
  for (const [key, value] of Object.entries(right)) {
    const prev = out[key];
    if (value === undefined) continue;
    if (isRecord(prev) && isRecord(value)) out[key] = mergeMetadata(prev, value);
    else if (Array.isArray(prev) && Array.isArray(value)) out[key] = [...prev, ...value];
    else out[key] = value;
  }
  return out;
}

/** Sums two usage records field by field, details included; `undefined` if both are. */
export function mergeUsage(
  left: UsageMetadata | undefined,
  right: UsageMetadata | undefined,
): UsageMetadata | undefined {
  if (!left) return right && structuredClone(right);
  if (!right) return structuredClone(left);
  return sumNumbers(left as unknown as Dict, right as unknown as Dict) as unknown as UsageMetadata;
}

function sumNumbers(a: Dict, b: Dict): Dict {
  const out: Dict = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    if (typeof prev === "number" && typeof value === "number") out[key] = prev + value;
    else if (isRecord(prev) && isRecord(value)) out[key] = sumNumbers(prev, value);
    else if (value !== undefined) out[key] = isRecord(value) ? { ...value } : value;
  }
  return out;
}

// Redacted reasoning travels as base64; pieces join as bytes, since base64 strings only
// concatenate cleanly when the first piece has no padding.
function concatBase64(a: string, b: string): string {
  if (!a.endsWith("=")) return a + b;
  try {
    return btoa(atob(a) + atob(b));
  } catch {
    return a + b;
  }
}
