import { describe, expect, it } from "vitest";
import { BedrockInputError } from "../../../src/errors/index.js";
import { convertContent, convertToolResultContent, EMPTY_TOOL_RESULT } from "../../../src/chat/request/convert-content.js";

const PNG = "iVBORw0KGgoAAAANSUhEUg==";
const JPEG = "/9j/4AAQSkZJRg==";
const PDF = "JVBERi0xLjQK";
const bytes = new Uint8Array([1, 2, 3]);

type Row = [string, unknown, unknown];

function table(rows: Row[]) {
  it.each(rows)("%s", (_name, input, expected) => {
    expect(convertContent([input], "c")).toEqual(expected);
  });
}

describe("convertContent: text", () => {
  it.each<[string, unknown, unknown]>([
    ["plain string", "Hello", [{ text: "Hello" }]],
    ["blank string dropped", "  \n", []],
    ["undefined", undefined, []],
  ])("%s", (_n, input, expected) => expect(convertContent(input)).toEqual(expected));

  table([
    ["string item", "hi", [{ text: "hi" }]],
    ["text block", { type: "text", text: "hi" }, [{ text: "hi" }]],
    ["text block with stream index", { type: "text", text: "hi", index: 0 }, [{ text: "hi" }]],
    ["blank text block dropped", { type: "text", text: " " }, []],
    ["native text", { text: "hi" }, [{ text: "hi" }]],
    ["native blank text dropped", { text: "" }, []],
    [
      "text with Bedrock citations → citationsContent",
      { type: "text", text: "20 days", citations: [{ title: "p", sourceContent: [{ text: "20 days" }], location: { documentChar: { documentIndex: 0, start: 0, end: 5 } } }] },
      [{ citationsContent: { content: [{ text: "20 days" }], citations: [{ title: "p", sourceContent: [{ text: "20 days" }], location: { documentChar: { documentIndex: 0, start: 0, end: 5 } } }] } }],
    ],
    ["text with empty citations stays text", { type: "text", text: "x", citations: [] }, [{ text: "x" }]],
  ]);
});

describe("convertContent: images", () => {
  const png = [{ image: { format: "png", source: { bytes: PNG } } }];
  table([
    ["data URL via image_url string", { type: "image_url", image_url: `data:image/png;base64,${PNG}` }, png],
    ["data URL via image_url object", { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}`, detail: "high" } }, png],
    ["image/jpg alias", { type: "image_url", image_url: `data:image/jpg;base64,${JPEG}` }, [{ image: { format: "jpeg", source: { bytes: JPEG } } }]],
    ["Anthropic base64 source", { type: "image", source: { type: "base64", media_type: "image/png", data: PNG } }, png],
    ["LangChain v0.3 base64", { type: "image", source_type: "base64", mime_type: "image/png", data: PNG }, png],
    ["LangChain v0.3 data URL", { type: "image", source_type: "url", url: `data:image/png;base64,${PNG}` }, png],
    ["LangChain v1 data + mimeType", { type: "image", data: PNG, mimeType: "image/png" }, png],
    ["LangChain v1 bytes", { type: "image", data: bytes, mimeType: "image/webp" }, [{ image: { format: "webp", source: { bytes } } }]],
    ["LangChain v1 url (data URL)", { type: "image", url: `data:image/png;base64,${PNG}` }, png],
    ["langchain-aws base64 key", { type: "image", base64: PNG, mime_type: "image/png" }, png],
    ["format sniffed when no MIME type", { type: "image", data: JPEG }, [{ image: { format: "jpeg", source: { bytes: JPEG } } }]],
    ["format sniffed from bytes", { type: "image", data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0]) }, [{ image: { format: "png", source: { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0]) } } }]],
    [
      "S3 URL, format from the key",
      { type: "image", url: "s3://bucket/photos/cat.JPG" },
      [{ image: { format: "jpeg", source: { s3Location: { uri: "s3://bucket/photos/cat.JPG" } } } }],
    ],
    [
      "S3 fileId with bucket owner",
      { type: "image", fileId: "s3://bucket/cat.png", bucketOwner: "111122223333" },
      [{ image: { format: "png", source: { s3Location: { uri: "s3://bucket/cat.png", bucketOwner: "111122223333" } } } }],
    ],
    ["native image passthrough (typed)", { type: "image", image: { format: "gif", source: { bytes: "R0lGOD" } } }, [{ image: { format: "gif", source: { bytes: "R0lGOD" } } }]],
    ["native image passthrough", { image: { format: "png", source: { bytes } } }, [{ image: { format: "png", source: { bytes } } }]],
  ]);
});

describe("convertContent: documents, video, audio", () => {
  table([
    [
      "PDF by MIME type, name sanitised",
      { type: "file", source_type: "base64", mime_type: "application/pdf", data: PDF, metadata: { filename: "Q3 report_final.v2.pdf" } },
      [{ document: { format: "pdf", name: "Q3 report_final-v2", source: { bytes: PDF } } }],
    ],
    [
      "v1 file with name",
      { type: "file", data: PDF, mimeType: "application/pdf", name: "invoice" },
      [{ document: { format: "pdf", name: "invoice", source: { bytes: PDF } } }],
    ],
    [
      "docx by MIME type, no name",
      { type: "file", data: PDF, mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
      [{ document: { format: "docx", name: "document", source: { bytes: PDF } } }],
    ],
    [
      "explicit format",
      { type: "document", format: "csv", data: "YSxiCjEsMgo=", name: "data.csv" },
      [{ document: { format: "csv", name: "data", source: { bytes: "YSxiCjEsMgo=" } } }],
    ],
    [
      "Anthropic base64 document with title, context, citations",
      { type: "document", source: { type: "base64", media_type: "application/pdf", data: PDF }, title: "Policy", context: "HR", citations: { enabled: true } },
      [{ document: { format: "pdf", name: "Policy", source: { bytes: PDF }, context: "HR", citations: { enabled: true } } }],
    ],
    [
      "Anthropic plain-text document",
      { type: "document", source: { type: "text", media_type: "text/plain", data: "Employees get 20 days." }, title: "company_policy" },
      [{ document: { format: "txt", name: "company_policy", source: { text: "Employees get 20 days." } } }],
    ],
    [
      "LangChain v0.3 text file",
      { type: "file", source_type: "text", text: "notes", metadata: { title: "Notes" } },
      [{ document: { format: "txt", name: "Notes", source: { text: "notes" } } }],
    ],
    [
      "LangChain v1 text-plain",
      { type: "text-plain", text: "# Title", mimeType: "text/markdown", title: "readme.md", context: "docs" },
      [{ document: { format: "md", name: "readme", source: { text: "# Title" }, context: "docs" } }],
    ],
    [
      "non-base64 data URL document → text",
      { type: "file", url: "data:text/csv,a%2Cb%0A1%2C2", name: "t" },
      [{ document: { format: "csv", name: "t", source: { text: "a,b\n1,2" } } }],
    ],
    [
      "S3 document",
      { type: "file", url: "s3://docs/2024/report.xlsx" },
      [{ document: { format: "xlsx", name: "report", source: { s3Location: { uri: "s3://docs/2024/report.xlsx" } } } }],
    ],
    ["native document passthrough", { type: "document", document: { format: "txt", name: "x", source: { text: "y" } } }, [{ document: { format: "txt", name: "x", source: { text: "y" } } }]],
    ["mp4 video", { type: "video", data: "AAAA", mimeType: "video/mp4" }, [{ video: { format: "mp4", source: { bytes: "AAAA" } } }]],
    ["quicktime video", { type: "video", source_type: "base64", mime_type: "video/quicktime", data: "AAAA" }, [{ video: { format: "mov", source: { bytes: "AAAA" } } }]],
    ["3gp video by extension", { type: "video", url: "s3://b/clip.3gp" }, [{ video: { format: "three_gp", source: { s3Location: { uri: "s3://b/clip.3gp" } } } }]],
    ["video_url data URL", { type: "video_url", video_url: { url: "data:video/webm;base64,AAAA" } }, [{ video: { format: "webm", source: { bytes: "AAAA" } } }]],
    [
      "langchain-aws s3Location video",
      { type: "video", source: { type: "s3Location", mediaType: "video/x-matroska", data: { uri: "s3://b/v", bucketOwner: "1" } } },
      [{ video: { format: "mkv", source: { s3Location: { uri: "s3://b/v", bucketOwner: "1" } } } }],
    ],
    ["mp3 audio", { type: "audio", data: "AAAA", mimeType: "audio/mpeg" }, [{ audio: { format: "mp3", source: { bytes: "AAAA" } } }]],
    ["OpenAI input_audio", { type: "input_audio", input_audio: { data: "AAAA", format: "wav" } }, [{ audio: { format: "wav", source: { bytes: "AAAA" } } }]],
  ]);
});

describe("convertContent: guard content, cache points, reasoning, tools", () => {
  table([
    ["guard_content", { type: "guard_content", text: "check me" }, [{ guardContent: { text: { text: "check me" } } }]],
    ["guard_content with qualifiers", { type: "guard_content", text: "q", qualifiers: ["query"] }, [{ guardContent: { text: { text: "q", qualifiers: ["query"] } } }]],
    ["langchain-aws guard_content", { type: "guard_content", guard_content: { type: "text", text: "g" } }, [{ guardContent: { text: { text: "g" } } }]],
    ["native guardContent", { guardContent: { text: { text: "g" } } }, [{ guardContent: { text: { text: "g" } } }]],
    ["cachePoint", { cachePoint: { type: "default" } }, [{ cachePoint: { type: "default" } }]],
    ["cachePoint with ttl", { cachePoint: { type: "default", ttl: "5m" } }, [{ cachePoint: { type: "default", ttl: "5m" } }]],
    ["cache_point", { type: "cache_point", ttl: "1h" }, [{ cachePoint: { type: "default", ttl: "1h" } }]],
    [
      "Anthropic cache_control adds a cache point after the block",
      { type: "text", text: "long prompt", cache_control: { type: "ephemeral" } },
      [{ text: "long prompt" }, { cachePoint: { type: "default" } }],
    ],
    [
      "signed reasoning (@langchain/aws)",
      { type: "reasoning_content", reasoningText: { text: "think", signature: "sig" } },
      [{ reasoningContent: { reasoningText: { text: "think", signature: "sig" } } }],
    ],
    ["unsigned reasoning dropped", { type: "reasoning_content", reasoningText: { text: "think" } }, []],
    ["redacted reasoning (base64)", { type: "reasoning_content", redactedContent: "ZXhh" }, [{ reasoningContent: { redactedContent: "ZXhh" } }]],
    [
      "langchain-aws reasoning_content",
      { type: "reasoning_content", reasoning_content: { type: "text", text: "t", signature: "s" } },
      [{ reasoningContent: { reasoningText: { text: "t", signature: "s" } } }],
    ],
    ["langchain-aws unsigned", { type: "reasoning_content", reasoning_content: { text: "t" } }, []],
    ["v1 reasoning with signature", { type: "reasoning", reasoning: "r", signature: "s" }, [{ reasoningContent: { reasoningText: { text: "r", signature: "s" } } }]],
    ["v1 reasoning, signature in extras", { type: "reasoning", reasoning: "r", extras: { signature: "s" } }, [{ reasoningContent: { reasoningText: { text: "r", signature: "s" } } }]],
    ["v1 reasoning without signature dropped", { type: "reasoning", reasoning: "r" }, []],
    ["Anthropic thinking", { type: "thinking", thinking: "t", signature: "s" }, [{ reasoningContent: { reasoningText: { text: "t", signature: "s" } } }]],
    ["Anthropic redacted_thinking", { type: "redacted_thinking", data: "abc=" }, [{ reasoningContent: { redactedContent: "abc=" } }]],
    ["native reasoningContent", { reasoningContent: { reasoningText: { text: "t", signature: "s" } } }, [{ reasoningContent: { reasoningText: { text: "t", signature: "s" } } }]],
    ["native unsigned reasoningContent dropped", { reasoningContent: { reasoningText: { text: "t" } } }, []],
    ["tool_use", { type: "tool_use", id: "t1", name: "f", input: { a: 1 } }, [{ toolUse: { toolUseId: "t1", name: "f", input: { a: 1 } } }]],
    ["tool_use with streamed JSON text", { type: "tool_use", id: "t1", name: "f", input: '{"a":1}' }, [{ toolUse: { toolUseId: "t1", name: "f", input: { a: 1 } } }]],
    ["tool_use with unfinished JSON keeps the text", { type: "tool_use", id: "t1", name: "f", input: '{"a":' }, [{ toolUse: { toolUseId: "t1", name: "f", input: '{"a":' } }]],
    ["tool_use with empty input", { type: "tool_use", id: "t1", name: "f", input: "" }, [{ toolUse: { toolUseId: "t1", name: "f", input: {} } }]],
    ["v1 tool_call", { type: "tool_call", id: "t1", name: "f", args: { a: 1 } }, [{ toolUse: { toolUseId: "t1", name: "f", input: { a: 1 } } }]],
    ["tool_call_chunk dropped", { type: "tool_call_chunk", id: "t1", args: "{" }, []],
    ["input_json_delta dropped", { type: "input_json_delta", input: "{" }, []],
    ["native toolUse", { toolUse: { toolUseId: "t", name: "f", input: {} } }, [{ toolUse: { toolUseId: "t", name: "f", input: {} } }]],
    [
      "Anthropic tool_result",
      { type: "tool_result", tool_use_id: "t1", content: "It's sunny.", is_error: false },
      [{ toolResult: { toolUseId: "t1", content: [{ text: "It's sunny." }], status: "success" } }],
    ],
    [
      "Anthropic tool_result with error",
      { type: "tool_result", tool_use_id: "t1", content: [{ type: "text", text: "boom" }], is_error: true },
      [{ toolResult: { toolUseId: "t1", content: [{ text: "boom" }], status: "error" } }],
    ],
  ]);

  it("joins reasoning pieces concatenated without an index", () => {
    const pieces = [
      { type: "reasoning_content", reasoningText: { text: "Let me " } },
      { type: "reasoning_content", reasoningText: { text: "think." } },
      { type: "reasoning_content", reasoningText: { signature: "SIG" } },
      { type: "text", text: "Answer" },
    ];
    expect(convertContent(pieces)).toEqual([
      { reasoningContent: { reasoningText: { text: "Let me think.", signature: "SIG" } } },
      { text: "Answer" },
    ]);
  });
});

describe("convertContent: refusals name the block", () => {
  it.each<[string, unknown, RegExp]>([
    ["unknown type", { type: "hologram" }, /c\[1\]: unsupported content block type "hologram"/],
    ["http image URL", { type: "image_url", image_url: "https://example.com/cat.png" }, /c\[1\]: Bedrock cannot fetch image URLs/],
    ["http document", { type: "file", url: "http://example.com/a.pdf" }, /cannot fetch document URLs/],
    ["ftp URL", { type: "image", url: "ftp://x/y.png" }, /unsupported image URL/],
    ["bad base64", { type: "image", data: "not base64!", mimeType: "image/png" }, /not valid base64/],
    ["data URL with a bad payload", { type: "image_url", image_url: "data:image/png;base64,@@@" }, /not valid base64/],
    ["unsupported image MIME", { type: "image", data: PNG, mimeType: "image/tiff" }, /MIME type "image\/tiff" is not a image format Bedrock accepts \(gif, jpeg, png, webp\)/],
    ["unsupported document format", { type: "file", data: PDF, format: "pptx" }, /format "pptx"/],
    ["image with unknown format", { type: "image", data: "AAAA" }, /cannot tell the image's format/],
    ["image without data", { type: "image", mimeType: "image/png" }, /carries no data/],
    ["provider file id", { type: "file", source_type: "id", id: "file-abc" }, /file id "file-abc" cannot be sent/],
    ["native block with two keys", { text: "a", image: {} }, /exactly one Converse key/],
    ["object without type or key", { foo: 1 }, /exactly one Converse key/],
    ["number", 42, /c\[1\] must be a content block object, got number/],
    ["tool_use without id", { type: "tool_use", name: "f", input: {} }, /needs a string id/],
    ["blank guard content", { type: "guard_content", text: " " }, /non-blank text/],
    ["bad cache ttl", { cachePoint: { type: "default", ttl: "1d" } }, /ttl must be "5m" or "1h"/],
  ])("%s", (_n, block, message) => {
    const run = () => convertContent([{ type: "text", text: "ok" }, block], "c");
    expect(run).toThrow(BedrockInputError);
    expect(run).toThrow(message);
  });

  it("refuses content that is neither string nor array", () => {
    expect(() => convertContent({ text: "x" }, "messages[0].content")).toThrow(/messages\[0\]\.content must be a string or an array/);
  });
});

describe("convertToolResultContent", () => {
  it.each<[string, unknown, unknown]>([
    ["text", "It's sunny.", { content: [{ text: "It's sunny." }], after: [] }],
    // Both references send a string as text, as given (langchain-aws `_lc_content_to_bedrock`, @langchain/aws message_inputs.js).
    ["JSON object string stays text", '{"temp": 21}', { content: [{ text: '{"temp": 21}' }], after: [] }],
    ["json block → json", [{ type: "json", json: { temp: 21 } }], { content: [{ json: { temp: 21 } }], after: [] }],
    ["JSON array string stays text", "[1,2]", { content: [{ text: "[1,2]" }], after: [] }],
    ["broken JSON stays text", "{nope", { content: [{ text: "{nope" }], after: [] }],
    ["object → json", { temp: 21 }, { content: [{ json: { temp: 21 } }], after: [] }],
    ["empty string → placeholder", "", { content: [{ text: EMPTY_TOOL_RESULT }], after: [] }],
    ["empty list → placeholder", [], { content: [{ text: EMPTY_TOOL_RESULT }], after: [] }],
    [
      "blocks: text, json, image; cache point moved after",
      [{ type: "text", text: "a" }, { type: "json", json: { b: 1 } }, { type: "image", data: PNG, mimeType: "image/png" }, { cachePoint: { type: "default" } }],
      {
        content: [{ text: "a" }, { json: { b: 1 } }, { image: { format: "png", source: { bytes: PNG } } }],
        after: [{ cachePoint: { type: "default" } }],
      },
    ],
    [
      "document",
      [{ type: "file", data: PDF, mimeType: "application/pdf", name: "r.pdf" }],
      { content: [{ document: { format: "pdf", name: "r", source: { bytes: PDF } } }], after: [] },
    ],
  ])("%s", (_n, input, expected) => {
    expect(convertToolResultContent(input, "t")).toEqual(expected);
  });

  it("refuses blocks a tool result cannot hold", () => {
    expect(() => convertToolResultContent([{ type: "guard_content", text: "g" }], "messages[2].content")).toThrow(
      /messages\[2\]\.content: a tool result cannot hold a "guardContent" block/,
    );
  });
});
