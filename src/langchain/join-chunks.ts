// `_generate` of a streaming model: its stream's chunks joined into one generation.
import type { ChatGenerationChunk, ChatResult } from "@langchain/core/outputs";

/** Concatenates every chunk (LangChain's own `concat`), or no generation for an empty stream. */
export async function joinChunks(chunks: AsyncIterable<ChatGenerationChunk>): Promise<ChatResult> {
  let joined: ChatGenerationChunk | undefined;
  for await (const chunk of chunks) joined = joined ? joined.concat(chunk) : chunk;
  return { generations: joined ? [joined] : [] };
}
