// Anthropic Messages answers and stream events → our messages and chunks (text, thinking, tool calls, cache usage).
import { AIMessage, AIMessageChunk, type ChatContentBlock, type ToolCall, type UsageMetadata } from "../messages/index.js";
import { toUsageMetadata } from "../response/usage.js";
import { defined, num, type ChunkDecoder, type JsonObject } from "./adapter-types.js";

/** Anthropic usage (cache reads and writes apart) → LangChain usage, cached tokens counted as input. */
export function anthropicUsage(u: JsonObject | undefined): UsageMetadata | undefined {
  if (!u) return undefined;
  const cacheRead = num(u.cache_read_input_tokens);
  const cacheWrite = num(u.cache_creation_input_tokens);
  return toUsageMetadata({
    inputTokens: num(u.input_tokens) ?? 0,
    outputTokens: num(u.output_tokens) ?? 0,
    ...(cacheRead !== undefined && { cacheReadInputTokens: cacheRead }),
    ...(cacheWrite !== undefined && { cacheWriteInputTokens: cacheWrite }),
  });
}

function reasoning(b: JsonObject): ChatContentBlock | undefined {
  if (b.type === "thinking") return { type: "reasoning_content", reasoningText: defined({ text: b.thinking, signature: b.signature }) };
  if (b.type === "redacted_thinking") return { type: "reasoning_content", redactedContent: String(b.data) };
  return undefined;
}

/**
 * An Anthropic `message` → AIMessage. Content is a string when the reply is text only (as
 * BedrockChat's parseMessage returns a lone text block); thinking makes it a block list. Tool
 * uses go to `tool_calls` only, as ChatBedrockConverse reports them, so `invoke` and the
 * concatenated `stream` agree (langchain-aws also keeps the tool_use blocks in content).
 */
export function anthropicReply(json: JsonObject): AIMessage {
  const list = Array.isArray(json.content) ? (json.content as JsonObject[]) : [];
  const content: ChatContentBlock[] = [];
  const tool_calls: ToolCall[] = [];
  for (const b of list) {
    if (b.type === "text") {
      const last = content.at(-1);
      if (last && last.type === "text") (last as { text: string }).text += String(b.text);
      else content.push({ type: "text", text: String(b.text) });
    } else if (b.type === "tool_use") {
      tool_calls.push({ name: String(b.name), args: (b.input ?? {}) as Record<string, unknown>, id: String(b.id) });
    } else {
      const r = reasoning(b);
      if (r) content.push(r);
    }
  }
  const textOnly = content.every((b) => b.type === "text");
  const usage = anthropicUsage(json.usage as JsonObject | undefined);
  return new AIMessage({
    content: textOnly ? content.map((b) => (b as { text: string }).text).join("") : content,
    tool_calls,
    ...(usage && { usage_metadata: usage }),
    ...(typeof json.id === "string" && { id: json.id }),
    response_metadata: defined({ id: json.id, model: json.model, stop_reason: json.stop_reason, stop_sequence: json.stop_sequence, usage: json.usage }),
  });
}

/**
 * A decoder for one Anthropic stream: text deltas as strings until the first thinking block,
 * then blocks carrying `index` (so `concat` merges them as the invoke reply reads); tool uses as
 * `tool_call_chunks`; input tokens at `message_start`, output tokens at `message_delta`.
 */
export function anthropicDecoder(): ChunkDecoder {
  let asList = false;
  let id: string | undefined;
  const chunk = (fields: ConstructorParameters<typeof AIMessageChunk>[0] & object) => new AIMessageChunk({ content: "", ...(id !== undefined && { id }), ...fields });
  return (event) => {
    const index = num(event.index) ?? 0;
    switch (event.type) {
      case "message_start": {
        const message = (event.message ?? {}) as JsonObject;
        if (typeof message.id === "string") id = message.id;
        const u = anthropicUsage(message.usage as JsonObject | undefined);
        // Output tokens come with message_delta; the start's placeholder count is not added twice.
        const start = u && { ...u, output_tokens: 0, total_tokens: u.input_tokens };
        return chunk({ ...(start && { usage_metadata: start }), response_metadata: defined({ id: message.id, model: message.model }) });
      }
      case "content_block_start": {
        const b = (event.content_block ?? {}) as JsonObject;
        if (b.type === "tool_use") return chunk({ tool_call_chunks: [{ name: String(b.name), id: String(b.id), args: "", index }] });
        if (b.type === "redacted_thinking") {
          asList = true;
          return chunk({ content: [{ type: "reasoning_content", redactedContent: String(b.data), index }] });
        }
        if (b.type === "thinking") asList = true;
        return undefined;
      }
      case "content_block_delta": {
        const d = (event.delta ?? {}) as JsonObject;
        if (d.type === "text_delta") {
          const text = String(d.text ?? "");
          if (text === "") return undefined;
          return chunk({ content: asList ? [{ type: "text", text, index }] : text });
        }
        if (d.type === "input_json_delta") return chunk({ tool_call_chunks: [{ args: String(d.partial_json ?? ""), index }] });
        if (d.type === "thinking_delta") return chunk({ content: [{ type: "reasoning_content", reasoningText: { text: String(d.thinking ?? "") }, index }] });
        if (d.type === "signature_delta") return chunk({ content: [{ type: "reasoning_content", reasoningText: { signature: String(d.signature ?? "") }, index }] });
        return undefined;
      }
      case "message_delta": {
        const d = (event.delta ?? {}) as JsonObject;
        const out = num((event.usage as JsonObject | undefined)?.output_tokens);
        return chunk({
          ...(out !== undefined && { usage_metadata: { input_tokens: 0, output_tokens: out, total_tokens: out } }),
          response_metadata: defined({ stop_reason: d.stop_reason, stop_sequence: d.stop_sequence ?? undefined }),
        });
      }
      default:
        return undefined;
    }
  };
}
