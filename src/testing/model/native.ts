// InvokeModel bodies in each provider's own format (Anthropic Messages, Amazon Titan Text, Meta Llama):
// checked as Bedrock checks them, turned into a Converse request for the built-in model, and its
// turn written back in the provider's native response and stream shapes.
import type { JsonObject } from "../types.js";
import type { ModelTurn } from "./built-in-model.js";
import { splitWords } from "./turn-events.js";
import { isObject } from "../../internal/index.js";

export type NativeFamily = "anthropic" | "titan-text" | "llama";

/** The body format a model ID takes: `anthropic.claude-…`, `amazon.titan-text-…`, `meta.llama…` (inference profiles too). */
export function nativeFamily(modelId: string): NativeFamily | undefined {
  const id = modelId.toLowerCase();
  if (id.includes("anthropic.claude")) return "anthropic";
  if (id.includes("amazon.titan-text") || id.includes("amazon.titan-tg1")) return "titan-text";
  if (id.includes("meta.llama")) return "llama";
  return undefined;
}

// Bedrock checks native bodies against a JSON Schema and words failures as its (everit) validator
// does, "#" the body's root: "Malformed input request: #: required key [max_tokens] not found, please
// reformat your input and try again." (langgenius/dify#2942 quotes the Claude v2 `max_tokens_to_sample`
// form; logancyang/obsidian-copilot#2145 the "#: extraneous key [max_tokens] is not permitted" form).
// The type, count and enum forms are captured too ("#/messages/1/content: expected type: String, found:
// JSONArray", "expected minimum item count: 1, found: 0", "#/tools/2/type: bash_20250124 is not a valid
// enum value"); Anthropic bodies add a prefix of their own (below).
const malformed = (detail: string) => `Malformed input request: ${detail}, please reformat your input and try again.`;
const required = (key: string) => malformed(`#: required key [${key}] not found`);
const extraneous = (key: string) => malformed(`#: extraneous key [${key}] is not permitted`);
const wrongType = (key: string, expected: string, value: unknown) => malformed(`#/${key}: expected type: ${expected}, found: ${typeName(value)}`);

function typeName(value: unknown): string {
  if (value === null) return "Null";
  if (Array.isArray(value)) return "JSONArray";
  if (typeof value === "object") return "JSONObject";
  if (typeof value === "number") return Number.isInteger(value) ? "Integer" : "BigDecimal";
  return typeof value === "string" ? "String" : "Boolean";
}

const ANTHROPIC_KEYS = new Set([
  "anthropic_version",
  "anthropic_beta",
  "max_tokens",
  "messages",
  "system",
  "stop_sequences",
  "temperature",
  "top_p",
  "top_k",
  "tools",
  "tool_choice",
  "thinking",
  "metadata",
  "output_config",
]);
export const ANTHROPIC_VERSION = "bedrock-2023-05-31";

// Anthropic bodies are checked against two schemas, the Text Completions one (which must not have
// `messages`) and the Messages one, so a Messages body that fails lists the first schema's refusal and
// then every violation of the second, run together: "Malformed input request: #: subject must not be
// valid against schema {"required":["messages"]}#/messages/1/content: expected type: String, found:
// JSONArray#/messages/1/content: expected minimum item count: 1, found: 0, please reformat your input
// and try again." (langchain-aws#411, Claude 3.5 Sonnet, 2025; langgraph-supervisor-py#55; the
// "#: required key [max_tokens] not found" and "#: extraneous key [stream] is not permitted" forms in
// diffbot/code-gpt-docs#300 and anthropics/claude-code#5606).
const NOT_TEXT_COMPLETIONS = '#: subject must not be valid against schema {"required":["messages"]}';

function anthropicViolations(body: JsonObject): string[] {
  const out: string[] = [];
  for (const key of ["anthropic_version", "max_tokens"]) if (body[key] === undefined) out.push(`#: required key [${key}] not found`);
  for (const key of Object.keys(body)) if (!ANTHROPIC_KEYS.has(key)) out.push(`#: extraneous key [${key}] is not permitted`);
  const version = body.anthropic_version;
  if (version !== undefined && version !== ANTHROPIC_VERSION) {
    out.push(typeof version === "string" ? `#/anthropic_version: ${version} is not a valid enum value` : `#/anthropic_version: expected type: String, found: ${typeName(version)}`);
  }
  const maxTokens = body.max_tokens;
  if (maxTokens !== undefined && !Number.isInteger(maxTokens)) out.push(`#/max_tokens: expected type: Integer, found: ${typeName(maxTokens)}`);
  else if (typeof maxTokens === "number" && maxTokens < 1) out.push(`#/max_tokens: ${maxTokens} is not greater or equal to 1`);
  const messages = body.messages;
  if (!Array.isArray(messages)) out.push(`#/messages: expected type: JSONArray, found: ${typeName(messages)}`);
  else if (messages.length === 0) out.push("#/messages: expected minimum item count: 1, found: 0");
  else {
    for (const [i, message] of messages.entries()) {
      const at = `#/messages/${i}`;
      if (!isObject(message)) {
        out.push(`${at}: expected type: JSONObject, found: ${typeName(message)}`);
        continue;
      }
      if (message.role === undefined) out.push(`${at}: required key [role] not found`);
      const content = message.content;
      if (content === undefined) out.push(`${at}: required key [content] not found`);
      // Content is a string or a non-empty array: a value that is neither fails both branches.
      else if (Array.isArray(content) && content.length === 0) out.push(`${at}/content: expected type: String, found: JSONArray`, `${at}/content: expected minimum item count: 1, found: 0`);
      else if (typeof content !== "string" && !Array.isArray(content)) out.push(`${at}/content: expected type: String, found: ${typeName(content)}`, `${at}/content: expected type: JSONArray, found: ${typeName(content)}`);
    }
  }
  return out;
}

// What Anthropic's Messages API refuses past the schema, in its words, which Bedrock passes on after
// "The model returned the following errors: " (the trailing-whitespace answer is captured so from
// Bedrock; the wording of the other two is Anthropic's, quoted in many projects' fixes).
const MODEL_ERRORS = "The model returned the following errors: ";

function anthropicContentProblem(messages: unknown[]): string | undefined {
  for (const message of messages) {
    const content = (message as JsonObject).content;
    if (!Array.isArray(content)) continue;
    for (const block of content) {
      if (!isObject(block) || block.type !== "text" || typeof block.text !== "string") continue;
      if (block.text === "") return `${MODEL_ERRORS}messages: text content blocks must be non-empty`;
      if (block.text.trim() === "") return `${MODEL_ERRORS}messages: text content blocks must contain non-whitespace text`;
    }
  }
  const last = messages.at(-1) as JsonObject;
  if (last.role === "assistant") {
    const content = last.content;
    const texts = typeof content === "string" ? [content] : (content as unknown[]).flatMap((b) => (isObject(b) && b.type === "text" && typeof b.text === "string" ? [b.text] : []));
    if (texts.length > 0 && /\s$/.test(texts.at(-1)!)) return `${MODEL_ERRORS}messages: final assistant content cannot end with trailing whitespace`;
  }
  return undefined;
}

function anthropicProblem(body: JsonObject): string | undefined {
  // Without `messages` the body is neither schema's; the emulator's own wording for that case.
  if (body.messages === undefined) return required("messages");
  const violations = anthropicViolations(body);
  if (violations.length > 0) return malformed(`${NOT_TEXT_COMPLETIONS}${violations.join("")}`);
  return anthropicContentProblem(body.messages as unknown[]);
}

function titanProblem(body: JsonObject): string | undefined {
  if (body.inputText === undefined) return required("inputText");
  for (const key of Object.keys(body)) if (key !== "inputText" && key !== "textGenerationConfig") return extraneous(key);
  if (typeof body.inputText !== "string") return wrongType("inputText", "String", body.inputText);
  if (body.textGenerationConfig !== undefined && !isObject(body.textGenerationConfig)) {
    return wrongType("textGenerationConfig", "JSONObject", body.textGenerationConfig);
  }
  const count = isObject(body.textGenerationConfig) ? body.textGenerationConfig.maxTokenCount : undefined;
  if (count !== undefined && !Number.isInteger(count)) return wrongType("textGenerationConfig/maxTokenCount", "Integer", count);
  return undefined;
}

const LLAMA_KEYS = new Set(["prompt", "max_gen_len", "temperature", "top_p", "images"]);

function llamaProblem(body: JsonObject): string | undefined {
  if (body.prompt === undefined) return required("prompt");
  for (const key of Object.keys(body)) if (!LLAMA_KEYS.has(key)) return extraneous(key);
  if (typeof body.prompt !== "string") return wrongType("prompt", "String", body.prompt);
  if (body.max_gen_len !== undefined && !Number.isInteger(body.max_gen_len)) return wrongType("max_gen_len", "Integer", body.max_gen_len);
  return undefined;
}

/** Bedrock's ValidationException message for a body the model would refuse, or undefined. */
export function nativeBodyProblem(family: NativeFamily, body: unknown): string | undefined {
  if (!isObject(body)) return malformed(`#: expected type: JSONObject, found: ${typeName(body)}`);
  if (family === "anthropic") return anthropicProblem(body);
  if (family === "titan-text") return titanProblem(body);
  return llamaProblem(body);
}

/** Anthropic content (a string, or blocks) as Converse blocks; text blocks only, the rest dropped. */
function anthropicBlocks(content: unknown): JsonObject[] {
  if (typeof content === "string") return [{ text: content }];
  if (!Array.isArray(content)) return [];
  return content.filter(isObject).flatMap((b) => (b.type === "text" && typeof b.text === "string" ? [{ text: b.text }] : []));
}

// The user's words inside a Llama 3 chat template (`<|start_header_id|>user<|end_header_id|>\n\n…<|eot_id|>`);
// a plain prompt is taken whole.
const LLAMA_USER_TURN = /<\|start_header_id\|>user<\|end_header_id\|>\s*([\s\S]*?)<\|eot_id\|>/g;

function llamaText(prompt: string): string {
  const turns = [...prompt.matchAll(LLAMA_USER_TURN)];
  const last = turns.at(-1)?.[1];
  return (last ?? prompt.replace(/<\|[a-z_]+\|>/g, "")).trim();
}

/** The Converse request the built-in model answers for a native body (already checked). */
export function nativeToConverse(family: NativeFamily, body: JsonObject): JsonObject {
  if (family === "anthropic") {
    const messages = (body.messages as JsonObject[]).map((m) => ({ role: m.role, content: anthropicBlocks(m.content) }));
    const system = anthropicBlocks(body.system);
    const inferenceConfig: JsonObject = { maxTokens: body.max_tokens };
    if (Array.isArray(body.stop_sequences)) inferenceConfig.stopSequences = body.stop_sequences;
    return { messages, ...(system.length > 0 ? { system } : {}), inferenceConfig };
  }
  if (family === "titan-text") {
    const config = isObject(body.textGenerationConfig) ? body.textGenerationConfig : {};
    const text = String(body.inputText).replace(/^User:\s*/, "").replace(/\s*Bot:\s*$/, "");
    const inferenceConfig: JsonObject = {};
    if (config.maxTokenCount !== undefined) inferenceConfig.maxTokens = config.maxTokenCount;
    if (Array.isArray(config.stopSequences)) inferenceConfig.stopSequences = config.stopSequences;
    return { messages: [{ role: "user", content: [{ text }] }], inferenceConfig };
  }
  const inferenceConfig: JsonObject = body.max_gen_len !== undefined ? { maxTokens: body.max_gen_len } : {};
  return { messages: [{ role: "user", content: [{ text: llamaText(String(body.prompt)) }] }], inferenceConfig };
}

const turnText = (turn: ModelTurn) => turn.content.map((b) => (typeof b.text === "string" ? b.text : "")).join("");

const ANTHROPIC_STOP: Record<string, string> = { end_turn: "end_turn", max_tokens: "max_tokens", stop_sequence: "stop_sequence", tool_use: "tool_use" };
const TITAN_STOP: Record<string, string> = { end_turn: "FINISH", max_tokens: "LENGTH", stop_sequence: "STOP_CRITERIA_MET", guardrail_intervened: "CONTENT_FILTERED" };
const LLAMA_STOP: Record<string, string> = { max_tokens: "length" };

/** A message ID in Bedrock's form for Claude (`msg_bdrk_` + 24 characters), from the reply's own text. */
function messageId(seed: string): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let id = "";
  for (let i = 0; i < 24; i++) {
    h = Math.imul(h ^ i, 16777619) >>> 0;
    id += "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789"[h % 58];
  }
  return `msg_bdrk_${id}`;
}

/** The body InvokeModel answers with, in the provider's shape. */
export function nativeResponse(family: NativeFamily, modelId: string, turn: ModelTurn): JsonObject {
  const text = turnText(turn);
  const { inputTokens, outputTokens } = turn.usage;
  if (family === "anthropic") {
    return {
      id: messageId(modelId + text),
      type: "message",
      role: "assistant",
      model: anthropicModel(modelId),
      content: [{ type: "text", text }],
      stop_reason: ANTHROPIC_STOP[turn.stopReason] ?? "end_turn",
      stop_sequence: null,
      usage: { input_tokens: inputTokens, output_tokens: outputTokens },
    };
  }
  if (family === "titan-text") {
    return {
      inputTextTokenCount: inputTokens,
      results: [{ tokenCount: outputTokens, outputText: text, completionReason: TITAN_STOP[turn.stopReason] ?? "FINISH" }],
    };
  }
  return { generation: text, prompt_token_count: inputTokens, generation_token_count: outputTokens, stop_reason: LLAMA_STOP[turn.stopReason] ?? "stop" };
}

/** `claude-3-haiku-20240307` from `us.anthropic.claude-3-haiku-20240307-v1:0`, as the `model` member shows it. */
function anthropicModel(modelId: string): string {
  const match = /anthropic\.(claude[^:]*?)(?:-v\d+)?(?::\d+)?$/.exec(modelId);
  return match?.[1] ?? modelId;
}

/** `amazon-bedrock-invocationMetrics`, which Bedrock adds to the last chunk of every native stream. */
export function invocationMetrics(turn: ModelTurn): JsonObject {
  return {
    inputTokenCount: turn.usage.inputTokens,
    outputTokenCount: turn.usage.outputTokens,
    invocationLatency: turn.latencyMs,
    firstByteLatency: Math.min(turn.latencyMs, 100),
  };
}

/** The JSON events of the provider's native stream, one per chunk; the last carries the invocation metrics. */
export function nativeStreamEvents(family: NativeFamily, modelId: string, turn: ModelTurn): JsonObject[] {
  const text = turnText(turn);
  const pieces = text === "" ? [] : splitWords(text);
  const { inputTokens, outputTokens } = turn.usage;
  const metrics = { "amazon-bedrock-invocationMetrics": invocationMetrics(turn) };
  if (family === "anthropic") {
    const message = nativeResponse(family, modelId, turn);
    return [
      {
        type: "message_start",
        message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: inputTokens, output_tokens: 1 } },
      },
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      ...pieces.map((piece) => ({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: piece } })),
      { type: "content_block_stop", index: 0 },
      { type: "message_delta", delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage: { output_tokens: outputTokens } },
      { type: "message_stop", ...metrics },
    ];
  }
  const parts = pieces.length > 0 ? pieces : [""];
  const last = parts.length - 1;
  if (family === "titan-text") {
    const reason = TITAN_STOP[turn.stopReason] ?? "FINISH";
    return parts.map((piece, i) => ({
      outputText: piece,
      index: 0,
      totalOutputTextTokenCount: i === last ? outputTokens : null,
      completionReason: i === last ? reason : null,
      inputTextTokenCount: i === 0 ? inputTokens : null,
      ...(i === last ? metrics : {}),
    }));
  }
  const reason = LLAMA_STOP[turn.stopReason] ?? "stop";
  return parts.map((piece, i) => ({
    generation: piece,
    prompt_token_count: i === 0 ? inputTokens : null,
    generation_token_count: i === last ? outputTokens : i + 1,
    stop_reason: i === last ? reason : null,
    ...(i === last ? metrics : {}),
  }));
}
