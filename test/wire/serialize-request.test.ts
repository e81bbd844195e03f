import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import type { ConverseRequest, CountTokensRequest } from "../../src/wire/index.js";
import { serializeConverseRequest, serializeCountTokensRequest } from "../../src/wire/serde/serialize-request.js";
import { recordedJson, REQUEST_FIXTURES } from "./recorded.js";

const BYTES = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255]);
const B64 = "AAEC+vv8/f7/";

const body = (request: ConverseRequest) => JSON.parse(serializeConverseRequest(request)) as Record<string, unknown>;
const user = (...content: NonNullable<ConverseRequest["messages"]>[number]["content"] & object) => ({
  modelId: "m",
  messages: [{ role: "user" as const, content }],
});

describe("serializeConverseRequest", () => {
  it("leaves modelId out of the body (it travels in the path)", () => {
    expect(body({ modelId: "us.amazon.nova-micro-v1:0", messages: [] })).toEqual({ messages: [] });
  });

  it("drops undefined members, as the SDK does", () => {
    expect(body({ modelId: "m", system: undefined, inferenceConfig: { maxTokens: 5, temperature: undefined } })).toEqual({
      inferenceConfig: { maxTokens: 5 },
    });
  });

  // Every blob location in the Converse model, given as Uint8Array: where to find it in the body.
  const blobCases: Array<[string, ConverseRequest, (b: any) => unknown]> = [
    ["image source", user({ image: { format: "png", source: { bytes: BYTES } } }), (b) => b.messages[0].content[0].image.source.bytes],
    [
      "document source",
      user({ document: { format: "pdf", name: "doc", source: { bytes: BYTES } } }),
      (b) => b.messages[0].content[0].document.source.bytes,
    ],
    ["video source", user({ video: { format: "mp4", source: { bytes: BYTES } } }), (b) => b.messages[0].content[0].video.source.bytes],
    ["audio source", user({ audio: { format: "wav", source: { bytes: BYTES } } }), (b) => b.messages[0].content[0].audio.source.bytes],
    [
      "guardContent image",
      user({ guardContent: { image: { format: "jpeg", source: { bytes: BYTES } } } }),
      (b) => b.messages[0].content[0].guardContent.image.source.bytes,
    ],
    [
      "redacted reasoning",
      { modelId: "m", messages: [{ role: "assistant", content: [{ reasoningContent: { redactedContent: BYTES } }] }] },
      (b) => b.messages[0].content[0].reasoningContent.redactedContent,
    ],
    [
      "image inside a tool result",
      user({ toolResult: { toolUseId: "t1", content: [{ image: { format: "gif", source: { bytes: BYTES } } }] } }),
      (b) => b.messages[0].content[0].toolResult.content[0].image.source.bytes,
    ],
    [
      "document inside a tool result",
      user({ toolResult: { toolUseId: "t1", content: [{ document: { name: "d", source: { bytes: BYTES } } }] } }),
      (b) => b.messages[0].content[0].toolResult.content[0].document.source.bytes,
    ],
    [
      "video inside a tool result",
      user({ toolResult: { toolUseId: "t1", content: [{ video: { format: "mov", source: { bytes: BYTES } } }] } }),
      (b) => b.messages[0].content[0].toolResult.content[0].video.source.bytes,
    ],
    [
      "system guardContent image",
      { modelId: "m", system: [{ guardContent: { image: { format: "png", source: { bytes: BYTES } } } }] },
      (b) => b.system[0].guardContent.image.source.bytes,
    ],
  ];

  it.each(blobCases)("encodes a Uint8Array %s as base64", (_label, request, pick) => {
    expect(pick(body(request))).toBe(B64);
  });

  it.each(blobCases)("passes a base64 string %s through unchanged", (_label, request, pick) => {
    const withString = JSON.parse(serializeConverseRequest(request)) as ConverseRequest;
    expect(pick(body({ ...withString, modelId: "m" }))).toBe(B64);
  });

  it.each([
    ["Node Buffer (whose toJSON would give {type,data})", Buffer.from(BYTES)],
    ["subarray view", new Uint8Array([9, 9, ...BYTES, 9]).subarray(2, 2 + BYTES.length)],
    ["ArrayBuffer", BYTES.slice().buffer],
    ["DataView", new DataView(BYTES.slice().buffer)],
  ])("encodes a %s like a Uint8Array", (_label, bytes) => {
    const request = user({ image: { format: "png", source: { bytes: bytes as Uint8Array } } });
    expect(body(request)).toEqual(body(user({ image: { format: "png", source: { bytes: BYTES } } })));
  });

  it("keeps documents (tool input, schemas, additional fields) as JSON", () => {
    const request: ConverseRequest = {
      modelId: "m",
      messages: [
        { role: "user", content: [{ text: "hi" }] },
        { role: "assistant", content: [{ toolUse: { toolUseId: "t", name: "f", input: { a: [1, { b: null }] } } }] },
      ],
      toolConfig: {
        tools: [{ toolSpec: { name: "f", inputSchema: { json: { type: "object" } }, strict: true } }],
        toolChoice: { auto: {} },
      },
      additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } },
    };
    const { modelId: _m, ...expected } = request;
    expect(body(request)).toEqual(expected);
  });

  it("turns an SDK-style $unknown member into its own key", () => {
    const request = user({ $unknown: ["futureKind", { x: 1 }] });
    expect(body(request).messages).toEqual([{ role: "user", content: [{ futureKind: { x: 1 } }] }]);
  });

  it("leaves objects that merely contain a $unknown key with other members alone", () => {
    const input = { $unknown: ["a", 1], other: true };
    const request: ConverseRequest = {
      modelId: "m",
      messages: [{ role: "assistant", content: [{ toolUse: { toolUseId: "t", name: "f", input } }] }],
    };
    expect((body(request) as any).messages[0].content[0].toolUse.input).toEqual(input);
  });

  it("serializes every top-level Converse field", () => {
    const request: ConverseRequest = {
      modelId: "m",
      messages: [{ role: "user", content: [{ text: "x" }, { cachePoint: { type: "default", ttl: "1h" } }] }],
      system: [{ text: "be brief" }, { cachePoint: { type: "default" } }],
      inferenceConfig: { maxTokens: 10, temperature: 0.5, topP: 0.9, stopSequences: ["END"] },
      guardrailConfig: { guardrailIdentifier: "gr", guardrailVersion: "1", trace: "enabled" },
      additionalModelRequestFields: { top_k: 5 },
      additionalModelResponseFieldPaths: ["/stop_sequence"],
      promptVariables: { name: { text: "Ada" } },
      requestMetadata: { team: "search" },
      performanceConfig: { latency: "optimized" },
      serviceTier: { type: "priority" },
      outputConfig: {
        textFormat: { type: "json_schema", structure: { jsonSchema: { schema: '{"type":"object"}', name: "out" } } },
      },
    };
    const { modelId: _m, ...expected } = request;
    expect(body(request)).toEqual(expected);
  });

  it.each(REQUEST_FIXTURES)("reproduces the recorded body of %s", (name) => {
    const recorded = recordedJson<{ uri: string; body_json: Record<string, unknown> }>(`${name}.request.json`);
    const modelId = decodeURIComponent(new URL(recorded.uri).pathname.split("/")[2]!);
    const request = { modelId, ...recorded.body_json } as ConverseRequest;
    expect(JSON.parse(serializeConverseRequest(request))).toEqual(recorded.body_json);
  });
});

describe("serializeCountTokensRequest", () => {
  it.each<[string, CountTokensRequest, unknown]>([
    [
      "a Converse input",
      { modelId: "m", input: { converse: { messages: [{ role: "user", content: [{ text: "hi" }] }] } } },
      { input: { converse: { messages: [{ role: "user", content: [{ text: "hi" }] }] } } },
    ],
    ["an InvokeModel body as bytes", { modelId: "m", input: { invokeModel: { body: BYTES } } }, { input: { invokeModel: { body: B64 } } }],
    ["an InvokeModel body as base64", { modelId: "m", input: { invokeModel: { body: B64 } } }, { input: { invokeModel: { body: B64 } } }],
    [
      "image bytes inside a Converse input",
      { modelId: "m", input: { converse: { messages: [{ role: "user", content: [{ image: { format: "png", source: { bytes: BYTES } } }] }] } } },
      { input: { converse: { messages: [{ role: "user", content: [{ image: { format: "png", source: { bytes: B64 } } }] }] } } },
    ],
  ])("serializes %s without modelId", (_label, request, expected) => {
    expect(JSON.parse(serializeCountTokensRequest(request))).toEqual(expected);
  });
});
