// LangChain message classes ⇄ ours, on recorded Bedrock replies and on hand-written histories: nothing is lost either way.
import {
  AIMessage as LcAIMessage,
  AIMessageChunk as LcAIMessageChunk,
  ChatMessage as LcChatMessage,
  FunctionMessage as LcFunctionMessage,
  HumanMessage as LcHumanMessage,
  SystemMessage as LcSystemMessage,
  ToolMessage as LcToolMessage,
} from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { convertConverseResponse } from "../../src/chat/response/convert-response.js";
import { convertMessages } from "../../src/chat/request/convert-messages.js";
import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from "../../src/chat/messages/messages.js";
import { BedrockInputError } from "../../src/errors/index.js";
import {
  MODEL_PROVIDER,
  fromLangChainAIMessage,
  fromLangChainMessages,
  toLangChainChunk,
  toLangChainMessage,
} from "../../src/langchain/index.js";
import { loadRecordedResponses, loadRecordedStreams, streamToMessage } from "../chat/response/convert-stream-helpers.js";

type Dict = Record<string, unknown>;

// LangChain's concat adds empty `input_token_details: {}` / `output_token_details: {}`; they say nothing.
function usage(value: unknown): unknown {
  if (value === undefined) return undefined;
  return Object.fromEntries(Object.entries(value as Dict).filter(([, v]) => !(typeof v === "object" && v !== null && Object.keys(v).length === 0)));
}

const withoutProvider = (metadata: Dict): Dict => {
  const { model_provider: _provider, ...rest } = metadata;
  return rest;
};

/**
 * Our content as @langchain/aws writes it: text reasoning as LangChain's standard reasoning block
 * (signature and stream index kept); everything else as it is.
 */
function awsShaped(content: AIMessage["content"]): unknown {
  if (typeof content === "string") return content;
  return content.map((block) => {
    const b = block as Dict;
    if (b.type !== "reasoning_content" || typeof b.reasoningText !== "object") return block;
    const { text, signature } = b.reasoningText as Dict;
    return { type: "reasoning", reasoning: text, ...(signature !== undefined && { signature }), ...(b.index !== undefined && { index: b.index }) };
  });
}

/** The fields a message is made of, in comparable form; ours with its content as LangChain's would be. */
function fieldsOf(message: AIMessage | LcAIMessage): Dict {
  return {
    content: message instanceof AIMessage ? awsShaped(message.content) : message.content,
    id: message.id,
    tool_calls: message.tool_calls,
    invalid_tool_calls: message.invalid_tool_calls,
    usage_metadata: usage(message.usage_metadata),
    additional_kwargs: message.additional_kwargs,
    response_metadata: withoutProvider(message.response_metadata),
  };
}

const streams = loadRecordedStreams();
const responses = loadRecordedResponses();

describe("recorded streams: LangChain chunks concatenate to the LangChain form of our concatenation", () => {
  it("has recorded streams with reasoning, redacted reasoning, tool use and citations", () => {
    expect(streams.length).toBeGreaterThanOrEqual(7);
  });

  for (const { name, events } of streams) {
    it(name, () => {
      const { chunks, message } = streamToMessage(events, { modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0", requestId: "req-1" });
      const lcChunks = chunks.map(toLangChainChunk);
      for (const chunk of lcChunks) expect(chunk).toBeInstanceOf(LcAIMessageChunk);
      const joined = lcChunks.reduce((acc, chunk) => acc.concat(chunk));
      const expected = toLangChainMessage(message);

      expect(fieldsOf(joined)).toEqual(fieldsOf(expected));
      expect(joined.response_metadata.model_provider).toBe(MODEL_PROVIDER);
      expect(joined.tool_call_chunks).toEqual(message.tool_call_chunks.map((c) => ({ ...c, type: "tool_call_chunk" })));
      // And back: the LangChain message rebuilds ours, reasoning signatures and all.
      expect(fieldsOf(fromLangChainAIMessage(joined))).toEqual(fieldsOf(message));
      expect(fromLangChainAIMessage(joined).content).toEqual(message.content);
    });
  }
});

describe("recorded Converse replies: ours → LangChain → ours", () => {
  for (const { name, body } of responses) {
    it(name, () => {
      const ours = convertConverseResponse(body, { modelId: "m", requestId: "req-2" });
      const lc = toLangChainMessage(ours);
      expect(lc).toBeInstanceOf(LcAIMessage);
      expect(fieldsOf(lc)).toEqual(fieldsOf(ours));
      expect(lc.text).toBe(ours.text);
      expect(fieldsOf(fromLangChainAIMessage(lc))).toEqual(fieldsOf(ours));
      expect(fromLangChainAIMessage(lc).content).toEqual(ours.content);
    });
  }
});

const signed = { type: "reasoning_content", reasoningText: { text: "The user wants French.", signature: "c2lnbmF0dXJl" } };
const redacted = { type: "reasoning_content", redactedContent: "cmVkYWN0ZWQ=" };
const cacheUsage = {
  input_tokens: 1300,
  output_tokens: 20,
  total_tokens: 1320,
  input_token_details: { cache_read: 1024, cache_creation: 256, ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 256 },
  output_token_details: { reasoning: 8 },
};

describe("our replies → LangChain, field by field", () => {
  const cases: Array<[string, AIMessage]> = [
    ["plain text", new AIMessage({ content: "J'adore la programmation.", id: "r1", response_metadata: { stopReason: "end_turn" } })],
    [
      "reasoning with signature, redacted reasoning, citations",
      new AIMessage({
        content: [signed, redacted, { type: "text", text: "Voilà.", citations: [{ title: "doc", location: { documentChar: { documentIndex: 0, start: 0, end: 5 } } }] }],
        usage_metadata: cacheUsage,
      }),
    ],
    [
      "tool calls and an invalid one",
      new AIMessage({
        content: "",
        tool_calls: [{ name: "get_weather", args: { city: "Paris" }, id: "tooluse_1" }],
        invalid_tool_calls: [{ name: "get_time", args: "{bad", id: "tooluse_2", error: "Unexpected token" }],
        additional_kwargs: { extra: true },
      }),
    ],
  ];
  it.each(cases)("%s", (_name, ours) => {
    const lc = toLangChainMessage(ours);
    expect(fieldsOf(lc)).toEqual(fieldsOf(ours));
    expect(lc.response_metadata).toEqual({ ...ours.response_metadata, model_provider: MODEL_PROVIDER });
    expect(fieldsOf(fromLangChainAIMessage(lc))).toEqual(fieldsOf(ours));
    expect(fromLangChainAIMessage(lc).content).toEqual(ours.content);
  });

  it("text reasoning is LangChain's standard block (as @langchain/aws writes it); redacted reasoning keeps its shape", () => {
    const lc = toLangChainMessage(new AIMessage({ content: [signed, redacted, { type: "text", text: "Voilà." }] }));
    expect(lc.content).toEqual([
      { type: "reasoning", reasoning: "The user wants French.", signature: "c2lnbmF0dXJl" },
      { type: "reasoning_content", redactedContent: "cmVkYWN0ZWQ=" },
      { type: "text", text: "Voilà." },
    ]);
  });

  it("a reasoning block with more than text and signature stays LangChain's on the way back", () => {
    const block = { type: "reasoning", reasoning: "r", signature: "s", extras: { k: 1 } };
    expect(fromLangChainAIMessage(new LcAIMessage({ content: [block as never] })).content).toEqual([block]);
  });

  it("the LangChain copy shares nothing with ours", () => {
    const citation = { type: "text", text: "Voilà.", citations: [{ title: "doc" }] };
    const ours = new AIMessage({ content: [structuredClone(citation)] });
    const lc = toLangChainMessage(ours);
    (lc.content as unknown as Array<{ citations: Array<{ title: string }> }>)[0]!.citations[0]!.title = "edited";
    expect(ours.content).toEqual([citation]);
  });

  it("LangChain v1 reads our reasoning as a standard block that keeps its signature", () => {
    const lc = toLangChainMessage(new AIMessage({ content: [signed, { type: "text", text: "Voilà." }] }));
    expect(lc.contentBlocks).toEqual([
      { type: "reasoning", reasoning: "The user wants French.", signature: "c2lnbmF0dXJl" },
      { type: "text", text: "Voilà." },
    ]);
  });

  it("a chunk carries tool call chunks; LangChain derives the calls from them", () => {
    const chunk = new AIMessageChunk({ content: "", tool_call_chunks: [{ name: "get_weather", id: "t1", args: '{"city":"Paris"}', index: 0 }] });
    const lc = toLangChainChunk(chunk);
    expect(lc.tool_call_chunks).toEqual([{ name: "get_weather", id: "t1", args: '{"city":"Paris"}', index: 0, type: "tool_call_chunk" }]);
    expect(lc.tool_calls).toEqual([{ name: "get_weather", id: "t1", args: { city: "Paris" }, type: "tool_call" }]);
  });
});

/** A conversation written with LangChain's classes and the same one with ours. */
function histories(): { lc: unknown[]; ours: BaseMessage[] } {
  const image = { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } };
  const call = { name: "get_weather", args: { city: "Paris" }, id: "tooluse_1" };
  return {
    lc: [
      new LcSystemMessage("Be brief."),
      new LcHumanMessage({ content: [{ type: "text", text: "Weather in Paris? Here is a map." }, image] }),
      new LcAIMessage({ content: [signed, { type: "text", text: "Let me check." }], tool_calls: [call] }),
      new LcToolMessage({ content: "Sunny", tool_call_id: "tooluse_1", status: "error", artifact: { raw: 1 } }),
      new LcAIMessage("It is sunny."),
      new LcHumanMessage("Thanks"),
    ],
    ours: [
      new SystemMessage("Be brief."),
      new HumanMessage({ content: [{ type: "text", text: "Weather in Paris? Here is a map." }, image] }),
      new AIMessage({ content: [signed, { type: "text", text: "Let me check." }], tool_calls: [call] }),
      new ToolMessage({ content: "Sunny", tool_call_id: "tooluse_1", status: "error", artifact: { raw: 1 } }),
      new AIMessage("It is sunny."),
      new HumanMessage("Thanks"),
    ],
  };
}

describe("LangChain messages → ours", () => {
  it("rebuilds every role with its fields", () => {
    const { lc, ours } = histories();
    const rebuilt = fromLangChainMessages(lc as never);
    expect(rebuilt.map((m) => m.constructor)).toEqual(ours.map((m) => m.constructor));
    expect(rebuilt.map((m) => m.toJSON())).toEqual(ours.map((m) => m.toJSON()));
  });

  it("sends exactly the Converse messages ours would (reasoning signature replayed)", () => {
    const { lc, ours } = histories();
    const fromLc = convertMessages(fromLangChainMessages(lc as never), { toolsBound: true });
    expect(fromLc).toEqual(convertMessages(ours, { toolsBound: true }));
    expect(fromLc.messages[1]!.content[0]).toEqual({ reasoningContent: { reasoningText: { text: "The user wants French.", signature: "c2lnbmF0dXJl" } } });
  });

  it("a concatenated LangChain chunk keeps its parsed tool calls", () => {
    const joined = new LcAIMessageChunk({ content: "", tool_call_chunks: [{ name: "get_time", id: "t9", args: '{"zone":', index: 0 }] }).concat(
      new LcAIMessageChunk({ content: "", tool_call_chunks: [{ args: '"UTC"}', index: 0 }] }),
    );
    const [rebuilt] = fromLangChainMessages([joined]);
    expect(rebuilt).toBeInstanceOf(AIMessage);
    expect((rebuilt as AIMessage).tool_calls).toEqual([{ name: "get_time", id: "t9", args: { zone: "UTC" }, type: "tool_call" }]);
  });

  it("a LangChain v1 standard reasoning block replays with its signature", () => {
    const v1 = toLangChainMessage(new AIMessage({ content: [signed, { type: "text", text: "Voilà." }] })).contentBlocks;
    const history = [new LcHumanMessage("Translate"), new LcAIMessage({ content: v1 as never }), new LcHumanMessage("Again")];
    const { messages } = convertMessages(fromLangChainMessages(history));
    expect(messages[1]!.content[0]).toEqual({ reasoningContent: { reasoningText: { text: "The user wants French.", signature: "c2lnbmF0dXJl" } } });
  });

  it.each([
    ["ChatMessage with an assistant role", new LcChatMessage("Hello", "assistant"), AIMessage],
    ["ChatMessage with a user role", new LcChatMessage("Hello", "user"), HumanMessage],
  ])("%s", (_name, message, Class) => {
    expect(fromLangChainMessages([message])[0]).toBeInstanceOf(Class);
  });

  it("refuses a function message (Converse has no such role)", () => {
    expect(() => fromLangChainMessages([new LcFunctionMessage({ content: "x", name: "f" })])).toThrow(BedrockInputError);
  });
});
