// createDeltaBatcher and settlesSoon: which deltas are joined, and what counts as "already in hand".
import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { createDeltaBatcher, settlesSoon } from "../../src/ai-sdk/delta-batcher.js";

const t = (id: string, delta: string): LanguageModelV3StreamPart => ({ type: "text-delta", id, delta });

function run(parts: LanguageModelV3StreamPart[]): LanguageModelV3StreamPart[] {
  const out: LanguageModelV3StreamPart[] = [];
  const batcher = createDeltaBatcher((p) => out.push(p));
  for (const part of parts) batcher.push(part);
  batcher.flush();
  return out;
}

describe("createDeltaBatcher", () => {
  it.each([
    ["a run of one block's text deltas becomes one", [t("0", "a"), t("0", "b"), t("0", "c")], [t("0", "abc")]],
    ["another block's delta starts a new run", [t("0", "a"), t("1", "b"), t("1", "c")], [t("0", "a"), t("1", "bc")]],
    [
      "other parts flush and keep their place",
      [t("0", "a"), { type: "text-end", id: "0" }, { type: "tool-input-delta", id: "x", delta: "{" }, { type: "tool-input-delta", id: "x", delta: "}" }],
      [t("0", "a"), { type: "text-end", id: "0" }, { type: "tool-input-delta", id: "x", delta: "{}" }],
    ],
    [
      "a delta with provider metadata (a signature) is never joined",
      [
        { type: "reasoning-delta", id: "0", delta: "x" },
        { type: "reasoning-delta", id: "0", delta: "", providerMetadata: { bedrock: { signature: "s" } } },
        { type: "reasoning-delta", id: "0", delta: "y" },
      ],
      [
        { type: "reasoning-delta", id: "0", delta: "x" },
        { type: "reasoning-delta", id: "0", delta: "", providerMetadata: { bedrock: { signature: "s" } } },
        { type: "reasoning-delta", id: "0", delta: "y" },
      ],
    ],
  ] as const)("%s", (_, parts, expected) => {
    expect(run([...parts] as LanguageModelV3StreamPart[])).toEqual(expected);
  });
});

describe("settlesSoon", () => {
  it("true for a value already in hand (an async generator's buffered yield)", async () => {
    async function* gen() {
      yield 1;
      yield 2;
    }
    const it = gen();
    await it.next();
    expect(await settlesSoon(it.next())).toBe(true);
  });

  it("false for a value a macrotask away (I/O)", async () => {
    expect(await settlesSoon(new Promise((resolve) => setTimeout(resolve, 0)))).toBe(false);
  });
});
