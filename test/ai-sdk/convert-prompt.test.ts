// convertPrompt: AI SDK prompts → Converse system and messages, one table row per rule.
import type { LanguageModelV3Prompt } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { convertPrompt } from "../../src/ai-sdk/convert-prompt.js";
import { BedrockInputError } from "../../src/errors/index.js";

const user = (text: string) => ({ role: "user" as const, content: [{ type: "text" as const, text }] });
const bytes = new Uint8Array([1, 2, 3]);

const cases: Array<{ name: string; prompt: LanguageModelV3Prompt; expected: unknown; options?: { dropToolContent?: boolean } }> = [
  {
    name: "system messages become system blocks, with cache points",
    prompt: [{ role: "system", content: "Be brief.", providerOptions: { bedrock: { cachePoint: { type: "default", ttl: "1h" } } } }, user("Hi")],
    expected: { system: [{ text: "Be brief." }, { cachePoint: { type: "default", ttl: "1h" } }], messages: [{ role: "user", content: [{ text: "Hi" }] }] },
  },
  {
    name: "user and tool messages share one user turn; consecutive user messages merge",
    prompt: [
      user("a"),
      user("b"),
      { role: "assistant", content: [{ type: "tool-call", toolCallId: "t1", toolName: "f", input: { x: 1 } }] },
      { role: "tool", content: [{ type: "tool-result", toolCallId: "t1", toolName: "f", output: { type: "json", value: { ok: true } } }] },
      user("c"),
    ],
    expected: {
      system: [],
      messages: [
        { role: "user", content: [{ text: "a" }, { text: "b" }] },
        { role: "assistant", content: [{ toolUse: { toolUseId: "t1", name: "f", input: { x: 1 } } }] },
        { role: "user", content: [{ toolResult: { toolUseId: "t1", content: [{ text: '{"ok":true}' }] } }, { text: "c" }] },
      ],
    },
  },
  {
    name: "signed reasoning replays with its signature, redacted as redactedContent, unsigned is left out",
    prompt: [
      user("q"),
      {
        role: "assistant",
        content: [
          { type: "reasoning", text: "thought one ", providerOptions: { bedrock: { signature: "sig==" } } },
          { type: "reasoning", text: "", providerOptions: { bedrock: { redactedData: "AAEC" } } },
          { type: "reasoning", text: "unsigned" },
          { type: "text", text: "answer" },
        ],
      },
      user("next"),
    ],
    expected: {
      system: [],
      messages: [
        { role: "user", content: [{ text: "q" }] },
        {
          role: "assistant",
          content: [
            { reasoningContent: { reasoningText: { text: "thought one ", signature: "sig==" } } },
            { reasoningContent: { redactedContent: "AAEC" } },
            { text: "answer" },
          ],
        },
        { role: "user", content: [{ text: "next" }] },
      ],
    },
  },
  {
    name: "a final assistant turn (prefill) loses trailing whitespace; blank text is dropped",
    prompt: [user("q"), { role: "assistant", content: [{ type: "text", text: "  " }, { type: "text", text: "Sure, " }] }],
    expected: { system: [], messages: [{ role: "user", content: [{ text: "q" }] }, { role: "assistant", content: [{ text: "Sure," }] }] },
  },
  {
    name: "images, documents (named from the file) and s3 URLs",
    prompt: [
      {
        role: "user",
        content: [
          { type: "file", data: bytes, mediaType: "image/png" },
          { type: "file", data: "aGVsbG8=", mediaType: "application/pdf", filename: "Q3 report.final.pdf" },
          { type: "file", data: bytes, mediaType: "text/plain" },
          { type: "file", data: new URL("s3://bucket/clip.mp4"), mediaType: "video/mp4" },
        ],
      },
    ],
    expected: {
      system: [],
      messages: [
        {
          role: "user",
          content: [
            { image: { format: "png", source: { bytes } } },
            { document: { format: "pdf", name: "Q3 report-final", source: { bytes: "aGVsbG8=" } } },
            { document: { format: "txt", name: "document-1", source: { bytes } } },
            { video: { format: "mp4", source: { s3Location: { uri: "s3://bucket/clip.mp4" } } } },
          ],
        },
      ],
    },
  },
  {
    name: "tool results: text, error text, denial, content with an image",
    prompt: [
      user("q"),
      {
        role: "assistant",
        content: [
          { type: "tool-call", toolCallId: "a", toolName: "f", input: "not json" },
          { type: "tool-call", toolCallId: "b", toolName: "f", input: "{\"k\":2}" },
        ],
      },
      {
        role: "tool",
        content: [
          { type: "tool-result", toolCallId: "a", toolName: "f", output: { type: "error-text", value: "boom" } },
          { type: "tool-result", toolCallId: "b", toolName: "f", output: { type: "execution-denied" } },
          {
            type: "tool-result",
            toolCallId: "b",
            toolName: "f",
            output: { type: "content", value: [{ type: "text", text: "see" }, { type: "image-data", data: "AAEC", mediaType: "image/jpeg" }] },
          },
        ],
      },
    ],
    expected: {
      system: [],
      messages: [
        { role: "user", content: [{ text: "q" }] },
        {
          role: "assistant",
          content: [
            { toolUse: { toolUseId: "a", name: "f", input: { rawInvalidInput: "not json" } } },
            { toolUse: { toolUseId: "b", name: "f", input: { k: 2 } } },
          ],
        },
        {
          role: "user",
          content: [
            { toolResult: { toolUseId: "a", content: [{ text: "boom" }] } },
            { toolResult: { toolUseId: "b", content: [{ text: "Tool call execution denied." }] } },
            { toolResult: { toolUseId: "b", content: [{ text: "see" }, { image: { format: "jpeg", source: { bytes: "AAEC" } } }] } },
          ],
        },
      ],
    },
  },
  {
    name: "dropToolContent removes calls and results, and the turns they leave empty",
    options: { dropToolContent: true },
    prompt: [
      user("q"),
      { role: "assistant", content: [{ type: "text", text: "calling" }, { type: "tool-call", toolCallId: "a", toolName: "f", input: {} }] },
      { role: "tool", content: [{ type: "tool-result", toolCallId: "a", toolName: "f", output: { type: "text", value: "r" } }] },
      { role: "assistant", content: [{ type: "text", text: "done" }] },
      user("more"),
    ],
    expected: {
      system: [],
      messages: [
        { role: "user", content: [{ text: "q" }] },
        { role: "assistant", content: [{ text: "calling" }, { text: "done" }] },
        { role: "user", content: [{ text: "more" }] },
      ],
    },
  },
  {
    name: "cache points after parts and after messages",
    prompt: [
      {
        role: "user",
        content: [{ type: "text", text: "long", providerOptions: { bedrock: { cachePoint: { type: "default" } } } }, { type: "text", text: "q" }],
        providerOptions: { bedrock: { cachePoint: { type: "default" } } },
      },
    ],
    expected: {
      system: [],
      messages: [{ role: "user", content: [{ text: "long" }, { cachePoint: { type: "default" } }, { text: "q" }, { cachePoint: { type: "default" } }] }],
    },
  },
  {
    name: "tool results carry files as images, documents and videos; s3 URLs as they are",
    prompt: [
      user("q"),
      { role: "assistant", content: [{ type: "tool-call", toolCallId: "t", toolName: "f", input: {} }] },
      {
        role: "tool",
        content: [
          {
            type: "tool-result",
            toolCallId: "t",
            toolName: "f",
            output: {
              type: "content",
              value: [
                { type: "file-data", data: "AAEC", mediaType: "application/pdf", filename: "r.pdf" },
                { type: "file-data", data: "AAEC", mediaType: "video/mp4" },
                { type: "image-url", url: "s3://bucket/cat.PNG" },
                { type: "file-url", url: "s3://bucket/doc", mediaType: "text/plain; charset=utf-8" },
              ],
            },
          },
        ],
      },
    ],
    expected: {
      system: [],
      messages: [
        { role: "user", content: [{ text: "q" }] },
        { role: "assistant", content: [{ toolUse: { toolUseId: "t", name: "f", input: {} } }] },
        {
          role: "user",
          content: [
            {
              toolResult: {
                toolUseId: "t",
                content: [
                  { document: { format: "pdf", name: "r", source: { bytes: "AAEC" } } },
                  { video: { format: "mp4", source: { bytes: "AAEC" } } },
                  { image: { format: "png", source: { s3Location: { uri: "s3://bucket/cat.PNG" } } } },
                  { document: { format: "txt", name: "document-1", source: { s3Location: { uri: "s3://bucket/doc" } } } },
                ],
              },
            },
          ],
        },
      ],
    },
  },
];

describe("convertPrompt", () => {
  it.each(cases)("$name", ({ prompt, expected, options }) => {
    expect(convertPrompt(prompt, options)).toEqual(expected);
  });

  const bad: Array<[string, LanguageModelV3Prompt, RegExp]> = [
    ["a system message after the conversation", [user("a"), { role: "system", content: "late" }], /^prompt\[1\]: system messages must come before/],
    ["an unsupported media type", [{ role: "user", content: [{ type: "file", data: bytes, mediaType: "application/zip" }] }], /^prompt\[0\]\.content\[0\]\.mediaType is not a type/],
    ["an http URL (the AI SDK downloads those first)", [{ role: "user", content: [{ type: "file", data: new URL("https://x.test/a.png"), mediaType: "image/png" }] }], /^prompt\[0\]\.content\[0\]\.data: only s3:\/\//],
    ["audio in a tool result", [user("q"), { role: "assistant", content: [{ type: "tool-call", toolCallId: "t", toolName: "f", input: {} }] }, { role: "tool", content: [{ type: "tool-result", toolCallId: "t", toolName: "f", output: { type: "content", value: [{ type: "file-data", data: "AAEC", mediaType: "audio/mpeg" }] } }] }], /^prompt\[2\]\.content\[0\]\.output\.value\[0\]\.mediaType: tool results can hold images, documents and videos only$/],
    ["an http URL in a tool result", [user("q"), { role: "assistant", content: [{ type: "tool-call", toolCallId: "t", toolName: "f", input: {} }] }, { role: "tool", content: [{ type: "tool-result", toolCallId: "t", toolName: "f", output: { type: "content", value: [{ type: "image-url", url: "https://x.test/a.png" }] } }] }], /^prompt\[2\]\.content\[0\]\.output\.value\[0\]\.url: only s3:\/\//],
    ["a bad cache point", [{ role: "system", content: "s", providerOptions: { bedrock: { cachePoint: { type: "ephemeral" } } } }], /^prompt\[0\]\.providerOptions\.bedrock\.cachePoint\.type must be "default"/],
  ];
  it.each(bad)("refuses %s with a BedrockInputError naming the field", (_, prompt, message) => {
    let caught: unknown;
    try {
      convertPrompt(prompt);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BedrockInputError);
    expect((caught as Error).message).toMatch(message);
    // Field names only: the offending value is never echoed.
    expect((caught as Error).message).not.toMatch(/application\/zip|x\.test|ephemeral/);
  });
});
