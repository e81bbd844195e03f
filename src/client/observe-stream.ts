// Watches a ConverseStream's events for hooks: usage and stop reason as they pass, one onStreamEnd when it ends.
import type { ConverseStreamOutput, TokenUsage } from "../wire/index.js";
import type { CallEvent, HookRunner } from "./hooks.js";

/**
 * The same events, unchanged and unbuffered; `onStreamEnd` fires once: on the last event
 * (`completed`), on a failure (`error`, with the error's name) or on `return()` (`cancelled`).
 */
export function observeStream(
  events: AsyncIterableIterator<ConverseStreamOutput>,
  hooks: HookRunner,
  facts: CallEvent & { requestId: string | undefined; startedMs: number },
): AsyncIterableIterator<ConverseStreamOutput> {
  if (!hooks.active) return events;
  let usage: TokenUsage | undefined;
  let stopReason: string | undefined;
  let ended = false;
  const { startedMs, ...base } = facts;
  const end = (outcome: "completed" | "error" | "cancelled", errorName?: string) => {
    if (ended) return;
    ended = true;
    hooks.emit("onStreamEnd", {
      ...base,
      outcome,
      latencyMs: Date.now() - startedMs,
      ...(usage ? { usage } : {}),
      ...(stopReason !== undefined ? { stopReason } : {}),
      ...(errorName !== undefined ? { errorName } : {}),
    });
  };
  return {
    async next() {
      let result: IteratorResult<ConverseStreamOutput>;
      try {
        result = await events.next();
      } catch (error) {
        end("error", error instanceof Error ? error.name : typeof error);
        throw error;
      }
      if (result.done) end("completed");
      else if (result.value.metadata?.usage) usage = result.value.metadata.usage;
      else if (result.value.messageStop?.stopReason !== undefined) stopReason = result.value.messageStop.stopReason;
      return result;
    },
    async return(value?: unknown) {
      end("cancelled");
      return (await events.return?.(value)) ?? { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
