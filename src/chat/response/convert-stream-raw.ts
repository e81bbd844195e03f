// Buffers streamed blocks the chat layer keeps in Bedrock's own shape (server tool use, tool results, images).
import type { ContentBlockDeltaLike, ContentBlockStartLike } from "./convert-response-shapes.js";
import type { UnknownContentBlock } from "../messages/index.js";
import { isObject } from "../../internal/index.js";

type Item = { text: string } | { json: unknown } | Record<string, unknown>;
interface Pending {
  member: string;
  value: Record<string, unknown>;
  input?: string;
  items?: Item[];
}

/**
 * Assembles a block from its start and deltas and hands it over whole at `contentBlockStop`:
 * these blocks are not meant to be read piece by piece, and whole they equal the block a
 * Converse (non-streaming) reply would hold.
 */
export class RawBlockBuffer {
  readonly #pending = new Map<number, Pending>();

  has(index: number): boolean {
    return this.#pending.has(index);
  }

  start(index: number, start: ContentBlockStartLike): void {
    const [member, value] = Object.entries(start)[0] ?? ["unknown", {}];
    const pending: Pending = { member, value: { ...(value as Record<string, unknown>) } };
    if (member === "toolUse") pending.input = "";
    if (member === "toolResult") pending.items = [];
    this.#pending.set(index, pending);
  }

  delta(index: number, delta: ContentBlockDeltaLike): void {
    let pending = this.#pending.get(index);
    const [member, value] = Object.entries(delta)[0] ?? ["unknown", undefined];
    if (!pending) {
      pending = { member, value: {} };
      if (member === "toolResult") pending.items = [];
      this.#pending.set(index, pending);
    }
    // Shapes are checked, not assumed: these come from the wire, and a null or scalar delta must not throw.
    if (member === "toolUse" && pending.input !== undefined) {
      const input = isObject(value) ? value["input"] : undefined;
      if (typeof input === "string") pending.input += input;
    } else if (member === "toolResult" && pending.items) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) if (isObject(item)) appendItem(pending.items, item);
    } else if (isObject(value)) {
      Object.assign(pending.value, value);
    } else {
      pending.value = { value };
    }
  }

  /** The finished block for `index`, or `undefined` if nothing was buffered there. */
  finish(index: number): UnknownContentBlock | undefined {
    const pending = this.#pending.get(index);
    if (!pending) return undefined;
    this.#pending.delete(index);
    const value = { ...pending.value };
    if (pending.input !== undefined) value["input"] = parseInput(pending.input);
    if (pending.items) value["content"] = pending.items;
    return { [pending.member]: value };
  }
}

// Consecutive text pieces form one text item, as in a non-streamed tool result.
function appendItem(items: Item[], item: Item): void {
  const last = items[items.length - 1];
  if (last && "text" in last && typeof last.text === "string" && "text" in item && typeof item.text === "string") {
    items[items.length - 1] = { text: last.text + item.text };
  } else {
    items.push({ ...item });
  }
}

function parseInput(input: string): unknown {
  if (input.trim() === "") return {};
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
}
