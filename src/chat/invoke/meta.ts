// Meta Llama on InvokeModel: a templated prompt in, `generation` out.
import { AIMessage, AIMessageChunk, type BaseMessage } from "../messages/index.js";
import { defined, metricsUsage, num, usage, withKwargs, type InvokeSettings, type JsonObject, type ProviderAdapter } from "./adapter-types.js";
import { llama3Prompt, llama4Prompt } from "./prompt-formats.js";

/**
 * `{ prompt, max_gen_len, temperature, top_p }`, checked against BedrockChat's `prepareInput`
 * (meta branch) and langchain-aws's `prepare_input`. Llama takes no stop sequences, so
 * `stopSequences` is not sent (Bedrock refuses unknown keys); BedrockChat's defaults
 * (`max_gen_len: 50`, `temperature: 0`) are not copied: unset means the model's own defaults.
 */
export function metaBody(messages: readonly BaseMessage[], settings: InvokeSettings, llama4 = false): JsonObject {
  const prompt = llama4 ? llama4Prompt(messages) : llama3Prompt(messages);
  return withKwargs(defined({ prompt, max_gen_len: settings.maxTokens, temperature: settings.temperature, top_p: settings.topP }), settings);
}

export function metaReply(json: JsonObject): AIMessage {
  const u = usage(num(json.prompt_token_count), num(json.generation_token_count));
  return new AIMessage({
    content: String(json.generation ?? ""),
    ...(u && { usage_metadata: u }),
    response_metadata: defined({ stop_reason: json.stop_reason }),
  });
}

/** Each event carries a `generation` piece; the last adds `stop_reason` and the invocation metrics (usage). */
export function metaChunk(event: JsonObject): AIMessageChunk {
  const u = metricsUsage(event);
  return new AIMessageChunk({
    content: String(event.generation ?? ""),
    ...(u && { usage_metadata: u }),
    response_metadata: defined({ stop_reason: event.stop_reason ?? undefined }),
  });
}

export const metaAdapter = (llama4: boolean): ProviderAdapter => ({
  body: (messages, settings) => metaBody(messages, settings, llama4),
  reply: metaReply,
  decoder: () => metaChunk,
  tools: false,
});
