// response_metadata is typed: the docs' reads (metrics.latencyMs, requestId, trace, stopReason) need no casts.
// `npm run typecheck` compiles this file; with `Record<string, unknown>` these lines fail to compile.
import { describe, expect, expectTypeOf, it } from "vitest";
import { AIMessage, AIMessageChunk, type ChatResponseMetadata } from "../../../src/chat/index.js";

describe("ChatResponseMetadata", () => {
  it("types what the chat layer puts there", () => {
    const message = new AIMessage({
      content: "ok",
      response_metadata: { model_name: "m", model: "m", requestId: "r-1", stopReason: "end_turn", metrics: { latencyMs: 12 } },
    });
    const latency: number | undefined = message.response_metadata.metrics?.latencyMs;
    const stop: string | undefined = message.response_metadata.stopReason;
    const requestId: string | undefined = message.response_metadata.requestId;
    const guardrail = message.response_metadata.trace?.guardrail;
    expect([latency, stop, requestId, guardrail]).toEqual([12, "end_turn", "r-1", undefined]);
    expectTypeOf(new AIMessageChunk("x").response_metadata).toEqualTypeOf<ChatResponseMetadata>();
  });
});
