// examples/nextjs/app/api/chat/route.ts: a Next.js App Router route handler streaming a Bedrock chat reply as Server-Sent Events.
import { ChatBedrockConverse, toSSEResponse } from "bedrock-edge";

// Route segment config. "nodejs" is Next.js's default and what Vercel recommends; change the
// literal to "edge" for the Edge runtime: the rest of the file is the same for both.
export const runtime = "nodejs";

const SYSTEM_PROMPT = "You are a helpful assistant that translates English to French. Translate the user sentence.";
const MAX_TURNS = 40;
const MAX_CHARACTERS = 32_000;

type Turn = [role: "system" | "user" | "assistant", content: string];

/** Our own words only, as JSON: nothing from Bedrock, nothing from the environment. */
const refuse = (status: number, message: string): Response =>
  Response.json({ message }, { status, headers: { "cache-control": "no-store" } });

/** The conversation in `{ messages: [{ role, content }] }`, or what is wrong with it (fields named, values never echoed). */
function parseConversation(body: unknown): Turn[] | string {
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages) || messages.length === 0) return "Send { messages: [{ role, content }] } with at least one message";
  if (messages.length > MAX_TURNS) return `At most ${MAX_TURNS} messages`;
  const turns: Turn[] = [["system", SYSTEM_PROMPT]];
  let characters = 0;
  for (const [i, message] of messages.entries()) {
    const { role, content } = (message ?? {}) as { role?: unknown; content?: unknown };
    if (role !== "user" && role !== "assistant") return `messages[${i}].role must be "user" or "assistant"`;
    if (typeof content !== "string" || content.trim() === "") return `messages[${i}].content must be non-empty text`;
    characters += content.length;
    turns.push([role, content]);
  }
  if (characters > MAX_CHARACTERS) return `At most ${MAX_CHARACTERS} characters of messages per request`;
  if (turns[turns.length - 1]![0] !== "user") return "The last message must be the user's";
  return turns;
}

/**
 * The model the environment describes. bedrock-edge reads the credentials itself:
 * AWS_BEARER_TOKEN_BEDROCK, else AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN).
 * BEDROCK_ENDPOINT is optional (unset means Amazon Bedrock); tests point it at a local emulator.
 */
function chatModel(model: string): ChatBedrockConverse {
  const endpoint = process.env.BEDROCK_ENDPOINT;
  return new ChatBedrockConverse({ model, region: process.env.AWS_REGION, maxTokens: 1024, ...(endpoint ? { endpoint } : {}) });
}

export async function POST(request: Request): Promise<Response> {
  // Every call is billed to your AWS account: check the caller here (your app's session) and rate-limit the route.
  const model = process.env.BEDROCK_MODEL_ID;
  if (!model || !process.env.AWS_REGION) {
    console.error("chat: set BEDROCK_MODEL_ID and AWS_REGION");
    return refuse(500, "The chat service is not configured");
  }
  // JSON only: a cross-site <form> cannot send it without a CORS preflight, which this route never grants.
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) return refuse(415, "Send the body as application/json");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return refuse(400, "The body must be JSON");
  }
  const conversation = parseConversation(body);
  if (typeof conversation === "string") return refuse(400, conversation);

  // A client that goes away is seen twice: Next.js aborts request.signal and cancels the response
  // body (vercel/next.js#51727, #51594). Either one stops the Bedrock call.
  const abort = new AbortController();
  if (request.signal.aborted) abort.abort();
  request.signal.addEventListener("abort", () => abort.abort(), { once: true });
  // Async, so a constructor error (a bad setting) reaches toSSEResponse as a rejection with a safe answer.
  const reply = (async () => chatModel(model).stream(conversation, { signal: abort.signal }))();
  return toSSEResponse(reply, {
    onCancel: () => abort.abort(),
    // Bedrock's own text (quota names, ARNs) goes to the server log; the client gets a generic { name, message, requestId }.
    onError: (error) => console.error("chat failed:", String(error)),
  });
}
