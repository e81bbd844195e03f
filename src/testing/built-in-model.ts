// The emulator's deterministic model: translates the seed example, otherwise echoes the last user text.
//
// It answers with a `ModelTurn` (assistant content, stop reason, usage); `turn-events.ts` turns that into
// ConverseStream events or a Converse response, so a richer model (tools, reasoning, cache points) only
// has to produce richer turns. Pass your own as the emulator's `model` option.
import { countInputTokens, estimateTokens } from "./token-count.js";
import type { JsonObject } from "./types.js";
import { isObject } from "./validate-util.js";

export interface TokenUsageJson {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
  cacheDetails?: Array<{ ttl: string; inputTokens: number }>;
}

/** One assistant turn, before it is encoded as a stream or a Converse response. */
export interface ModelTurn {
  /** Assistant content blocks in Converse JSON shape (`{ text }`, `{ toolUse }`, `{ reasoningContent }`). */
  content: JsonObject[];
  stopReason: string;
  usage: TokenUsageJson;
  latencyMs: number;
  additionalModelResponseFields?: JsonObject;
}

export interface ModelContext {
  modelId: string;
  operation: "converse" | "converse-stream";
}

/** A model the emulator can run: from a validated Converse body to one assistant turn. */
export type EmulatorModel = (request: JsonObject, context: ModelContext) => ModelTurn | Promise<ModelTurn>;

/** Exact replies, keyed by the user text lower-cased with trailing punctuation removed. */
export const TRANSLATIONS: Readonly<Record<string, string>> = {
  "i love programming": "J'adore la programmation.",
};

const normalize = (text: string): string => text.trim().toLowerCase().replace(/[\s.!?]+$/, "");

function lastUserContent(request: JsonObject): JsonObject[] {
  const messages = Array.isArray(request.messages) ? (request.messages as unknown[]) : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (isObject(message) && message.role === "user" && Array.isArray(message.content)) return message.content as JsonObject[];
  }
  return [];
}

/** What the built-in model says, before stop sequences and maxTokens are applied. */
export function builtInReply(request: JsonObject): string {
  const content = lastUserContent(request);
  const text = content
    .map((block) => block.text)
    .filter((t): t is string => typeof t === "string")
    .join("\n");
  if (text.trim() !== "") return TRANSLATIONS[normalize(text)] ?? `You said: ${text}`;
  const results = content.filter((block) => isObject(block.toolResult)).map((block) => JSON.stringify((block.toolResult as JsonObject).content));
  if (results.length > 0) return `The tool returned: ${results.join(", ")}`;
  return "You sent no text I can read.";
}

/** Cuts the reply at the first stop sequence, then at `maxTokens` (maxTokens × 4 characters by the token rule). */
export function applyLimits(reply: string, inferenceConfig: unknown): { text: string; stopReason: string } {
  const config = isObject(inferenceConfig) ? inferenceConfig : {};
  let text = reply;
  let stopReason = "end_turn";
  const stops = Array.isArray(config.stopSequences) ? (config.stopSequences as string[]) : [];
  const cut = Math.min(...stops.map((s) => text.indexOf(s)).filter((i) => i >= 0));
  if (Number.isFinite(cut)) {
    text = text.slice(0, cut);
    stopReason = "stop_sequence";
  }
  const maxTokens = typeof config.maxTokens === "number" ? config.maxTokens : Infinity;
  if (estimateTokens(text) > maxTokens) {
    text = [...text].slice(0, maxTokens * 4).join("");
    stopReason = "max_tokens";
  }
  return { text, stopReason };
}

/** Deterministic latency: 100 ms plus 10 ms per output word. */
export const latencyFor = (text: string): number => 100 + 10 * (text.match(/\S+/g)?.length ?? 0);

/**
 * The default model. "I love programming." → "J'adore la programmation."; anything else → "You said: …".
 *
 * @example
 * builtInModel({ messages: [{ role: "user", content: [{ text: "I love programming." }] }] }, ctx).content
 * // [{ text: "J'adore la programmation." }]
 */
export const builtInModel: EmulatorModel = (request) => {
  const { text, stopReason } = applyLimits(builtInReply(request), request.inferenceConfig);
  const inputTokens = countInputTokens(request);
  const outputTokens = estimateTokens(text);
  return {
    content: [{ text }],
    stopReason,
    usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
    latencyMs: latencyFor(text),
  };
};
