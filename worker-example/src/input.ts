// POST /chat's body: `{ prompt }` or `{ messages: [{ role: "user" | "assistant", content }] }`, checked.
import type { Env } from "./env.js";

export type Turn = [role: "system" | "user" | "assistant", content: string];

/** Limits that keep one page visit from running up a large bill. */
const MAX_TURNS = 40;
const MAX_CHARS = 20_000;

const DEFAULT_SYSTEM_PROMPT = "You are a helpful assistant that translates English to French. Translate the user sentence.";

const badRequest = (message: string): Response => Response.json({ message }, { status: 400 });

/**
 * The conversation to send: the system prompt from the Worker's vars (pages cannot change it),
 * then the page's turns. Anything malformed gets a 400 with a JSON `{ message }`.
 */
export async function readChatInput(request: Request, env: Env): Promise<Turn[] | Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return badRequest("The body must be JSON: { prompt } or { messages }");
  }
  const { prompt, messages } = (typeof body === "object" && body !== null ? body : {}) as { prompt?: unknown; messages?: unknown };
  const turns: unknown[] = typeof prompt === "string" ? [{ role: "user", content: prompt }] : Array.isArray(messages) ? messages : [];
  if (turns.length === 0) return badRequest("Send { prompt: string } or a non-empty { messages: [{ role, content }] }");
  if (turns.length > MAX_TURNS) return badRequest(`At most ${MAX_TURNS} messages`);
  const out: Turn[] = [["system", env.SYSTEM_PROMPT || DEFAULT_SYSTEM_PROMPT]];
  for (const [i, turn] of turns.entries()) {
    const { role, content } = (turn ?? {}) as { role?: unknown; content?: unknown };
    if (role !== "user" && role !== "assistant") return badRequest(`messages[${i}].role must be "user" or "assistant"`);
    if (typeof content !== "string" || content.trim() === "") return badRequest(`messages[${i}].content must be non-empty text`);
    if (content.length > MAX_CHARS) return badRequest(`messages[${i}].content is longer than ${MAX_CHARS} characters`);
    out.push([role, content]);
  }
  if (out[out.length - 1]![0] !== "user") return badRequest("The last message must be the user's");
  return out;
}
