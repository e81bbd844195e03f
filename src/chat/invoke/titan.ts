// Amazon Titan Text on InvokeModel: a `User: … Bot:` transcript in, `results[0].outputText` out.
import { AIMessage, AIMessageChunk, type BaseMessage } from "../messages/index.js";
import { defined, metricsUsage, num, usage, withKwargs, type InvokeSettings, type JsonObject, type ProviderAdapter } from "./adapter-types.js";
import { titanPrompt } from "./prompt-formats.js";

/**
 * `{ inputText, textGenerationConfig: { maxTokenCount, temperature, topP, stopSequences } }`, as
 * BedrockChat's `prepareInput` (amazon branch) writes it, without its defaults (50 tokens,
 * temperature 0). `modelKwargs` merge at the top, as BedrockChat merges them; langchain-aws puts
 * its model_kwargs inside `textGenerationConfig` instead, so pass `{ textGenerationConfig: {…} }`
 * to set more of it (it replaces ours).
 */
export function titanBody(messages: readonly BaseMessage[], settings: InvokeSettings): JsonObject {
  const config = defined({ maxTokenCount: settings.maxTokens, temperature: settings.temperature, topP: settings.topP, stopSequences: settings.stopSequences });
  return withKwargs({ inputText: titanPrompt(messages), ...(Object.keys(config).length > 0 && { textGenerationConfig: config }) }, settings);
}

export function titanReply(json: JsonObject): AIMessage {
  const result = ((Array.isArray(json.results) ? json.results[0] : undefined) ?? {}) as JsonObject;
  const u = usage(num(json.inputTextTokenCount), num(result.tokenCount));
  return new AIMessage({
    content: String(result.outputText ?? ""),
    ...(u && { usage_metadata: u }),
    response_metadata: defined({ completionReason: result.completionReason }),
  });
}

export function titanChunk(event: JsonObject): AIMessageChunk {
  const u = metricsUsage(event);
  return new AIMessageChunk({
    content: String(event.outputText ?? ""),
    ...(u && { usage_metadata: u }),
    response_metadata: defined({ completionReason: event.completionReason ?? undefined }),
  });
}

export const titanAdapter: ProviderAdapter = { body: titanBody, reply: titanReply, decoder: () => titanChunk, tools: false };
