// The emulator's server clock for one request (the `now` option moved by any "clock-skew" fault) and its Date header.
import type { FaultQueue } from "./queues.js";
import type { ClockFault, EmulatorOperation } from "../types.js";

/**
 * A `Date` header value in RFC 7231 IMF-fixdate, e.g. "Thu, 03 Dec 2026 07:10:00 GMT", as AWS sends
 * on every answer (errors and streams too, e.g. https://github.com/karthink/gptel/issues/1397).
 * ECMAScript has specified `toUTCString` as exactly this format since ES2018.
 */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

export interface ServerTime {
  /** The server clock for this request, in epoch ms. */
  nowMs: number;
  /** How far it is from the `now` option, when a "clock-skew" fault applied. */
  offsetMs?: number;
}

/** Reads the server clock for a request to `operation` (undefined when the path names none), using up one clock fault. */
export function serverTime(now: () => number, faults: FaultQueue, operation: EmulatorOperation | undefined): ServerTime {
  const skew = faults.take(operation, "clock") as (ClockFault & { times?: number }) | undefined;
  const base = now();
  return skew ? { nowMs: base + skew.offsetMs, offsetMs: skew.offsetMs } : { nowMs: base };
}
