// Amazon Nova on InvokeModel: the `messages-v1` schema in, Converse-shaped output out.
import { AIMessage, AIMessageChunk, type BaseMessage } from "../messages/index.js";
import { toUsageMetadata } from "../response/usage.js";
import { defined, num, withKwargs, type InvokeSettings, type JsonObject, type ProviderAdapter } from "./adapter-types.js";

/**
 * Nova's native request (Amazon Nova user guide, "Complete request schema"): `schemaVersion:
 * "messages-v1"`, `system: [{ text }]`, `messages: [{ role, content: [{ text }] }]`,
 * `inferenceConfig: { maxTokens, temperature, topP, stopSequences }`. Neither reference has a Nova
 * branch (langchain-aws sends Nova through Converse), so this follows the user guide; text only.
 */
export function novaBody(messages: readonly BaseMessage[], settings: InvokeSettings): JsonObject {
  const system = messages.filter((m) => m.type === "system").map((m) => ({ text: m.text }));
  const turns: Array<{ role: string; content: JsonObject[] }> = [];
  for (const m of messages) {
    if (m.type === "system") continue;
    const role = m.type === "ai" ? "assistant" : "user";
    const last = turns.at(-1);
    if (last && last.role === role) last.content.push({ text: m.text });
    else turns.push({ role, content: [{ text: m.text }] });
  }
  const config = defined({ maxTokens: settings.maxTokens, temperature: settings.temperature, topP: settings.topP, stopSequences: settings.stopSequences });
  return withKwargs(
    {
      schemaVersion: "messages-v1",
      ...(system.length > 0 && { system }),
      messages: turns,
      ...(Object.keys(config).length > 0 && { inferenceConfig: config }),
    },
    settings,
  );
}

const novaUsage = (u: JsonObject | undefined) =>
  u && toUsageMetadata({ inputTokens: num(u.inputTokens), outputTokens: num(u.outputTokens), totalTokens: num(u.totalTokens), ...(num(u.cacheReadInputTokenCount) !== undefined && { cacheReadInputTokens: num(u.cacheReadInputTokenCount) }) });

export function novaReply(json: JsonObject): AIMessage {
  const message = ((json.output as JsonObject | undefined)?.message ?? {}) as JsonObject;
  const content = Array.isArray(message.content) ? (message.content as JsonObject[]) : [];
  const u = novaUsage(json.usage as JsonObject | undefined);
  return new AIMessage({
    content: content.map((b) => (typeof b.text === "string" ? b.text : "")).join(""),
    ...(u && { usage_metadata: u }),
    response_metadata: defined({ stopReason: json.stopReason }),
  });
}

/** Nova streams Converse-like events: `contentBlockDelta.delta.text`, `messageStop.stopReason`, `metadata.usage`. */
export function novaChunk(event: JsonObject): AIMessageChunk | undefined {
  const delta = (event.contentBlockDelta as JsonObject | undefined)?.delta as JsonObject | undefined;
  if (delta && typeof delta.text === "string") return new AIMessageChunk(delta.text);
  const stop = event.messageStop as JsonObject | undefined;
  if (stop) return new AIMessageChunk({ content: "", response_metadata: defined({ stopReason: stop.stopReason }) });
  const u = novaUsage((event.metadata as JsonObject | undefined)?.usage as JsonObject | undefined);
  return u ? new AIMessageChunk({ content: "", usage_metadata: u }) : undefined;
}

export const novaAdapter: ProviderAdapter = { body: novaBody, reply: novaReply, decoder: () => novaChunk, tools: false };
