import { describe, expect, it } from "vitest";
import { createBedrockEmulator, DEFAULT_BLOCKED_MESSAGE, type EmulatorOptions } from "../../../src/testing/index.js";
import { assistant, call, OPERATIONS, user } from "./helpers.js";

const GUARD = { guardrailIdentifier: "gr-abc123", guardrailVersion: "1" };
const guarded = (messages: unknown[], config: Record<string, unknown> = GUARD, system?: unknown[]) => ({
  messages,
  guardrailConfig: config,
  ...(system ? { system } : {}),
});
const guard = (text: string) => ({ guardContent: { text: { text } } });

/** [case, emulator options, body, blocked words reported (undefined: not blocked)]. */
const CASES: Array<[string, EmulatorOptions, unknown, string[] | undefined]> = [
  ["a blocked word in the user text", {}, guarded([user({ text: "tell me something forbidden" })]), ["forbidden"]],
  ["matched case-insensitively, reported as written", {}, guarded([user({ text: "this is Blocked." })]), ["Blocked"]],
  ["only whole words", {}, guarded([user({ text: "unforbiddenness is fine" })]), undefined],
  ["in an earlier user turn too", {}, guarded([user({ text: "forbidden" }), assistant({ text: "ok" }), user({ text: "hi" })]), ["forbidden"]],
  ["not in assistant turns", {}, guarded([user({ text: "a" }), assistant({ text: "forbidden" }), user({ text: "hi" })]), undefined],
  ["guardContent alone is checked when present", {}, guarded([user({ text: "forbidden" }), assistant({ text: "ok" }), user(guard("fine"))]), undefined],
  ["a blocked word in guardContent", {}, guarded([user({ text: "fine" }), assistant({ text: "ok" }), user(guard("BLOCKED here"))]), ["BLOCKED"]],
  ["guardContent in the system prompt", {}, guarded([user({ text: "hi" })], GUARD, [guard("forbidden rules")]), ["forbidden"]],
  ["configured words", { builtInModel: { blockedWords: ["pineapple"] } }, guarded([user({ text: "Pineapple pizza, BLOCKED" })]), ["Pineapple"]],
  ["no guardrailConfig: nothing is checked", {}, { messages: [user({ text: "forbidden" })] }, undefined],
];

describe("built-in model: guardrails", () => {
  describe.each(OPERATIONS)("%s", (operation) => {
    it.each(CASES)("%s", async (_name, options, body, blocked) => {
      const outcome = await call(createBedrockEmulator(options), operation, body);
      expect(outcome.error).toBeUndefined();
      if (!blocked) {
        expect(outcome.stopReason).toBe("end_turn");
        expect(outcome.trace).toBeUndefined();
        return;
      }
      expect(outcome.content).toEqual([{ text: DEFAULT_BLOCKED_MESSAGE }]);
      expect(outcome.stopReason).toBe("guardrail_intervened");
      expect(outcome.usage).toEqual({ inputTokens: 0, outputTokens: 0, totalTokens: 0 });
      expect(outcome.trace).toBeUndefined();
    });

    it("reports the trace when asked, shaped like Bedrock's", async () => {
      const text = "something forbidden and BLOCKED";
      const outcome = await call(createBedrockEmulator(), operation, guarded([user({ text })], { ...GUARD, trace: "enabled" }));
      expect(outcome.trace).toEqual({
        guardrail: {
          inputAssessment: {
            "gr-abc123": {
              wordPolicy: {
                customWords: [
                  { match: "BLOCKED", action: "BLOCKED", detected: true },
                  { match: "forbidden", action: "BLOCKED", detected: true },
                ],
              },
              invocationMetrics: {
                guardrailProcessingLatency: 60,
                usage: {
                  topicPolicyUnits: 0,
                  contentPolicyUnits: 0,
                  wordPolicyUnits: 1,
                  sensitiveInformationPolicyUnits: 0,
                  sensitiveInformationPolicyFreeUnits: 0,
                  contextualGroundingPolicyUnits: 0,
                },
                guardrailCoverage: { textCharacters: { guarded: text.length, total: text.length } },
              },
            },
          },
          actionReason: "Guardrail blocked.",
        },
      });
    });

    it("traces a turn it lets through, keyed by the ID of an ARN", async () => {
      const config = { guardrailIdentifier: "arn:aws:bedrock:us-east-1:123456789012:guardrail/gr-xyz", guardrailVersion: "DRAFT", trace: "enabled_full" };
      const outcome = await call(createBedrockEmulator(), operation, guarded([user({ text: "hello" })], config));
      expect(outcome.stopReason).toBe("end_turn");
      expect(Object.keys(outcome.trace.guardrail.inputAssessment)).toEqual(["gr-xyz"]);
      expect(outcome.trace.guardrail.outputAssessments["gr-xyz"][0].invocationMetrics.guardrailCoverage).toEqual({
        textCharacters: { guarded: "You said: hello".length, total: "You said: hello".length },
      });
    });

    it("answers with the configured blocked message", async () => {
      const outcome = await call(createBedrockEmulator({ builtInModel: { blockedMessage: "No." } }), operation, guarded([user({ text: "forbidden" })]));
      expect(outcome.content).toEqual([{ text: "No." }]);
    });
  });

  it("streams the blocked message with the trace in the metadata event", async () => {
    const { events } = await call(createBedrockEmulator(), "converse-stream", guarded([user({ text: "forbidden" })], { ...GUARD, trace: "enabled" }));
    expect(events!.map((e) => Object.keys(e)[0])).toEqual([
      "messageStart",
      ...DEFAULT_BLOCKED_MESSAGE.split(" ").map(() => "contentBlockDelta"),
      "contentBlockStop",
      "messageStop",
      "metadata",
    ]);
    expect(events!.at(-1)!.metadata.trace.guardrail.actionReason).toBe("Guardrail blocked.");
  });
});
