// Constructor fields taken from langchain-aws's list: system prompt, raw message blocks, disableStreaming, headers.
import { normalizeHeaders } from "../../client/request-headers.js";
import { BedrockInputError } from "../../errors/index.js";
import { checkJsonValue } from "../../wire/validate/validate-json.js";
import { convertSystemContent, type Message, type SystemContentBlock } from "../request/index.js";
import { hasToolBlocks, toolBlocksAsTextWarning, toolBlocksToText } from "../request/convert-turns.js";
import { describeValue, isObject } from "../../internal/index.js";

/** A system prompt for every call: text, or a list of text and system blocks (`guardContent`, `cachePoint`). */
export type SystemOption = string | ReadonlyArray<string | Record<string, unknown>>;

/** LangChain's `disableStreaming`: `true` never streams; `"tool_calling"` does not stream when tools are bound. */
export type DisableStreamingOption = boolean | "tool_calling";

/**
 * The constructor's `system` as Converse system blocks, checked now. Follows langchain-aws's
 * `system` field (strings become `{ text }`, blocks are Bedrock's system blocks); we also take
 * LangChain text blocks, since they convert as a SystemMessage's content does.
 * @example
 * toSystemBlocks(["Be brief.", { cachePoint: { type: "default" } }]); // [{ text: "Be brief." }, { cachePoint: { type: "default" } }]
 */
export function toSystemBlocks(value: unknown): SystemContentBlock[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" && !Array.isArray(value)) {
    throw new BedrockInputError(`system must be a string or an array of strings and system blocks, got ${describeValue(value)}`);
  }
  return convertSystemContent(value, "system");
}

/**
 * The constructor's `rawBlocks`: Bedrock `Message`s sent as the conversation, as given. Checked
 * for shape only (role, content list, JSON values); Bedrock's own rules are the client's to check.
 */
export function toRawBlocks(value: unknown): Message[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) {
    throw new BedrockInputError(`rawBlocks must be a non-empty array of Bedrock messages { role, content }, got ${describeValue(value)}`);
  }
  value.forEach((message, i) => {
    const where = `rawBlocks[${i}]`;
    if (!isObject(message)) throw new BedrockInputError(`${where} must be a message object { role, content }`);
    if (message.role !== "user" && message.role !== "assistant") throw new BedrockInputError(`${where}.role must be "user" or "assistant"`);
    if (!Array.isArray(message.content) || message.content.length === 0) {
      throw new BedrockInputError(`${where}.content must be a non-empty array of content blocks`);
    }
    message.content.forEach((block: unknown, j: number) => {
      if (!isObject(block)) throw new BedrockInputError(`${where}.content[${j}] must be a content block object`);
    });
    checkJsonValue(message, where);
  });
  return structuredClone(value) as Message[];
}

/**
 * The conversation when `rawBlocks` is set. Follows langchain-aws's `_generate` / `_stream`: the
 * raw blocks are the messages, `system` is empty (the `system` field and SystemMessages are not
 * sent), `guardLastTurnOnly` does not apply, and the call's own messages are not sent. Like
 * langchain-aws, tool blocks become text when no tools are bound (Bedrock refuses them then).
 */
export function rawConversation(
  raw: readonly Message[],
  toolsBound: boolean,
  warn: (message: string) => void,
): { system: SystemContentBlock[]; messages: Message[] } {
  if (toolsBound || !hasToolBlocks(raw)) return { system: [], messages: structuredClone([...raw]) };
  warn(toolBlocksAsTextWarning("rawBlocks"));
  return { system: [], messages: toolBlocksToText(raw) };
}

export function checkDisableStreaming(value: unknown): DisableStreamingOption | undefined {
  if (value === undefined || typeof value === "boolean" || value === "tool_calling") return value;
  throw new BedrockInputError(`disableStreaming must be true, false or "tool_calling", got ${describeValue(value)}`);
}

/**
 * Whether a call goes through Converse even when streamed. Follows langchain-core's
 * `BaseChatModel._should_stream`: `true` always; `"tool_calling"` when the call binds tools.
 */
export function streamingDisabled(option: DisableStreamingOption | undefined, tools: readonly unknown[] | undefined): boolean {
  if (option === true) return true;
  return option === "tool_calling" && tools !== undefined && tools.length > 0;
}

/**
 * The constructor's `headers` (langchain-aws `default_headers`, @langchain/aws `defaultHeaders`):
 * a plain object of string values sent with every request. Checked by the client's own rules
 * (names, values, headers the client owns), so the chat model refuses exactly what the client
 * would; names are shown in errors, values never (they may hold tokens).
 */
export function checkHeaders(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  // The value is not described: a header value passed in the wrong place may be a token.
  if (!isObject(value)) throw new BedrockInputError("headers must be an object of header names to string values");
  normalizeHeaders(value, "headers");
  return { ...(value as Record<string, string>) };
}
