// OpenAI Chat Completions bodies ↔ the built-in model's Converse turns: request checks and pure converters.
//
// Bedrock serves OpenAI's "Create chat completion" at `https://bedrock-runtime.{region}.amazonaws.com/openai/v1/chat/completions`
// ("Invoke a model with the OpenAI Chat Completions API",
// https://docs.aws.amazon.com/bedrock/latest/userguide/inference-chat-completions.html; models such as
// `openai.gpt-oss-20b-1:0`, https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html,
// which also maps `developer` messages to Converse `system` blocks). The body shapes are OpenAI's.
import type { ModelTurn } from "../model/built-in-model.js";
import { splitWords } from "../model/turn-events.js";
import type { JsonObject } from "../types.js";
import { isObject } from "../../internal/index.js";

const ROLES = new Set(["system", "developer", "user", "assistant", "tool"]);

/** A message's text: a string, or the `text` parts of a content array. */
function contentText(content: unknown): string | undefined {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return undefined;
  const texts: string[] = [];
  for (const part of content) {
    if (!isObject(part) || part.type !== "text" || typeof part.text !== "string") return undefined;
    texts.push(part.text);
  }
  return texts.join("\n");
}

/**
 * What is wrong with a Chat Completions body, in the emulator's words (Bedrock's own wording for
 * these is unconfirmed), or undefined. Only text messages are served; tools are not.
 */
export function chatCompletionsRequestProblem(body: unknown): string | undefined {
  if (!isObject(body)) return "The request body must be a JSON object.";
  if (typeof body.model !== "string" || body.model === "") return "you must provide a model parameter";
  if (!Array.isArray(body.messages) || body.messages.length === 0) return "messages: at least one message is required";
  for (const [i, message] of body.messages.entries()) {
    if (!isObject(message) || typeof message.role !== "string" || !ROLES.has(message.role)) {
      return `messages[${i}].role must be one of system, developer, user, assistant, tool`;
    }
    if (message.role !== "assistant" && contentText(message.content) === undefined) {
      return `messages[${i}].content must be a string or an array of text parts`;
    }
  }
  if (body.tools !== undefined) return "tools are not supported by the emulator's Chat Completions route";
  if (body.n !== undefined && body.n !== 1) return "n must be 1";
  return undefined;
}

/** The Converse body the built-in model answers: system/developer → `system`, the rest → `messages`. */
export function chatToConverse(body: JsonObject): JsonObject {
  const system: JsonObject[] = [];
  const messages: JsonObject[] = [];
  for (const message of body.messages as JsonObject[]) {
    const text = contentText(message.content) ?? "";
    if (message.role === "system" || message.role === "developer") system.push({ text });
    else messages.push({ role: message.role === "assistant" ? "assistant" : "user", content: [{ text }] });
  }
  const inferenceConfig: JsonObject = {};
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  if (typeof maxTokens === "number") inferenceConfig.maxTokens = maxTokens;
  if (typeof body.stop === "string") inferenceConfig.stopSequences = [body.stop];
  else if (Array.isArray(body.stop)) inferenceConfig.stopSequences = body.stop;
  return { messages, ...(system.length ? { system } : {}), ...(Object.keys(inferenceConfig).length ? { inferenceConfig } : {}) };
}

const FINISH_REASONS: Record<string, string> = {
  end_turn: "stop",
  stop_sequence: "stop",
  max_tokens: "length",
  tool_use: "tool_calls",
  guardrail_intervened: "content_filter",
  content_filtered: "content_filter",
};

/** The turn's reply text (reasoning blocks are left out: how Bedrock returns gpt-oss reasoning here is unconfirmed). */
function replyText(turn: ModelTurn): string {
  return turn.content.map((block) => (typeof block.text === "string" ? block.text : "")).join("");
}

function usageOf(turn: ModelTurn): JsonObject {
  const { inputTokens, outputTokens } = turn.usage;
  return { prompt_tokens: inputTokens, completion_tokens: outputTokens, total_tokens: inputTokens + outputTokens };
}

export interface CompletionFacts {
  id: string;
  created: number;
  model: string;
}

/** A `chat.completion` object. */
export function turnToCompletion(turn: ModelTurn, facts: CompletionFacts): JsonObject {
  return {
    id: facts.id,
    object: "chat.completion",
    created: facts.created,
    model: facts.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: replyText(turn) },
        finish_reason: FINISH_REASONS[turn.stopReason] ?? "stop",
      },
    ],
    usage: usageOf(turn),
  };
}

/**
 * The `chat.completion.chunk` objects of a streamed reply: the role, the text word by word, the
 * finish reason, then (with `stream_options.include_usage`) one chunk with no choices and the usage,
 * every other chunk carrying `usage: null`, as OpenAI's API documents.
 */
export function turnToChunks(turn: ModelTurn, facts: CompletionFacts, includeUsage: boolean): JsonObject[] {
  const chunk = (choices: JsonObject[]): JsonObject => ({
    id: facts.id,
    object: "chat.completion.chunk",
    created: facts.created,
    model: facts.model,
    choices,
    ...(includeUsage ? { usage: null } : {}),
  });
  const text = replyText(turn);
  const chunks = [chunk([{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }])];
  if (text !== "") for (const word of splitWords(text)) chunks.push(chunk([{ index: 0, delta: { content: word }, finish_reason: null }]));
  chunks.push(chunk([{ index: 0, delta: {}, finish_reason: FINISH_REASONS[turn.stopReason] ?? "stop" }]));
  if (includeUsage) chunks.push({ ...chunk([]), usage: usageOf(turn) });
  return chunks;
}

/** Server-sent events: one `data:` line per chunk, then `data: [DONE]`. */
export function sseBody(chunks: readonly JsonObject[]): string {
  return chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join("") + "data: [DONE]\n\n";
}
