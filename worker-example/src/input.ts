// POST /chat's body: `{ prompt }` or `{ messages: [{ role: "user" | "assistant", content }] }`, checked and capped.
import { estimateInputTokens } from "bedrock-edge";
import type { Env } from "./env.js";

export type Turn = [role: "system" | "user" | "assistant", content: string];

/** Limits that keep one request from running up a large bill (see worker-example/README.md). */
export const LIMITS = {
  /** Bytes of JSON body read before answering 413. */
  maxBodyBytes: 64 * 1024,
  /** Estimated input tokens (system prompt included) per request, by bedrock-edge's estimate: characters / 4. */
  maxInputTokens: 4_000,
  /** Turns per conversation. */
  maxTurns: 40,
} as const;

const DEFAULT_SYSTEM_PROMPT = "You are a helpful assistant that translates English to French. Translate the user sentence.";

/** A refusal: its status and the `{ message }` the page gets. */
export interface InputProblem {
  status: 400 | 413;
  message: string;
}

const bad = (message: string): InputProblem => ({ status: 400, message });

/**
 * The conversation to send: the system prompt from the Worker's vars (pages cannot change it),
 * then the page's turns. Malformed input is a 400; a conversation over the token estimate a 413.
 */
export function parseChatInput(text: string, env: Env): Turn[] | InputProblem {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return bad("The body must be JSON: { prompt } or { messages }");
  }
  const { prompt, messages } = (typeof body === "object" && body !== null ? body : {}) as { prompt?: unknown; messages?: unknown };
  const turns: unknown[] = typeof prompt === "string" ? [{ role: "user", content: prompt }] : Array.isArray(messages) ? messages : [];
  if (turns.length === 0) return bad("Send { prompt: string } or a non-empty { messages: [{ role, content }] }");
  if (turns.length > LIMITS.maxTurns) return bad(`At most ${LIMITS.maxTurns} messages`);
  const out: Turn[] = [["system", env.SYSTEM_PROMPT || DEFAULT_SYSTEM_PROMPT]];
  for (const [i, turn] of turns.entries()) {
    const { role, content } = (turn ?? {}) as { role?: unknown; content?: unknown };
    if (role !== "user" && role !== "assistant") return bad(`messages[${i}].role must be "user" or "assistant"`);
    if (typeof content !== "string" || content.trim() === "") return bad(`messages[${i}].content must be non-empty text`);
    out.push([role, content]);
  }
  if (out[out.length - 1]![0] !== "user") return bad("The last message must be the user's");
  const tokens = estimateInputTokens({
    system: [{ text: out[0]![1] }],
    messages: out.slice(1).map(([role, content]) => ({ role: role as "user" | "assistant", content: [{ text: content }] })),
  });
  if (tokens > LIMITS.maxInputTokens) {
    return { status: 413, message: `The conversation is too long: at most about ${LIMITS.maxInputTokens} tokens per request (start a new one)` };
  }
  return out;
}
