// Reasoning blocks of earlier AI turns → Converse `reasoningContent`, replayed verbatim or dropped.
import type { ReasoningContentBlock } from "./convert-wire-types.js";
import { isObject, type Dict } from "../../internal/index.js";

const REASONING_TYPES = new Set(["reasoning_content", "reasoning", "thinking", "redacted_thinking"]);

/** A reasoning block in any spelling we read: @langchain/aws, langchain-aws (Python), LangChain v1, Anthropic, Converse. */
export function isReasoningBlock(block: Dict): boolean {
  if (typeof block.type === "string") return REASONING_TYPES.has(block.type);
  return isObject(block.reasoningContent);
}

/**
 * The Converse reasoning block to send back, or `undefined` to drop it. Text reasoning travels
 * only with its signature (Claude checks it; Bedrock refuses unsigned reasoning, which some
 * non-Anthropic models produce); redacted reasoning travels as its opaque bytes.
 */
export function toReasoningContent(block: Dict): ReasoningContentBlock | undefined {
  const { text, signature, redacted } = readReasoning(block);
  if (redacted !== undefined) {
    return (typeof redacted === "string" && redacted.length > 0) || (redacted instanceof Uint8Array && redacted.length > 0)
      ? { redactedContent: redacted }
      : undefined;
  }
  if (typeof signature !== "string" || signature === "") return undefined;
  return { reasoningText: { text: typeof text === "string" ? text : "", signature } };
}

function readReasoning(block: Dict): { text?: unknown; signature?: unknown; redacted?: unknown } {
  switch (block.type) {
    case "thinking": // Anthropic
      return { text: block.thinking, signature: block.signature };
    case "redacted_thinking":
      return { redacted: block.data };
    case "reasoning": {
      // LangChain v1 standard block; Python keeps the signature in `extras`.
      const extras = isObject(block.extras) ? block.extras : {};
      return { text: block.reasoning, signature: block.signature ?? extras.signature };
    }
    case "reasoning_content": {
      if ("redactedContent" in block) return { redacted: block.redactedContent };
      // @langchain/aws: `reasoningText`; langchain-aws: `reasoning_content` (or camelCased).
      const inner = [block.reasoningText, block.reasoning_content, block.reasoningContent].find(isObject) ?? {};
      if ("redactedContent" in inner) return { redacted: inner.redactedContent };
      if (isObject(inner.reasoningText)) return inner.reasoningText;
      return { text: inner.text, signature: inner.signature };
    }
    default: {
      const native = isObject(block.reasoningContent) ? block.reasoningContent : {};
      if ("redactedContent" in native) return { redacted: native.redactedContent };
      return isObject(native.reasoningText) ? native.reasoningText : {};
    }
  }
}

/**
 * Joins @langchain/aws-style reasoning pieces left unmerged (chunks concatenated without an
 * `index`): text pieces accumulate until one brings the signature, as @langchain/aws does.
 */
export function joinReasoningPieces(blocks: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (isPiece(block, "reasoningText") && isPiece(prev, "reasoningText") && !hasSignature(prev)) {
      const a = (prev as Dict).reasoningText as Dict;
      const b = (block as Dict).reasoningText as Dict;
      out[out.length - 1] = {
        type: "reasoning_content",
        reasoningText: {
          text: String(a.text ?? "") + String(b.text ?? ""),
          ...(a.signature !== undefined || b.signature !== undefined
            ? { signature: String(a.signature ?? "") + String(b.signature ?? "") }
            : {}),
        },
      };
    } else {
      out.push(block);
    }
  }
  return out;
}

function isPiece(block: unknown, key: string): boolean {
  return isObject(block) && block.type === "reasoning_content" && isObject(block[key]) && block.index === undefined;
}

function hasSignature(block: unknown): boolean {
  const inner = (block as Dict).reasoningText as Dict;
  return typeof inner.signature === "string" && inner.signature !== "";
}
