// OpenAI gpt-oss on InvokeModel: Chat Completions `messages` in, `choices[0].message` out.
import { AIMessage, AIMessageChunk, type BaseMessage } from "../messages/index.js";
import { defined, metricsUsage, num, usage, withKwargs, type ChunkDecoder, type InvokeSettings, type JsonObject, type ProviderAdapter } from "./adapter-types.js";

const ROLES: Record<string, string> = { system: "system", human: "user", ai: "assistant", tool: "tool" };

/**
 * The Chat Completions body the Bedrock user guide gives for gpt-oss on InvokeModel:
 * `{ messages: [{ role, content }], max_completion_tokens, temperature, top_p, stop }`.
 * langchain-aws's ChatBedrock also converts to OpenAI messages (`convert_to_openai_messages`)
 * for this provider; BedrockChat has no openai branch. Text only: tool calls go through Converse.
 */
export function openaiBody(messages: readonly BaseMessage[], settings: InvokeSettings): JsonObject {
  const list = messages.map((m) => defined({ role: ROLES[m.type], content: m.text, tool_call_id: m.type === "tool" ? (m as { tool_call_id?: string }).tool_call_id : undefined }));
  return withKwargs(
    defined({ messages: list, max_completion_tokens: settings.maxTokens, temperature: settings.temperature, top_p: settings.topP, stop: settings.stopSequences }),
    settings,
  );
}

const firstChoice = (json: JsonObject): JsonObject => ((Array.isArray(json.choices) ? json.choices[0] : undefined) ?? {}) as JsonObject;
const openaiUsage = (u: JsonObject | undefined) => (u ? usage(num(u.prompt_tokens), num(u.completion_tokens)) : undefined);

/** gpt-oss puts its reasoning in `<reasoning>…</reasoning>` before the answer; kept as text, as both references keep it. */
export function openaiReply(json: JsonObject): AIMessage {
  const choice = firstChoice(json);
  const message = (choice.message ?? {}) as JsonObject;
  const u = openaiUsage(json.usage as JsonObject | undefined);
  return new AIMessage({
    content: String(message.content ?? ""),
    ...(typeof json.id === "string" && { id: json.id }),
    ...(u && { usage_metadata: u }),
    response_metadata: defined({ finish_reason: choice.finish_reason, model: json.model }),
  });
}

/**
 * One decoder per stream: usage from a `usage` member when the stream sends one, else from the
 * invocation metrics Bedrock adds to the last chunk (never both).
 */
export function openaiDecoder(): ChunkDecoder {
  let sawUsage = false;
  return (event) => {
    const choice = firstChoice(event);
    const delta = (choice.delta ?? {}) as JsonObject;
    const own = openaiUsage(event.usage as JsonObject | undefined);
    if (own) sawUsage = true;
    const u = own ?? (sawUsage ? undefined : metricsUsage(event));
    const text = typeof delta.content === "string" ? delta.content : "";
    if (text === "" && !u && choice.finish_reason == null) return undefined;
    return new AIMessageChunk({ content: text, ...(u && { usage_metadata: u }), response_metadata: defined({ finish_reason: choice.finish_reason ?? undefined }) });
  };
}

export const openaiAdapter: ProviderAdapter = { body: openaiBody, reply: openaiReply, decoder: openaiDecoder, tools: false };
