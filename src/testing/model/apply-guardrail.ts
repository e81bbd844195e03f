// ApplyGuardrail as the emulator serves it: the built-in guardrail's word filter over the request's content.
import { isObject } from "../../internal/index.js";
import type { JsonObject } from "../types.js";
import { DEFAULT_BLOCKED_MESSAGE, DEFAULT_BLOCKED_WORDS, findBlockedWords } from "./guardrail.js";

// AWS's generic constraint wording for a missing member, e.g. "1 validation error detected: Value null
// at 'source' failed to satisfy constraint: Member must not be null" (the Coral validation format every
// JSON AWS service uses).
const notNull = (member: string) => `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`;
const SOURCES = ["INPUT", "OUTPUT"];

/** The ValidationException message for an ApplyGuardrail body Bedrock would refuse, or undefined. */
export function applyGuardrailProblem(body: unknown): string | undefined {
  if (!isObject(body)) return "Malformed input request, please reformat your input and try again.";
  if (body.source === undefined) return notNull("source");
  if (typeof body.source !== "string" || !SOURCES.includes(body.source)) {
    return `1 validation error detected: Value '${String(body.source)}' at 'source' failed to satisfy constraint: Member must satisfy enum value set: [INPUT, OUTPUT]`;
  }
  if (body.content === undefined) return notNull("content");
  if (!Array.isArray(body.content)) return "Malformed input request, please reformat your input and try again.";
  return undefined;
}

/** One text unit is up to 1,000 characters, as guardrails bill them. */
const units = (text: string) => (text === "" ? 0 : Math.ceil([...text].length / 1000));

export interface GuardrailSettings {
  blockedWords?: readonly string[] | undefined;
  blockedMessage?: string | undefined;
}

/**
 * The ApplyGuardrail answer: every text block (`content[].text.text`) is checked for a blocked word
 * (the built-in model's `blockedWords`). Found: `action` "GUARDRAIL_INTERVENED", `outputs` the
 * blocked message, the words under `assessments[0].wordPolicy.customWords`. Otherwise `action`
 * "NONE" and no outputs (`outputScope: "FULL"` returns the content's text as it is).
 */
export function applyGuardrailResponse(body: JsonObject, settings: GuardrailSettings = {}): JsonObject {
  const texts = (body.content as unknown[])
    .filter(isObject)
    .flatMap((block) => (isObject(block.text) && typeof block.text.text === "string" ? [block.text.text] : []));
  const text = texts.join("\n");
  const found = findBlockedWords(text, settings.blockedWords ?? DEFAULT_BLOCKED_WORDS);
  const characters = [...text].length;
  const usage = {
    topicPolicyUnits: 0,
    contentPolicyUnits: 0,
    wordPolicyUnits: units(text),
    sensitiveInformationPolicyUnits: 0,
    sensitiveInformationPolicyFreeUnits: 0,
    contextualGroundingPolicyUnits: 0,
    contentPolicyImageUnits: 0,
  };
  const coverage = { textCharacters: { guarded: characters, total: characters } };
  const invocationMetrics = { guardrailProcessingLatency: 50 + Math.max(1, units(text)) * 10, usage, guardrailCoverage: coverage };
  if (found.length > 0) {
    return {
      usage,
      action: "GUARDRAIL_INTERVENED",
      actionReason: "Guardrail blocked.",
      outputs: [{ text: settings.blockedMessage ?? DEFAULT_BLOCKED_MESSAGE }],
      assessments: [{ wordPolicy: { customWords: found.map((match) => ({ match, action: "BLOCKED", detected: true })) }, invocationMetrics }],
      guardrailCoverage: coverage,
    };
  }
  return {
    usage,
    action: "NONE",
    actionReason: "No action.",
    outputs: body.outputScope === "FULL" ? texts.map((t) => ({ text: t })) : [],
    assessments: [{ invocationMetrics }],
    guardrailCoverage: coverage,
  };
}
