// The built-in model's words: the seed translation, the echo with its media note, tool-result summaries, limits.
import { estimateTokens } from "./token-count.js";
import { blocksText, lastUserContent, lastUserIndex, mediaSentence } from "./request.js";
import { summarizeToolResults } from "./tools.js";
import type { JsonObject } from "../types.js";
import { isObject } from "../../internal/index.js";

/** Exact replies, keyed by the user text lower-cased with trailing punctuation removed. */
export const TRANSLATIONS: Readonly<Record<string, string>> = {
  "i love programming": "J'adore la programmation.",
};

const normalize = (text: string): string => text.trim().toLowerCase().replace(/[\s.!?]+$/, "");

/** The translation of a known sentence, or undefined. */
export const translationOf = (text: string): string | undefined => TRANSLATIONS[normalize(text)];

/**
 * What the built-in model says to the last user turn when it calls no tool, before stop sequences
 * and maxTokens: tool results are summarized ("Tool <name> returned: …"), a known sentence is
 * translated, other text echoed ("You said: …"), and media acknowledged ("I see 1 image.").
 */
export function builtInReply(request: JsonObject): string {
  const content = lastUserContent(request);
  const text = blocksText(content);
  const lines: string[] = [];
  if (content.some((block) => isObject(block.toolResult))) lines.push(summarizeToolResults(request, content, lastUserIndex(request)));
  const media = mediaSentence(content);
  if (text.trim() !== "") {
    const answer = translationOf(text) ?? `You said: ${text}`;
    lines.push(media ? `${answer} ${media}` : answer);
  } else if (media) {
    lines.push(media);
  }
  return lines.length > 0 ? lines.join("\n") : "You sent no text I can read.";
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

/** What the model is about to do, for its reasoning text. */
export type ReplyKind = { kind: "tools"; names: string[] } | { kind: "results" } | { kind: "json" } | { kind: "text"; translated: boolean };

const SNIPPET_CHARS = 200;

/** The reasoning the model shows before its answer: the user's words (cut at 200 characters) and its plan. */
export function reasoningText(userText: string, reply: ReplyKind): string {
  const words = userText.replace(/\s+/g, " ").trim();
  const snippet = [...words].length > SNIPPET_CHARS ? `${[...words].slice(0, SNIPPET_CHARS).join("")}…` : words;
  const opening = reply.kind === "results" ? "The tools have answered." : snippet ? `The user wrote "${snippet}".` : "The user sent no text.";
  const plan =
    reply.kind === "tools"
      ? `I should call ${reply.names.join(" and ")}.`
      : reply.kind === "results"
        ? "I should summarize the tool results."
        : reply.kind === "json"
          ? "I should answer with JSON that fits the schema."
          : reply.translated
            ? "I should translate it into French."
            : "I should repeat it back.";
  return `${opening} ${plan}`;
}
