// InvokeModel and ApplyGuardrail serialisation and deserialisation, table by table.
import { describe, expect, it } from "vitest";
import { BedrockInputError } from "../../src/errors/index.js";
import {
  guardrailPath,
  invokeBody,
  invokeHeaders,
  invokeResponseBody,
  invokeResponseHeaders,
  serializeApplyGuardrailRequest,
  validateApplyGuardrailRequest,
  validateInvokeModelRequest,
} from "../../src/wire/index.js";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

describe("invokeBody", () => {
  it.each([
    ["a string, as UTF-8", '{"prompt":"héllo"}', '{"prompt":"héllo"}'],
    ["bytes, as they are", new TextEncoder().encode("raw bytes"), "raw bytes"],
    ["an object, JSON-stringified", { prompt: "Hi", max_gen_len: 64 }, '{"prompt":"Hi","max_gen_len":64}'],
    ["an array, JSON-stringified", [1, "two"], '[1,"two"]'],
    ["nothing, as an empty body", undefined, ""],
  ])("%s", (_name, body, expected) => {
    expect(text(invokeBody(body as never))).toBe(expected);
  });

  it("copies bytes, so the caller's later writes do not reach the signed body", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const body = invokeBody(bytes);
    bytes[0] = 9;
    expect([...body]).toEqual([1, 2, 3]);
  });

  it.each([
    ["a cycle", (() => { const o: Record<string, unknown> = {}; o.self = o; return o; })()],
    ["a BigInt", { n: 1n }],
  ])("refuses %s as BedrockInputError", (_name, body) => {
    expect(() => invokeBody(body as never)).toThrow(BedrockInputError);
  });
});

describe("invokeHeaders", () => {
  const all = {
    modelId: MODEL,
    accept: "application/json",
    trace: "ENABLED_FULL",
    guardrailIdentifier: "gr-1",
    guardrailVersion: "DRAFT",
    performanceConfigLatency: "optimized",
    serviceTier: "flex",
  } as const;
  it.each([
    ["nothing set", { modelId: MODEL }, false, []],
    [
      "every member (InvokeModel: accept is the HTTP Accept, not listed)",
      all,
      false,
      [
        ["x-amzn-bedrock-trace", "ENABLED_FULL"],
        ["x-amzn-bedrock-guardrailidentifier", "gr-1"],
        ["x-amzn-bedrock-guardrailversion", "DRAFT"],
        ["x-amzn-bedrock-performanceconfig-latency", "optimized"],
        ["x-amzn-bedrock-service-tier", "flex"],
      ],
    ],
    ["the stream's accept travels as x-amzn-bedrock-accept", { modelId: MODEL, accept: "application/json" }, true, [["x-amzn-bedrock-accept", "application/json"]]],
  ])("%s", (_name, request, stream, expected) => {
    expect(invokeHeaders(request, stream)).toEqual(expected);
  });

  it.each([
    ["a newline", { trace: "EN\nABLED" }, /trace/],
    ["a non-string", { serviceTier: 3 }, /serviceTier/],
    ["an empty string", { guardrailVersion: "" }, /guardrailVersion/],
    ["a non-ASCII content type", { contentType: "application/jsön" }, /contentType/],
  ])("refuses %s in a header member, naming it", (_name, extra, field) => {
    expect(() => invokeHeaders({ modelId: MODEL, ...(extra as object) }, false)).toThrow(field);
  });
});

describe("the answer", () => {
  it("body: the bytes, with transformToString()", () => {
    const body = invokeResponseBody(new TextEncoder().encode('{"ok":"ü"}'));
    expect(body).toBeInstanceOf(Uint8Array);
    expect(body.transformToString()).toBe('{"ok":"ü"}');
    expect(body.transformToString("utf8")).toBe('{"ok":"ü"}');
    expect(() => body.transformToString("base64")).toThrow(/utf-8/);
    expect(Object.keys(body)).not.toContain("transformToString");
  });

  it.each([
    ["InvokeModel: content-type", false, { "content-type": "application/json" }, { contentType: "application/json" }],
    ["stream: x-amzn-bedrock-content-type", true, { "content-type": "application/vnd.amazon.eventstream", "x-amzn-bedrock-content-type": "application/json" }, { contentType: "application/json" }],
    [
      "latency and tier when sent",
      false,
      { "content-type": "application/json", "x-amzn-bedrock-performanceconfig-latency": "standard", "x-amzn-bedrock-service-tier": "default" },
      { contentType: "application/json", performanceConfigLatency: "standard", serviceTier: "default" },
    ],
  ])("headers, %s", (_name, stream, headers, expected) => {
    expect(invokeResponseHeaders(new Headers(headers), stream)).toEqual(expected);
  });
});

describe("ApplyGuardrail", () => {
  it.each([
    ["plain IDs", "gr-abc123", "1", "/guardrail/gr-abc123/version/1/apply"],
    ["an ARN, one encoded segment", "arn:aws:bedrock:us-west-2:123456789012:guardrail/gr-1", "DRAFT", "/guardrail/arn%3Aaws%3Abedrock%3Aus-west-2%3A123456789012%3Aguardrail%2Fgr-1/version/DRAFT/apply"],
  ])("path: %s", (_name, id, version, path) => {
    expect(guardrailPath(id, version)).toBe(path);
  });

  it.each([
    ["a missing identifier", undefined, "1", /guardrailIdentifier is required/],
    ["a blank version", "gr", " ", /guardrailVersion is required/],
    ["a dot segment", "..", "1", /guardrailIdentifier must not be/],
  ])("path refuses %s", (_name, id, version, message) => {
    expect(() => guardrailPath(id, version)).toThrow(message);
  });

  it("body: the IDs left out (they are in the path), image bytes as base64", () => {
    const json = serializeApplyGuardrailRequest({
      guardrailIdentifier: "gr",
      guardrailVersion: "1",
      source: "INPUT",
      content: [{ text: { text: "hi", qualifiers: ["query"] } }, { image: { format: "png", source: { bytes: new Uint8Array([1, 2, 3]) } } }],
      outputScope: "FULL",
    });
    expect(JSON.parse(json)).toEqual({
      source: "INPUT",
      content: [{ text: { text: "hi", qualifiers: ["query"] } }, { image: { format: "png", source: { bytes: "AQID" } } }],
      outputScope: "FULL",
    });
  });
});

describe("validation before sending", () => {
  it.each([
    ["a missing modelId", { body: "{}" }, /modelId is required/],
    ["a body that is a number", { modelId: MODEL, body: 3 }, /body/],
    ["a trace outside the enum", { modelId: MODEL, trace: "on" }, /trace: "on" is not one of/],
    ["a latency outside the enum", { modelId: MODEL, performanceConfigLatency: "fast" }, /performanceConfigLatency/],
    ["a tier outside the enum", { modelId: MODEL, serviceTier: "gold" }, /serviceTier/],
    ["a version without identifier", { modelId: MODEL, guardrailVersion: "1" }, /guardrailVersion: is set without guardrailIdentifier/],
    ["a cycle in the body", { modelId: MODEL, body: (() => { const o: Record<string, unknown> = {}; o.o = o; return o; })() }, /body/],
  ])("InvokeModel refuses %s", (_name, request, message) => {
    expect(() => validateInvokeModelRequest(request as never)).toThrow(message);
  });

  it("InvokeModel accepts a full request", () => {
    expect(() =>
      validateInvokeModelRequest({ modelId: MODEL, body: { a: 1 }, trace: "ENABLED", guardrailIdentifier: "g", guardrailVersion: "1", serviceTier: "priority", performanceConfigLatency: "standard" }),
    ).not.toThrow();
  });

  const guard = { guardrailIdentifier: "gr", guardrailVersion: "1", source: "INPUT", content: [{ text: { text: "hi" } }] };
  it.each([
    ["a missing source", { ...guard, source: undefined }, /source: is required/],
    ["a source outside the enum", { ...guard, source: "input" }, /source: "input" is not one of/],
    ["content that is not a list", { ...guard, content: "hi" }, /content: must be an array/],
    ["an empty block", { ...guard, content: [{}] }, /content\[0\]: a guardrail content block is empty/],
    ["text without text", { ...guard, content: [{ text: {} }] }, /content\[0\].text.text: is required/],
    ["a bad qualifier", { ...guard, content: [{ text: { text: "x", qualifiers: ["nope"] } }] }, /qualifiers\[0\]/],
    ["an image in gif", { ...guard, content: [{ image: { format: "gif", source: { bytes: "AA==" } } }] }, /image.format/],
    ["an outputScope outside the enum", { ...guard, outputScope: "ALL" }, /outputScope/],
  ])("ApplyGuardrail refuses %s", (_name, request, message) => {
    expect(() => validateApplyGuardrailRequest(request as never)).toThrow(message);
  });
});
