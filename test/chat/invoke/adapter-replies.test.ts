// Native answers and stream events per provider → messages and chunks (text, usage, stop reasons, thinking, tool calls).
import { describe, expect, it } from "vitest";
import { adapterFor } from "../../../src/chat/invoke/adapters.js";
import { modelName, resolveProvider } from "../../../src/chat/invoke/provider.js";
import type { AIMessageChunk } from "../../../src/chat/messages/index.js";

const adapter = (model: string) => adapterFor(resolveProvider(model), modelName(model));
const METRICS = { "amazon-bedrock-invocationMetrics": { inputTokenCount: 7, outputTokenCount: 3, invocationLatency: 100, firstByteLatency: 50 } };

function streamed(model: string, events: Record<string, unknown>[]): AIMessageChunk {
  const decode = adapter(model).decoder();
  let full: AIMessageChunk | undefined;
  for (const event of events) {
    const chunk = decode(event);
    if (chunk) full = full ? full.concat(chunk) : chunk;
  }
  return full!;
}

describe("replies", () => {
  it.each<[string, string, Record<string, unknown>, string, Record<string, unknown> | undefined, Record<string, unknown>]>([
    ["Llama", "meta.llama3-8b-instruct-v1:0", { generation: "Hi!", prompt_token_count: 7, generation_token_count: 3, stop_reason: "stop" }, "Hi!", { input_tokens: 7, output_tokens: 3, total_tokens: 10 }, { stop_reason: "stop" }],
    ["Titan", "amazon.titan-text-express-v1", { inputTextTokenCount: 7, results: [{ tokenCount: 3, outputText: "Hi!", completionReason: "FINISH" }] }, "Hi!", { input_tokens: 7, output_tokens: 3, total_tokens: 10 }, { completionReason: "FINISH" }],
    ["Nova", "amazon.nova-micro-v1:0", { output: { message: { role: "assistant", content: [{ text: "Hi!" }] } }, stopReason: "end_turn", usage: { inputTokens: 7, outputTokens: 3, totalTokens: 10 } }, "Hi!", { input_tokens: 7, output_tokens: 3, total_tokens: 10 }, { stopReason: "end_turn" }],
    ["Mistral", "mistral.mistral-large-2407-v1:0", { outputs: [{ text: "Hi!", stop_reason: "stop" }] }, "Hi!", undefined, { stop_reason: "stop" }],
    ["Cohere", "cohere.command-r-plus-v1:0", { text: "Hi!", generation_id: "g1", finish_reason: "COMPLETE" }, "Hi!", undefined, { finish_reason: "COMPLETE" }],
    ["DeepSeek", "deepseek.r1-v1:0", { choices: [{ text: "Hi!", stop_reason: "stop" }] }, "Hi!", undefined, { stop_reason: "stop" }],
    ["gpt-oss", "openai.gpt-oss-120b-1:0", { id: "c1", model: "gpt-oss-120b", choices: [{ index: 0, message: { role: "assistant", content: "Hi!" }, finish_reason: "stop" }], usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 } }, "Hi!", { input_tokens: 7, output_tokens: 3, total_tokens: 10 }, { finish_reason: "stop" }],
  ])("%s", (_name, model, json, text, usage, metadata) => {
    const reply = adapter(model).reply(json);
    expect(reply.content).toBe(text);
    expect(reply.usage_metadata).toEqual(usage);
    expect(reply.response_metadata).toMatchObject(metadata);
  });

  it("Anthropic: thinking and text as blocks, tool_use as tool_calls, cache usage", () => {
    const reply = adapter("anthropic.claude-3-7-sonnet-20250219-v1:0").reply({
      id: "msg_1",
      type: "message",
      model: "claude-3-7-sonnet-20250219",
      content: [
        { type: "thinking", thinking: "Hmm.", signature: "sig" },
        { type: "redacted_thinking", data: "b64" },
        { type: "text", text: "Answer" },
        { type: "tool_use", id: "toolu_1", name: "f", input: { a: 1 } },
      ],
      stop_reason: "tool_use",
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 20, cache_creation_input_tokens: 30 },
    });
    expect(reply.content).toEqual([
      { type: "reasoning_content", reasoningText: { text: "Hmm.", signature: "sig" } },
      { type: "reasoning_content", redactedContent: "b64" },
      { type: "text", text: "Answer" },
    ]);
    expect(reply.tool_calls).toEqual([{ name: "f", args: { a: 1 }, id: "toolu_1", type: "tool_call" }]);
    expect(reply.usage_metadata).toEqual({ input_tokens: 60, output_tokens: 5, total_tokens: 65, input_token_details: { cache_read: 20, cache_creation: 30 } });
    expect(reply.id).toBe("msg_1");
    expect(reply.response_metadata).toMatchObject({ stop_reason: "tool_use", model: "claude-3-7-sonnet-20250219" });
  });
});

describe("streams", () => {
  it.each<[string, string, Record<string, unknown>[], Record<string, unknown>]>([
    ["Llama", "meta.llama3-8b-instruct-v1:0", [{ generation: "Hi", prompt_token_count: 7, generation_token_count: 1, stop_reason: null }, { generation: " there", prompt_token_count: null, generation_token_count: 3, stop_reason: "stop", ...METRICS }], { stop_reason: "stop" }],
    ["Titan", "amazon.titan-text-lite-v1", [{ outputText: "Hi", index: 0, completionReason: null }, { outputText: " there", index: 0, completionReason: "FINISH", ...METRICS }], { completionReason: "FINISH" }],
    ["Mistral", "mistral.mixtral-8x7b-instruct-v0:1", [{ outputs: [{ text: "Hi", stop_reason: null }] }, { outputs: [{ text: " there", stop_reason: "stop" }], ...METRICS }], { stop_reason: "stop" }],
    ["DeepSeek", "us.deepseek.r1-v1:0", [{ choices: [{ text: "Hi", stop_reason: null }] }, { choices: [{ text: " there", stop_reason: "stop" }], ...METRICS }], { stop_reason: "stop" }],
    ["Cohere", "cohere.command-r-v1:0", [{ event_type: "stream-start", generation_id: "g" }, { event_type: "text-generation", text: "Hi" }, { event_type: "text-generation", text: " there" }, { event_type: "stream-end", finish_reason: "COMPLETE", ...METRICS }], { finish_reason: "COMPLETE" }],
    ["gpt-oss", "openai.gpt-oss-20b-1:0", [{ choices: [{ delta: { role: "assistant", content: "Hi" } }] }, { choices: [{ delta: { content: " there" }, finish_reason: "stop" }] }, { choices: [], usage: { prompt_tokens: 7, completion_tokens: 3 } }, { choices: [], ...METRICS }], { finish_reason: "stop" }],
    ["gpt-oss (metrics only)", "openai.gpt-oss-20b-1:0", [{ choices: [{ delta: { role: "assistant", content: "Hi" } }] }, { choices: [{ delta: { content: " there" }, finish_reason: "stop" }], ...METRICS }], { finish_reason: "stop" }],
    ["Nova", "us.amazon.nova-lite-v1:0", [{ messageStart: { role: "assistant" } }, { contentBlockDelta: { delta: { text: "Hi" }, contentBlockIndex: 0 } }, { contentBlockDelta: { delta: { text: " there" }, contentBlockIndex: 0 } }, { messageStop: { stopReason: "end_turn" } }, { metadata: { usage: { inputTokens: 7, outputTokens: 3 } }, ...METRICS }], { stopReason: "end_turn" }],
  ])("%s: text, stop reason and usage (once) concatenate", (_name, model, events, metadata) => {
    const full = streamed(model, events);
    expect(full.text).toBe("Hi there");
    expect(full.usage_metadata).toEqual({ input_tokens: 7, output_tokens: 3, total_tokens: 10 });
    expect(full.response_metadata).toMatchObject(metadata);
  });

  it("Anthropic: thinking with its signature, then text as indexed blocks; a tool call; usage split start/delta", () => {
    const full = streamed("anthropic.claude-3-7-sonnet-20250219-v1:0", [
      { type: "message_start", message: { id: "msg_9", model: "claude", usage: { input_tokens: 12, output_tokens: 1, cache_read_input_tokens: 4 } } },
      { type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "Let me " } },
      { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "think." } },
      { type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: "SIG" } },
      { type: "content_block_stop", index: 0 },
      { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "Done" } },
      { type: "content_block_stop", index: 1 },
      { type: "content_block_start", index: 2, content_block: { type: "tool_use", id: "toolu_1", name: "f", input: {} } },
      { type: "content_block_delta", index: 2, delta: { type: "input_json_delta", partial_json: '{"a":' } },
      { type: "content_block_delta", index: 2, delta: { type: "input_json_delta", partial_json: "1}" } },
      { type: "message_delta", delta: { stop_reason: "tool_use", stop_sequence: null }, usage: { output_tokens: 20 } },
      { type: "message_stop", ...METRICS },
    ]);
    expect(full.id).toBe("msg_9");
    expect(full.content).toEqual([
      { type: "reasoning_content", reasoningText: { text: "Let me think.", signature: "SIG" }, index: 0 },
      { type: "text", text: "Done", index: 1 },
    ]);
    expect(full.tool_calls).toEqual([{ name: "f", args: { a: 1 }, id: "toolu_1", type: "tool_call" }]);
    expect(full.usage_metadata).toEqual({ input_tokens: 16, output_tokens: 20, total_tokens: 36, input_token_details: { cache_read: 4 } });
    expect(full.response_metadata).toMatchObject({ stop_reason: "tool_use", model: "claude" });
  });
});
