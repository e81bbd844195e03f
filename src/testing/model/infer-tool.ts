// The built-in model's choice of a tool the user did not name: one the system prompt demands, else the best word match.
//
// Rule (used only when the user text names no bound tool):
// 1. A system-prompt sentence demands a tool when it holds "always" or "must" and a call verb
//    ("call", "use", "invoke", "run"). Its tool is the bound tool it names (as in `findMention`;
//    the first named), or, when it names none but says "tool"/"function" and exactly one tool is
//    bound, that tool. The first demanding sentence with a tool wins.
// 2. Otherwise each tool scores the user text's content words (words.ts) against its name words
//    (2 points each) and description words (1 point): per distinct user word, the best point it
//    earns. The highest score of at least MIN_SCORE wins; ties go to the tool bound first. Below
//    MIN_SCORE (say, one description word alone) no tool fits and the model answers with text.
import { findMention } from "./mentions.js";
import type { ToolSpecJson } from "./request.js";
import { contentWords, stemsMatch } from "./words.js";

/** Smallest score that makes a tool fit: one name word, or two description words. */
export const MIN_SCORE = 2;

const DEMAND = /\b(?:always|must)\b/i;
const CALL_VERB = /\b(?:call|use|invoke|run)\b/i;
const TOOL_WORD = /\b(?:tools?|functions?)\b/i;

/** Sentences of a text: split after `.` `!` `?` followed by space, and at newlines. */
const sentences = (text: string): string[] => text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim() !== "");

/** The tool a system prompt demands by rule 1, or undefined. */
export function demandedTool(system: string, tools: readonly ToolSpecJson[]): ToolSpecJson | undefined {
  for (const sentence of sentences(system)) {
    if (!DEMAND.test(sentence) || !CALL_VERB.test(sentence)) continue;
    const named = tools
      .map((tool) => ({ tool, at: findMention(sentence, tool.name)?.at }))
      .filter((hit): hit is { tool: ToolSpecJson; at: number } => hit.at !== undefined)
      .sort((a, b) => a.at - b.at);
    if (named.length > 0) return named[0]!.tool;
    if (tools.length === 1 && TOOL_WORD.test(sentence)) return tools[0];
  }
  return undefined;
}

/** How well `text` fits a tool by rule 2 (0: not at all). */
export function toolScore(tool: ToolSpecJson, text: string): number {
  const nameWords = contentWords(tool.name);
  const descriptionWords = contentWords(tool.description);
  let score = 0;
  for (const word of contentWords(text)) {
    if (nameWords.some((w) => stemsMatch(w, word))) score += 2;
    else if (descriptionWords.some((w) => stemsMatch(w, word))) score += 1;
  }
  return score;
}

/** The tool whose name and description best fit `text` by rule 2, or undefined when none scores MIN_SCORE. */
export function bestMatchingTool(tools: readonly ToolSpecJson[], text: string): ToolSpecJson | undefined {
  let best: { tool: ToolSpecJson; score: number } | undefined;
  for (const tool of tools) {
    const score = toolScore(tool, text);
    if (score >= MIN_SCORE && (!best || score > best.score)) best = { tool, score };
  }
  return best?.tool;
}

/** The tool to call when the user named none: rule 1, then rule 2. */
export function inferTool(tools: readonly ToolSpecJson[], system: string, text: string): ToolSpecJson | undefined {
  if (tools.length === 0) return undefined;
  return demandedTool(system, tools) ?? bestMatchingTool(tools, text);
}
