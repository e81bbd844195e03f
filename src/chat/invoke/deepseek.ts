// DeepSeek-R1 on InvokeModel: a templated prompt in, `choices[0].text` out.
import { AIMessage, AIMessageChunk, type BaseMessage } from "../messages/index.js";
import { defined, metricsUsage, withKwargs, type InvokeSettings, type JsonObject, type ProviderAdapter } from "./adapter-types.js";
import { deepseekPrompt } from "./prompt-formats.js";

/** `{ prompt, max_tokens, temperature, top_p, stop }`, the Bedrock user guide's DeepSeek-R1 request (langchain-aws sends the same keys). */
export function deepseekBody(messages: readonly BaseMessage[], settings: InvokeSettings): JsonObject {
  return withKwargs(
    defined({ prompt: deepseekPrompt(messages), max_tokens: settings.maxTokens, temperature: settings.temperature, top_p: settings.topP, stop: settings.stopSequences }),
    settings,
  );
}

const first = (json: JsonObject): JsonObject => ((Array.isArray(json.choices) ? json.choices[0] : undefined) ?? {}) as JsonObject;

export function deepseekReply(json: JsonObject): AIMessage {
  const choice = first(json);
  return new AIMessage({ content: String(choice.text ?? ""), response_metadata: defined({ stop_reason: choice.stop_reason }) });
}

export function deepseekChunk(event: JsonObject): AIMessageChunk {
  const choice = first(event);
  const u = metricsUsage(event);
  return new AIMessageChunk({
    content: String(choice.text ?? ""),
    ...(u && { usage_metadata: u }),
    response_metadata: defined({ stop_reason: choice.stop_reason ?? undefined }),
  });
}

export const deepseekAdapter: ProviderAdapter = { body: deepseekBody, reply: deepseekReply, decoder: () => deepseekChunk, tools: false };
