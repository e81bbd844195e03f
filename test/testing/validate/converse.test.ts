import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { converseRequestProblem, countTokensRequestProblem } from "../../../src/testing/index.js";
import { MUST_ALTERNATE, MUST_START_WITH_USER, TOOL_CONFIG_REQUIRED, MALFORMED_INPUT } from "../../../src/testing/validate/converse.js";

const user = (...content: unknown[]) => ({ role: "user", content });
const assistant = (...content: unknown[]) => ({ role: "assistant", content });
const text = (t: string) => ({ text: t });
const toolUse = (id: string, name = "get_weather") => ({ toolUse: { toolUseId: id, name, input: { city: "Paris" } } });
const toolResult = (id: string) => ({ toolResult: { toolUseId: id, content: [{ json: { temp: 21 } }] } });
const tools = { tools: [{ toolSpec: { name: "get_weather", inputSchema: { json: { type: "object" } } } }] };
const PNG = "iVBORw0KGgo=";

type Case = [name: string, body: unknown, expected: string | RegExp | undefined];

const cases: Case[] = [
  // Valid requests.
  ["a single user text", { messages: [user(text("hi"))] }, undefined],
  ["a full tool round trip", { messages: [user(text("weather?")), assistant(text("Let me check."), toolUse("t1")), user(toolResult("t1"))], toolConfig: tools }, undefined],
  ["an assistant prefill as last message", { messages: [user(text("hi")), assistant(text("Bonjour"))] }, undefined],
  ["every inference setting at its bound", { messages: [user(text("hi"))], inferenceConfig: { maxTokens: 1, temperature: 1, topP: 0, stopSequences: ["\n"] } }, undefined],
  ["a system prompt with a cache point", { system: [text("Be brief."), { cachePoint: { type: "default", ttl: "1h" } }], messages: [user(text("hi"))] }, undefined],
  ["an image, a document and a cache point", { messages: [user({ image: { format: "png", source: { bytes: PNG } } }, { document: { name: "doc", format: "txt", source: { text: "hello" } } }, { cachePoint: { type: "default" } }, text("describe"))] }, undefined],
  ["reasoning with a signature in an assistant turn", { messages: [user(text("q")), assistant({ reasoningContent: { reasoningText: { text: "hmm", signature: "sig" } } }, text("a")), user(text("more"))] }, undefined],
  ["toolChoice naming a defined tool", { messages: [user(text("hi"))], toolConfig: { ...tools, toolChoice: { tool: { name: "get_weather" } } } }, undefined],
  ["structured output with a JSON schema", { messages: [user(text("hi"))], outputConfig: { textFormat: { type: "json_schema", structure: { jsonSchema: { schema: '{"type":"object"}' } } } } }, undefined],

  // Body and conversation shape.
  ["a body that is not an object", [1, 2], MALFORMED_INPUT],
  ["missing messages", {}, MUST_START_WITH_USER],
  ["empty messages", { messages: [] }, MUST_START_WITH_USER],
  ["messages that is not a list", { messages: "hi" }, "1 validation error detected: Value 'hi' at 'messages' failed to satisfy constraint: Member must be of type list"],
  ["first message from the assistant", { messages: [assistant(text("hi"))] }, MUST_START_WITH_USER],
  ["two user messages in a row", { messages: [user(text("a")), user(text("b"))] }, MUST_ALTERNATE],
  ["two assistant messages in a row", { messages: [user(text("a")), assistant(text("b")), assistant(text("c"))] }, MUST_ALTERNATE],
  ["a missing role", { messages: [{ content: [text("a")] }] }, "1 validation error detected: Value null at 'messages.1.member.role' failed to satisfy constraint: Member must not be null"],
  ["the system role", { messages: [{ role: "system", content: [text("a")] }] }, "1 validation error detected: Value 'system' at 'messages.1.member.role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant]"],
  ["a missing content list", { messages: [{ role: "user" }] }, "1 validation error detected: Value null at 'messages.1.member.content' failed to satisfy constraint: Member must not be null"],
  ["an empty content list", { messages: [user()] }, "The content field in the Message object at messages.0 is empty. Add a ContentBlock object to the content field and try again."],
  ["an empty content list later on", { messages: [user(text("a")), assistant()] }, /Message object at messages\.1 is empty/],

  // Content blocks.
  ["an unknown block kind", { messages: [user({ sticker: {} })] }, "The ContentBlock object at messages.0.content.0 has an unknown member 'sticker'. Set exactly one of: text, image, document, video, audio, toolUse, toolResult, guardContent, cachePoint, reasoningContent, citationsContent, searchResult, toolAddition, toolRemoval."],
  ["a block with no kind", { messages: [user({})] }, /^The ContentBlock object at messages\.0\.content\.0 is empty\./],
  ["a block with two kinds", { messages: [user({ text: "a", image: { format: "png", source: { bytes: PNG } } })] }, /^The ContentBlock object at messages\.0\.content\.0 sets more than one member \(text, image\)/],
  ["a blank text block", { messages: [user(text("  "))] }, "The text field in the ContentBlock object at messages.0.content.0 is blank. Add text to the text field, and try again."],
  ["a text block that is not a string", { messages: [user({ text: 5 })] }, /Value '5' at 'messages\.1\.member\.content\.1\.member\.text' failed to satisfy constraint: Member must be of type string/],
  ["an unsupported image format", { messages: [user({ image: { format: "bmp", source: { bytes: PNG } } })] }, "1 validation error detected: Value 'bmp' at 'messages.1.member.content.1.member.image.format' failed to satisfy constraint: Member must satisfy enum value set: [png, jpeg, gif, webp]"],
  ["image bytes that are not base64", { messages: [user({ image: { format: "png", source: { bytes: "not base64!" } } })] }, /messages\.0\.content\.0\.image\.source\.bytes must be a non-empty base64 string/],
  ["an image with two sources", { messages: [user({ image: { format: "png", source: { bytes: PNG, s3Location: { uri: "s3://b/k" } } } })] }, /source object at messages\.0\.content\.0\.image\.source sets more than one member/],
  ["a document without a name", { messages: [user({ document: { format: "pdf", source: { bytes: PNG } } })] }, /Value null at 'messages\.1\.member\.content\.1\.member\.document\.name'/],
  ["a cache point of an unknown type", { messages: [user(text("a"), { cachePoint: { type: "ephemeral" } })] }, /Value 'ephemeral' at 'messages\.1\.member\.content\.2\.member\.cachePoint\.type'/],
  ["a cache point with a bad ttl", { messages: [user(text("a"), { cachePoint: { type: "default", ttl: "2h" } })] }, /enum value set: \[5m, 1h\]/],
  ["reasoning in a user message", { messages: [user({ reasoningContent: { reasoningText: { text: "x" } } })] }, "A reasoningContent block can only appear in an assistant message (messages.0)."],
  ["reasoning with both text and redacted content", { messages: [user(text("q")), assistant({ reasoningContent: { reasoningText: { text: "x" }, redactedContent: "AAAA" } })] }, /ReasoningContentBlock object .* sets more than one member/],

  // Tools.
  ["a toolUse without toolConfig", { messages: [user(text("q")), assistant(toolUse("t1"))] }, TOOL_CONFIG_REQUIRED],
  ["a toolResult without toolConfig", { messages: [user(text("q")), assistant(text("a")), user(toolResult("t1"))] }, TOOL_CONFIG_REQUIRED],
  ["a toolResult with no toolUse before it", { messages: [user(toolResult("t1"))], toolConfig: tools }, "The number of toolResult blocks at messages.0.content exceeds the number of toolUse blocks of previous turn."],
  ["a toolResult whose id matches no toolUse", { messages: [user(text("q")), assistant(toolUse("t1")), user(toolResult("t2"))], toolConfig: tools }, "The toolResult block with toolUseId 't2' at messages.2.content has no matching toolUse block in messages.1."],
  ["a toolUse left unanswered", { messages: [user(text("q")), assistant(toolUse("t1"), toolUse("t2")), user(toolResult("t1"))], toolConfig: tools }, "Expected toolResult blocks at messages.2.content for the following Ids: t2"],
  ["a toolUse in a user message", { messages: [user(toolUse("t1"))], toolConfig: tools }, "A toolUse block can only appear in an assistant message (messages.0)."],
  ["a toolUse without input", { messages: [user(text("q")), assistant({ toolUse: { toolUseId: "t1", name: "x" } })], toolConfig: tools }, /Value null at 'messages\.2\.member\.content\.1\.member\.toolUse\.input'/],
  // toolUseId and tool-use names: the patterns as Bedrock's answers state them (tontinton/maki #38, a real
  // ValidationException); 1–64 characters per the API reference (API_runtime_ToolUseBlock / ToolResultBlock).
  ["a toolUseId with . and :", { messages: [user(text("q")), assistant(toolUse("functions.get_weather:0")), user(toolResult("functions.get_weather:0"))], toolConfig: tools }, undefined],
  ["an empty toolUseId", { messages: [user(text("q")), assistant(toolUse(""))], toolConfig: tools }, "1 validation error detected: Value '' at 'messages.2.member.content.1.member.toolUse.toolUseId' failed to satisfy constraint: Member must have length greater than or equal to 1"],
  ["a toolUseId with a space", { messages: [user(text("q")), assistant(toolUse("call 1"))], toolConfig: tools }, "1 validation error detected: Value 'call 1' at 'messages.2.member.content.1.member.toolUse.toolUseId' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.:-]+"],
  ["a toolUseId over 64 characters", { messages: [user(text("q")), assistant(toolUse("a".repeat(65)))], toolConfig: tools }, /toolUse\.toolUseId' failed to satisfy constraint: Member must have length less than or equal to 64$/],
  ["a toolResult toolUseId with a pipe", { messages: [user(text("q")), assistant(toolUse("t1")), user({ toolResult: { toolUseId: "t|1", content: [{ text: "x" }] } })], toolConfig: tools }, /toolResult\.toolUseId' failed to satisfy constraint: Member must satisfy regular expression pattern: \[a-zA-Z0-9_\.:-\]\+$/],
  ["a toolUse name with a dot", { messages: [user(text("q")), assistant(toolUse("t1", "get.weather"))], toolConfig: tools }, "1 validation error detected: Value 'get.weather' at 'messages.2.member.content.1.member.toolUse.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+"],
  ["a duplicated toolUseId", { messages: [user(text("q")), assistant(toolUse("t1"), toolUse("t1"))], toolConfig: tools }, "The toolUseId 't1' appears more than once in messages.1.content."],
  ["a toolResult with a bad status", { messages: [user(text("q")), assistant(toolUse("t1")), user({ toolResult: { toolUseId: "t1", content: [], status: "ok" } })], toolConfig: tools }, /enum value set: \[success, error\]/],
  ["an empty tools list", { messages: [user(text("q"))], toolConfig: { tools: [] } }, "1 validation error detected: Value '[]' at 'toolConfig.tools' failed to satisfy constraint: Member must have length greater than or equal to 1"],
  ["a tool name with a space", { messages: [user(text("q"))], toolConfig: { tools: [{ toolSpec: { name: "get weather", inputSchema: { json: {} } } }] } }, /Value 'get weather' at 'toolConfig\.tools\.1\.member\.toolSpec\.name' failed to satisfy constraint: Member must satisfy regular expression pattern/],
  ["a tool without inputSchema", { messages: [user(text("q"))], toolConfig: { tools: [{ toolSpec: { name: "x" } }] } }, /Value null at 'toolConfig\.tools\.1\.member\.toolSpec\.inputSchema'/],
  ["two tools with one name", { messages: [user(text("q"))], toolConfig: { tools: [tools.tools[0], tools.tools[0]] } }, "The toolConfig contains more than one tool named 'get_weather'. Tool names must be unique."],
  ["toolChoice naming an undefined tool", { messages: [user(text("q"))], toolConfig: { ...tools, toolChoice: { tool: { name: "nope" } } } }, "The tool 'nope' named in toolConfig.toolChoice is not defined in toolConfig.tools."],
  ["toolChoice with two modes", { messages: [user(text("q"))], toolConfig: { ...tools, toolChoice: { auto: {}, any: {} } } }, /ToolChoice object at toolConfig\.toolChoice sets more than one member/],

  // Inference settings.
  ["temperature above 1", { messages: [user(text("q"))], inferenceConfig: { temperature: 1.5 } }, "1 validation error detected: Value '1.5' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1"],
  ["negative temperature", { messages: [user(text("q"))], inferenceConfig: { temperature: -0.1 } }, /Value '-0\.1' at 'inferenceConfig\.temperature' .* greater than or equal to 0/],
  ["topP above 1", { messages: [user(text("q"))], inferenceConfig: { topP: 2 } }, /at 'inferenceConfig\.topP' .* less than or equal to 1/],
  ["maxTokens of 0", { messages: [user(text("q"))], inferenceConfig: { maxTokens: 0 } }, "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1"],
  ["a fractional maxTokens", { messages: [user(text("q"))], inferenceConfig: { maxTokens: 1.5 } }, /Member must be of type integer/],
  ["a string temperature", { messages: [user(text("q"))], inferenceConfig: { temperature: "0.5" } }, /Member must be of type number/],
  ["an empty stop sequence", { messages: [user(text("q"))], inferenceConfig: { stopSequences: [""] } }, /at 'inferenceConfig\.stopSequences\.1\.member'/],

  // Other members.
  ["a blank system text", { system: [text("")], messages: [user(text("q"))] }, "The text field in the SystemContentBlock object at system.0 is blank. Add text to the text field, and try again."],
  ["an image in the system prompt", { system: [{ image: {} }], messages: [user(text("q"))] }, /SystemContentBlock object at system\.0 has an unknown member 'image'/],
  ["requestMetadata with a number", { messages: [user(text("q"))], requestMetadata: { a: 1 } }, /at 'requestMetadata' failed to satisfy constraint: Member must be a map of string to string/],
  ["an unknown latency mode", { messages: [user(text("q"))], performanceConfig: { latency: "fast" } }, /enum value set: \[standard, optimized\]/],
  ["an unknown service tier", { messages: [user(text("q"))], serviceTier: { type: "gold" } }, /enum value set: \[priority, default, flex, reserved\]/],
  ["a response field path that is not a JSON pointer", { messages: [user(text("q"))], additionalModelResponseFieldPaths: ["stop"] }, /JSON Pointer/],
  ["a JSON schema that is not JSON", { messages: [user(text("q"))], outputConfig: { textFormat: { type: "json_schema", structure: { jsonSchema: { schema: "{" } } } } }, /must be a string holding a JSON Schema object/],
];

describe("converseRequestProblem", () => {
  it.each(cases)("%s", (_name, body, expected) => {
    const result = converseRequestProblem(body);
    if (expected === undefined) expect(result).toBeUndefined();
    else if (typeof expected === "string") expect(result).toBe(expected);
    else expect(result).toMatch(expected);
  });
});

describe("countTokensRequestProblem", () => {
  const countCases: Case[] = [
    ["a converse input", { input: { converse: { messages: [user(text("hi"))] } } }, undefined],
    ["an invokeModel input", { input: { invokeModel: { body: "eyJwcm9tcHQiOiJoaSJ9" } } }, undefined],
    ["no input", {}, /Value null at 'input'/],
    ["both inputs", { input: { converse: {}, invokeModel: { body: "e30=" } } }, /sets more than one member/],
    ["a converse input breaking the rules", { input: { converse: { messages: [assistant(text("hi"))] } } }, MUST_START_WITH_USER],
    ["an invokeModel input without body", { input: { invokeModel: {} } }, /input\.invokeModel\.body/],
  ];
  it.each(countCases)("%s", (_name, body, expected) => {
    const result = countTokensRequestProblem(body);
    if (expected === undefined) expect(result).toBeUndefined();
    else if (typeof expected === "string") expect(result).toBe(expected);
    else expect(result).toMatch(expected);
  });
});

describe("the docs/testing.md converseRequestProblem snippet", () => {
  it("gives what its comments say", () => {
    const docs = readFileSync(new URL("../../../docs/testing.md", import.meta.url), "utf8");
    const code = /```ts\nimport \{ converseRequestProblem \}[^\n]*\n([\s\S]*?)```/.exec(docs)![1]!;
    const calls = [...code.matchAll(/^converseRequestProblem\((.*)\); \/\/ (.*)$/gm)];
    expect(calls).toHaveLength(2);
    for (const [, argument, comment] of calls) {
      const body = new Function(`return (${argument});`)() as unknown;
      const result = converseRequestProblem(body);
      if (comment === "undefined") expect(result).toBeUndefined();
      else expect(result).toMatch(new RegExp(`^${JSON.parse(comment!.replace(" …", "")).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    }
  });
});
