// Runs every chat recipe (examples/*.ts) against the emulator and checks what it returns, prints and sends.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_BLOCKED_MESSAGE, reasoningSignature } from "../../src/testing/index.js";
import { bodiesOf, runExample } from "./run-example.js";

type Dict = Record<string, any>;

const MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
const TRANSLATE = "You are a helpful assistant that translates English to French. Translate the user sentence.";
const examplesDir = new URL("../../examples/", import.meta.url);

const tested = new Set<string>();
/** `it` for one example; the name is recorded so the coverage test below can tell which are untested. */
function example(name: string, body: () => Promise<void>): void {
  tested.add(name);
  it(`examples/${name}.ts`, body);
}

describe("chat recipes", () => {
  example("translation", async () => {
    const { result, printed, requests } = await runExample("translation");
    expect(result.text).toBe("J'adore la programmation.");
    expect(printed).toEqual([["J'adore la programmation."]]);
    expect(requests.map((r) => [r.operation, r.modelId])).toEqual([["converse", MODEL]]);
    expect(bodiesOf(requests)[0]).toMatchObject({
      system: [{ text: TRANSLATE }],
      messages: [{ role: "user", content: [{ text: "I love programming." }] }],
      inferenceConfig: { temperature: 0 },
    });
  });

  example("streaming", async () => {
    const { result, printed, requests } = await runExample("streaming");
    expect(result.pieces).toEqual(["J'adore ", "la ", "programmation."]);
    expect(result.full.text).toBe("J'adore la programmation.");
    expect(result.full.response_metadata.stopReason).toBe("end_turn");
    const usage = result.full.usage_metadata;
    expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens);
    expect(printed).toEqual([[result.pieces], ["J'adore la programmation.", usage]]);
    expect(requests.map((r) => r.operation)).toEqual(["converse-stream"]);
  });

  example("chat-bedrock", async () => {
    const { result, printed, requests } = await runExample("chat-bedrock");
    expect(result.aiMsg.text).toBe("J'adore la programmation.");
    expect(result.pieces).toEqual(["J'adore ", "la ", "programmation."]);
    expect(printed).toEqual([["J'adore la programmation."], [result.pieces]]);
    expect(requests.map((r) => r.operation)).toEqual(["invoke", "invoke-with-response-stream"]);
    expect(bodiesOf(requests)[0]).toEqual({
      anthropic_version: "bedrock-2023-05-31",
      system: TRANSLATE,
      messages: [{ role: "user", content: "I love programming." }],
      max_tokens: 256,
      top_k: 5,
    });
  });

  example("batch", async () => {
    const { result, printed, requests } = await runExample<Dict[]>("batch");
    expect(result.map((m) => m.text)).toEqual(["J'adore la programmation.", "You said: Good morning."]);
    expect(printed).toEqual([["J'adore la programmation."], ["You said: Good morning."]]);
    expect(bodiesOf(requests).map((b) => b.messages[0].content[0].text).sort()).toEqual(["Good morning.", "I love programming."]);
  });

  example("tool-calling", async () => {
    const { result, printed, requests } = await runExample("tool-calling");
    const calls = result.aiMsg.tool_calls;
    expect(calls).toEqual([
      { name: "GetWeather", args: { location: "Los Angeles, CA" }, id: expect.stringMatching(/^tooluse_/), type: "tool_call" },
      { name: "GetPopulation", args: { location: "New York, NY" }, id: expect.stringMatching(/^tooluse_/), type: "tool_call" },
    ]);
    expect(result.answer.text).toBe(
      "Tool GetWeather returned: 24°C and sunny in Los Angeles, CA\nTool GetPopulation returned: about 8.3 million people in New York, NY",
    );
    expect(printed).toEqual([[calls], [result.answer.text]]);

    const [first, second] = bodiesOf(requests);
    expect(first!.toolConfig.tools.map((t: Dict) => t.toolSpec.name)).toEqual(["GetWeather", "GetPopulation"]);
    expect(first!.toolConfig.tools[0].toolSpec.inputSchema.json).toMatchObject({
      type: "object",
      properties: { location: { type: "string" } },
      required: ["location"],
    });
    // The tool results answer the calls by ID, in one user turn after the assistant's toolUse turn.
    expect(second!.messages.map((m: Dict) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(second!.messages[2].content.map((b: Dict) => b.toolResult.toolUseId)).toEqual(calls.map((c: Dict) => c.id));
  });

  example("structured-output", async () => {
    const { result, requests } = await runExample("structured-output");
    const ada = { name: "Ada Lovelace", email: "ada@example.com", age: 36 };
    expect(result.contact).toEqual(ada);
    expect(result.parsed).toEqual(ada);
    const [byTool, native] = bodiesOf(requests);
    expect(byTool!.toolConfig.toolChoice).toEqual({ tool: { name: "Contact" } });
    expect(byTool!.outputConfig).toBeUndefined();
    expect(native!.toolConfig).toBeUndefined();
    expect(native!.outputConfig.textFormat).toMatchObject({ type: "json_schema", structure: { jsonSchema: { name: "Contact" } } });
    expect(JSON.parse(native!.outputConfig.textFormat.structure.jsonSchema.schema)).toMatchObject({ additionalProperties: false });
  });

  example("thinking", async () => {
    const { result, printed, requests } = await runExample("thinking");
    const [reasoning, answer] = result.first.content as Dict[];
    expect(reasoning).toEqual({
      type: "reasoning_content",
      reasoningText: {
        text: 'The user wrote "What is 17 times 23?". I should repeat it back.',
        signature: reasoningSignature('The user wrote "What is 17 times 23?". I should repeat it back.'),
      },
    });
    expect(answer).toEqual({ type: "text", text: "You said: What is 17 times 23?" });
    expect(result.second.text).toBe("You said: Now add 9 to that.");
    expect(printed[0]).toEqual([[reasoning!.reasoningText.text], "You said: What is 17 times 23?"]);

    const [first, second] = bodiesOf(requests);
    expect(first!.additionalModelRequestFields).toEqual({ thinking: { type: "enabled", budget_tokens: 2048 } });
    expect(first!.inferenceConfig).toEqual({ maxTokens: 4096 });
    // The second request replays the first reply's reasoning, signature and all, before its text.
    expect(second!.messages[1]).toEqual({
      role: "assistant",
      content: [{ reasoningContent: { reasoningText: reasoning!.reasoningText } }, { text: "You said: What is 17 times 23?" }],
    });
  });

  example("prompt-caching", async () => {
    const { result, requests } = await runExample("prompt-caching");
    const written = result.first.response_metadata.usage.cacheWriteInputTokens;
    expect(written).toBeGreaterThanOrEqual(1024);
    // The write sits in its TTL bucket, cache_creation 0 (langchain-aws PR #1098): the details sum to what was written.
    expect(result.first.usage_metadata.input_token_details).toEqual({
      cache_read: 0,
      cache_creation: 0,
      ephemeral_5m_input_tokens: written,
      ephemeral_1h_input_tokens: 0,
    });
    expect(result.second.usage_metadata.input_token_details).toEqual({ cache_read: written, cache_creation: 0 });
    // LangChain counts cached tokens as input: Bedrock's inputTokens + read + written.
    const usage = result.second.response_metadata.usage;
    expect(result.second.usage_metadata.input_tokens).toBe(usage.inputTokens + usage.cacheReadInputTokens + usage.cacheWriteInputTokens);
    expect(bodiesOf(requests)[0]!.system).toEqual([{ text: expect.stringContaining("Term 150:") }, { cachePoint: { type: "default" } }]);
  });

  example("image-input", async () => {
    const { result, printed, requests } = await runExample("image-input");
    expect(result.text).toBe("You said: What colour is this square? Answer in one word. I see 1 image.");
    expect(printed).toEqual([[result.text]]);
    const [, image] = bodiesOf(requests)[0]!.messages[0].content;
    expect(image.image.format).toBe("png");
    expect(image.image.source.bytes).toMatch(/^iVBORw0KGgo/);
  });

  example("token-usage", async () => {
    const { result, printed } = await runExample("token-usage");
    const { invoked, streamed, counted, bedrock } = result;
    expect(invoked.input_tokens).toBeGreaterThan(0);
    expect(invoked.output_tokens).toBeGreaterThan(0);
    expect(invoked.total_tokens).toBe(bedrock.totalTokens);
    expect(invoked.total_tokens).toBe(invoked.input_tokens + invoked.output_tokens);
    expect(streamed).toEqual(invoked);
    expect(counted).toBe(invoked.input_tokens);
    expect(printed).toEqual([[invoked], [streamed], [counted]]);
  });

  example("response-metadata", async () => {
    const { result, printed, requests } = await runExample("response-metadata");
    const metadata = result.response_metadata;
    expect(metadata).toEqual({
      model_name: MODEL,
      model: MODEL,
      requestId: requests[0]!.requestId,
      stopReason: "end_turn",
      metrics: { latencyMs: expect.any(Number) },
      usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number), totalTokens: expect.any(Number) },
    });
    expect(result.id).toBe(requests[0]!.requestId);
    expect(printed).toEqual([[metadata], [result.id]]);
  });

  example("guardrails", async () => {
    const { result, printed, requests } = await runExample("guardrails");
    expect(result.allowed.response_metadata.stopReason).toBe("end_turn");
    expect(result.blocked.response_metadata.stopReason).toBe("guardrail_intervened");
    expect(result.blocked.text).toBe(DEFAULT_BLOCKED_MESSAGE);
    const guardrailId = process.env.BEDROCK_GUARDRAIL_ID ?? "my-guardrail-id";
    const assessment = result.blocked.response_metadata.trace.guardrail.inputAssessment[guardrailId];
    expect(assessment.wordPolicy.customWords).toEqual([{ match: "forbidden", action: "BLOCKED", detected: true }]);
    expect(printed.slice(0, 3)).toEqual([["end_turn"], ["guardrail_intervened"], [DEFAULT_BLOCKED_MESSAGE]]);
    const body = bodiesOf(requests)[1]!;
    expect(body.guardrailConfig).toEqual({ guardrailIdentifier: guardrailId, guardrailVersion: "DRAFT", trace: "enabled" });
    expect(body.messages.at(-1).content).toEqual([{ guardContent: { text: { text: "Tell me about the forbidden topic." } } }]);
  });

  it("has a test for every example", () => {
    const files = readdirSync(examplesDir).filter((f) => f.endsWith(".ts") && f !== "connection.ts");
    expect(files.map((f) => f.slice(0, -3)).sort()).toEqual([...tested].sort());
  });
});
