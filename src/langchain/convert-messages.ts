// LangChain message classes ⇄ bedrock-edge's: both share LangChain's field names, so fields are copied as they are.
import {
  AIMessage as LangChainAIMessage,
  AIMessageChunk as LangChainAIMessageChunk,
  type BaseMessage as LangChainBaseMessage,
  type UsageMetadata as LangChainUsageMetadata,
} from "@langchain/core/messages";
import { coerceMessages, type MessageLike } from "../chat/request/index.js";
import { AIMessage, type AIMessageChunk, type BaseMessage } from "../chat/messages/index.js";
import { fromLangChainContent, toLangChainContent } from "./convert-blocks.js";

/**
 * The provider tag LangChain v1 reads to turn provider content into standard blocks
 * (`message.contentBlocks`, `outputVersion: "v1"`); @langchain/aws sets the same one.
 */
export const MODEL_PROVIDER = "bedrock-converse";

/**
 * LangChain messages → bedrock-edge messages. `coerceMessages` rebuilds foreign message objects
 * from their fields (content blocks, tool calls, usage, metadata, tool call IDs, status, artifact)
 * and refuses roles Converse has no place for; AI messages' standard reasoning blocks become ours.
 * @example
 * fromLangChainMessages([new SystemMessage("Be brief."), new HumanMessage("Hi")]);
 */
export function fromLangChainMessages(messages: readonly LangChainBaseMessage[]): BaseMessage[] {
  const ours = coerceMessages(messages as unknown as MessageLike[]);
  for (const message of ours) if (message instanceof AIMessage) message.content = fromLangChainContent(message.content);
  return ours;
}

/** One LangChain AI message → bedrock-edge's `AIMessage` (e.g. to read a reply with our parsers). */
export function fromLangChainAIMessage(message: LangChainAIMessage): AIMessage {
  return fromLangChainMessages([message])[0] as AIMessage;
}

/**
 * A reply → LangChain `AIMessage`: content blocks (reasoning with its signature as @langchain/aws
 * writes it, citations, raw Bedrock blocks), tool calls, invalid tool calls, usage (cache and TTL details included), id,
 * `additional_kwargs` and `response_metadata` (plus `model_provider`).
 */
export function toLangChainMessage(message: AIMessage): LangChainAIMessage {
  return new LangChainAIMessage({
    content: toLangChainContent(message.content) as LangChainAIMessage["content"],
    ...(message.id !== undefined && { id: message.id }),
    ...(message.name !== undefined && { name: message.name }),
    additional_kwargs: { ...message.additional_kwargs },
    response_metadata: { ...message.response_metadata, model_provider: MODEL_PROVIDER },
    tool_calls: message.tool_calls.map((call) => ({ ...call, type: "tool_call" as const })),
    invalid_tool_calls: message.invalid_tool_calls.map((call) => ({ ...call, type: "invalid_tool_call" as const })),
    ...(message.usage_metadata !== undefined && { usage_metadata: usage(message.usage_metadata) }),
  });
}

/**
 * A streamed chunk → LangChain `AIMessageChunk`. Tool calls travel as `tool_call_chunks` (with
 * their `index`), from which LangChain derives `tool_calls` as it concatenates; content blocks keep
 * their `index`, so LangChain's `concat` merges them as ours does (see `toLangChainContent`).
 * Every chunk carries `model_provider` (LangChain's merge keeps one copy), so each can be read as
 * standard blocks.
 */
export function toLangChainChunk(chunk: AIMessageChunk): LangChainAIMessageChunk {
  return new LangChainAIMessageChunk({
    content: toLangChainContent(chunk.content, { stream: true }) as LangChainAIMessageChunk["content"],
    ...(chunk.id !== undefined && { id: chunk.id }),
    ...(chunk.name !== undefined && { name: chunk.name }),
    additional_kwargs: { ...chunk.additional_kwargs },
    response_metadata: { ...chunk.response_metadata, model_provider: MODEL_PROVIDER },
    tool_call_chunks: chunk.tool_call_chunks.map((piece) => ({ ...piece, type: "tool_call_chunk" as const })),
    ...(chunk.usage_metadata !== undefined && { usage_metadata: usage(chunk.usage_metadata) }),
  });
}

// Our details add the cache-write TTL buckets; LangChain's type is narrower but keeps any keys.
const usage = (value: NonNullable<AIMessage["usage_metadata"]>): LangChainUsageMetadata =>
  structuredClone(value) as LangChainUsageMetadata;
