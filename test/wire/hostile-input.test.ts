// Requests JSON or a URL path cannot carry (cycles, BigInt, runaway nesting, lone surrogates, dot
// segments) are refused with a BedrockInputError naming the field, before any network call.
import { describe, expect, it } from "vitest";
import { BedrockRuntime } from "../../src/client/bedrock-runtime.js";
import { BedrockInputError } from "../../src/errors/index.js";
import { modelIdProblem, modelPath } from "../../src/wire/serde/model-path.js";
import { serializeConverseRequest } from "../../src/wire/serde/serialize-request.js";
import { checkJsonValue, MAX_JSON_DEPTH } from "../../src/wire/validate/validate-json.js";
import { validateConverseRequest, validateCountTokensRequest } from "../../src/wire/validate/validate-request.js";
import type { ConverseRequest, CountTokensRequest } from "../../src/wire/index.js";
import { circular, nested } from "../hostile-values.js";

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}

describe("checkJsonValue", () => {
  const shared = { x: 1 };
  const ok: Array<[string, unknown]> = [
    ["scalars and null", { s: "x", n: 1, b: true, z: null }],
    ["a shared (not circular) reference", { one: shared, two: shared, list: [shared, shared] }],
    ["bytes, sent as base64", { bytes: new Uint8Array(3), buffer: new ArrayBuffer(2), view: new DataView(new ArrayBuffer(1)) }],
    ["a Date (its own toJSON)", { at: new Date(0) }],
    ["what JSON.stringify skips", { f: () => 1, u: undefined, s: Symbol("s") }],
    [`exactly ${MAX_JSON_DEPTH} levels`, nested(MAX_JSON_DEPTH)],
    ["a lone surrogate in a string (JSON.stringify escapes it)", { s: "\uD800" }],
  ];
  it.each(ok)("accepts %s", (_label, value) => {
    expect(() => checkJsonValue(value, "field")).not.toThrow();
    expect(() => JSON.stringify(value)).not.toThrow();
  });

  const arrayCycle: unknown[] = [1];
  arrayCycle.push([arrayCycle]);
  const bad: Array<[string, unknown, string]> = [
    ["a circular object", circular(), "field.self: refers back to an enclosing object (a circular reference)"],
    ["a circular array", arrayCycle, "field[1][0]: refers back to an enclosing object"],
    ["a BigInt", { deep: [{ n: 10n }] }, "field.deep[0].n: is a BigInt"],
    ["a BigInt at the root", 1n, "field: is a BigInt"],
    [`${MAX_JSON_DEPTH + 1} levels`, nested(MAX_JSON_DEPTH + 1), `: nests deeper than ${MAX_JSON_DEPTH} levels`],
    ["20,000 levels", nested(20_000), `field.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a…: nests deeper than ${MAX_JSON_DEPTH} levels`],
    ["an odd key", { "two words": { "\"q\"": 1n } }, 'field["two words"]["\\"q\\""]: is a BigInt'],
  ];
  it.each(bad)("refuses %s, naming the path", (label, value, message) => {
    const error = thrown(() => checkJsonValue(value, "field"));
    expect(error).toBeInstanceOf(BedrockInputError);
    expect(error.message).toContain(message);
    // JSON.stringify would have thrown on all of these, untyped, except 501 levels, which it
    // writes in Node (see MAX_JSON_DEPTH for why the limit sits well below its stack).
    if (!label.startsWith(`${MAX_JSON_DEPTH + 1}`)) expect(() => JSON.stringify(value)).toThrow();
  });

  it("a getter that throws is a BedrockInputError naming the field, not the getter's message", () => {
    const value = {
      get secret(): never {
        throw new Error("AKIAIOSFODNN7EXAMPLE leaked");
      },
    };
    const error = thrown(() => checkJsonValue({ inner: value }, "doc"));
    expect(error).toBeInstanceOf(BedrockInputError);
    expect(error.message).toContain("doc.inner.secret");
    expect(error.message).not.toContain("AKIA");
  });

  it("never shows the value", () => {
    const value = { token: "hunter2-secret", n: 12345678901234567890n };
    expect(thrown(() => checkJsonValue(value, "x")).message).not.toMatch(/hunter2|1234567890/);
  });
});

const user = (...content: unknown[]) => ({ role: "user", content });
const assistant = (...content: unknown[]) => ({ role: "assistant", content });
const toolUse = (input: unknown) => ({ toolUse: { toolUseId: "t1", name: "lookup", input } });
const toolResult = (json: unknown) => ({ toolResult: { toolUseId: "t1", content: [{ json }] } });
const toolSpec = (json: unknown) => ({ tools: [{ toolSpec: { name: "lookup", inputSchema: { json } } }] });

type Shape = (document: unknown) => Record<string, unknown>;
/** Every place a JSON document sits in a request, and the path its errors start with. */
const FIELDS: Array<[string, Shape]> = [
  ["messages[1].content[1].toolUse.input", (d) => ({ messages: [user({ text: "hi" }), assistant({ text: "ok" }, toolUse(d))] })],
  ["messages[0].content[0].toolResult.content[0].json", (d) => ({ messages: [user(toolResult(d))] })],
  ["toolConfig.tools[0].toolSpec.inputSchema.json", (d) => ({ messages: [user({ text: "hi" })], toolConfig: toolSpec(d) })],
  ["additionalModelRequestFields.thinking", (d) => ({ messages: [user({ text: "hi" })], additionalModelRequestFields: { thinking: d } })],
  ["messages[0].content[0].$unknown[1]", (d) => ({ messages: [user({ $unknown: ["futureBlock", d] })] })],
  ["messages[0].extra", (d) => ({ messages: [{ ...user({ text: "hi" }), extra: d }] })],
];
const VALUES: Array<[string, () => unknown, string]> = [
  ["circular", circular, "refers back to an enclosing object"],
  ["BigInt", () => ({ n: 1n }), "is a BigInt"],
  ["20,000 levels deep", () => nested(20_000), "nests deeper than"],
];

describe.each(FIELDS)("%s", (field, shape) => {
  it.each(VALUES)("%s: refused by validateConverseRequest, naming the field", (_label, make, problem) => {
    const request = { modelId: "m", ...shape(make()) } as unknown as ConverseRequest;
    const error = thrown(() => validateConverseRequest(request));
    expect(error).toBeInstanceOf(BedrockInputError);
    expect(error.message.startsWith(field)).toBe(true);
    expect(error.message).toContain(problem);
  });

  it("a plain document there passes", () => {
    // A tool's input schema must be JSON Schema; its `examples` may hold any document.
    const plain = { city: "Paris", list: [1, { deep: nested(20) }] };
    const document = field.includes("inputSchema") ? { type: "object", properties: { city: { type: "string" } }, examples: [plain] } : plain;
    const request = { modelId: "m", ...shape(document) } as unknown as ConverseRequest;
    expect(() => validateConverseRequest(request)).not.toThrow();
  });
});

describe("CountTokens", () => {
  it.each(VALUES)("%s tool input is refused with the input.converse path", (_label, make, problem) => {
    const request = {
      modelId: "m",
      input: { converse: { messages: [user({ text: "hi" }), assistant(toolUse(make()))] } },
    } as unknown as CountTokensRequest;
    const error = thrown(() => validateCountTokensRequest(request));
    expect(error).toBeInstanceOf(BedrockInputError);
    expect(error.message).toMatch(/^input\.converse\.messages\[1\]\.content\[0\]\.toolUse\.input/);
    expect(error.message).toContain(problem);
  });
});

describe("serializeConverseRequest", () => {
  it("a toJSON that throws is a BedrockInputError (the validator leaves toJSON objects to it)", () => {
    const input = { toJSON: () => { throw new RangeError("nope"); } };
    const request = { modelId: "m", messages: [user({ text: "hi" }), assistant(toolUse(input))] } as unknown as ConverseRequest;
    expect(() => validateConverseRequest(request)).not.toThrow();
    const error = thrown(() => serializeConverseRequest(request));
    expect(error).toBeInstanceOf(BedrockInputError);
    expect(error.cause).toBeInstanceOf(RangeError);
  });
});

describe("model IDs that cannot be one path segment", () => {
  it.each([
    [".", /must not be "\." or "\.\."/],
    ["..", /must not be "\." or "\.\."/],
    ["\uD800", /lone UTF-16 surrogate/],
    ["us.amazon.nova\uDC00-micro", /lone UTF-16 surrogate/],
    ["ends-high\uDBFF", /lone UTF-16 surrogate/],
  ])("%j is refused", (modelId, message) => {
    expect(modelIdProblem(modelId)).toMatch(message);
    const error = thrown(() => modelPath(modelId, "converse"));
    expect(error).toBeInstanceOf(BedrockInputError);
    expect(error.message).toMatch(/^modelId /);
    const validation = thrown(() => validateConverseRequest({ modelId, messages: [] } as ConverseRequest));
    expect(validation).toBeInstanceOf(BedrockInputError);
    expect(validation.message).toMatch(/^modelId: /);
  });

  it.each(["...", ".a", "a.", "a..b", "../converse", "a/../../b", "%2e%2e", ".%2E", "emoji-\uD83D\uDE00", "x\\..\\y"])(
    "%j is accepted and stays one segment through URL parsing",
    (modelId) => {
      expect(modelIdProblem(modelId)).toBeUndefined();
      const path = modelPath(modelId, "converse");
      expect(new URL(`https://bedrock-runtime.us-east-1.amazonaws.com${path}`).pathname).toBe(path);
      expect(path.split("/")).toHaveLength(4);
    },
  );
});

describe("BedrockRuntime refuses before any network call", () => {
  const credentials = { accessKeyId: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: "secret", sessionToken: "token" };
  const hi = user({ text: "hi" });
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ["a lone-surrogate model ID", { modelId: "\uD800", messages: [hi] }, /^modelId: .*surrogate/],
    ['model ID ".."', { modelId: "..", messages: [hi] }, /^modelId: /],
    ['model ID "."', { modelId: ".", messages: [hi] }, /^modelId: /],
    ["circular tool input", { modelId: "m", messages: [hi, assistant(toolUse(circular()))] }, /^messages\[1\]\.content\[0\]\.toolUse\.input\.self: /],
    ["a BigInt in additionalModelRequestFields", { modelId: "m", messages: [hi], additionalModelRequestFields: { budget: 5n } }, /^additionalModelRequestFields\.budget: /],
    ["a 20,000-deep tool schema", { modelId: "m", messages: [hi], toolConfig: toolSpec(nested(20_000)) }, /^toolConfig\.tools\[0\]\.toolSpec\.inputSchema\.json\.a/],
  ];
  it.each(cases)("%s", async (_label, request, message) => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return new Response("{}");
    };
    const client = new BedrockRuntime({ region: "us-east-1", credentials, fetch });
    for (const call of [
      () => client.converse(request as unknown as ConverseRequest),
      () => client.converseStream(request as unknown as ConverseRequest),
      () => client.countTokens({ modelId: request.modelId, input: { converse: request } } as unknown as CountTokensRequest),
    ]) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(BedrockInputError);
      // CountTokens nests the conversation under input.converse; the model ID stays top-level.
      expect(error!.message.replace(/^input\.converse\./, "")).toMatch(message);
    }
    expect(calls).toBe(0);
  });
});
