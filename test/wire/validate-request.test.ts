import { describe, expect, it } from "vitest";
import { BedrockInputError } from "../../src/errors/index.js";
import type { ContentBlock, ConverseRequest, CountTokensRequest } from "../../src/wire/index.js";
import { validateConverseRequest, validateCountTokensRequest } from "../../src/wire/validate/validate-request.js";
import { recordedJson, REQUEST_FIXTURES } from "./recorded.js";

const BYTES = new Uint8Array([1, 2, 3]);
const user = (...content: unknown[]) => ({ role: "user", content });
const req = (extra: Record<string, unknown>) => ({ modelId: "m", ...extra }) as unknown as ConverseRequest;
const withBlock = (block: unknown) => req({ messages: [user(block)] });

/** One of every content-block kind, in its fullest valid form. */
const EVERY_KIND: ContentBlock[] = [
  { text: "hello" },
  { image: { format: "png", source: { bytes: BYTES } } },
  { image: { format: "webp", source: { bytes: "iVBORw0KGgo=" } } },
  { image: { format: "jpeg", source: { s3Location: { uri: "s3://bucket/key.jpg", bucketOwner: "123456789012" } } } },
  { document: { format: "pdf", name: "Report", source: { bytes: BYTES }, context: "q3", citations: { enabled: true } } },
  { document: { name: "Notes", source: { text: "plain text" } } },
  { document: { name: "Parts", source: { content: [{ text: "a" }, { text: "b" }] } } },
  { video: { format: "three_gp", source: { s3Location: { uri: "s3://b/v.3gp" } } } },
  { audio: { format: "x-aac", source: { bytes: BYTES } } },
  { toolUse: { toolUseId: "t1", name: "get_weather", input: { city: "Paris" }, type: "server_tool_use" } },
  { toolUse: { toolUseId: "t2", name: "no_args", input: {} } },
  {
    toolResult: {
      toolUseId: "t1",
      status: "error",
      content: [
        { text: "oops" },
        { json: { temperature: 20 } },
        { image: { format: "gif", source: { bytes: BYTES } } },
        { document: { name: "d", source: { text: "x" } } },
        { video: { format: "mp4", source: { bytes: BYTES } } },
        { searchResult: { source: "https://x", title: "X", content: [{ text: "t" }] } },
      ],
    },
  },
  { guardContent: { text: { text: "check me", qualifiers: ["grounding_source", "query", "guard_content"] } } },
  { guardContent: { image: { format: "jpeg", source: { bytes: BYTES } } } },
  { cachePoint: { type: "default" } },
  { cachePoint: { type: "default", ttl: "5m" } },
  { cachePoint: { type: "default", ttl: "1h" } },
  { reasoningContent: { reasoningText: { text: "thinking", signature: "sig" } } },
  { reasoningContent: { redactedContent: BYTES } },
  { citationsContent: { content: [{ text: "cited" }], citations: [{ title: "t", location: { documentChar: { documentIndex: 0, start: 0, end: 3 } } }] } },
  { searchResult: { source: "https://example.com", title: "Example", content: [{ text: "snippet" }], citations: { enabled: false } } },
  { toolAddition: { tool: { name: "t", type: "mcp", serverName: "s" } } },
  { toolRemoval: { tool: { name: "t" } } },
  { text: "no other kind set", image: undefined } as unknown as ContentBlock,
  { $unknown: ["futureKind", { x: 1 }] },
];

describe("validateConverseRequest accepts", () => {
  it.each(EVERY_KIND.map((block) => [Object.keys(block).find((k) => (block as any)[k] !== undefined), block]))(
    "a %s block",
    (_kind, block) => {
      expect(() => validateConverseRequest(withBlock(block))).not.toThrow();
    },
  );

  it("every top-level field at once", () => {
    const request: ConverseRequest = {
      modelId: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0",
      messages: [{ role: "user", content: EVERY_KIND }],
      system: [{ text: "sys" }, { cachePoint: { type: "default", ttl: "1h" } }, { guardContent: { text: { text: "g" } } }],
      inferenceConfig: { maxTokens: 1, temperature: 0, topP: 1, stopSequences: ["\n\nHuman:"] },
      toolConfig: {
        tools: [
          { toolSpec: { name: "f", description: "d", inputSchema: { json: { type: "object" } }, strict: true } },
          { systemTool: { name: "nova_grounding" } },
          { cachePoint: { type: "default" } },
        ],
        toolChoice: { tool: { name: "f" } },
      },
      guardrailConfig: { guardrailIdentifier: "abc", guardrailVersion: "DRAFT", trace: "enabled_full" },
      additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 2048 } },
      additionalModelResponseFieldPaths: ["/stop_sequence"],
      promptVariables: { topic: { text: "cats" } },
      requestMetadata: { project: "x" },
      performanceConfig: { latency: "optimized" },
      serviceTier: { type: "flex" },
      outputConfig: { textFormat: { type: "json_schema", structure: { jsonSchema: { schema: "{}", name: "n", description: "d" } } } },
    };
    expect(() => validateConverseRequest(request)).not.toThrow();
  });

  it.each([[{ auto: {} }], [{ any: {} }], [{ tool: { name: "x" } }]])("tool choice %j", (toolChoice) => {
    const toolConfig = { tools: [{ toolSpec: { name: "x", inputSchema: { json: {} } } }], toolChoice };
    expect(() => validateConverseRequest(req({ toolConfig }))).not.toThrow();
  });

  it("a ConverseStream guardrail with streamProcessingMode", () => {
    const request = req({ messages: [user({ text: "x" })], guardrailConfig: { guardrailIdentifier: "g", streamProcessingMode: "async" } });
    expect(() => validateConverseRequest(request)).not.toThrow();
  });

  // Rules that depend on the model or the content are Bedrock's (and the emulator's) to report.
  // (An empty list, an assistant turn first and two user turns in a row used to pass here too;
  // Converse refuses them for every model, so they are refused now: see the rejections below.)
  it.each([
    ["no messages (a Prompt management ARN supplies them)", { promptVariables: { a: { text: "b" } } }],
    ["an empty text block", { messages: [user({ text: "" })] }],
    ["user, assistant, user", { messages: [user({ text: "a" }), { role: "assistant", content: [{ text: "b" }] }, user({ text: "c" })] }],
  ])("%s", (_label, extra) => {
    expect(() => validateConverseRequest(req(extra))).not.toThrow();
  });

  it.each([
    ["an empty message list", { messages: [] }],
    ["an assistant message first", { messages: [{ role: "assistant", content: [{ text: "a" }] }] }],
  ])("%s with a Prompt management ARN (its own messages come first)", (_label, extra) => {
    const modelId = "arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT12345:1";
    expect(() => validateConverseRequest({ ...req(extra), modelId })).not.toThrow();
  });

  it.each([
    ["an empty schema", {}],
    ["a boolean subschema", { type: "object", properties: { any: true }, additionalProperties: false }],
    ["a list of types", { type: ["string", "null"] }],
    ["tuple items (draft 7)", { type: "array", items: [{ type: "string" }, { type: "number" }] }],
    ["$ref and $defs", { $defs: { city: { type: "string" } }, type: "object", properties: { city: { $ref: "#/$defs/city" } } }],
    ["anyOf, enum, const and formats", { anyOf: [{ type: "string", format: "date" }, { enum: [1, 2] }, { const: null }] }],
    ["a property named like keywords", { type: "object", properties: { type: { type: "string" }, properties: { type: "object" } }, required: ["type"] }],
  ])("a tool schema with %s", (_label, json) => {
    const toolConfig = { tools: [{ toolSpec: { name: "f", inputSchema: { json } } }] };
    expect(() => validateConverseRequest(req({ messages: [user({ text: "x" })], toolConfig }))).not.toThrow();
  });

  it.each(REQUEST_FIXTURES)("the recorded request %s", (name) => {
    const recorded = recordedJson<{ uri: string; body_json: Record<string, unknown> }>(`${name}.request.json`);
    const modelId = decodeURIComponent(new URL(recorded.uri).pathname.split("/")[2]!);
    expect(() => validateConverseRequest({ modelId, ...recorded.body_json } as ConverseRequest)).not.toThrow();
  });
});

const rejects: Array<[string, unknown, string | RegExp]> = [
  // model and request
  ["no modelId", { messages: [] }, "modelId is required"],
  ["an empty modelId", { modelId: "  " }, "modelId is required"],
  ["a numeric modelId", { modelId: 42 }, "modelId: must be a string, got a number"],
  // messages
  ["messages not an array", req({ messages: {} }), "messages: must be an array, got an object"],
  ["a message that is not an object", req({ messages: ["hi"] }), "messages[0]: must be an object, got a string"],
  ["a bad role", req({ messages: [{ role: "human", content: [] }] }), 'messages[0].role: "human" is not one of "assistant", "system", "user"'],
  ["a missing role", req({ messages: [{ content: [] }] }), "messages[0].role: is required"],
  ["missing content", req({ messages: [{ role: "user" }] }), "messages[0].content: is required"],
  ["content as a string", req({ messages: [{ role: "user", content: "hi" }] }), "messages[0].content: must be an array, got a string"],
  // content block kinds
  [
    "an unknown block kind",
    req({ messages: [user({ text: "a" }), { role: "assistant", content: [{ text: "b" }] }, user({ foo: 1 })] }),
    /^messages\[2\]\.content\[0\]: unknown content block kind "foo" \(expected one of text, image, document/,
  ],
  ["an empty block", withBlock({}), /messages\[0\]\.content\[0\]: content block is empty; set exactly one of text, image/],
  ["a block with two kinds", withBlock({ text: "a", image: { format: "png", source: { bytes: BYTES } } }), 'content block sets "text" and "image"; set exactly one'],
  ["a null block", withBlock(null), "messages[0].content[0]: must be an object, got null"],
  ["a bad $unknown", withBlock({ $unknown: "x" }), "messages[0].content[0].$unknown: must be a [name, value] pair"],
  ["text that is not a string", withBlock({ text: 5 }), "messages[0].content[0].text: must be a string, got a number"],
  ["text: null", withBlock({ text: null }), "messages[0].content[0].text: must be a string, got null"],
  // media
  ["a bad image format", withBlock({ image: { format: "bmp", source: { bytes: BYTES } } }), 'messages[0].content[0].image.format: "bmp" is not one of "gif", "jpeg", "png", "webp"'],
  ["an image without format", withBlock({ image: { source: { bytes: BYTES } } }), "messages[0].content[0].image.format: is required"],
  ["an image without source", withBlock({ image: { format: "png" } }), "messages[0].content[0].image.source: is required"],
  ["an image source with both bytes and S3", withBlock({ image: { format: "png", source: { bytes: BYTES, s3Location: { uri: "s3://b/k" } } } }), 'source sets "bytes" and "s3Location"'],
  ["image bytes as a number array", withBlock({ image: { format: "png", source: { bytes: [1, 2] } } }), "image.source.bytes: must be a Uint8Array or a base64 string, got an array"],
  ["image bytes as bad base64", withBlock({ image: { format: "png", source: { bytes: "not base64!" } } }), /image\.source\.bytes: is not valid base64 \(unexpected character "!" at index 10\)/],
  ["a data: URL as bytes", withBlock({ image: { format: "png", source: { bytes: "data:image/png;base64,iVBO" } } }), /after "base64,"/],
  ["an S3 location without uri", withBlock({ image: { format: "png", source: { s3Location: {} } } }), "image.source.s3Location.uri: is required"],
  ["a document without name", withBlock({ document: { format: "pdf", source: { bytes: BYTES } } }), "messages[0].content[0].document.name: is required"],
  ["a bad document format", withBlock({ document: { format: "rtf", name: "d", source: { bytes: BYTES } } }), 'document.format: "rtf" is not one of'],
  ["a document source of unknown kind", withBlock({ document: { name: "d", source: { url: "https://x" } } }), 'document.source: unknown source kind "url" (expected one of bytes, s3Location, text, content)'],
  ["document citations without enabled", withBlock({ document: { name: "d", source: { text: "t" }, citations: {} } }), "document.citations.enabled: is required"],
  ["a bad video format", withBlock({ video: { format: "avi", source: { bytes: BYTES } } }), 'video.format: "avi" is not one of'],
  ["a bad audio format", withBlock({ audio: { format: "midi", source: { bytes: BYTES } } }), 'audio.format: "midi" is not one of'],
  // guard content
  ["a guardContent image in webp", withBlock({ guardContent: { image: { format: "webp", source: { bytes: BYTES } } } }), 'guardContent.image.format: "webp" is not one of "jpeg", "png"'],
  ["a guardContent image from S3", withBlock({ guardContent: { image: { format: "png", source: { s3Location: { uri: "s3://b/k" } } } } }), 'guardContent.image.source: unknown source kind "s3Location" (expected one of bytes)'],
  ["a bad guard qualifier", withBlock({ guardContent: { text: { text: "t", qualifiers: ["context"] } } }), 'guardContent.text.qualifiers[0]: "context" is not one of'],
  // cache points
  ["a bad cachePoint ttl", withBlock({ cachePoint: { type: "default", ttl: "10m" } }), 'messages[0].content[0].cachePoint.ttl: "10m" is not one of "5m", "1h"'],
  ["a cachePoint ttl in seconds", withBlock({ cachePoint: { type: "default", ttl: 300 } }), "cachePoint.ttl: must be a string, got a number"],
  ["a cachePoint without type", withBlock({ cachePoint: {} }), "messages[0].content[0].cachePoint.type: is required"],
  ["a bad cachePoint type", withBlock({ cachePoint: { type: "ephemeral" } }), 'cachePoint.type: "ephemeral" is not one of "default"'],
  // tools in messages
  ["a toolUse without input", withBlock({ toolUse: { toolUseId: "t", name: "f" } }), "messages[0].content[0].toolUse.input: is required"],
  ["a toolUse without name", withBlock({ toolUse: { toolUseId: "t", input: {} } }), "toolUse.name: is required"],
  ["a toolUseId with a space", withBlock({ toolUse: { toolUseId: "call 1", name: "f", input: {} } }), 'messages[0].content[0].toolUse.toolUseId: must be 1 to 64 letters, digits, "_", ".", ":" or "-" (Bedrock\'s pattern [a-zA-Z0-9_.:-]+)'],
  ["an empty toolUseId", withBlock({ toolUse: { toolUseId: "", name: "f", input: {} } }), "toolUse.toolUseId: must be 1 to 64 letters"],
  ["a toolUseId over 64 characters", withBlock({ toolUse: { toolUseId: "t".repeat(65), name: "f", input: {} } }), "toolUse.toolUseId: must be 1 to 64 letters"],
  ["a toolUse name with a dot", withBlock({ toolUse: { toolUseId: "t", name: "get.weather", input: {} } }), 'toolUse.name: must be 1 to 64 letters, digits, "_" or "-" (Bedrock\'s pattern [a-zA-Z0-9_-]{1,64})'],
  ["a toolResult toolUseId with a pipe", withBlock({ toolResult: { toolUseId: "t|1", content: [] } }), "toolResult.toolUseId: must be 1 to 64 letters"],
  ["a toolResult with a bad status", withBlock({ toolResult: { toolUseId: "t", content: [], status: "failed" } }), 'toolResult.status: "failed" is not one of "error", "success"'],
  ["a toolResult without content", withBlock({ toolResult: { toolUseId: "t" } }), "toolResult.content: is required"],
  ["a toolResult block of unknown kind", withBlock({ toolResult: { toolUseId: "t", content: [{ audio: {} }] } }), 'toolResult.content[0]: unknown tool result content block kind "audio"'],
  ["a bad image nested in a toolResult", withBlock({ toolResult: { toolUseId: "t", content: [{ image: { format: "tiff", source: { bytes: BYTES } } }] } }), 'messages[0].content[0].toolResult.content[0].image.format: "tiff" is not one of'],
  // reasoning, search results, tool addition
  ["reasoning with both kinds", withBlock({ reasoningContent: { reasoningText: { text: "a" }, redactedContent: BYTES } }), 'reasoningContent sets "reasoningText" and "redactedContent"'],
  ["reasoning text without text", withBlock({ reasoningContent: { reasoningText: { signature: "s" } } }), "reasoningContent.reasoningText.text: is required"],
  ["a non-string signature", withBlock({ reasoningContent: { reasoningText: { text: "t", signature: 1 } } }), "reasoningText.signature: must be a string"],
  ["redacted content of the wrong type", withBlock({ reasoningContent: { redactedContent: 7 } }), "reasoningContent.redactedContent: must be a Uint8Array or a base64 string, got a number"],
  ["a searchResult without title", withBlock({ searchResult: { source: "s", content: [] } }), "searchResult.title: is required"],
  ["a toolAddition without tool", withBlock({ toolAddition: {} }), "messages[0].content[0].toolAddition.tool: is required"],
  // system
  ["system not an array", req({ system: "be nice" }), "system: must be an array, got a string"],
  ["a system block of a message-only kind", req({ system: [{ image: {} }] }), 'system[0]: unknown system content block kind "image" (expected one of text, guardContent, cachePoint)'],
  ["a bad system cache point", req({ system: [{ cachePoint: { type: "default", ttl: "2h" } }] }), 'system[0].cachePoint.ttl: "2h" is not one of'],
  // inference config
  ["a non-finite temperature", req({ inferenceConfig: { temperature: Number.NaN } }), "inferenceConfig.temperature: must be a finite number, got NaN"],
  ["an infinite topP", req({ inferenceConfig: { topP: Infinity } }), "inferenceConfig.topP: must be a finite number, got Infinity"],
  ["a temperature above 1", req({ inferenceConfig: { temperature: 1.5 } }), "inferenceConfig.temperature: must be between 0 and 1, got 1.5"],
  ["a negative topP", req({ inferenceConfig: { topP: -0.1 } }), "inferenceConfig.topP: must be between 0 and 1, got -0.1"],
  ["a temperature as a string", req({ inferenceConfig: { temperature: "0.5" } }), "inferenceConfig.temperature: must be a finite number, got a string"],
  ["maxTokens of 0", req({ inferenceConfig: { maxTokens: 0 } }), "inferenceConfig.maxTokens: must be between 1 and ∞, got 0"],
  ["fractional maxTokens", req({ inferenceConfig: { maxTokens: 10.5 } }), "inferenceConfig.maxTokens: must be an integer, got 10.5"],
  ["an empty stop sequence", req({ inferenceConfig: { stopSequences: [""] } }), "inferenceConfig.stopSequences[0]: must not be empty"],
  ["stop sequences as a string", req({ inferenceConfig: { stopSequences: "END" } }), "inferenceConfig.stopSequences: must be an array"],
  // tool config
  ["a toolConfig without tools", req({ toolConfig: {} }), "toolConfig.tools: is required"],
  ["a tool of unknown kind", req({ toolConfig: { tools: [{ function: {} }] } }), 'toolConfig.tools[0]: unknown tool kind "function" (expected one of toolSpec, systemTool, cachePoint)'],
  ["a tool name with a space", req({ toolConfig: { tools: [{ toolSpec: { name: "get weather", inputSchema: { json: { type: "object" } } } }] } }), 'toolConfig.tools[0].toolSpec.name: must be 1 to 64 letters, digits, "_" or "-"'],
  ["a tool name over 64 characters", req({ toolConfig: { tools: [{ toolSpec: { name: "f".repeat(65), inputSchema: { json: { type: "object" } } } }] } }), "toolConfig.tools[0].toolSpec.name: must be 1 to 64 letters"],
  ["a toolSpec without inputSchema", req({ toolConfig: { tools: [{ toolSpec: { name: "f" } }] } }), "toolConfig.tools[0].toolSpec.inputSchema: is required"],
  ["an inputSchema given bare", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { type: "object" } } }] } }), 'toolConfig.tools[0].toolSpec.inputSchema: unknown input schema kind "type" (expected one of json)'],
  // conversation turns (Converse's own words: "A conversation must start with a user message",
  // "… must alternate between user and assistant roles", "The content field in the Message object … is empty")
  ["an empty message list", req({ messages: [] }), "messages: is empty; a conversation must start with a user message"],
  ["an assistant message first", req({ messages: [{ role: "assistant", content: [{ text: "a" }] }] }), 'messages[0].role: is "assistant"; a conversation must start with a user message'],
  ["consecutive user messages", req({ messages: [user({ text: "a" }), user({ text: "b" })] }), 'messages[1].role: is "user" again; a conversation must alternate'],
  ["consecutive assistant messages", req({ messages: [user({ text: "a" }), { role: "assistant", content: [{ text: "b" }] }, { role: "assistant", content: [{ text: "c" }] }] }), "messages[2].role: "],
  ["a message with empty content", req({ messages: [user({ text: "a" }), { role: "assistant", content: [] }] }), "messages[1].content: is empty; a message needs at least one content block"],
  // tool schemas that are not JSON Schema
  ["a tool schema with no JSON Schema keyword", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: { foo: "bar" } } } }] } }), 'toolConfig.tools[0].toolSpec.inputSchema.json: is not a JSON Schema: it has none of its keywords (type, properties, items, anyOf, $ref, …), only "foo"'],
  ["a misspelt type", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: { type: "object", properties: { city: { type: "strnig" } } } } } }] } }), 'toolConfig.tools[0].toolSpec.inputSchema.json.properties.city.type: "strnig" is not a JSON Schema type (one of "string", "number", "integer", "boolean", "object", "array", "null")'],
  ["a type list with a bad member", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: { type: ["string", "text"] } } } }] } }), 'inputSchema.json.type[1]: "text" is not a JSON Schema type'],
  ["an empty type list", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: { type: [] } } } }] } }), "inputSchema.json.type: must not be an empty list"],
  ["a numeric type", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: { type: 1 } } } }] } }), "inputSchema.json.type: must be a JSON Schema type name"],
  ["properties as a list", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: { type: "object", properties: ["city"] } } } }] } }), "inputSchema.json.properties: must be an object mapping names to schemas"],
  ["a property schema that is a string", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: { type: "object", properties: { city: "string" } } } } }] } }), "inputSchema.json.properties.city: must be a JSON Schema object, got a string"],
  ["required as a string", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: { type: "object", required: "city" } } } }] } }), "inputSchema.json.required: must be a list of property names"],
  ["required with a number", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: { type: "object", required: [1] } } } }] } }), "inputSchema.json.required: must be a list of property names"],
  ["items that is not a schema", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: { type: "array", items: "string" } } } }] } }), "inputSchema.json.items: must be a JSON Schema object, got a string"],
  ["a nested bad type under anyOf and items", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: { anyOf: [{ type: "array", items: { type: "float" } }] } } } }] } }), 'inputSchema.json.anyOf[0].items.type: "float" is not a JSON Schema type'],
  ["a schema that is a zod-like object", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: { _def: { typeName: "ZodObject" }, shape: {} } } } }] } }), "inputSchema.json: is not a JSON Schema"],
  ["a JSON schema as a string", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: "{}" } } }] } }), "inputSchema.json: must be an object, got a string"],
  ["strict as a string", req({ toolConfig: { tools: [{ toolSpec: { name: "f", inputSchema: { json: {} }, strict: "yes" } }] } }), "toolSpec.strict: must be a boolean, got a string"],
  ["a toolChoice with two kinds", req({ toolConfig: { tools: [], toolChoice: { auto: {}, any: {} } } }), 'toolConfig.toolChoice: tool choice sets "auto" and "any"; set exactly one'],
  ["a toolChoice by name string", req({ toolConfig: { tools: [], toolChoice: "auto" } }), "toolConfig.toolChoice: must be an object, got a string"],
  ["a specific toolChoice without name", req({ toolConfig: { tools: [], toolChoice: { tool: {} } } }), "toolConfig.toolChoice.tool.name: is required"],
  // the rest
  ["a numeric guardrail version", req({ guardrailConfig: { guardrailIdentifier: "g", guardrailVersion: 1 } }), "guardrailConfig.guardrailVersion: must be a string, got a number"],
  ["response field paths as a string", req({ additionalModelResponseFieldPaths: "/x" }), "additionalModelResponseFieldPaths: must be an array"],
  ["a prompt variable as a bare string", req({ promptVariables: { topic: "cats" } }), "promptVariables.topic: must be an object, got a string"],
  ["request metadata with a number", req({ requestMetadata: { n: 1 } }), "requestMetadata.n: must be a string, got a number"],
  ["a service tier as a string", req({ serviceTier: "flex" }), "serviceTier: must be an object, got a string"],
  ["an output schema given as an object", req({ outputConfig: { textFormat: { type: "json_schema", structure: { jsonSchema: { schema: { type: "object" } } } } } }), "outputConfig.textFormat.structure.jsonSchema.schema: must be the JSON Schema as a string (JSON.stringify it)"],
  ["an output format without structure", req({ outputConfig: { textFormat: { type: "json_schema" } } }), "outputConfig.textFormat.structure: is required"],
];

describe("validateConverseRequest rejects, naming the field", () => {
  it.each(rejects)("%s", (_label, request, message) => {
    let error: unknown;
    try {
      validateConverseRequest(request as ConverseRequest);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BedrockInputError);
    expect((error as Error).message).toMatch(typeof message === "string" ? new RegExp(escape(message)) : message);
    expect((error as BedrockInputError).retryable).toBe(false);
  });

  it.each([[null], ["m"], [undefined]])("a request that is not an object (%j)", (request) => {
    expect(() => validateConverseRequest(request as unknown as ConverseRequest)).toThrow(BedrockInputError);
  });
});

describe("validateCountTokensRequest", () => {
  it.each<[string, CountTokensRequest]>([
    ["a converse input", { modelId: "m", input: { converse: { messages: [{ role: "user", content: [{ text: "hi" }] }], system: [{ text: "s" }] } } }],
    ["an invokeModel body as bytes", { modelId: "m", input: { invokeModel: { body: BYTES } } }],
    ["an invokeModel body as base64", { modelId: "m", input: { invokeModel: { body: "e30=" } } }],
  ])("accepts %s", (_label, request) => {
    expect(() => validateCountTokensRequest(request)).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ["no modelId", { input: { converse: {} } }, "modelId is required"],
    ["no input", { modelId: "m" }, "input: is required"],
    ["both inputs", { modelId: "m", input: { converse: {}, invokeModel: { body: BYTES } } }, 'input: CountTokens input sets "converse" and "invokeModel"'],
    ["an invokeModel body as an object", { modelId: "m", input: { invokeModel: { body: { prompt: "x" } } } }, "input.invokeModel.body: must be a Uint8Array or a base64 string, got an object"],
    ["a bad block in the converse input", { modelId: "m", input: { converse: { messages: [{ role: "user", content: [{ foo: 1 }] }] } } }, 'input.converse.messages[0].content[0]: unknown content block kind "foo"'],
  ])("rejects %s", (_label, request, message) => {
    expect(() => validateCountTokensRequest(request as CountTokensRequest)).toThrow(BedrockInputError);
    expect(() => validateCountTokensRequest(request as CountTokensRequest)).toThrow(message);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
