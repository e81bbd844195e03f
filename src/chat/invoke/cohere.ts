// Cohere Command R on InvokeModel: `message` plus `chat_history` in, `text` out.
import { BedrockInputError } from "../../errors/index.js";
import { AIMessage, AIMessageChunk, type BaseMessage } from "../messages/index.js";
import { defined, metricsUsage, withKwargs, type InvokeSettings, type JsonObject, type ProviderAdapter } from "./adapter-types.js";

/**
 * `{ message, chat_history, preamble, max_tokens, temperature, p, stop_sequences }`, checked
 * against BedrockChat's `prepareMessagesInput` and `formatMessagesForCohere` (cohere branch): the
 * last message is the question and must be human, earlier ones become USER / CHATBOT history,
 * system text the `preamble`. BedrockChat's defaults (1024 tokens, temperature 0) are not copied.
 */
export function cohereBody(messages: readonly BaseMessage[], settings: InvokeSettings): JsonObject {
  const system = messages.filter((m) => m.type === "system").map((m) => m.text);
  const rest = messages.filter((m) => m.type !== "system");
  const question = rest.at(-1);
  if (!question || question.type !== "human") throw new BedrockInputError("Cohere on InvokeModel needs the last message to be a human message");
  const chat_history = rest.slice(0, -1).map((m) => {
    if (m.type !== "human" && m.type !== "ai") throw new BedrockInputError(`Cohere on InvokeModel takes human and AI messages in the history, got a ${m.type} message`);
    return { role: m.type === "human" ? "USER" : "CHATBOT", message: m.text };
  });
  return withKwargs(
    defined({
      message: question.text,
      chat_history,
      preamble: system.length > 0 ? system.join("\n\n") : undefined,
      max_tokens: settings.maxTokens,
      temperature: settings.temperature,
      p: settings.topP,
      stop_sequences: settings.stopSequences,
    }),
    settings,
  );
}

export function cohereReply(json: JsonObject): AIMessage {
  return new AIMessage({
    content: String(json.text ?? ""),
    ...(typeof json.generation_id === "string" && { id: json.generation_id }),
    response_metadata: defined({ finish_reason: json.finish_reason }),
  });
}

/** `text-generation` events carry text; `stream-end` the finish reason and, with Bedrock's metrics, usage. */
export function cohereChunk(event: JsonObject): AIMessageChunk | undefined {
  if (event.event_type === "text-generation") return new AIMessageChunk(String(event.text ?? ""));
  if (event.event_type === "stream-end") {
    const u = metricsUsage(event);
    return new AIMessageChunk({ content: "", ...(u && { usage_metadata: u }), response_metadata: defined({ finish_reason: event.finish_reason }) });
  }
  return undefined;
}

export const cohereAdapter: ProviderAdapter = { body: cohereBody, reply: cohereReply, decoder: () => cohereChunk, tools: false };
