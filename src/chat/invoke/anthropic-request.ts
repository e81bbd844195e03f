// Our messages and settings → an Anthropic Messages body for InvokeModel (tools, thinking, cache points).
import { BedrockInputError } from "../../errors/index.js";
import { isObject } from "../../internal/index.js";
import type { BaseMessage, ChatContentBlock, MessageContent } from "../messages/index.js";
import { AIMessage, ToolMessage } from "../messages/index.js";
import type { Tool, ToolChoice } from "../request/index.js";
import { defined, withKwargs, type InvokeSettings, type JsonObject } from "./adapter-types.js";

export const ANTHROPIC_VERSION = "bedrock-2023-05-31";
/** Both references default `max_tokens` to 1024 (BedrockChat's prepareMessagesInput, langchain-aws's prepare_input). */
export const DEFAULT_MAX_TOKENS = 1024;

type Turn = { role: "user" | "assistant"; content: JsonObject[] };

const DATA_URL = /^data:(image\/[a-z0-9.+-]+);base64,(.+)$/i;

/** A cache point `{ cachePoint: { type: "default", ttl? } }` → Anthropic's `cache_control` on the block before it. */
function cacheControl(block: JsonObject): JsonObject | undefined {
  const point = block.cachePoint;
  if (!isObject(point)) return undefined;
  return { type: "ephemeral", ...(typeof point.ttl === "string" && { ttl: point.ttl }) };
}

function imageBlock(block: JsonObject): JsonObject {
  if (isObject(block.source)) return { type: "image", source: block.source };
  // LangChain's standard data block: `{ type: "image", data | base64, mimeType | mime_type }`.
  const data = typeof block.data === "string" ? block.data : block.base64;
  const mime = block.mimeType ?? block.mime_type;
  if (typeof data === "string" && typeof mime === "string") return { type: "image", source: { type: "base64", media_type: mime, data } };
  const url = typeof block.image_url === "string" ? block.image_url : isObject(block.image_url) ? String(block.image_url.url) : "";
  const match = DATA_URL.exec(url);
  if (!match) throw new BedrockInputError("Anthropic on InvokeModel takes base64 images only: data:image/<type>;base64,<data>");
  return { type: "image", source: { type: "base64", media_type: match[1], data: match[2] } };
}

/** One content block in Anthropic's form; reasoning becomes `thinking` (with its signature) or `redacted_thinking`. */
function block(raw: ChatContentBlock): JsonObject | undefined {
  const b = raw as JsonObject;
  switch (b.type) {
    case "text":
      return defined({ type: "text", text: b.text, cache_control: b.cache_control });
    case "image_url":
      return imageBlock(b);
    case "image":
      return imageBlock(b);
    case "reasoning_content": {
      if (typeof b.redactedContent === "string") return { type: "redacted_thinking", data: b.redactedContent };
      const r = isObject(b.reasoningText) ? b.reasoningText : {};
      return defined({ type: "thinking", thinking: r.text ?? "", signature: r.signature });
    }
    case "tool_use":
      // Written from tool_calls instead (one place, so a call is never sent twice).
      return undefined;
    default:
      // Anthropic's own blocks (thinking, document, tool_result, …) pass as they are.
      if (typeof b.type === "string") {
        const { index: _index, ...rest } = b;
        return rest;
      }
      return undefined;
  }
}

// Anthropic refuses a text block that is empty ("messages: text content blocks must be non-empty") or
// only whitespace; langchain-aws's _format_anthropic_messages leaves such blocks out, and so does this.
const blank = (text: unknown) => typeof text !== "string" || text.trim() === "";

function blocks(content: MessageContent): JsonObject[] {
  if (typeof content === "string") return blank(content) ? [] : [{ type: "text", text: content }];
  const out: JsonObject[] = [];
  for (const raw of content) {
    const control = cacheControl(raw as JsonObject);
    if (control) {
      const last = out.at(-1);
      if (!last) throw new BedrockInputError("a cache point must follow a content block");
      last.cache_control = control;
      continue;
    }
    const converted = block(raw);
    if (converted && !(converted.type === "text" && blank(converted.text))) out.push(converted);
  }
  return out;
}

function turnOf(message: BaseMessage): Turn {
  if (message instanceof ToolMessage || message.type === "tool") {
    const tool = message as ToolMessage;
    const content = typeof tool.content === "string" ? tool.content : blocks(tool.content);
    return {
      role: "user",
      content: [defined({ type: "tool_result", tool_use_id: tool.tool_call_id, content, is_error: tool.status === "error" ? true : undefined })],
    };
  }
  if (message instanceof AIMessage || message.type === "ai") {
    const ai = message as AIMessage;
    const calls = (ai.tool_calls ?? []).map((c) => ({ type: "tool_use", id: c.id, name: c.name, input: c.args }));
    return { role: "assistant", content: [...blocks(ai.content), ...calls] };
  }
  return { role: "user", content: blocks(message.content) };
}

/**
 * System messages → `system` (a string when all are plain text, else blocks, so cache points
 * survive); the rest → alternating turns, a run of human and tool messages merged into one user
 * turn as langchain-aws's `_merge_messages` does.
 */
export function anthropicMessages(messages: readonly BaseMessage[]): { system?: string | JsonObject[]; messages: Turn[] } {
  const system: JsonObject[] = [];
  const turns: Turn[] = [];
  for (const message of messages) {
    if (message.type === "system") {
      system.push(...blocks(message.content));
      continue;
    }
    const turn = turnOf(message);
    const last = turns.at(-1);
    if (last && last.role === turn.role) last.content.push(...turn.content);
    else turns.push(turn);
  }
  for (const turn of turns) {
    // In a user turn tool results come first (Anthropic reads them as the answer to the previous
    // turn's tool_use blocks), as langchain-aws orders a merged human/tool turn.
    if (turn.role === "user") turn.content.sort((a, b) => Number(b.type === "tool_result") - Number(a.type === "tool_result"));
    // Bedrock wants at least one block per turn (an AI message with no text and no tool calls has
    // none): "." stands in, as langchain-aws does since langchain-aws#411.
    if (turn.content.length === 0) turn.content.push({ type: "text", text: "." });
  }
  // A final assistant turn (a prefill) must not end in whitespace ("final assistant content cannot
  // end with trailing whitespace"): trimmed, as langchain-aws's trim_message_whitespace does.
  const final = turns.at(-1);
  if (final?.role === "assistant") {
    for (const b of final.content) if (b.type === "text" && typeof b.text === "string") b.text = b.text.trimEnd() || ".";
  }
  const plain = system.every((b) => b.type === "text" && b.cache_control === undefined);
  const systemValue = system.length === 0 ? undefined : plain ? system.map((b) => b.text).join("\n\n") : system;
  // A lone text block is sent as a string, as both references send plain human text.
  const compact = turns.map((t) => (t.content.length === 1 && t.content[0]!.type === "text" && t.content[0]!.cache_control === undefined ? { role: t.role, content: t.content[0]!.text } : t));
  return { ...(systemValue !== undefined && { system: systemValue }), messages: compact as Turn[] };
}

/** Bedrock tools → Anthropic tools (`input_schema`); a tool cache point becomes `cache_control` on the tool before it. */
export function anthropicTools(tools: readonly Tool[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const tool of tools) {
    if ("cachePoint" in tool) {
      const last = out.at(-1);
      if (last) last.cache_control = cacheControl(tool as unknown as JsonObject);
      continue;
    }
    if ("toolSpec" in tool) {
      const { name, description, inputSchema } = tool.toolSpec;
      out.push(defined({ name, description, input_schema: inputSchema?.json ?? { type: "object", properties: {} } }));
    }
  }
  return out;
}

export function anthropicToolChoice(choice: ToolChoice | "none"): JsonObject {
  if (choice === "none") return { type: "none" };
  if ("tool" in choice) return { type: "tool", name: choice.tool.name };
  return { type: "any" in choice ? "any" : "auto" };
}

function thinking(value: InvokeSettings["thinking"]): JsonObject | undefined {
  if (value === undefined) return undefined;
  return typeof value === "number" ? { type: "enabled", budget_tokens: value } : value;
}

/**
 * The Anthropic Messages body. Checked against BedrockChat's `prepareMessagesInput` (anthropic
 * branch, libs/langchain-community/src/utils/bedrock/index.ts) and langchain-aws's
 * `LLMInputOutputAdapter.prepare_input` (llms/bedrock.py). Differences: `temperature` and
 * `stop_sequences` are left out when unset (BedrockChat sends `temperature: 0` and
 * `stop_sequences: undefined`; Bedrock's default temperature is 1, and langchain-aws leaves it
 * unset too), and tools go as Anthropic tools whatever form they were bound in.
 */
export function anthropicBody(messages: readonly BaseMessage[], settings: InvokeSettings): JsonObject {
  const { system, messages: turns } = anthropicMessages(messages);
  const tools = settings.tools && settings.tools.length > 0 ? anthropicTools(settings.tools) : undefined;
  return withKwargs(
    defined({
      anthropic_version: ANTHROPIC_VERSION,
      messages: turns,
      system,
      max_tokens: settings.maxTokens ?? DEFAULT_MAX_TOKENS,
      temperature: settings.temperature,
      top_p: settings.topP,
      stop_sequences: settings.stopSequences,
      tools,
      tool_choice: tools && settings.toolChoice !== undefined ? anthropicToolChoice(settings.toolChoice) : undefined,
      thinking: thinking(settings.thinking),
    }),
    settings,
  );
}
