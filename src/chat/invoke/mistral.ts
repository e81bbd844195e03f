// Mistral on InvokeModel: an [INST] prompt in, `outputs[0].text` out.
import { AIMessage, AIMessageChunk, type BaseMessage } from "../messages/index.js";
import { defined, metricsUsage, withKwargs, type InvokeSettings, type JsonObject, type ProviderAdapter } from "./adapter-types.js";
import { mistralPrompt } from "./prompt-formats.js";

/**
 * `{ prompt, max_tokens, temperature, top_p, stop }`, as BedrockChat's `prepareInput` (mistral
 * branch) names them; its defaults (`max_tokens: 50`, `temperature: 0`) are not copied.
 */
export function mistralBody(messages: readonly BaseMessage[], settings: InvokeSettings): JsonObject {
  return withKwargs(
    defined({ prompt: mistralPrompt(messages), max_tokens: settings.maxTokens, temperature: settings.temperature, top_p: settings.topP, stop: settings.stopSequences }),
    settings,
  );
}

const first = (json: JsonObject): JsonObject => ((Array.isArray(json.outputs) ? json.outputs[0] : undefined) ?? {}) as JsonObject;

export function mistralReply(json: JsonObject): AIMessage {
  const out = first(json);
  return new AIMessage({ content: String(out.text ?? ""), response_metadata: defined({ stop_reason: out.stop_reason }) });
}

export function mistralChunk(event: JsonObject): AIMessageChunk {
  const out = first(event);
  const u = metricsUsage(event);
  return new AIMessageChunk({
    content: String(out.text ?? ""),
    ...(u && { usage_metadata: u }),
    response_metadata: defined({ stop_reason: out.stop_reason ?? undefined }),
  });
}

export const mistralAdapter: ProviderAdapter = { body: mistralBody, reply: mistralReply, decoder: () => mistralChunk, tools: false };
