// planChunks: how response segments are cut into chunks for each chunking mode, with pauses and drips.
import { describe, expect, it } from "vitest";
import { planChunks } from "../../../src/testing/response/body-stream.js";
import type { Segment } from "../../../src/testing/response/stream-frames.js";

describe("planChunks", () => {
  const frame = (n: number, fill: number): Segment => ({ kind: "frame", bytes: new Uint8Array(n).fill(fill) });
  const segments: Segment[] = [frame(3, 1), frame(2, 2), { kind: "delay", ms: 5 }, frame(4, 3), { kind: "stop", mode: "end" }];
  const shape = (ops: ReturnType<typeof planChunks>) =>
    ops.map((op) => ("chunk" in op ? Array.from(op.chunk) : "delay" in op ? `wait ${op.delay}` : `stop ${op.stop}`));
  const random = () => 2;

  it.each([
    ["per-frame", [[1, 1, 1], [2, 2], "wait 5", [3, 3, 3, 3], "stop end"]],
    ["whole", [[1, 1, 1, 2, 2], "wait 5", [3, 3, 3, 3], "stop end"]],
    [2, [[1, 1], [1, 2], [2], "wait 5", [3, 3], [3, 3], "stop end"]],
    ["random", [[1, 1], [1, 2], [2], "wait 5", [3, 3], [3, 3], "stop end"]],
  ] as const)("%s", (chunking, expected) => {
    expect(shape(planChunks(segments, { chunking, random }))).toEqual(expected);
  });

  it("drips with a pause before every chunk but the first", () => {
    expect(shape(planChunks([frame(3, 1)], { chunking: 1, random, dripMs: 4 }))).toEqual([[1], "wait 4", [1], "wait 4", [1]]);
  });
});
