// The example Worker: GET / serves a chat page, POST /chat streams the model's reply to it as Server-Sent Events, behind the checks below.
import { toSSEResponse } from "bedrock-edge";
import { hasAccess } from "./access.js";
import { readBodyText } from "./body.js";
import { chatModel, configurationProblem, type Env } from "./env.js";
import { BASE_HEADERS, pageHeaders } from "./headers.js";
import { LIMITS, parseChatInput } from "./input.js";
import { corsHeaders, isJsonContentType, originAllowed, preflight } from "./origin.js";
import { CHAT_PAGE } from "./page.js";
import { withinRateLimit } from "./rate-limit.js";

/** A refusal as JSON `{ message }`: only the Worker's own words, never a server's. */
const refuse = (status: number, message: string, headers: Record<string, string> = {}): Response =>
  Response.json({ message }, { status, headers: { ...BASE_HEADERS, "cache-control": "no-store", ...headers } });

/**
 * POST /chat, cheapest checks first: a ready configuration (503), the origin (403), a JSON body
 * (415), the client's rate limit (429), the access token (401), the body size (413), the input
 * (400, or 413 over the token cap). Only then is Bedrock called.
 */
async function chat(request: Request, env: Env): Promise<Response> {
  const cors = corsHeaders(request, env);
  const problem = configurationProblem(env);
  if (problem) return refuse(503, problem);
  if (!originAllowed(request, env)) return refuse(403, "This origin may not call /chat (see ALLOWED_ORIGINS)");
  // 415 rather than 403: the origin check already stopped other sites; this says what to send.
  if (!isJsonContentType(request)) return refuse(415, "Send the body as application/json", cors);
  if (!(await withinRateLimit(request, env))) return refuse(429, "Too many requests: wait a minute and try again", { ...cors, "retry-after": "60" });
  if (!(await hasAccess(request, env))) {
    return refuse(401, "Enter the access token (CHAT_ACCESS_TOKEN) to chat", { ...cors, "www-authenticate": 'Bearer realm="chat"' });
  }
  const body = await readBodyText(request, LIMITS.maxBodyBytes);
  if (!body.ok) {
    return body.reason === "too-large"
      ? refuse(413, `The body is larger than ${LIMITS.maxBodyBytes} bytes`, cors)
      : refuse(400, "The body must be UTF-8 JSON", cors);
  }
  const input = parseChatInput(body.text, env);
  if (!Array.isArray(input)) return refuse(input.status, input.message, cors);
  // Closing the page cancels the response; the abort then stops the Bedrock call too.
  const abort = new AbortController();
  // Async, so a constructor error (a bad var) reaches toSSEResponse as a rejection, not an uncaught throw.
  const reply = (async () => chatModel(env).stream(input, { signal: abort.signal }))();
  return toSSEResponse(reply, {
    headers: { ...BASE_HEADERS, ...cors },
    onCancel: () => abort.abort(),
    // The original error, Bedrock's text included, stays in the Worker's logs; the page gets a safe shape.
    onError: (error) => console.error("chat failed:", String(error)),
  });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/" && request.method === "GET") return new Response(CHAT_PAGE, { headers: await pageHeaders(request) });
    if (pathname !== "/chat") return new Response("Not found", { status: 404, headers: BASE_HEADERS });
    if (request.method === "OPTIONS") return preflight(request, env);
    if (request.method !== "POST") return new Response("Use POST", { status: 405, headers: { ...BASE_HEADERS, allow: "POST" } });
    return chat(request, env);
  },
};

export type { Env };
