// Type-level checks (enforced by `tsc --noEmit`, which covers test/) that SDK-style code compiles.
import { describe, expect, it } from "vitest";
import {
  StopReason,
  deserializeConverseResponse,
  type ContentBlock,
  type ConverseRequest,
  type ConverseResponse,
  type ConverseStreamOutput,
  type ConverseStreamRequest,
  type Message,
  type ToolResultContentBlock,
} from "../../src/wire/index.js";

/** Reads a block the way SDK code does: optional chaining on the union, no casts. */
function describeBlock(block: ContentBlock<Uint8Array>): string {
  if (block.text !== undefined) return `text:${block.text}`;
  if (block.toolUse) return `tool:${block.toolUse.name}`;
  if (block.reasoningContent?.reasoningText) return `thinking:${block.reasoningContent.reasoningText.text}`;
  if (block.reasoningContent?.redactedContent) return `redacted:${block.reasoningContent.redactedContent.byteLength}`;
  if (block.image?.source?.bytes) return `image:${block.image.source.bytes.byteLength}`;
  return "other";
}

function describeEvent(event: ConverseStreamOutput): string {
  if (event.contentBlockDelta?.delta?.text !== undefined) return event.contentBlockDelta.delta.text;
  if (event.contentBlockDelta?.delta?.toolUse) return event.contentBlockDelta.delta.toolUse.input ?? "";
  if (event.contentBlockStart?.start?.toolUse) return event.contentBlockStart.start.toolUse.name ?? "";
  if (event.messageStop) return event.messageStop.stopReason ?? "";
  if (event.metadata) return String(event.metadata.usage?.cacheReadInputTokens ?? 0);
  return "";
}

describe("wire types", () => {
  it("let SDK-style code narrow blocks and events", () => {
    const response = deserializeConverseResponse({
      output: {
        message: {
          role: "assistant",
          content: [{ text: "hi" }, { reasoningContent: { redactedContent: "AAE=" } }, { toolUse: { toolUseId: "t", name: "f", input: {} } }],
        },
      },
      stopReason: "tool_use",
    });
    const content = response.output?.message?.content ?? [];
    expect(content.map(describeBlock)).toEqual(["text:hi", "redacted:2", "tool:f"]);
    expect(response.stopReason === StopReason.TOOL_USE).toBe(true);
    expect(describeEvent({ messageStop: { stopReason: "model_context_window_exceeded" } })).toBe("model_context_window_exceeded");
  });

  it("let a response message go straight back into the next request", () => {
    const response: ConverseResponse = { output: undefined, stopReason: "end_turn", usage: undefined, metrics: undefined };
    const reply: Message<Uint8Array> | undefined = response.output?.message;
    const next: ConverseRequest = { modelId: "m", messages: reply ? [reply] : [] };
    const stream: ConverseStreamRequest = { ...next, guardrailConfig: { guardrailIdentifier: "g", streamProcessingMode: "async" } };
    expect(stream.messages).toEqual([]);
  });

  it("accept SDK namespace member types and base64 strings for blobs", () => {
    const text: ContentBlock.TextMember = { text: "x" };
    const image: ContentBlock.ImageMember = { image: { format: "png", source: { bytes: "iVBORw0KGgo=" } } };
    const json: ToolResultContentBlock.JsonMember = { json: { ok: true } };
    const unknown: ContentBlock.$UnknownMember = { $unknown: ["futureKind", {}] };
    const blocks: ContentBlock[] = [text, image, unknown, { toolResult: { toolUseId: "t", content: [json] } }];
    expect(blocks).toHaveLength(4);
  });

  it("reject what the SDK's types reject", () => {
    // @ts-expect-error two kinds in one block
    const both: ContentBlock = { text: "a", image: { format: "png", source: { bytes: "" } } };
    // @ts-expect-error image formats are a closed set in requests
    const bmp: ContentBlock = { image: { format: "bmp", source: { bytes: "" } } };
    // @ts-expect-error cache TTL is "5m" or "1h"
    const ttl: ContentBlock = { cachePoint: { type: "default", ttl: "10m" } };
    // @ts-expect-error response blobs are always bytes, never base64 strings
    const out: ContentBlock<Uint8Array> = { reasoningContent: { redactedContent: "AAE=" } };
    expect([both, bmp, ttl, out]).toHaveLength(4);
  });

  it("keep stop reasons open to values Bedrock adds later", () => {
    const future: ConverseResponse["stopReason"] = "some_future_reason";
    const known: ConverseResponse["stopReason"] = StopReason.MALFORMED_TOOL_USE;
    expect([future, known]).toEqual(["some_future_reason", "malformed_tool_use"]);
    expect(Object.values(StopReason)).toEqual([
      "content_filtered",
      "end_turn",
      "guardrail_intervened",
      "malformed_model_output",
      "malformed_tool_use",
      "max_tokens",
      "model_context_window_exceeded",
      "stop_sequence",
      "tool_use",
    ]);
  });
});
