// The langchain-aws constructor fields (system, rawBlocks, disableStreaming, headers, outputConfig): converters and checks.
import { describe, expect, it } from "vitest";
import { ChatBedrockConverse, type ChatBedrockConverseInput } from "../../../src/chat/model/chat-model.js";
import {
  checkDisableStreaming,
  checkHeaders,
  rawConversation,
  streamingDisabled,
  toRawBlocks,
  toSystemBlocks,
} from "../../../src/chat/model/model-fields.js";
import { BedrockInputError } from "../../../src/errors/index.js";
import { API_KEY, MODEL } from "./model-helpers.js";

describe("toSystemBlocks (langchain-aws `system`: strings become { text }, system blocks kept)", () => {
  it.each<[string, unknown, unknown]>([
    ["unset", undefined, undefined],
    ["a string", "Be brief.", [{ text: "Be brief." }]],
    [
      "strings and Bedrock system blocks",
      ["Be brief.", { guardContent: { text: { text: "Policy" } } }, { cachePoint: { type: "default" } }],
      [{ text: "Be brief." }, { guardContent: { text: { text: "Policy" } } }, { cachePoint: { type: "default" } }],
    ],
    ["a LangChain text block", [{ type: "text", text: "Rules" }], [{ text: "Rules" }]],
    ["blank text is dropped, as in a SystemMessage", ["  ", "x"], [{ text: "x" }]],
  ])("%s", (_name, input, expected) => {
    expect(toSystemBlocks(input)).toEqual(expected);
  });

  it.each<[string, unknown, RegExp]>([
    ["a number", 3, /^system must be a string or an array of strings and system blocks, got 3/],
    ["an image block", [{ type: "image", data: "iVBORw0KGgo=", mimeType: "image/png" }], /^system: a system message may hold text, guard content and cache points only, not "image"/],
  ])("refuses %s", (_name, input, message) => {
    expect(() => toSystemBlocks(input)).toThrow(BedrockInputError);
    expect(() => toSystemBlocks(input)).toThrow(message);
  });
});

describe("toRawBlocks (langchain-aws `raw_blocks`: Bedrock messages, as given)", () => {
  const raw = [{ role: "user", content: [{ guardContent: { text: { text: "Check me" } } }, { text: "and me" }] }];

  it("keeps the messages as given, as a copy", () => {
    const out = toRawBlocks(raw);
    expect(out).toEqual(raw);
    expect(out).not.toBe(raw);
    expect(toRawBlocks(undefined)).toBeUndefined();
  });

  it.each<[string, unknown, RegExp]>([
    ["not an array", { role: "user" }, /^rawBlocks must be a non-empty array of Bedrock messages/],
    ["empty", [], /^rawBlocks must be a non-empty array/],
    ["a string message", ["hi"], /^rawBlocks\[0\] must be a message object/],
    ["a system role", [{ role: "system", content: [{ text: "x" }] }], /^rawBlocks\[0\]\.role must be "user" or "assistant"/],
    ["no content", [{ role: "user", content: [] }], /^rawBlocks\[0\]\.content must be a non-empty array/],
    ["a string block", [{ role: "user", content: ["hi"] }], /^rawBlocks\[0\]\.content\[0\] must be a content block object/],
    ["a value JSON cannot carry", [{ role: "user", content: [{ text: "x", n: 1n }] }], /^rawBlocks\[0\]\.content\[0\]\.n: is a BigInt/],
  ])("refuses %s", (_name, input, message) => {
    expect(() => toRawBlocks(input)).toThrow(BedrockInputError);
    expect(() => toRawBlocks(input)).toThrow(message);
  });
});

describe("rawConversation", () => {
  const toolTurns = [
    { role: "user" as const, content: [{ text: "Weather?" }] },
    { role: "assistant" as const, content: [{ toolUse: { toolUseId: "t1", name: "get_weather", input: { city: "Paris" } } }] },
    { role: "user" as const, content: [{ toolResult: { toolUseId: "t1", content: [{ text: "Sunny" }] } }] },
  ];

  it("sends the raw blocks with an empty system", () => {
    const warnings: string[] = [];
    expect(rawConversation(toolTurns, true, (m) => warnings.push(m))).toEqual({ system: [], messages: toolTurns });
    expect(warnings).toEqual([]);
  });

  it("turns tool blocks into text when no tools are bound (langchain-aws `_convert_tool_blocks_to_text`), with a warning", () => {
    const warnings: string[] = [];
    const { messages } = rawConversation(toolTurns, false, (m) => warnings.push(m));
    expect(messages[1]).toEqual({ role: "assistant", content: [{ text: '[Called get_weather with parameters: {"city":"Paris"}]' }] });
    expect(JSON.stringify(messages)).not.toMatch(/toolUse|toolResult/);
    expect(warnings).toHaveLength(1);
  });
});

describe("disableStreaming (langchain-core `_should_stream`)", () => {
  it.each<[unknown, readonly unknown[] | undefined, boolean]>([
    [undefined, undefined, false],
    [false, [{ name: "t" }], false],
    [true, undefined, true],
    [true, [], true],
    ["tool_calling", undefined, false],
    ["tool_calling", [], false],
    ["tool_calling", [{ name: "t" }], true],
  ])("%s with tools %j → %s", (option, tools, expected) => {
    expect(streamingDisabled(checkDisableStreaming(option), tools)).toBe(expected);
  });

  it.each([["yes"], [1], [null]])("refuses %j", (value) => {
    expect(() => checkDisableStreaming(value)).toThrow(/^disableStreaming must be true, false or "tool_calling"/);
  });
});

describe("checkHeaders", () => {
  it("keeps string headers", () => {
    expect(checkHeaders({ "x-app": "demo", "x-api-token": "Bearer t" })).toEqual({ "x-app": "demo", "x-api-token": "Bearer t" });
    expect(checkHeaders(undefined)).toBeUndefined();
  });

  it.each<[string, unknown, RegExp]>([
    ["a string", "Bearer secret-token", /^headers must be an object of header names to string values$/],
    ["a bad name", { "x app": "v" }, /^headers: "x app" is not a valid header name/],
    // The client's own rules and wording (src/client/request-headers.ts): one check for both layers.
    ["a number value", { "x-n": 1 }, /^headers: the value of "x-n" must be a string/],
    ["a line break", { "x-a": "v\r\nx-evil: 1" }, /^headers: the value of "x-a" must be visible ASCII/],
    ["a header the client owns", { "cf-aig-authorization": "Bearer secret-token" }, /^headers: "cf-aig-authorization" is set by the client and cannot be overridden \(use `gateway.token`\)/],
  ])("refuses %s, never echoing the value", (_name, input, message) => {
    const error = (() => {
      try {
        checkHeaders(input);
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BedrockInputError);
    expect(error!.message).toMatch(message);
    expect(error!.message).not.toMatch(/secret-token|evil/);
  });
});

describe("constructor: the new fields are checked before any network call", () => {
  const base: ChatBedrockConverseInput = { model: MODEL, region: "us-east-1", apiKey: API_KEY };

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["system", { system: 5 }, /^system must be a string or an array/],
    ["rawBlocks", { rawBlocks: [{ role: "tool", content: [{ text: "x" }] }] }, /^rawBlocks\[0\]\.role/],
    ["disableStreaming", { disableStreaming: "sometimes" }, /^disableStreaming must be/],
    ["headers", { headers: { "bad name": "x" } }, /^headers: "bad name" is not a valid header name/],
    ["outputConfig", { outputConfig: "json" }, /^outputConfig must be \{ textFormat/],
    ["outputConfig.textFormat", { outputConfig: { textFormat: "json" } }, /^outputConfig\.textFormat must be an object/],
  ])("%s", (_name, fields, message) => {
    let calls = 0;
    const fetch = async () => (calls++, new Response("{}"));
    expect(() => new ChatBedrockConverse({ ...base, fetch, ...fields } as ChatBedrockConverseInput)).toThrow(message);
    expect(calls).toBe(0);
  });

  it("headers with a given client are refused (they configure a new client)", async () => {
    const { BedrockRuntime } = await import("../../../src/client/bedrock-runtime.js");
    const client = new BedrockRuntime({ region: "us-east-1", apiKey: API_KEY });
    expect(() => new ChatBedrockConverse({ model: MODEL, client, headers: { "x-a": "b" } })).toThrow(/^headers configures a new client/);
  });

  it("toJSON shows header names, never their values", () => {
    const model = new ChatBedrockConverse({ ...base, headers: { "x-api-token": "Bearer gateway-token" } });
    expect(JSON.stringify(model)).toContain("x-api-token");
    expect(JSON.stringify(model)).not.toContain("gateway-token");
  });
});
