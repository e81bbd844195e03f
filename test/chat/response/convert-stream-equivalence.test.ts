// Streamed chunks, concatenated, equal the message converted from the equivalent Converse response.
import { describe, expect, it } from "vitest";
import { convertConverseResponse } from "../../../src/chat/response/convert-response.js";
import type { ConverseStreamOutputLike } from "../../../src/chat/response/convert-response-shapes.js";
import type { AIMessage } from "../../../src/chat/messages/messages.js";
import { foldEvents, loadRecordedStreams, streamToMessage, withoutIndex } from "./convert-stream-helpers.js";
import { prng } from "../../event-stream/helpers.js";

type Event = ConverseStreamOutputLike;
const OPTIONS = { modelId: "us.anthropic.claude-sonnet-4", requestId: "req-123" };

function expectEquivalent(events: Event[]): { streamed: AIMessage; converted: AIMessage } {
  const { message: streamed } = streamToMessage(events, OPTIONS);
  const converted = convertConverseResponse(foldEvents(events), OPTIONS);
  expect(withoutIndex(streamed.content)).toEqual(converted.content);
  expect(streamed.text).toBe(converted.text);
  expect(streamed.tool_calls).toEqual(converted.tool_calls);
  expect(streamed.invalid_tool_calls).toEqual(converted.invalid_tool_calls);
  expect(streamed.usage_metadata).toEqual(converted.usage_metadata);
  expect(streamed.response_metadata).toEqual(converted.response_metadata);
  expect(streamed.id).toBe(converted.id);
  return { streamed, converted };
}

describe("recorded streams: concat(chunks) equals the converted Converse response", () => {
  const streams = loadRecordedStreams();

  it("finds every recorded stream", () => {
    expect(streams.map((s) => s.name)).toEqual([
      "pydantic-ai/claude-3-7-redacted-reasoning-stream",
      "pydantic-ai/claude-sonnet-4-reasoning-stream",
      "pydantic-ai/gpt-oss-empty-text-delta-stream",
      "pydantic-ai/nova-micro-text-stream",
      "pydantic-ai/nova-micro-text-then-tooluse-stream",
      "langchain-aws/claude-citations-stream",
      "langchain-aws/claude-tooluse-stream",
      "vercel-ai/amazon-bedrock-reasoning",
      "vercel-ai/amazon-bedrock-text",
    ]);
  });

  // What each recording must turn into, beyond the equivalence itself.
  const checks: Record<string, (m: AIMessage) => void> = {
    "pydantic-ai/claude-3-7-redacted-reasoning-stream": (m) => {
      const blocks = m.content as Array<Record<string, unknown>>;
      expect(blocks.map((b) => b["type"])).toEqual(["reasoning_content", "reasoning_content", "text"]);
      expect(typeof blocks[0]!["redactedContent"]).toBe("string");
      expect(m.text).toMatch(/^I notice you've sent/);
    },
    "pydantic-ai/claude-sonnet-4-reasoning-stream": (m) => {
      const [reasoning] = m.content as Array<{ reasoningText?: { text?: string; signature?: string } }>;
      expect(reasoning!.reasoningText!.text!.length).toBeGreaterThan(0);
      expect(reasoning!.reasoningText!.signature!.length).toBeGreaterThan(0);
    },
    "pydantic-ai/gpt-oss-empty-text-delta-stream": (m) => {
      expect((m.content as Array<{ type: string }>).map((b) => b.type)).toEqual(["reasoning_content", "text"]);
      expect(m.text).toBe("Hello! How can I help you today?");
    },
    "pydantic-ai/nova-micro-text-stream": (m) => {
      expect(typeof m.content).toBe("string");
      expect(m.response_metadata["stopReason"]).toBe("end_turn");
    },
    "pydantic-ai/nova-micro-text-then-tooluse-stream": (m) => {
      expect(typeof m.content).toBe("string");
      expect(m.tool_calls).toHaveLength(1);
      expect(m.response_metadata["stopReason"]).toBe("tool_use");
    },
    "langchain-aws/claude-citations-stream": (m) => {
      const blocks = m.content as Array<{ type: string; citations?: unknown[] }>;
      expect(blocks.map((b) => b.citations?.length ?? 0)).toEqual([0, 1, 0, 1]);
      expect(m.text).toBe(
        "According to the company policy manual, employees get 20 days annual leave. If you need more specific details, consult with your manager for details.",
      );
    },
    "langchain-aws/claude-tooluse-stream": (m) => {
      expect(m.content).toBe("");
      expect(m.tool_calls).toEqual([
        { name: "get_weather", id: "tooluse_q8A6U9X7S4apz8TPXNx4Kq", args: { location: "San Francisco, CA" }, type: "tool_call" },
      ]);
      expect(m.usage_metadata).toEqual({ input_tokens: 446, output_tokens: 55, total_tokens: 501 });
    },
    "vercel-ai/amazon-bedrock-reasoning": (m) => {
      const [reasoning] = m.content as Array<{ reasoningText?: { text?: string; signature?: string } }>;
      expect(reasoning!.reasoningText!.signature).toMatch(/^Ep0C/);
    },
    "vercel-ai/amazon-bedrock-text": (m) => {
      expect(typeof m.content).toBe("string");
    },
  };

  it.each(streams)("$name", ({ name, events }) => {
    const { streamed } = expectEquivalent(events);
    checks[name]!(streamed);
    expect(streamed.response_metadata["model_name"]).toBe(OPTIONS.modelId);
    expect(streamed.response_metadata["model"]).toBe(OPTIONS.modelId);
    expect(streamed.response_metadata["metrics"]).toEqual(expect.objectContaining({ latencyMs: expect.any(Number) }));
  });

  it("streams text as it arrives (one chunk per non-empty text delta)", () => {
    const { events } = streams.find((s) => s.name === "pydantic-ai/nova-micro-text-stream")!;
    const { chunks } = streamToMessage(events);
    const textDeltas = events.filter((e) => (e.contentBlockDelta?.delta?.text ?? "") !== "").length;
    expect(chunks.filter((c) => c.content !== "")).toHaveLength(textDeltas);
  });
});

// Seeded random replies: every block kind, split at random points, checked for the same property.

function randomReply(seed: number): Event[] {
  const r = prng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const word = () => ["alpha", "beta", " ", "γ", "😀", '"q"', "\n", ""][int(8)]!;
  const text = () => Array.from({ length: int(5) }, word).join("");
  const split = (s: string): string[] => {
    const parts: string[] = [];
    let rest = s;
    while (rest.length > 0) {
      const n = 1 + int(rest.length);
      parts.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    return parts;
  };
  const events: Event[] = [{ messageStart: { role: "assistant" } }];
  const d = (index: number, delta: object) =>
    events.push({ contentBlockDelta: { contentBlockIndex: index, delta } } as Event);
  const blockCount = int(6);
  for (let index = 0; index < blockCount; index++) {
    switch (int(7)) {
      case 0: // text, possibly an empty delta
        for (const piece of r() < 0.2 ? [""] : split(text() || "x")) d(index, { text: piece });
        break;
      case 1: // reasoning, signature on most
        for (const piece of split(text())) d(index, { reasoningContent: { text: piece } });
        if (r() < 0.8) d(index, { reasoningContent: { signature: `sig${seed}` } });
        break;
      case 2: { // redacted reasoning, possibly in several byte pieces
        const bytes = Array.from({ length: 1 + int(9) }, () => int(256));
        let at = 0;
        while (at < bytes.length) {
          const n = 1 + int(bytes.length - at);
          d(index, { reasoningContent: { redactedContent: btoa(String.fromCharCode(...bytes.slice(at, at + n))) } });
          at += n;
        }
        break;
      }
      case 3: // citations come first in their block, as Bedrock sends them
        for (let c = 0; c <= int(2); c++) d(index, { citation: { title: `doc${c}`, location: { documentChar: { start: c } } } });
        for (const piece of split(text() || "cited")) d(index, { text: piece });
        break;
      case 4:
      case 5: { // client tool use: valid, empty, or malformed input
        events.push({ contentBlockStart: { contentBlockIndex: index, start: { toolUse: { name: `tool${index}`, toolUseId: `t${seed}-${index}` } } } });
        const kind = int(3);
        const input = kind === 0 ? "" : kind === 1 ? JSON.stringify({ n: int(100), s: text() }) : `{"n": ${int(9)}`;
        for (const piece of r() < 0.3 ? ["", ...split(input)] : split(input)) d(index, { toolUse: { input: piece } });
        break;
      }
      case 6: // server tool use: kept whole, not a tool call
        events.push({
          contentBlockStart: { contentBlockIndex: index, start: { toolUse: { name: "search", toolUseId: `s${index}`, type: "server_tool_use" } } },
        });
        for (const piece of split(JSON.stringify({ q: text() }))) d(index, { toolUse: { input: piece } });
        break;
    }
    events.push({ contentBlockStop: { contentBlockIndex: index } });
  }
  events.push({ messageStop: { stopReason: r() < 0.5 ? "end_turn" : "tool_use" } });
  const cacheRead = r() < 0.5 ? int(1000) : undefined;
  events.push({
    metadata: {
      usage: { inputTokens: int(100), outputTokens: int(100), totalTokens: 0, ...(cacheRead !== undefined && { cacheReadInputTokens: cacheRead }) },
      metrics: { latencyMs: int(5000) },
    },
  });
  return events;
}

describe("randomized replies: concat(chunks) equals the converted Converse response", () => {
  it.each(Array.from({ length: 400 }, (_, i) => i + 1))("seed %i", (seed) => {
    expectEquivalent(randomReply(seed));
  });
});
