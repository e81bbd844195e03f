// InvokeModel bodies of the providers native.ts does not serve (Mistral, DeepSeek, Cohere Command R,
// OpenAI gpt-oss, Amazon Nova), and one codec per model ID over both files, for the emulator's
// check (emulator.ts) and answer (response/answer.ts).
import { isObject } from "../../internal/index.js";
import type { JsonObject } from "../types.js";
import type { ModelTurn } from "./built-in-model.js";
import { invocationMetrics, nativeBodyProblem, nativeFamily, nativeResponse, nativeStreamEvents, nativeToConverse } from "./native.js";
import { splitWords } from "./turn-events.js";

/** What the emulator needs of one native format. */
export interface NativeCodec {
  /** Bedrock's ValidationException message for a body the model would refuse, or undefined. */
  problem(body: unknown): string | undefined;
  /** The Converse request the built-in model answers. */
  toConverse(body: JsonObject): JsonObject;
  response(modelId: string, turn: ModelTurn): JsonObject;
  streamEvents(modelId: string, turn: ModelTurn): JsonObject[];
}

// Worded as native.ts words Bedrock's schema failures.
const malformed = (detail: string) => `Malformed input request: ${detail}, please reformat your input and try again.`;

function keysProblem(body: unknown, required: string, allowed: readonly string[]): string | undefined {
  if (!isObject(body)) return malformed("#: expected type: JSONObject, found: " + (Array.isArray(body) ? "JSONArray" : typeof body));
  if (body[required] === undefined) return malformed(`#: required key [${required}] not found`);
  for (const key of Object.keys(body)) if (!allowed.includes(key)) return malformed(`#: extraneous key [${key}] is not permitted`);
  return undefined;
}

const turnText = (turn: ModelTurn) => turn.content.map((b) => (typeof b.text === "string" ? b.text : "")).join("");
const asked = (text: string, body: JsonObject, maxKey: string, stopKey: string): JsonObject => {
  const inferenceConfig: JsonObject = {};
  if (Number.isInteger(body[maxKey])) inferenceConfig.maxTokens = body[maxKey];
  if (Array.isArray(body[stopKey])) inferenceConfig.stopSequences = body[stopKey];
  return { messages: [{ role: "user", content: [{ text: text.trim() || "…" }] }], inferenceConfig };
};
const lastMatch = (text: string, pattern: RegExp): string => [...text.matchAll(pattern)].at(-1)?.[1] ?? text;
const pieces = (turn: ModelTurn) => {
  const text = turnText(turn);
  return text === "" ? [""] : splitWords(text);
};
const metrics = (turn: ModelTurn) => ({ "amazon-bedrock-invocationMetrics": invocationMetrics(turn) });
const lengthOr = (turn: ModelTurn, length: string, stop: string) => (turn.stopReason === "max_tokens" ? length : stop);

/** Mistral 7B / Mixtral / Large: `[INST] … [/INST]` prompt, `outputs[0].text`. */
const mistral: NativeCodec = {
  problem: (body) => keysProblem(body, "prompt", ["prompt", "max_tokens", "temperature", "top_p", "top_k", "stop"]),
  toConverse: (body) => asked(lastMatch(String(body.prompt), /\[INST\]([\s\S]*?)\[\/INST\]/g), body, "max_tokens", "stop"),
  response: (_id, turn) => ({ outputs: [{ text: turnText(turn), stop_reason: lengthOr(turn, "length", "stop") }] }),
  streamEvents: (_id, turn) => {
    const parts = pieces(turn);
    return parts.map((text, i) => ({
      outputs: [{ text, stop_reason: i === parts.length - 1 ? lengthOr(turn, "length", "stop") : null }],
      ...(i === parts.length - 1 ? metrics(turn) : {}),
    }));
  },
};

/** DeepSeek-R1: `<｜User｜>…<｜Assistant｜>` prompt, `choices[0].text`. */
const deepseek: NativeCodec = {
  problem: (body) => keysProblem(body, "prompt", ["prompt", "max_tokens", "temperature", "top_p", "stop"]),
  toConverse: (body) => asked(lastMatch(String(body.prompt), /<｜User｜>([\s\S]*?)<｜Assistant｜>/g), body, "max_tokens", "stop"),
  response: (_id, turn) => ({ choices: [{ text: turnText(turn), stop_reason: lengthOr(turn, "length", "stop") }] }),
  streamEvents: (_id, turn) => {
    const parts = pieces(turn);
    return parts.map((text, i) => ({
      choices: [{ text, stop_reason: i === parts.length - 1 ? lengthOr(turn, "length", "stop") : null }],
      ...(i === parts.length - 1 ? metrics(turn) : {}),
    }));
  },
};

const COHERE_KEYS = ["message", "chat_history", "documents", "search_queries_only", "preamble", "max_tokens", "temperature", "p", "k", "prompt_truncation", "frequency_penalty", "presence_penalty", "seed", "return_prompt", "tools", "tool_results", "stop_sequences", "raw_prompting"];

/** Cohere Command R / R+: `message` and `chat_history`, `text` (event_type events when streamed). */
const cohere: NativeCodec = {
  problem: (body) => keysProblem(body, "message", COHERE_KEYS),
  toConverse: (body) => asked(String(body.message), body, "max_tokens", "stop_sequences"),
  response: (_id, turn) => ({ response_id: "r-emulator", text: turnText(turn), generation_id: "g-emulator", chat_history: [], finish_reason: lengthOr(turn, "MAX_TOKENS", "COMPLETE") }),
  streamEvents: (id, turn) => [
    { is_finished: false, event_type: "stream-start", generation_id: "g-emulator" },
    ...pieces(turn).map((text) => ({ is_finished: false, event_type: "text-generation", text })),
    { is_finished: true, event_type: "stream-end", finish_reason: lengthOr(turn, "MAX_TOKENS", "COMPLETE"), response: cohere.response(id, turn), ...metrics(turn) },
  ],
};

const lastUserText = (messages: unknown): string => {
  const list = Array.isArray(messages) ? messages.filter(isObject) : [];
  const last = list.filter((m) => m.role === "user").at(-1);
  if (!last) return "";
  if (typeof last.content === "string") return last.content;
  return Array.isArray(last.content) ? last.content.filter(isObject).map((b) => (typeof b.text === "string" ? b.text : "")).join(" ") : "";
};

/** OpenAI gpt-oss: Chat Completions `messages`, `choices[0].message.content`. */
const openai: NativeCodec = {
  problem: (body) => keysProblem(body, "messages", ["messages", "max_completion_tokens", "max_tokens", "temperature", "top_p", "stop", "reasoning_effort", "stream", "tools", "tool_choice"]),
  toConverse: (body) => asked(lastUserText(body.messages), { ...body, max_tokens: body.max_completion_tokens ?? body.max_tokens }, "max_tokens", "stop"),
  response: (modelId, turn) => ({
    id: "chatcmpl-emulator",
    object: "chat.completion",
    model: modelId,
    choices: [{ index: 0, message: { role: "assistant", content: turnText(turn) }, finish_reason: lengthOr(turn, "length", "stop") }],
    usage: { prompt_tokens: turn.usage.inputTokens, completion_tokens: turn.usage.outputTokens, total_tokens: turn.usage.inputTokens + turn.usage.outputTokens },
  }),
  streamEvents: (modelId, turn) => {
    const parts = pieces(turn);
    return parts.map((content, i) => ({
      id: "chatcmpl-emulator",
      object: "chat.completion.chunk",
      model: modelId,
      choices: [{ index: 0, delta: i === 0 ? { role: "assistant", content } : { content }, finish_reason: i === parts.length - 1 ? lengthOr(turn, "length", "stop") : null }],
      ...(i === parts.length - 1 ? metrics(turn) : {}),
    }));
  },
};

/** Amazon Nova: `messages-v1`, Converse-shaped output and stream events. */
const nova: NativeCodec = {
  problem: (body) => keysProblem(body, "messages", ["schemaVersion", "system", "messages", "inferenceConfig", "toolConfig"]),
  toConverse: (body) => {
    const config = isObject(body.inferenceConfig) ? body.inferenceConfig : {};
    return asked(lastUserText(body.messages), config, "maxTokens", "stopSequences");
  },
  response: (_id, turn) => ({
    output: { message: { role: "assistant", content: [{ text: turnText(turn) }] } },
    stopReason: turn.stopReason,
    usage: { inputTokens: turn.usage.inputTokens, outputTokens: turn.usage.outputTokens, totalTokens: turn.usage.inputTokens + turn.usage.outputTokens },
  }),
  streamEvents: (_id, turn) => [
    { messageStart: { role: "assistant" } },
    ...pieces(turn).map((text) => ({ contentBlockDelta: { delta: { text }, contentBlockIndex: 0 } })),
    { contentBlockStop: { contentBlockIndex: 0 } },
    { messageStop: { stopReason: turn.stopReason } },
    { metadata: { usage: { inputTokens: turn.usage.inputTokens, outputTokens: turn.usage.outputTokens } }, ...metrics(turn) },
  ],
};

/** Bedrock's own body member (guardrail tagging), taken off before the model's schema is checked. */
const BEDROCK_MEMBER = "amazon-bedrock-guardrailConfig";

function withoutBedrockMember(body: unknown): unknown {
  if (!isObject(body) || !(BEDROCK_MEMBER in body)) return body;
  const { [BEDROCK_MEMBER]: _member, ...rest } = body;
  return rest;
}

/** The codec for a model ID (inference profiles too), or undefined when the emulator serves no native format for it. */
export function nativeCodec(modelId: string): NativeCodec | undefined {
  const codec = familyCodec(modelId);
  return codec && { ...codec, problem: (body) => codec.problem(withoutBedrockMember(body)) };
}

function familyCodec(modelId: string): NativeCodec | undefined {
  const family = nativeFamily(modelId);
  if (family) {
    return {
      problem: (body) => nativeBodyProblem(family, body),
      toConverse: (body) => nativeToConverse(family, body),
      response: (id, turn) => nativeResponse(family, id, turn),
      streamEvents: (id, turn) => nativeStreamEvents(family, id, turn),
    };
  }
  const id = modelId.toLowerCase();
  if (id.includes("mistral.")) return mistral;
  if (id.includes("deepseek.")) return deepseek;
  if (id.includes("cohere.command-r")) return cohere;
  if (id.includes("openai.gpt-oss")) return openai;
  if (id.includes("amazon.nova")) return nova;
  return undefined;
}
