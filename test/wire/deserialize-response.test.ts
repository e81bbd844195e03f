import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { BedrockError } from "../../src/errors/index.js";
import { deserializeConverseResponse, deserializeStreamEvent } from "../../src/wire/serde/deserialize-response.js";
import { recordedJson, recordedText, STREAM_FIXTURES, type RecordedFrame } from "./recorded.js";

const BYTES = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255]);
const B64 = "AAEC+vv8/f7/";

const withoutPadding = ({ p: _p, ...rest }: Record<string, unknown>) => rest;
const clone = <T>(value: T): T => structuredClone(value);

describe("deserializeStreamEvent on recorded Bedrock streams", () => {
  it.each(STREAM_FIXTURES)("%s: one-key events, padding dropped, everything else kept", (name) => {
    const frames = recordedJson<RecordedFrame[]>(`${name}.events.json`);
    const before = clone(frames);
    for (const { headers, payload } of frames) {
      const eventType = headers[":event-type"]!;
      const event = deserializeStreamEvent(eventType, payload) as unknown as Record<string, Record<string, unknown>>;
      expect(Object.keys(event)).toEqual([eventType]);
      expect(event[eventType]).not.toHaveProperty("p");
      const redacted = (payload.delta as any)?.reasoningContent?.redactedContent;
      if (typeof redacted === "string") continue; // checked below
      expect(event[eventType]).toEqual(withoutPadding(payload));
    }
    expect(frames).toEqual(before); // input untouched
  });

  it("decodes redactedContent deltas to the bytes the base64 names", () => {
    const frames = recordedJson<RecordedFrame[]>("pydantic-ai/claude-3-7-redacted-reasoning-stream.events.json");
    const redactedFrames = frames.filter((f) => (f.payload.delta as any)?.reasoningContent?.redactedContent);
    expect(redactedFrames).toHaveLength(2);
    for (const { headers, payload } of redactedFrames) {
      const text = (payload.delta as any).reasoningContent.redactedContent as string;
      const event = deserializeStreamEvent(headers[":event-type"]!, payload);
      const delta = event.contentBlockDelta!.delta!;
      expect(delta.reasoningContent?.redactedContent).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(delta.reasoningContent!.redactedContent!).toString("base64")).toBe(text);
      expect(event.contentBlockDelta!.contentBlockIndex).toBe(payload.contentBlockIndex);
    }
  });

  it("keeps extra members Bedrock sends (toolUse start `type`, serverToolUsage)", () => {
    const tool = recordedJson<RecordedFrame[]>("langchain-aws/claude-tooluse-stream.events.json");
    const start = tool.find((f) => f.headers[":event-type"] === "contentBlockStart")!;
    const event = deserializeStreamEvent("contentBlockStart", start.payload);
    expect(event.contentBlockStart?.start?.toolUse).toMatchObject({ type: "tool_use" });

    const oss = recordedJson<RecordedFrame[]>("pydantic-ai/gpt-oss-empty-text-delta-stream.events.json");
    const meta = oss.find((f) => f.headers[":event-type"] === "metadata")!;
    expect(deserializeStreamEvent("metadata", meta.payload).metadata?.usage).toHaveProperty("serverToolUsage", {});
  });

  it.each(["amazon-bedrock-text", "amazon-bedrock-reasoning"])("vercel-ai %s chunks (SDK view) pass through unchanged", (name) => {
    const lines = recordedText(`vercel-ai/${name}.chunks.txt`).split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      const chunk = JSON.parse(line) as Record<string, unknown>;
      const [eventType] = Object.keys(chunk);
      expect(deserializeStreamEvent(eventType!, chunk[eventType!])).toEqual(chunk);
    }
  });
});

describe("deserializeStreamEvent", () => {
  it.each<[string, string, unknown, unknown]>([
    ["drops p", "messageStart", { role: "assistant", p: "abcdef" }, { messageStart: { role: "assistant" } }],
    ["payload without p", "contentBlockStop", { contentBlockIndex: 2 }, { contentBlockStop: { contentBlockIndex: 2 } }],
    ["empty payload", "contentBlockStop", {}, { contentBlockStop: {} }],
    [
      "redacted reasoning delta",
      "contentBlockDelta",
      { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: B64 } }, p: "ab" },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: BYTES } } } },
    ],
    [
      "signature delta stays a string",
      "contentBlockDelta",
      { contentBlockIndex: 0, delta: { reasoningContent: { signature: B64 } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { signature: B64 } } } },
    ],
    [
      "image delta bytes",
      "contentBlockDelta",
      { contentBlockIndex: 1, delta: { image: { source: { bytes: B64 } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { image: { source: { bytes: BYTES } } } } },
    ],
    [
      "image delta from S3",
      "contentBlockDelta",
      { contentBlockIndex: 1, delta: { image: { source: { s3Location: { uri: "s3://b/k" } } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { image: { source: { s3Location: { uri: "s3://b/k" } } } } } },
    ],
    [
      "tool result delta",
      "contentBlockDelta",
      { contentBlockIndex: 3, delta: { toolResult: [{ text: "a" }, { json: { b: 1 } }] } },
      { contentBlockDelta: { contentBlockIndex: 3, delta: { toolResult: [{ text: "a" }, { json: { b: 1 } }] } } },
    ],
    [
      "already-decoded bytes are left alone",
      "contentBlockDelta",
      { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: BYTES } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: BYTES } } } },
    ],
    ["unknown event type kept under its name", "futureEvent", { x: 1, p: "a" }, { futureEvent: { x: 1 } }],
    [
      "messageStop with additional fields",
      "messageStop",
      { stopReason: "model_context_window_exceeded", additionalModelResponseFields: { stop_sequence: null }, p: "abc" },
      { messageStop: { stopReason: "model_context_window_exceeded", additionalModelResponseFields: { stop_sequence: null } } },
    ],
  ])("%s", (_label, eventType, payload, expected) => {
    expect(deserializeStreamEvent(eventType, payload)).toEqual(expected);
  });

  it("names the field when Bedrock sends bad base64", () => {
    const payload = { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: "not base64!" } } };
    expect(() => deserializeStreamEvent("contentBlockDelta", payload)).toThrow(BedrockError);
    expect(() => deserializeStreamEvent("contentBlockDelta", payload)).toThrow(
      "contentBlockDelta.delta.reasoningContent.redactedContent is not valid base64",
    );
  });
});

describe("deserializeConverseResponse on recorded Converse bodies", () => {
  it.each([
    "langchain-aws/claude-reasoning-converse.response.json",
    "langchain-aws/claude-tooluse-followup-converse.response.json",
  ])("%s is kept as sent (no blobs), extra usage fields included", (file) => {
    const { body_json } = recordedJson<{ body_json: Record<string, unknown> }>(file);
    const response = deserializeConverseResponse(body_json);
    expect(response).toEqual(body_json);
    expect(response.usage).toHaveProperty("serverToolUsage");
    expect(response.usage).toHaveProperty("cacheReadInputTokenCount", 0);
  });

  it.each(["amazon-bedrock-text.json", "amazon-bedrock-reasoning.json"])("vercel-ai %s", (file) => {
    const body = recordedJson<Record<string, unknown>>(`vercel-ai/${file}`);
    expect(deserializeConverseResponse(body)).toEqual(body);
  });

  it("reads the reasoning text and signature of a recorded reply", () => {
    const { body_json } = recordedJson<{ body_json: unknown }>("langchain-aws/claude-reasoning-converse.response.json");
    const response = deserializeConverseResponse(body_json);
    const reasoning = response.output?.message?.content?.[0]?.reasoningContent?.reasoningText;
    expect(reasoning?.text).toMatch(/^I need to find the smallest n/);
    expect(reasoning?.signature).toMatch(/^EpYFCm/);
    expect(response.stopReason).toBe("end_turn");
  });
});

describe("deserializeConverseResponse", () => {
  const reply = (...content: unknown[]) => ({
    output: { message: { role: "assistant", content } },
    stopReason: "end_turn",
    usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 },
    metrics: { latencyMs: 5 },
  });

  it.each<[string, unknown, unknown]>([
    ["redacted reasoning", { reasoningContent: { redactedContent: B64 } }, { reasoningContent: { redactedContent: BYTES } }],
    ["image bytes", { image: { format: "png", source: { bytes: B64 } } }, { image: { format: "png", source: { bytes: BYTES } } }],
    ["document bytes", { document: { name: "d", source: { bytes: B64 } } }, { document: { name: "d", source: { bytes: BYTES } } }],
    ["video bytes", { video: { format: "mp4", source: { bytes: B64 } } }, { video: { format: "mp4", source: { bytes: BYTES } } }],
    ["audio bytes", { audio: { format: "mp3", source: { bytes: B64 } } }, { audio: { format: "mp3", source: { bytes: BYTES } } }],
    [
      "guardContent image bytes",
      { guardContent: { image: { format: "png", source: { bytes: B64 } } } },
      { guardContent: { image: { format: "png", source: { bytes: BYTES } } } },
    ],
    [
      "image inside a tool result",
      { toolResult: { toolUseId: "t", content: [{ text: "x" }, { image: { format: "png", source: { bytes: B64 } } }] } },
      { toolResult: { toolUseId: "t", content: [{ text: "x" }, { image: { format: "png", source: { bytes: BYTES } } }] } },
    ],
    ["S3 image untouched", { image: { format: "png", source: { s3Location: { uri: "s3://b/k" } } } }, { image: { format: "png", source: { s3Location: { uri: "s3://b/k" } } } }],
    ["document text source untouched", { document: { name: "d", source: { text: B64 } } }, { document: { name: "d", source: { text: B64 } } }],
    ["text untouched", { text: B64 }, { text: B64 }],
    ["reasoning text untouched", { reasoningContent: { reasoningText: { text: "t", signature: B64 } } }, { reasoningContent: { reasoningText: { text: "t", signature: B64 } } }],
    ["unknown block kind kept as sent", { futureKind: { bytes: B64 } }, { futureKind: { bytes: B64 } }],
    [
      "citations content kept",
      { citationsContent: { content: [{ text: "a" }], citations: [{ location: { web: { url: "https://x" } } }] } },
      { citationsContent: { content: [{ text: "a" }], citations: [{ location: { web: { url: "https://x" } } }] } },
    ],
  ])("%s", (_label, block, expected) => {
    const json = reply({ text: "before" }, block);
    const before = clone(json);
    expect(deserializeConverseResponse(json)).toEqual(reply({ text: "before" }, expected));
    expect(json).toEqual(before); // input untouched
  });

  it("keeps top-level fields it does not know, and trace, performanceConfig, serviceTier", () => {
    const json = {
      ...reply({ text: "x" }),
      stopReason: "guardrail_intervened",
      trace: { guardrail: { actionReason: "blocked" }, promptRouter: { invokedModelId: "m" } },
      performanceConfig: { latency: "optimized" },
      serviceTier: { type: "flex" },
      additionalModelResponseFields: { stop_sequence: "END" },
      somethingNew: [1, 2],
    };
    expect(deserializeConverseResponse(json)).toEqual(json);
  });

  it("returns responses without an output message as they are", () => {
    const json = { output: { futureOutput: {} }, stopReason: "end_turn" };
    expect(deserializeConverseResponse(json)).toEqual(json);
  });

  it.each([[null], ["text"], [[1, 2]], [42]])("rejects a body that is not an object (%j)", (json) => {
    expect(() => deserializeConverseResponse(json)).toThrow(BedrockError);
    expect(() => deserializeConverseResponse(json)).toThrow(/not a JSON object/);
  });

  it("names the field when Bedrock sends bad base64", () => {
    const json = reply({ text: "a" }, { image: { format: "png", source: { bytes: "@@" } } });
    expect(() => deserializeConverseResponse(json)).toThrow("output.message.content[1].image.source.bytes is not valid base64");
  });
});
