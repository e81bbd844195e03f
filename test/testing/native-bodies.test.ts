// The emulator's native InvokeModel bodies: Bedrock's refusals, and each provider's answer shape.
import { describe, expect, it } from "vitest";
import { nativeBodyProblem, nativeFamily, nativeResponse, nativeStreamEvents, nativeToConverse } from "../../src/testing/model/native.js";
import { applyGuardrailProblem, applyGuardrailResponse } from "../../src/testing/model/apply-guardrail.js";
import type { ModelTurn } from "../../src/testing/index.js";

const reformat = ", please reformat your input and try again.";
const NOT_TC = '#: subject must not be valid against schema {"required":["messages"]}';
const claude = { anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages: [{ role: "user", content: "hi" }] };

describe("nativeFamily", () => {
  it.each([
    ["anthropic.claude-3-haiku-20240307-v1:0", "anthropic"],
    ["us.anthropic.claude-sonnet-4-20250514-v1:0", "anthropic"],
    ["amazon.titan-text-express-v1", "titan-text"],
    ["meta.llama3-70b-instruct-v1:0", "llama"],
    ["us.amazon.nova-micro-v1:0", undefined],
  ])("%s → %s", (id, family) => expect(nativeFamily(id)).toBe(family));
});

describe("nativeBodyProblem: Bedrock's 'Malformed input request' wording", () => {
  it.each([
    // Captured answers, word for word (see native.ts): langchain-aws#411, diffbot/code-gpt-docs#300, anthropics/claude-code#5606.
    ["anthropic", { ...claude, max_tokens: undefined }, `Malformed input request: ${NOT_TC}#: required key [max_tokens] not found${reformat}`],
    ["anthropic", { ...claude, stream: true }, `Malformed input request: ${NOT_TC}#: extraneous key [stream] is not permitted${reformat}`],
    [
      "anthropic",
      { ...claude, messages: [{ role: "user", content: "hi" }, { role: "assistant", content: [] }] },
      `Malformed input request: ${NOT_TC}#/messages/1/content: expected type: String, found: JSONArray#/messages/1/content: expected minimum item count: 1, found: 0${reformat}`,
    ],
    // Every violation, run together, in the same form.
    ["anthropic", { max_tokens: 1, messages: [] }, `Malformed input request: ${NOT_TC}#: required key [anthropic_version] not found#/messages: expected minimum item count: 1, found: 0${reformat}`],
    ["anthropic", { ...claude, maxTokens: 5 }, `Malformed input request: ${NOT_TC}#: extraneous key [maxTokens] is not permitted${reformat}`],
    ["anthropic", { ...claude, max_tokens: "10" }, `Malformed input request: ${NOT_TC}#/max_tokens: expected type: Integer, found: String${reformat}`],
    ["anthropic", { ...claude, anthropic_version: "2023-06-01" }, `Malformed input request: ${NOT_TC}#/anthropic_version: 2023-06-01 is not a valid enum value${reformat}`],
    ["anthropic", { anthropic_version: "bedrock-2023-05-31", max_tokens: 5 }, `Malformed input request: #: required key [messages] not found${reformat}`],
    // Past the schema, Anthropic's own refusals as Bedrock passes them on.
    ["anthropic", { ...claude, messages: [{ role: "user", content: [{ type: "text", text: "" }] }] }, "The model returned the following errors: messages: text content blocks must be non-empty"],
    ["anthropic", { ...claude, messages: [{ role: "user", content: [{ type: "text", text: " \n" }] }] }, "The model returned the following errors: messages: text content blocks must contain non-whitespace text"],
    ["anthropic", { ...claude, messages: [{ role: "user", content: "hi" }, { role: "assistant", content: "Sure, " }] }, "The model returned the following errors: messages: final assistant content cannot end with trailing whitespace"],
    ["titan-text", { textGenerationConfig: {} }, `Malformed input request: #: required key [inputText] not found${reformat}`],
    ["titan-text", { inputText: "x", prompt: "y" }, `Malformed input request: #: extraneous key [prompt] is not permitted${reformat}`],
    ["llama", { prompt: "x", max_tokens: 5 }, `Malformed input request: #: extraneous key [max_tokens] is not permitted${reformat}`],
    ["llama", { max_gen_len: 5 }, `Malformed input request: #: required key [prompt] not found${reformat}`],
    ["llama", [], `Malformed input request: #: expected type: JSONObject, found: JSONArray${reformat}`],
  ] as const)("%s %j", (family, body, message) => {
    const cleaned = JSON.parse(JSON.stringify(body));
    expect(nativeBodyProblem(family, cleaned)).toBe(message);
  });

  it.each([
    ["anthropic", claude],
    ["titan-text", { inputText: "hi", textGenerationConfig: { maxTokenCount: 5, temperature: 0 } }],
    ["llama", { prompt: "hi", max_gen_len: 5, temperature: 0.5, top_p: 0.9 }],
  ] as const)("accepts a good %s body", (family, body) => expect(nativeBodyProblem(family, body)).toBeUndefined());
});

describe("native answers", () => {
  const turn: ModelTurn = { content: [{ text: "Bonjour le monde" }], stopReason: "max_tokens", usage: { inputTokens: 4, outputTokens: 3, totalTokens: 7 }, latencyMs: 130 };

  it("reads the Converse request each body means", () => {
    expect(nativeToConverse("anthropic", { ...claude, system: "Be brief", stop_sequences: ["x"] })).toEqual({
      messages: [{ role: "user", content: [{ text: "hi" }] }],
      system: [{ text: "Be brief" }],
      inferenceConfig: { maxTokens: 10, stopSequences: ["x"] },
    });
    expect(nativeToConverse("llama", { prompt: "<|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|>" }).messages).toEqual([
      { role: "user", content: [{ text: "Hello" }] },
    ]);
    expect(nativeToConverse("titan-text", { inputText: "User: Hello\nBot:" }).messages).toEqual([{ role: "user", content: [{ text: "Hello" }] }]);
  });

  it.each([
    ["anthropic", { type: "message", role: "assistant", model: "claude-3-haiku-20240307", content: [{ type: "text", text: "Bonjour le monde" }], stop_reason: "max_tokens", stop_sequence: null, usage: { input_tokens: 4, output_tokens: 3 } }],
    ["titan-text", { inputTextTokenCount: 4, results: [{ tokenCount: 3, outputText: "Bonjour le monde", completionReason: "LENGTH" }] }],
    ["llama", { generation: "Bonjour le monde", prompt_token_count: 4, generation_token_count: 3, stop_reason: "length" }],
  ] as const)("%s response shape", (family, expected) => {
    expect(nativeResponse(family, "anthropic.claude-3-haiku-20240307-v1:0", turn)).toMatchObject(expected);
  });

  it.each(["anthropic", "titan-text", "llama"] as const)("%s stream: invocation metrics in the last chunk only", (family) => {
    const events = nativeStreamEvents(family, "m", turn);
    const withMetrics = events.filter((e) => e["amazon-bedrock-invocationMetrics"] !== undefined);
    expect(withMetrics).toEqual([events.at(-1)]);
    expect(events.at(-1)!["amazon-bedrock-invocationMetrics"]).toEqual({ inputTokenCount: 4, outputTokenCount: 3, invocationLatency: 130, firstByteLatency: 100 });
  });
});

describe("ApplyGuardrail in the emulator", () => {
  it.each([
    [{ content: [] }, "1 validation error detected: Value null at 'source' failed to satisfy constraint: Member must not be null"],
    [{ source: "INPUT" }, "1 validation error detected: Value null at 'content' failed to satisfy constraint: Member must not be null"],
    [{ source: "BOTH", content: [] }, "1 validation error detected: Value 'BOTH' at 'source' failed to satisfy constraint: Member must satisfy enum value set: [INPUT, OUTPUT]"],
  ])("refuses %j", (body, message) => expect(applyGuardrailProblem(body)).toBe(message));

  it("answers with the configured words and message", () => {
    const out = applyGuardrailResponse({ source: "INPUT", content: [{ text: { text: "a secret plan" } }] }, { blockedWords: ["secret"], blockedMessage: "No." });
    expect(out).toMatchObject({ action: "GUARDRAIL_INTERVENED", outputs: [{ text: "No." }] });
  });
});

describe("the emulator's routes for the new operations", () => {
  it("the models option limits InvokeModel, not ApplyGuardrail (its path names a guardrail)", async () => {
    const { createBedrockEmulator } = await import("../../src/testing/index.js");
    const emulator = createBedrockEmulator({ requireAuth: false, models: ["anthropic.claude-3-haiku-20240307-v1:0"] });
    const post = (path: string, body: unknown) => emulator.fetch(new Request(`https://bedrock.test${path}`, { method: "POST", body: JSON.stringify(body) }));
    expect((await post("/model/meta.llama3-8b-instruct-v1%3A0/invoke", { prompt: "hi" })).status).toBe(400);
    expect((await post("/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke", claude)).status).toBe(200);
    const guard = await post("/guardrail/gr-1/version/1/apply", { source: "INPUT", content: [{ text: { text: "hi" } }] });
    expect(guard.status).toBe(200);
    expect(emulator.requests.at(-1)).toMatchObject({ operation: "apply-guardrail", modelId: "gr-1" });
  });

  it("an unknown model family is refused, saying which formats the emulator serves", async () => {
    const { createBedrockEmulator } = await import("../../src/testing/index.js");
    const emulator = createBedrockEmulator({ requireAuth: false });
    const response = await emulator.fetch(new Request("https://bedrock.test/model/ai21.jamba-1-5-mini-v1%3A0/invoke", { method: "POST", body: "{}" }));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/Anthropic Claude .* Amazon Titan Text, Amazon Nova, Meta Llama, Mistral, DeepSeek, Cohere Command R and OpenAI gpt-oss/);
  });
});
