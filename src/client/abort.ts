// Links the caller's AbortSignal with the client's own timeouts into one signal for fetch.
import { AbortError, TimeoutError } from "../errors/exceptions.js";

export interface LinkedSignal {
  signal: AbortSignal;
  /** Fires the linked signal with a TimeoutError after `ms` (restartable). */
  arm(ms: number | undefined, message: string): void;
  /** Clears timers and listeners; call once the operation is over. */
  dispose(): void;
}

/** One controller fed by the caller's signal and an optional timer. */
export function linkSignal(outer: AbortSignal | undefined): LinkedSignal {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onOuterAbort = () => controller.abort(toAbortError(outer?.reason));
  if (outer) {
    if (outer.aborted) onOuterAbort();
    else outer.addEventListener("abort", onOuterAbort, { once: true });
  }
  return {
    signal: controller.signal,
    arm(ms, message) {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (ms === undefined || ms <= 0 || !Number.isFinite(ms)) return;
      timer = setTimeout(() => controller.abort(new TimeoutError(message)), ms);
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      outer?.removeEventListener("abort", onOuterAbort);
    },
  };
}

/** Our typed error for an abort reason (keeps a TimeoutError or a caller-supplied BedrockError). */
export function toAbortError(reason: unknown): Error {
  if (reason instanceof TimeoutError || reason instanceof AbortError) return reason;
  return new AbortError("The operation was aborted", reason === undefined ? {} : { cause: reason });
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(toAbortError(signal.reason));
    const onAbort = () => {
      clearTimeout(timer);
      reject(toAbortError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
