// FIFO queues of scripted responses and faults; each request takes at most one of each that fits it.
import type { EmulatorOperation, Fault, RecordedRequest, Script, ScriptedResponse } from "../types.js";

const STREAM_ONLY = new Set(["exception-frame", "corrupt-crc"]);
const BODY_FAULTS = new Set(["exception-frame", "corrupt-crc", "cut", "drip"]);

/** "http" faults replace the answer; "body" faults damage or pace its body; "clock" faults move the server clock. */
export type FaultKind = "http" | "body" | "clock";

export function faultKind(fault: Fault): FaultKind {
  if (fault.type === "clock-skew") return "clock";
  return BODY_FAULTS.has(fault.type) ? "body" : "http";
}

/** A request whose path names no operation fits only faults without an `operations` filter. */
function faultFits(fault: Fault, operation: EmulatorOperation | undefined): boolean {
  if (fault.operations && (operation === undefined || !fault.operations.includes(operation))) return false;
  return !STREAM_ONLY.has(fault.type) || operation === "converse-stream" || operation === "invoke-with-response-stream";
}

/** A server clock that is off stays off: "clock-skew" defaults to every request. */
function defaultTimes(fault: Fault): number {
  return fault.type === "clock-skew" ? Infinity : 1;
}

/** A fixed response fits an operation when it carries that operation's body, an error, or no body at all. */
function responseFits(response: ScriptedResponse, operation: EmulatorOperation): boolean {
  const own = {
    converse: response.converse,
    "converse-stream": response.stream,
    "count-tokens": response.countTokens,
    invoke: response.invoke,
    "invoke-with-response-stream": response.stream,
    "apply-guardrail": response.applyGuardrail,
    rerank: response.rerank,
    // Async invocations answer from the emulator's job state, never from a script.
    "start-async-invoke": undefined,
    "get-async-invoke": undefined,
    "list-async-invokes": undefined,
  }[operation];
  const anyBody = response.converse ?? response.stream ?? response.countTokens ?? response.invoke ?? response.applyGuardrail ?? response.rerank;
  return response.error !== undefined || own !== undefined || anyBody === undefined;
}

interface Entry<T> {
  item: T;
  remaining: number;
}

function takeFrom<T, R>(entries: Entry<T>[], pick: (item: T) => R | undefined): R | undefined {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const result = pick(entry.item);
    if (result === undefined) continue;
    if (--entry.remaining <= 0) entries.splice(i, 1);
    return result;
  }
  return undefined;
}

/** Every fault type, for the refusal of an unknown one (types.ts documents each). */
export const FAULT_TYPES = ["throttle", "server-error", "error", "disconnect", "exception-frame", "cut", "corrupt-crc", "drip", "clock-skew"] as const;

export class FaultQueue {
  private readonly entries: Entry<Fault>[] = [];

  add(fault: Fault): void {
    // A typo would otherwise queue a fault that never fits any request, silently.
    if (!(FAULT_TYPES as readonly unknown[]).includes((fault as { type?: unknown } | null)?.type)) {
      throw new TypeError(`fault.type must be one of ${FAULT_TYPES.join(", ")}`);
    }
    if (fault.type === "clock-skew" && !Number.isFinite(fault.offsetMs)) {
      throw new TypeError("fault.offsetMs must be a finite number of milliseconds");
    }
    this.entries.push({ item: fault, remaining: fault.times ?? defaultTimes(fault) });
  }

  /** The first queued fault of this kind that fits the operation, counted as used. */
  take(operation: EmulatorOperation | undefined, kind: FaultKind): Fault | undefined {
    return takeFrom(this.entries, (fault) => (faultKind(fault) === kind && faultFits(fault, operation) ? fault : undefined));
  }

  get pending(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries.length = 0;
  }
}

export class ScriptQueue {
  private readonly entries: Entry<Script>[] = [];

  add(script: Script, times = 1): void {
    this.entries.push({ item: script, remaining: times });
  }

  take(request: RecordedRequest): ScriptedResponse | undefined {
    const operation = request.operation!;
    return takeFrom(this.entries, (script) => {
      if (typeof script === "function") return script(request);
      return responseFits(script, operation) ? script : undefined;
    });
  }

  get pending(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
