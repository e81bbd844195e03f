// Serves segments as a ReadableStream, cut into chunks as asked, honouring pauses, drips and cuts.
import type { Segment } from "./stream-frames.js";
import type { Chunking } from "../types.js";

export interface Pacing {
  chunking: Chunking;
  /** Wait before every chunk after the first (a slow drip). */
  dripMs?: number;
  /** Random integer in [1, max] for "random" chunking. */
  random: (max: number) => number;
}

type Op = { chunk: Uint8Array } | { delay: number } | { stop: "reset" | "end" };

const RANDOM_MAX_CHUNK = 64;

/** The parts' bytes, one after another, in a new array. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function slice(bytes: Uint8Array, size: () => number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = Math.max(1, Math.floor(size()));
    out.push(bytes.subarray(i, i + n));
    i += n;
  }
  return out;
}

/** The exact sequence of chunks, pauses and the final stop, decided up front so runs are reproducible. */
export function planChunks(segments: Segment[], pacing: Pacing): Op[] {
  const ops: Op[] = [];
  let run: Uint8Array[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const { chunking } = pacing;
    if (chunking === "per-frame") for (const frame of run) ops.push({ chunk: frame });
    else if (chunking === "whole") ops.push({ chunk: concat(run) });
    else if (chunking === "random") for (const c of slice(concat(run), () => pacing.random(RANDOM_MAX_CHUNK))) ops.push({ chunk: c });
    else for (const c of slice(concat(run), () => chunking)) ops.push({ chunk: c });
    run = [];
  };
  for (const segment of segments) {
    if (segment.kind === "frame") run.push(segment.bytes);
    else {
      flush();
      ops.push(segment.kind === "delay" ? { delay: segment.ms } : { stop: segment.mode });
    }
  }
  flush();
  if (!pacing.dripMs) return ops;
  const dripped: Op[] = [];
  let chunks = 0;
  for (const op of ops) {
    if ("chunk" in op && chunks++ > 0) dripped.push({ delay: pacing.dripMs });
    dripped.push(op);
  }
  return dripped;
}

/** Error a cut connection raises from the body, like a reset socket does under fetch. */
export class EmulatorConnectionCut extends TypeError {
  constructor() {
    super("terminated: the emulator cut the connection mid-body (fault)");
    this.name = "TypeError";
  }
}

export function opsToStream(ops: Op[]): ReadableStream<Uint8Array> {
  let index = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let cancelled = false;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (index < ops.length && !cancelled) {
          const op = ops[index++]!;
          if ("delay" in op) {
            await sleep(op.delay);
            continue;
          }
          if ("stop" in op) {
            if (op.stop === "reset") controller.error(new EmulatorConnectionCut());
            else controller.close();
            return;
          }
          controller.enqueue(op.chunk);
          return;
        }
        if (!cancelled) controller.close();
      },
      cancel() {
        cancelled = true;
        if (timer !== undefined) clearTimeout(timer);
        wake?.();
      },
    },
    { highWaterMark: 0 },
  );
}
