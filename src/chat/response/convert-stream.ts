// ConverseStream events → AIMessageChunks whose concatenation equals the converted Converse reply.
import { BedrockError, exceptionClassFor } from "../../errors/index.js";
import type {
  ContentBlockDeltaLike,
  ContentBlockStartLike,
  ConverseStreamOutputLike,
} from "./convert-response-shapes.js";
import { bytesToBase64, definedOnly, modelNames, reasoningBlock, type ConvertResponseOptions } from "./convert-response.js";
import {
  AIMessageChunk,
  type AIMessageChunkFields,
  type ChatCitation,
  type ChatContentBlock,
  type MessageContent,
} from "../messages/index.js";
import { toUsageMetadata } from "./usage.js";
import { RawBlockBuffer } from "./convert-stream-raw.js";

export interface StreamConverter {
  /** Maps one event to a chunk, or `undefined` when the event adds nothing yet. Throws for exception events. */
  next(event: ConverseStreamOutputLike): AIMessageChunk | undefined;
}

const EXCEPTION_EVENTS = [
  "internalServerException",
  "modelStreamErrorException",
  "serviceUnavailableException",
  "throttlingException",
  "validationException",
] as const;

/**
 * Creates a converter for one ConverseStream reply. Streamed content blocks carry `index`
 * (Bedrock's `contentBlockIndex`) so `concat` merges their pieces; text is a plain string until
 * the reply's first reasoning, citation or other block, mirroring `convertConverseResponse`.
 * Server tool uses, tool results and images are buffered and emitted whole at their block's stop.
 *
 * @example
 * const converter = createStreamConverter({ modelId, requestId });
 * let message: AIMessageChunk | undefined;
 * for await (const event of stream) {
 *   const chunk = converter.next(event);
 *   if (chunk) message = message ? message.concat(chunk) : chunk;
 * }
 */
export function createStreamConverter(options: ConvertResponseOptions = {}): StreamConverter {
  let asList = false;
  const raw = new RawBlockBuffer();
  const id = options.requestId === undefined ? {} : { id: options.requestId };
  const chunk = (fields: AIMessageChunkFields): AIMessageChunk =>
    new AIMessageChunk({ content: "", ...id, ...fields });
  const blocks = (...list: ChatContentBlock[]): MessageContent => {
    asList = true;
    return list;
  };

  function onStart(index: number, start: ContentBlockStartLike): AIMessageChunk | undefined {
    const toolUse = start.toolUse;
    if (toolUse && toolUse.type !== "server_tool_use") {
      const { name, toolUseId } = toolUse;
      return chunk({
        tool_call_chunks: [
          { ...(name !== undefined && { name }), ...(toolUseId !== undefined && { id: toolUseId }), args: "", index },
        ],
      });
    }
    raw.start(index, start);
    return undefined;
  }

  function onDelta(index: number, delta: ContentBlockDeltaLike): AIMessageChunk | undefined {
    if (raw.has(index)) {
      raw.delta(index, delta);
      return undefined;
    }
    if (typeof delta.text === "string") {
      if (delta.text === "") return undefined;
      return chunk({ content: asList ? blocks({ type: "text", text: delta.text, index }) : delta.text });
    }
    if (delta.toolUse) {
      return chunk({ tool_call_chunks: [{ args: delta.toolUse.input ?? "", index }] });
    }
    if (delta.reasoningContent) {
      const { text, signature, redactedContent } = delta.reasoningContent;
      const block =
        redactedContent !== undefined
          ? reasoningBlock({ redactedContent: bytesToBase64(redactedContent) })
          : reasoningBlock({ reasoningText: { text, signature } });
      return chunk({ content: blocks({ ...block, index }) });
    }
    if (delta.citation) {
      const citation = delta.citation as ChatCitation;
      return chunk({ content: blocks({ type: "text", text: "", citations: [citation], index }) });
    }
    // Deltas of blocks that had no start (tool results, images, unknown kinds) are kept whole.
    raw.delta(index, delta);
    return undefined;
  }

  return {
    next(event) {
      if (event.messageStart) {
        // Once per stream (LangChain's merge would join repeated strings), as langchain-aws adds model_name once.
        return chunk({ response_metadata: definedOnly({ ...modelNames(options.modelId), requestId: options.requestId }) });
      }
      if (event.contentBlockStart) {
        const { contentBlockIndex = 0, start = {} } = event.contentBlockStart;
        return onStart(contentBlockIndex, start);
      }
      if (event.contentBlockDelta) {
        const { contentBlockIndex = 0, delta = {} } = event.contentBlockDelta;
        return onDelta(contentBlockIndex, delta);
      }
      if (event.contentBlockStop) {
        const index = event.contentBlockStop.contentBlockIndex ?? 0;
        const block = raw.finish(index);
        return block ? chunk({ content: blocks({ ...block, index }) }) : undefined;
      }
      if (event.messageStop) {
        const { stopReason, additionalModelResponseFields } = event.messageStop;
        return chunk({ response_metadata: definedOnly({ stopReason, additionalModelResponseFields }) });
      }
      if (event.metadata) {
        const { usage, metrics, trace, performanceConfig, serviceTier } = event.metadata;
        return chunk({
          ...(usage && { usage_metadata: toUsageMetadata(usage) }),
          response_metadata: definedOnly({ metrics, usage, trace, performanceConfig, serviceTier }),
        });
      }
      for (const name of EXCEPTION_EVENTS) {
        const payload = (event as Record<string, unknown>)[name] as { message?: string } | undefined;
        if (payload) throw streamException(name, payload, options.requestId);
      }
      return undefined; // an event type newer than this code: nothing to add
    },
  };
}

function streamException(name: string, payload: { message?: string }, requestId: string | undefined): BedrockError {
  const Ctor = exceptionClassFor(name) ?? BedrockError;
  const message = typeof payload.message === "string" ? payload.message : name;
  return new Ctor(message, { code: name, ...(requestId !== undefined && { requestId }) });
}
