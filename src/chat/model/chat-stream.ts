// What ChatBedrockConverse.stream resolves to: an async iterable of chunks that also exposes a ReadableStream.
import { ReadOnceStream } from "../../client/read-once-stream.js";

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
