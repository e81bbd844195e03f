// ConverseStream events → LanguageModelV3StreamPart: a pure state machine, one event in, parts out.
import type { LanguageModelV3FinishReason, LanguageModelV3StreamPart, SharedV3ProviderMetadata, SharedV3Warning } from "@ai-sdk/provider";
import { encodeBase64, type ConverseStreamOutput, type TokenUsage } from "../wire/index.js";
import { responseMetadata } from "./convert-response.js";
import { JSON_TOOL_NAME } from "./convert-tools.js";
import { convertUsage } from "./convert-usage.js";
import { mapFinishReason } from "./map-finish-reason.js";

type Emit = (part: LanguageModelV3StreamPart) => void;

type OpenBlock =
  | { kind: "text" }
  | { kind: "reasoning"; signature?: string; redacted?: string[] }
  | { kind: "tool"; id: string; name: string; input: string }
  | { kind: "json"; input: string };

export interface StreamMapper {
  /** Maps one event; parts go to `emit` in order. */
  event(event: ConverseStreamOutput, emit: Emit): void;
  /** Closes open blocks and emits `finish`; `error` when the stream failed part-way. */
  finish(emit: Emit, failed?: boolean): void;
}

export interface StreamMapperOptions {
  usesJsonTool: boolean;
}

/**
 * Blocks are keyed by `contentBlockIndex`: text and reasoning open on their first delta (Converse
 * sends no start for them), tools on `contentBlockStart`. Tool input streams as deltas and is
 * given whole in `tool-call` at the block's stop; the `json` tool of structured output becomes text.
 */
export function createStreamMapper({ usesJsonTool }: StreamMapperOptions): StreamMapper {
  const open = new Map<number, OpenBlock>();
  let stopReason: string | undefined;
  let additionalFields: unknown;
  let usage: TokenUsage | undefined;
  let metadata: { trace?: unknown; performanceConfig?: unknown; serviceTier?: unknown } = {};
  let jsonToolAnswered = false;

  const reasoningBlock = (index: number, emit: Emit) => {
    let block = open.get(index);
    if (block === undefined) {
      block = { kind: "reasoning" };
      open.set(index, block);
      emit({ type: "reasoning-start", id: String(index) });
    }
    return block;
  };

  // After a failure a half-streamed tool input is ended but never handed out as a call.
  const close = (index: number, block: OpenBlock, emit: Emit, failed = false) => {
    const id = String(index);
    switch (block.kind) {
      case "text":
        emit({ type: "text-end", id });
        break;
      case "reasoning": {
        const bedrock = {
          ...(block.signature ? { signature: block.signature } : {}),
          ...(block.redacted ? { redactedData: block.redacted.join("") } : {}),
        };
        emit({ type: "reasoning-end", id, ...(Object.keys(bedrock).length > 0 ? { providerMetadata: { bedrock } } : {}) });
        break;
      }
      case "tool":
        emit({ type: "tool-input-end", id: block.id });
        if (failed) break;
        emit({ type: "tool-call", toolCallId: block.id, toolName: block.name, input: block.input === "" ? "{}" : block.input });
        break;
      case "json":
        if (failed) break;
        jsonToolAnswered = true;
        emit({ type: "text-start", id });
        emit({ type: "text-delta", id, delta: block.input === "" ? "{}" : block.input });
        emit({ type: "text-end", id });
        break;
    }
    open.delete(index);
  };

  return {
    event(event, emit) {
      if (event.contentBlockDelta) {
        const index = event.contentBlockDelta.contentBlockIndex ?? 0;
        const delta = event.contentBlockDelta.delta;
        if (delta === undefined) return;
        if (typeof delta.text === "string") {
          if (delta.text === "") return;
          if (!open.has(index)) {
            open.set(index, { kind: "text" });
            emit({ type: "text-start", id: String(index) });
          }
          emit({ type: "text-delta", id: String(index), delta: delta.text });
        } else if (delta.toolUse) {
          const block = open.get(index);
          const piece = delta.toolUse.input ?? "";
          if (block?.kind === "tool") {
            block.input += piece;
            emit({ type: "tool-input-delta", id: block.id, delta: piece });
          } else if (block?.kind === "json") {
            block.input += piece;
          }
        } else if (delta.reasoningContent) {
          const r = delta.reasoningContent;
          if (typeof r.text === "string") {
            reasoningBlock(index, emit);
            if (r.text !== "") emit({ type: "reasoning-delta", id: String(index), delta: r.text });
          } else if (typeof r.signature === "string") {
            const block = reasoningBlock(index, emit);
            if (block.kind === "reasoning") block.signature = (block.signature ?? "") + r.signature;
            // Also on a delta, where readers of @ai-sdk/amazon-bedrock's stream look for it.
            emit({ type: "reasoning-delta", id: String(index), delta: "", providerMetadata: { bedrock: { signature: r.signature } } });
          } else if (r.redactedContent) {
            const block = reasoningBlock(index, emit);
            if (block.kind === "reasoning") (block.redacted ??= []).push(encodeBase64(r.redactedContent));
          }
        }
      } else if (event.contentBlockStart) {
        const index = event.contentBlockStart.contentBlockIndex ?? 0;
        const tool = event.contentBlockStart.start?.toolUse;
        if (!tool) return;
        if (usesJsonTool && tool.name === JSON_TOOL_NAME) {
          open.set(index, { kind: "json", input: "" });
          return;
        }
        const block: OpenBlock = { kind: "tool", id: tool.toolUseId ?? "", name: tool.name ?? "", input: "" };
        open.set(index, block);
        emit({ type: "tool-input-start", id: block.id, toolName: block.name });
      } else if (event.contentBlockStop) {
        const index = event.contentBlockStop.contentBlockIndex ?? 0;
        const block = open.get(index);
        if (block) close(index, block, emit);
      } else if (event.messageStop) {
        stopReason = event.messageStop.stopReason;
        additionalFields = event.messageStop.additionalModelResponseFields;
      } else if (event.metadata) {
        usage = event.metadata.usage ?? usage;
        metadata = { trace: event.metadata.trace, performanceConfig: event.metadata.performanceConfig, serviceTier: event.metadata.serviceTier };
      }
    },
    finish(emit, failed = false) {
      for (const [index, block] of [...open]) close(index, block, emit, failed);
      const finishReason: LanguageModelV3FinishReason = failed ? { unified: "error", raw: stopReason } : mapFinishReason(stopReason, jsonToolAnswered);
      const providerMetadata: SharedV3ProviderMetadata | undefined = responseMetadata({
        ...metadata,
        usage,
        additionalModelResponseFields: additionalFields,
        jsonToolAnswered,
      });
      emit({ type: "finish", finishReason, usage: convertUsage(usage), ...(providerMetadata ? { providerMetadata } : {}) });
    },
  };
}

/** The first parts of every stream. */
export function startParts(warnings: SharedV3Warning[], modelId: string, requestId: string | undefined): LanguageModelV3StreamPart[] {
  return [
    { type: "stream-start", warnings },
    { type: "response-metadata", modelId, ...(requestId ? { id: requestId } : {}) },
  ];
}
