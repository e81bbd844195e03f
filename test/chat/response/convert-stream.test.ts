import { describe, expect, it } from "vitest";
import { createStreamConverter } from "../../../src/chat/response/convert-stream.js";
import type { ConverseStreamOutputLike } from "../../../src/chat/response/convert-response-shapes.js";
import { BedrockError, ModelStreamErrorException, ThrottlingException } from "../../../src/errors/index.js";
import type { AIMessageChunkFields } from "../../../src/chat/messages/messages.js";
import { streamToMessage } from "./convert-stream-helpers.js";

type Event = ConverseStreamOutputLike;

const start = (index: number, name: string, id: string): Event => ({
  contentBlockStart: { contentBlockIndex: index, start: { toolUse: { name, toolUseId: id } } },
});
const delta = (index: number, d: NonNullable<NonNullable<Event["contentBlockDelta"]>["delta"]>): Event => ({
  contentBlockDelta: { contentBlockIndex: index, delta: d },
});
const stop = (index: number): Event => ({ contentBlockStop: { contentBlockIndex: index } });

describe("createStreamConverter: one event → one chunk", () => {
  // Each case runs `before` through the converter first (to set state), then checks `event`.
  const cases: Array<{ name: string; before?: Event[]; event: Event; chunk: Partial<AIMessageChunkFields> | undefined }> = [
    {
      name: "messageStart → model name and request id",
      event: { messageStart: { role: "assistant" } },
      chunk: { content: "", response_metadata: { model_name: "model-x", model: "model-x", requestId: "req-1" } },
    },
    { name: "text delta → string", event: delta(0, { text: "Hel" }), chunk: { content: "Hel" } },
    { name: "empty text delta → nothing", event: delta(0, { text: "" }), chunk: undefined },
    {
      name: "text after a reasoning block → indexed block",
      before: [delta(0, { reasoningContent: { text: "r" } })],
      event: delta(1, { text: "Hi" }),
      chunk: { content: [{ type: "text", text: "Hi", index: 1 }] },
    },
    {
      name: "toolUse start → tool_call_chunk with name, id, empty args",
      event: start(2, "get_weather", "t1"),
      chunk: { content: "", tool_call_chunks: [{ name: "get_weather", id: "t1", args: "", index: 2, type: "tool_call_chunk" }] },
    },
    {
      name: "toolUse input delta → args piece",
      before: [start(0, "f", "t1")],
      event: delta(0, { toolUse: { input: '{"a"' } }),
      chunk: { content: "", tool_call_chunks: [{ args: '{"a"', index: 0, type: "tool_call_chunk" }] },
    },
    {
      name: "reasoning text",
      event: delta(0, { reasoningContent: { text: "think" } }),
      chunk: { content: [{ type: "reasoning_content", reasoningText: { text: "think" }, index: 0 }] },
    },
    {
      name: "reasoning signature",
      event: delta(0, { reasoningContent: { signature: "SIG" } }),
      chunk: { content: [{ type: "reasoning_content", reasoningText: { text: "", signature: "SIG" }, index: 0 }] },
    },
    {
      name: "redacted reasoning (base64 text)",
      event: delta(0, { reasoningContent: { redactedContent: "AQID" } }),
      chunk: { content: [{ type: "reasoning_content", redactedContent: "AQID", index: 0 }] },
    },
    {
      name: "redacted reasoning (bytes)",
      event: delta(0, { reasoningContent: { redactedContent: new Uint8Array([1, 2, 3]) } }),
      chunk: { content: [{ type: "reasoning_content", redactedContent: "AQID", index: 0 }] },
    },
    {
      name: "citation",
      event: delta(1, { citation: { title: "doc" } }),
      chunk: { content: [{ type: "text", text: "", citations: [{ title: "doc" }], index: 1 }] },
    },
    { name: "contentBlockStop of a plain block → nothing", event: stop(0), chunk: undefined },
    {
      name: "messageStop → stopReason",
      event: { messageStop: { stopReason: "tool_use", additionalModelResponseFields: { x: 1 } } },
      chunk: { content: "", response_metadata: { stopReason: "tool_use", additionalModelResponseFields: { x: 1 } } },
    },
    {
      name: "metadata → usage and metrics",
      event: {
        metadata: {
          usage: { inputTokens: 5, outputTokens: 7, totalTokens: 112, cacheReadInputTokens: 100 },
          metrics: { latencyMs: 99 },
          trace: { guardrail: {} },
        },
      },
      chunk: {
        content: "",
        usage_metadata: { input_tokens: 105, output_tokens: 7, total_tokens: 112, input_token_details: { cache_read: 100 } },
        response_metadata: {
          usage: { inputTokens: 5, outputTokens: 7, totalTokens: 112, cacheReadInputTokens: 100 },
          metrics: { latencyMs: 99 },
          trace: { guardrail: {} },
        },
      },
    },
    { name: "unknown event → nothing", event: { somethingNew: { a: 1 } } as Event, chunk: undefined },
    {
      name: "server tool use is buffered until its stop",
      before: [
        { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { name: "web", toolUseId: "s1", type: "server_tool_use" } } } },
        delta(0, { toolUse: { input: '{"q":' } }),
        delta(0, { toolUse: { input: '"x"}' } }),
      ],
      event: stop(0),
      chunk: {
        content: [{ toolUse: { name: "web", toolUseId: "s1", type: "server_tool_use", input: { q: "x" } }, index: 0 }],
      },
    },
    {
      name: "tool result deltas join into one block",
      before: [
        { contentBlockStart: { contentBlockIndex: 1, start: { toolResult: { toolUseId: "s1", status: "success" } } } },
        delta(1, { toolResult: [{ text: "ab" }] }),
        delta(1, { toolResult: [{ text: "cd" }, { json: { k: 1 } }] }),
      ],
      event: stop(1),
      chunk: {
        content: [
          { toolResult: { toolUseId: "s1", status: "success", content: [{ text: "abcd" }, { json: { k: 1 } }] }, index: 1 },
        ],
      },
    },
    // Found by test/fuzz/wire-names.test.ts (seed 2090802882): a null start then a null delta threw a TypeError.
    {
      name: "null toolUse start and delta → kept whole, no throw",
      before: [
        { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: null } } } as never,
        delta(0, { toolUse: null } as never),
        delta(0, { toolUse: { input: 7 } } as never),
      ],
      event: stop(0),
      chunk: { content: [{ toolUse: { input: {} }, index: 0 }] },
    },
    {
      name: "tool result deltas that are not arrays of objects are skipped, not thrown on",
      before: [
        { contentBlockStart: { contentBlockIndex: 1, start: { toolResult: { toolUseId: "s1" } } } },
        delta(1, { toolResult: null } as never),
        delta(1, { toolResult: [null, 3, { text: "ok" }] } as never),
        delta(1, { toolResult: { text: "!" } } as never),
      ],
      event: stop(1),
      chunk: { content: [{ toolResult: { toolUseId: "s1", content: [{ text: "ok!" }] }, index: 1 }] },
    },
  ];

  it.each(cases)("$name", ({ before = [], event, chunk }) => {
    const converter = createStreamConverter({ modelId: "model-x", requestId: "req-1" });
    for (const e of before) converter.next(e);
    const out = converter.next(event);
    if (chunk === undefined) {
      expect(out).toBeUndefined();
      return;
    }
    expect(out).toBeDefined();
    expect(out!.id).toBe("req-1");
    expect(out!.content).toEqual(chunk.content ?? "");
    expect(out!.tool_call_chunks).toEqual(chunk.tool_call_chunks ?? []);
    expect(out!.usage_metadata).toEqual(chunk.usage_metadata);
    expect(out!.response_metadata).toEqual(chunk.response_metadata ?? {});
  });
});

describe("createStreamConverter: exceptions", () => {
  it.each([
    ["throttlingException", ThrottlingException],
    ["modelStreamErrorException", ModelStreamErrorException],
  ] as const)("%s throws its error class", (name, Ctor) => {
    const converter = createStreamConverter({ requestId: "req-9" });
    let thrown: unknown;
    try {
      converter.next({ [name]: { message: "slow down" } });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Ctor);
    expect(thrown).toBeInstanceOf(BedrockError);
    expect((thrown as BedrockError).message).toBe("slow down");
    expect((thrown as BedrockError).requestId).toBe("req-9");
  });
});

describe("createStreamConverter: concatenated tool calls", () => {
  it("assembles parallel streamed tool calls", () => {
    const { message } = streamToMessage([
      { messageStart: { role: "assistant" } },
      delta(0, { text: "Checking both." }),
      stop(0),
      start(1, "weather", "t1"),
      delta(1, { toolUse: { input: '{"city":' } }),
      start(2, "time", "t2"),
      delta(1, { toolUse: { input: ' "Paris"}' } }),
      stop(1),
      delta(2, { toolUse: { input: '{"tz": "CET"}' } }),
      stop(2),
      { messageStop: { stopReason: "tool_use" } },
    ]);
    expect(message.content).toBe("Checking both.");
    expect(message.tool_calls).toEqual([
      { name: "weather", id: "t1", args: { city: "Paris" }, type: "tool_call" },
      { name: "time", id: "t2", args: { tz: "CET" }, type: "tool_call" },
    ]);
    expect(message.response_metadata["stopReason"]).toBe("tool_use");
  });

  it("gives args {} to a tool call with no input delta", () => {
    const { message } = streamToMessage([start(0, "now", "t1"), stop(0)]);
    expect(message.tool_calls).toEqual([{ name: "now", id: "t1", args: {}, type: "tool_call" }]);
  });

  it("reports malformed args as invalid_tool_calls, never throwing", () => {
    const { message } = streamToMessage([start(0, "f", "t1"), delta(0, { toolUse: { input: '{"a": tru' } }), stop(0)]);
    expect(message.tool_calls).toEqual([]);
    expect(message.invalid_tool_calls).toEqual([
      { name: "f", id: "t1", args: '{"a": tru', error: expect.stringContaining("Malformed"), type: "invalid_tool_call" },
    ]);
  });
});
