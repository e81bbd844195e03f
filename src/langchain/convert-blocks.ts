// Content blocks between our shapes and what @langchain/aws emits: text reasoning as LangChain's standard `reasoning` block.
import type { ChatContentBlock, MessageContent } from "../chat/messages/index.js";
import { isObject, type Dict } from "../internal/index.js";

/**
 * Our blocks → LangChain's. Signed (or unsigned) reasoning text becomes
 * `{ type: "reasoning", reasoning, signature? }`, as @langchain/aws 1.x and LangChain's v1 standard
 * write it; a streamed piece keeps its `index`, so LangChain's merge joins the `reasoning` text and
 * picks up the signature from the last piece. Redacted reasoning keeps @langchain/aws's
 * `reasoning_content` shape; a streamed citation, which opens its text block with an empty `text`,
 * goes without it (LangChain's merge drops empty text blocks it has no earlier piece for). Every
 * block is a copy.
 */
export function toLangChainContent(content: MessageContent, options: { stream?: boolean } = {}): MessageContent {
  if (typeof content === "string") return content;
  return structuredClone(content).map((block) => {
    const reasoningText = (block as Dict).reasoningText;
    if (block.type === "reasoning_content" && isObject(reasoningText)) {
      const { text = "", signature } = reasoningText as { text?: string; signature?: string };
      return {
        type: "reasoning",
        reasoning: text,
        ...(signature !== undefined && { signature }),
        ...(typeof block.index === "number" && { index: block.index }),
      } as ChatContentBlock;
    }
    if (options.stream && block.type === "text" && block.text === "" && "citations" in block) {
      const { text: _empty, ...rest } = block;
      return rest as ChatContentBlock;
    }
    return block;
  });
}

const REASONING_KEYS = new Set(["type", "reasoning", "signature", "index"]);

/**
 * LangChain's blocks → ours: a standard reasoning block with nothing but its text, signature and
 * index becomes our `reasoning_content` block again (both replay the same way; this keeps a
 * reply that went through LangChain identical to the one we made). Anything else is kept.
 */
export function fromLangChainContent(content: MessageContent): MessageContent {
  if (typeof content === "string") return content;
  return content.map((block) => {
    if (block.type !== "reasoning" || typeof block.reasoning !== "string") return block;
    if (!Object.keys(block).every((key) => REASONING_KEYS.has(key))) return block;
    if (block.signature !== undefined && typeof block.signature !== "string") return block;
    return {
      type: "reasoning_content",
      reasoningText: { text: block.reasoning, ...(block.signature !== undefined && { signature: block.signature as string }) },
      ...(typeof block.index === "number" && { index: block.index }),
    } as ChatContentBlock;
  });
}
