import { describe, expect, it } from "vitest";
import { createBedrockEmulator, estimateTokens, type EmulatorOptions } from "../../../src/testing/index.js";
import { assistant, call, OPERATIONS, tool, user, type Operation } from "./helpers.js";

/** A text of exactly `tokens` tokens by the emulator's rule (4 characters each). */
const words = (tokens: number, letter = "a") => letter.repeat(tokens * 4);
const point = (ttl?: string) => ({ cachePoint: { type: "default", ...(ttl ? { ttl } : {}) } });
const HI = { text: "hi" }; // 1 token

const BIG_TOOL = tool("t", { q: { type: "string", description: words(1200) } });
const BIG_TOOL_TOKENS = estimateTokens(JSON.stringify(BIG_TOOL.toolSpec));
const systemCached = (tokens: number, ttl?: string) => ({ system: [{ text: words(tokens) }, point(ttl)], messages: [user(HI)] });

interface Step {
  body: unknown;
  /** Move the emulator's clock forward before this request (ms). */
  advance?: number;
  model?: string;
  usage: Record<string, unknown>;
}

/** [case, emulator options, requests in order with the usage each must report]. */
const SEQUENCES: Array<[string, EmulatorOptions, Step[]]> = [
  [
    "a prefix is written, then read",
    {},
    [
      { body: systemCached(1100), usage: { inputTokens: 1, cacheReadInputTokens: 0, cacheWriteInputTokens: 1100, cacheDetails: [{ ttl: "5m", inputTokens: 1100 }] } },
      { body: systemCached(1100), usage: { inputTokens: 1, cacheReadInputTokens: 1100, cacheWriteInputTokens: 0 } },
    ],
  ],
  [
    "a prefix under the 1024-token minimum is not cached",
    {},
    [
      { body: systemCached(1023), usage: { inputTokens: 1024, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 } },
      { body: systemCached(1023), usage: { inputTokens: 1024, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 } },
    ],
  ],
  [
    "the minimum is configurable",
    { builtInModel: { cacheMinTokens: 10 } },
    [
      { body: systemCached(10), usage: { inputTokens: 1, cacheReadInputTokens: 0, cacheWriteInputTokens: 10, cacheDetails: [{ ttl: "5m", inputTokens: 10 }] } },
      { body: systemCached(10), usage: { inputTokens: 1, cacheReadInputTokens: 10, cacheWriteInputTokens: 0 } },
    ],
  ],
  [
    "a 5m entry expires after 5 minutes, and reads refresh it",
    {},
    [
      { body: systemCached(1100), usage: { cacheWriteInputTokens: 1100 } },
      { body: systemCached(1100), advance: 4 * 60_000, usage: { cacheReadInputTokens: 1100 } },
      { body: systemCached(1100), advance: 4 * 60_000, usage: { cacheReadInputTokens: 1100 } },
      { body: systemCached(1100), advance: 5 * 60_000, usage: { cacheReadInputTokens: 0, cacheWriteInputTokens: 1100 } },
    ],
  ],
  [
    "a 1h entry outlives 5 minutes",
    {},
    [
      { body: systemCached(1100, "1h"), usage: { cacheWriteInputTokens: 1100, cacheDetails: [{ ttl: "1h", inputTokens: 1100 }] } },
      { body: systemCached(1100, "1h"), advance: 59 * 60_000, usage: { cacheReadInputTokens: 1100 } },
      { body: systemCached(1100, "1h"), advance: 60 * 60_000 + 1, usage: { cacheReadInputTokens: 0, cacheWriteInputTokens: 1100 } },
    ],
  ],
  [
    "tools, system and messages in order; writes split per TTL, 1h first",
    {},
    [
      {
        body: {
          toolConfig: { tools: [BIG_TOOL, point("1h")] },
          system: [{ text: words(1000) }, point("5m")],
          messages: [user({ text: words(500) }, point("5m"), HI)],
        },
        usage: {
          inputTokens: 1,
          cacheReadInputTokens: 0,
          cacheWriteInputTokens: BIG_TOOL_TOKENS + 1000 + 500,
          cacheDetails: [
            { ttl: "1h", inputTokens: BIG_TOOL_TOKENS },
            { ttl: "5m", inputTokens: 1500 },
          ],
        },
      },
    ],
  ],
  [
    "a growing conversation reads the old prefix and writes the new part",
    {},
    [
      { body: { system: [{ text: words(1100) }, point()], messages: [user({ text: words(100) }, point())] }, usage: { inputTokens: 0, cacheWriteInputTokens: 1200 } },
      {
        body: {
          system: [{ text: words(1100) }, point()],
          messages: [user({ text: words(100) }), assistant({ text: words(50) }), user({ text: words(30) }, point())],
        },
        usage: { inputTokens: 0, cacheReadInputTokens: 1100, cacheWriteInputTokens: 180, cacheDetails: [{ ttl: "5m", inputTokens: 180 }] },
      },
    ],
  ],
  [
    "caches are per model",
    {},
    [
      { body: systemCached(1100), usage: { cacheWriteInputTokens: 1100 } },
      { body: systemCached(1100), model: "us.anthropic.claude-3-7-sonnet-20250219-v1:0", usage: { cacheReadInputTokens: 0, cacheWriteInputTokens: 1100 } },
    ],
  ],
  [
    "no cache point: no cache fields",
    {},
    [{ body: { system: [{ text: words(2000) }], messages: [user(HI)] }, usage: { inputTokens: 2001, cacheReadInputTokens: undefined, cacheWriteInputTokens: undefined } }],
  ],
];

async function run(operation: Operation, options: EmulatorOptions, steps: Step[]) {
  let clock = Date.parse("2025-01-01T00:00:00Z");
  const emulator = createBedrockEmulator({ ...options, now: () => clock });
  for (const [i, step] of steps.entries()) {
    clock += step.advance ?? 0;
    // API-key auth: SigV4's date check would refuse a request once the clock has moved on.
    const outcome = await call(emulator, operation, step.body, { auth: "api-key", ...(step.model ? { model: step.model } : {}) });
    expect(outcome.error, `step ${i}`).toBeUndefined();
    const usage = outcome.usage;
    for (const [key, value] of Object.entries(step.usage)) expect(usage[key], `step ${i}: ${key}`).toEqual(value);
    // cacheDetails break the writes down by TTL, and appear only when something was written.
    if (usage.cacheWriteInputTokens > 0) {
      expect(usage.cacheDetails.reduce((sum: number, d: { inputTokens: number }) => sum + d.inputTokens, 0)).toBe(usage.cacheWriteInputTokens);
    } else {
      expect(usage.cacheDetails, `step ${i}: cacheDetails`).toBeUndefined();
    }
    const cached = (usage.cacheReadInputTokens ?? 0) + (usage.cacheWriteInputTokens ?? 0);
    expect(usage.totalTokens).toBe(usage.inputTokens + usage.outputTokens + cached);
  }
}

describe("built-in model: cache points", () => {
  describe.each(OPERATIONS)("%s", (operation) => {
    it.each(SEQUENCES)("%s", (_name, options, steps) => run(operation, options, steps));

    it("refuses more than 4 cache points", async () => {
      const body = { system: [{ text: "a" }, point(), { text: "b" }, point(), { text: "c" }, point()], messages: [user(HI, point(), { text: "d" }, point())] };
      const outcome = await call(createBedrockEmulator(), operation, body);
      expect(outcome).toEqual({
        status: 400,
        error: { type: "ValidationException", message: "The model returned the following errors: A maximum of 4 blocks with cache_control may be provided. Found 5." },
      });
    });
  });

  it("keeps one cache per emulator", async () => {
    const a = createBedrockEmulator();
    await call(a, "converse", systemCached(1100));
    expect((await call(a, "converse", systemCached(1100))).usage.cacheReadInputTokens).toBe(1100);
    expect((await call(createBedrockEmulator(), "converse", systemCached(1100))).usage.cacheReadInputTokens).toBe(0);
  });
});
