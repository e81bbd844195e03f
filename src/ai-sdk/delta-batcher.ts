// Joins consecutive deltas of one block that are already in hand, so the AI SDK's per-part pipeline runs once for them.
import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";

type Delta = Extract<LanguageModelV3StreamPart, { type: "text-delta" | "reasoning-delta" | "tool-input-delta" }>;

const mergeable = (part: LanguageModelV3StreamPart): part is Delta =>
  (part.type === "text-delta" || part.type === "reasoning-delta" || part.type === "tool-input-delta") && part.providerMetadata === undefined;

export interface DeltaBatcher {
  /** Takes one part: a delta is held (joined to the held one when it continues it), anything else flushes first. */
  push(part: LanguageModelV3StreamPart): void;
  /** Hands out the held delta, if any. */
  flush(): void;
  /** Whether a delta is held (worth looking for a next one before flushing). */
  readonly holding: boolean;
}

/** Order is kept: only runs of deltas with the same type and id are joined; metadata-bearing deltas never are. */
export function createDeltaBatcher(enqueue: (part: LanguageModelV3StreamPart) => void): DeltaBatcher {
  let held: Delta | undefined;
  return {
    push(part) {
      if (held !== undefined && mergeable(part) && part.type === held.type && part.id === held.id) {
        held = { ...held, delta: held.delta + part.delta };
        return;
      }
      if (held !== undefined) enqueue(held);
      held = undefined;
      if (mergeable(part)) held = part;
      else enqueue(part);
    },
    flush() {
      if (held !== undefined) enqueue(held);
      held = undefined;
    },
    get holding() {
      return held !== undefined;
    },
  };
}

/**
 * Resolves true if `promise` settles within a few microtasks, i.e. its value was already in
 * hand (decoded from bytes already received), false if it waits on I/O (a macrotask away).
 * The promise itself is left to the caller, never dropped.
 */
export function settlesSoon(promise: Promise<unknown>, microtasks = 24): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  let tick: Promise<void> = Promise.resolve();
  for (let i = 0; i < microtasks; i++) tick = tick.then(() => undefined);
  return tick.then(() => settled);
}
