// Round trips over recorded Bedrock traffic: a reply converted to a message, then sent back in
// the next request, must reproduce what Bedrock sent (and, where recorded, what the next request held).
import { conformanceUrl } from "../../conformance.js";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { convertMessages } from "../../../src/chat/request/convert-messages.js";
import { convertConverseResponse } from "../../../src/chat/response/convert-response.js";
import { createStreamConverter } from "../../../src/chat/response/convert-stream.js";
import { AIMessageChunk, HumanMessage, ToolMessage } from "../../../src/chat/messages/messages.js";

const recorded = conformanceUrl("recorded/");
const load = (path: string) => JSON.parse(readFileSync(new URL(path, recorded), "utf8"));

interface RecordedEvent {
  headers: Record<string, string>;
  payload: Record<string, unknown>;
}

// Replays recorded stream events through the chat layer and concatenates the chunks.
function streamedMessage(path: string): AIMessageChunk {
  const events: RecordedEvent[] = load(path);
  const converter = createStreamConverter();
  let message: AIMessageChunk | undefined;
  for (const event of events) {
    const { p: _padding, ...payload } = event.payload;
    const chunk = converter.next({ [event.headers[":event-type"]!]: payload } as never);
    if (chunk) message = message ? message.concat(chunk) : chunk;
  }
  return message!;
}

// Each content block of a recorded stream, assembled from its deltas as Bedrock means them.
function blocksFromEvents(path: string): Array<Record<string, unknown>> {
  const events: RecordedEvent[] = load(path);
  const blocks: Array<Record<string, any>> = [];
  for (const { headers, payload } of events) {
    if (headers[":event-type"] !== "contentBlockDelta") continue;
    const i = payload.contentBlockIndex as number;
    const delta = payload.delta as Record<string, any>;
    const b = (blocks[i] ??= {});
    if (typeof delta.text === "string") b.text = (b.text ?? "") + delta.text;
    const r = delta.reasoningContent;
    if (r?.text !== undefined) b.reasoningText = { ...b.reasoningText, text: (b.reasoningText?.text ?? "") + r.text };
    if (r?.signature !== undefined) b.reasoningText = { ...b.reasoningText, signature: r.signature };
    if (r?.redactedContent !== undefined) b.redactedContent = (b.redactedContent ?? "") + r.redactedContent;
  }
  return blocks;
}

describe("recorded conversations round-trip", () => {
  it("tool use: streamed call + ToolMessage → the recorded follow-up request", () => {
    const followUp = load("langchain-aws/claude-tooluse-followup-converse.request.json").body_json;
    const question = followUp.messages[0].content[0].text as string;
    const ai = streamedMessage("langchain-aws/claude-tooluse-stream.events.json");
    const toolCallId = ai.tool_calls[0]!.id!;
    const { system, messages } = convertMessages([
      new HumanMessage(question),
      ai,
      new ToolMessage({ content: "It's sunny.", tool_call_id: toolCallId }),
    ]);
    expect(system).toEqual(followUp.system);
    expect(messages).toEqual(followUp.messages);
  });

  it("reasoning (Converse): the reply replays with its signature", () => {
    const response = load("langchain-aws/claude-reasoning-converse.response.json").body_json;
    const ai = convertConverseResponse(response);
    const { messages } = convertMessages([new HumanMessage("q"), ai, new HumanMessage("next")]);
    expect(messages[1]).toEqual(response.output.message);
  });

  it("reasoning (Converse): the recorded second-turn request", () => {
    const request = load("langchain-aws/claude-reasoning-converse.request.json").body_json;
    const [user, assistant, next] = request.messages;
    const ai = convertConverseResponse({ output: { message: assistant } });
    const { messages } = convertMessages([new HumanMessage(user.content[0].text), ai, new HumanMessage(next.content[0].text)]);
    expect(messages).toEqual(request.messages);
  });

  it("reasoning (stream): text deltas and the signature replay as one signed block", () => {
    const path = "pydantic-ai/claude-sonnet-4-reasoning-stream.events.json";
    const [reasoning, text] = blocksFromEvents(path);
    const { messages } = convertMessages([new HumanMessage("Hello"), streamedMessage(path), new HumanMessage("more")]);
    expect(messages[1]).toEqual({
      role: "assistant",
      content: [{ reasoningContent: { reasoningText: reasoning!.reasoningText } }, { text: text!.text }],
    });
    expect((reasoning!.reasoningText as { signature: string }).signature.length).toBeGreaterThan(10);
  });

  it("redacted reasoning (stream): both redacted blocks replay byte for byte", () => {
    const path = "pydantic-ai/claude-3-7-redacted-reasoning-stream.events.json";
    const [r0, r1, text] = blocksFromEvents(path);
    const { messages } = convertMessages([new HumanMessage("q"), streamedMessage(path), new HumanMessage("more")]);
    expect(messages[1]).toEqual({
      role: "assistant",
      content: [
        { reasoningContent: { redactedContent: r0!.redactedContent } },
        { reasoningContent: { redactedContent: r1!.redactedContent } },
        { text: text!.text },
      ],
    });
  });

  it("unsigned reasoning (gpt-oss stream) is not replayed; the empty text block neither", () => {
    const path = "pydantic-ai/gpt-oss-empty-text-delta-stream.events.json";
    const { messages } = convertMessages([new HumanMessage("Hi"), streamedMessage(path), new HumanMessage("more")]);
    expect(messages[1]).toEqual({ role: "assistant", content: [{ text: "Hello! How can I help you today?" }] });
  });

  it("citations (stream): cited text replays as citationsContent", () => {
    const path = "langchain-aws/claude-citations-stream.events.json";
    const { messages } = convertMessages([new HumanMessage("q"), streamedMessage(path), new HumanMessage("more")]);
    const assistant = messages[1]!;
    expect(assistant.role).toBe("assistant");
    expect(assistant.content.some((b) => "citationsContent" in b)).toBe(true);
    for (const block of assistant.content) {
      if ("citationsContent" in block) {
        expect(block.citationsContent.citations!.length).toBeGreaterThan(0);
        expect(block.citationsContent.content?.[0]?.text?.trim()).not.toBe("");
      }
    }
  });

  it("documents: a text document with context and citations → the recorded request", () => {
    const request = load("langchain-aws/claude-citations-stream.request.json").body_json;
    const [doc, question] = request.messages[0].content;
    const { messages } = convertMessages([
      new HumanMessage({
        content: [
          {
            type: "document",
            source: { type: "text", media_type: "text/plain", data: doc.document.source.text },
            title: doc.document.name,
            context: doc.document.context,
            citations: { enabled: true },
          },
          { type: "text", text: question.text },
        ],
      }),
    ]);
    expect(messages).toEqual(request.messages);
  });
});
