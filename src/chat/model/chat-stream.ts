// What ChatBedrockConverse.stream resolves to: an async iterable of chunks that also exposes a ReadableStream.
import type { ConverseStreamOutput } from "../../client/bedrock-runtime.js";
import { ReadOnceStream, type ResponseMetadata } from "../../client/read-once-stream.js";
import { AIMessageChunk, type AIMessage } from "../messages/index.js";
import type { StreamConverter } from "../response/index.js";

/**
 * The chunks of one streamed reply, read once: iterate it (`for await (const chunk of stream)`)
 * or read `stream.stream` (a WHATWG ReadableStream), not both. Breaking out of the loop, or
 * cancelling, releases the connection.
 * @example
 * const stream = await model.stream("I love programming.");
 * let full: AIMessageChunk | undefined;
 * for await (const chunk of stream) full = full ? full.concat(chunk) : chunk;
 */
export class ChatStream<T> extends ReadOnceStream<T> {}

/** ConverseStream events → chunks; usage is left out when `streamUsage` is off. */
export async function* chunksOf(
  events: AsyncIterable<ConverseStreamOutput>,
  converter: StreamConverter,
  streamUsage: boolean,
): AsyncGenerator<AIMessageChunk> {
  for await (const event of events) {
    const chunk = converter.next(event);
    if (!chunk) continue;
    if (!streamUsage && chunk.usage_metadata) delete chunk.usage_metadata;
    yield chunk;
  }
}

/**
 * A whole reply as a stream of one chunk, for `disableStreaming` (langchain-core's
 * BaseChatModel yields `invoke`'s result as the only chunk when streaming is disabled).
 */
export function replyAsStream(reply: AIMessage, metadata: ResponseMetadata, streamUsage: boolean): ChatStream<AIMessageChunk> {
  const chunk = new AIMessageChunk({
    content: reply.content,
    tool_calls: reply.tool_calls,
    invalid_tool_calls: reply.invalid_tool_calls,
    additional_kwargs: reply.additional_kwargs,
    response_metadata: reply.response_metadata,
    ...(reply.usage_metadata !== undefined && streamUsage && { usage_metadata: reply.usage_metadata }),
    ...(reply.id !== undefined && { id: reply.id }),
  });
  async function* one(): AsyncGenerator<AIMessageChunk> {
    yield chunk;
  }
  return new ChatStream(one(), metadata);
}
