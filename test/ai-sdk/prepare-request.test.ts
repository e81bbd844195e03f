// prepareRequest: call settings and providerOptions.bedrock → the Converse request and its warnings.
import type { LanguageModelV3CallOptions } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { prepareRequest } from "../../src/ai-sdk/prepare-request.js";
import { BedrockInputError } from "../../src/errors/index.js";

const NOVA = "us.amazon.nova-micro-v1:0";
const CLAUDE = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
const OLD_CLAUDE = "anthropic.claude-3-5-haiku-20241022-v1:0";
const prompt: LanguageModelV3CallOptions["prompt"] = [{ role: "user", content: [{ type: "text", text: "Hi" }] }];
const schema = { type: "object" as const, properties: { a: { type: "string" as const } } };
const call = (extra: Partial<LanguageModelV3CallOptions> = {}): LanguageModelV3CallOptions => ({ prompt, ...extra });

describe("prepareRequest", () => {
  it.each([
    ["sampling settings", NOVA, { maxOutputTokens: 100, temperature: 0.5, topP: 0.9, stopSequences: ["END"] }, { inferenceConfig: { maxTokens: 100, temperature: 0.5, topP: 0.9, stopSequences: ["END"] } }],
    ["topK goes to Anthropic's top_k", CLAUDE, { topK: 5 }, { additionalModelRequestFields: { top_k: 5 } }],
    [
      "Anthropic thinking: budget added to maxTokens, temperature dropped",
      CLAUDE,
      { maxOutputTokens: 1000, temperature: 0.3, providerOptions: { bedrock: { reasoningConfig: { type: "enabled", budgetTokens: 2048 } } } },
      { inferenceConfig: { maxTokens: 3048 }, additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 2048 } } },
    ],
    [
      "Nova reasoning: Converse-style reasoningConfig with effort",
      NOVA,
      { providerOptions: { bedrock: { reasoningConfig: { type: "enabled", maxReasoningEffort: "low" } } } },
      { additionalModelRequestFields: { reasoningConfig: { type: "enabled", maxReasoningEffort: "low" } } },
    ],
    [
      "guardrail, performance, metadata, service tier, extra fields pass through",
      NOVA,
      {
        providerOptions: {
          bedrock: {
            guardrailConfig: { guardrailIdentifier: "g", guardrailVersion: "1", streamProcessingMode: "async" },
            performanceConfig: { latency: "optimized" },
            requestMetadata: { team: "a" },
            serviceTier: "flex",
            additionalModelRequestFields: { foo: 1 },
            additionalModelResponseFieldPaths: ["/stop_sequence"],
          },
        },
      },
      {
        guardrailConfig: { guardrailIdentifier: "g", guardrailVersion: "1", streamProcessingMode: "async" },
        performanceConfig: { latency: "optimized" },
        requestMetadata: { team: "a" },
        serviceTier: { type: "flex" },
        additionalModelRequestFields: { foo: 1 },
        additionalModelResponseFieldPaths: ["/stop_sequence"],
      },
    ],
    [
      "structured output, native on a model that has it",
      CLAUDE,
      { responseFormat: { type: "json", schema, name: "thing" } },
      { outputConfig: { textFormat: { type: "json_schema", structure: { jsonSchema: { schema: JSON.stringify(schema), name: "thing" } } } } },
    ],
    [
      "structured output, forced json tool elsewhere",
      OLD_CLAUDE,
      { responseFormat: { type: "json", schema } },
      { toolConfig: { tools: [{ toolSpec: { name: "json", description: "Respond with a JSON object.", inputSchema: { json: schema } } }], toolChoice: { tool: { name: "json" } } } },
    ],
    [
      "structuredOutputMode forces the native form",
      NOVA,
      { responseFormat: { type: "json", schema }, providerOptions: { bedrock: { structuredOutputMode: "outputFormat" } } },
      { outputConfig: { textFormat: { type: "json_schema", structure: { jsonSchema: { schema: JSON.stringify(schema), name: "response" } } } } },
    ],
  ] as const)("%s", (_, modelId, extra, expected) => {
    const { request } = prepareRequest(modelId, call(extra as Partial<LanguageModelV3CallOptions>));
    expect(request).toEqual({ modelId, messages: [{ role: "user", content: [{ text: "Hi" }] }], ...expected });
  });

  it("warns about what Bedrock lacks, clamps temperature, and sends no unknown option", () => {
    const { request, warnings } = prepareRequest(
      NOVA,
      call({ temperature: 1.5, seed: 1, frequencyPenalty: 0.1, topK: 3, providerOptions: { bedrock: { madeUp: true } } }),
    );
    expect(request.inferenceConfig).toEqual({ temperature: 1 });
    expect(JSON.stringify(request)).not.toContain("madeUp");
    expect(warnings.map((w) => (w.type === "other" ? w.message : w.feature))).toEqual([
      "providerOptions.bedrock.madeUp",
      "frequencyPenalty",
      "seed",
      "temperature",
      "topK",
    ]);
  });

  it("marks the json tool so replies read as text", () => {
    expect(prepareRequest(NOVA, call({ responseFormat: { type: "json", schema } })).usesJsonTool).toBe(true);
    expect(prepareRequest(CLAUDE, call({ responseFormat: { type: "json", schema } })).usesJsonTool).toBe(false);
  });

  it.each([
    ["a non-integer maxOutputTokens", { maxOutputTokens: 1.5 }, /^maxOutputTokens must be a finite integer$/],
    ["a bad reasoning type", { providerOptions: { bedrock: { reasoningConfig: { type: "on" } } } }, /^providerOptions\.bedrock\.reasoningConfig\.type must be one of/],
    ["Anthropic thinking without budget", { providerOptions: { bedrock: { reasoningConfig: { type: "enabled" } } } }, /budgetTokens is required/],
    ["a guardrailConfig that is not an object", { providerOptions: { bedrock: { guardrailConfig: "g-1" } } }, /^providerOptions\.bedrock\.guardrailConfig must be an object$/],
    ["a bad service tier", { providerOptions: { bedrock: { serviceTier: "gold" } } }, /^providerOptions\.bedrock\.serviceTier must be one of/],
  ])("refuses %s before any network call", (_, extra, message) => {
    expect(() => prepareRequest(CLAUDE, call(extra as Partial<LanguageModelV3CallOptions>))).toThrow(BedrockInputError);
    expect(() => prepareRequest(CLAUDE, call(extra as Partial<LanguageModelV3CallOptions>))).toThrow(message);
  });
});
