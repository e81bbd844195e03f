// The built-in model's guardrail: a word filter applied to the input when `guardrailConfig` is sent.
//
// Rule. With `guardrailConfig`, the guarded text is every `guardContent` text of the request
// (system and messages) when there is any, otherwise every `text` block of the user messages.
// If it contains a blocked word (whole word, case-insensitive; default "BLOCKED" and "forbidden"),
// the reply is the guardrail's blocked message, stopReason "guardrail_intervened", usage all 0,
// and with `trace: "enabled"` (or "enabled_full") `trace.guardrail.inputAssessment[<guardrail id>]`
// reports the word under `wordPolicy.customWords`. With trace on and nothing blocked, the trace
// carries the input and output assessments' invocation metrics only.
import { guardText, messagesOf, contentOf } from "./request.js";
import type { JsonObject } from "../types.js";
import { isObject } from "../../internal/index.js";

export const DEFAULT_BLOCKED_WORDS: readonly string[] = ["BLOCKED", "forbidden"];
/** The message a guardrail created in the console answers with, unless configured otherwise. */
export const DEFAULT_BLOCKED_MESSAGE = "Sorry, the model cannot answer this question.";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The text the guardrail checks, by the rule above. */
export function guardedText(request: JsonObject): string {
  const system = Array.isArray(request.system) ? (request.system as unknown[]).filter(isObject) : [];
  const messages = messagesOf(request);
  const guarded = [...system, ...messages.flatMap(contentOf)].map(guardText).filter((t): t is string => t !== undefined);
  if (guarded.length > 0) return guarded.join("\n");
  return messages
    .filter((m) => m.role === "user")
    .flatMap(contentOf)
    .flatMap((b) => (typeof b.text === "string" ? [b.text] : []))
    .join("\n");
}

/** Blocked words found in the text, as they appear there, in order. */
export function findBlockedWords(text: string, words: readonly string[]): string[] {
  const found: string[] = [];
  for (const word of words) {
    const match = new RegExp(`(?<![\\p{L}\\p{N}_])${escape(word)}(?![\\p{L}\\p{N}_])`, "iu").exec(text);
    if (match) found.push(match[0]);
  }
  return found;
}

/** `guardrailIdentifier` as trace keys show it: the ID, also when an ARN was sent. */
export function guardrailId(config: JsonObject): string {
  const identifier = String(config.guardrailIdentifier ?? "");
  return identifier.includes("guardrail/") ? identifier.slice(identifier.lastIndexOf("/") + 1) : identifier;
}

/** One text unit is up to 1,000 characters, as guardrails bill them. */
const units = (text: string) => Math.max(1, Math.ceil([...text].length / 1000));

function metrics(text: string, wordUnits: number): JsonObject {
  const characters = [...text].length;
  return {
    guardrailProcessingLatency: 50 + units(text) * 10,
    usage: {
      topicPolicyUnits: 0,
      contentPolicyUnits: 0,
      wordPolicyUnits: wordUnits,
      sensitiveInformationPolicyUnits: 0,
      sensitiveInformationPolicyFreeUnits: 0,
      contextualGroundingPolicyUnits: 0,
    },
    guardrailCoverage: { textCharacters: { guarded: characters, total: characters } },
  };
}

export const traceEnabled = (config: JsonObject) => config.trace === "enabled" || config.trace === "enabled_full";

/** `trace` of a turn the guardrail blocked. */
export function blockedTrace(config: JsonObject, text: string, matches: string[]): JsonObject {
  const assessment = {
    wordPolicy: { customWords: matches.map((match) => ({ match, action: "BLOCKED", detected: true })) },
    invocationMetrics: metrics(text, units(text)),
  };
  return { guardrail: { inputAssessment: { [guardrailId(config)]: assessment }, actionReason: "Guardrail blocked." } };
}

/** `trace` of a turn the guardrail let through: metrics for the input and for the reply. */
export function passedTrace(config: JsonObject, text: string, reply: string): JsonObject {
  const id = guardrailId(config);
  return {
    guardrail: {
      inputAssessment: { [id]: { invocationMetrics: metrics(text, units(text)) } },
      outputAssessments: { [id]: [{ invocationMetrics: metrics(reply, units(reply)) }] },
    },
  };
}
