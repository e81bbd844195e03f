// The example Worker: GET / serves a chat page, POST /chat streams the model's reply to it as Server-Sent Events.
import { toSSEResponse } from "bedrock-edge";
import { chatModel, type Env } from "./env.js";
import { readChatInput } from "./input.js";
import { CHAT_PAGE } from "./page.js";

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/" && request.method === "GET") return new Response(CHAT_PAGE, { headers: { "content-type": "text/html; charset=utf-8" } });
    if (pathname !== "/chat") return new Response("Not found", { status: 404 });
    if (request.method !== "POST") return new Response("Use POST", { status: 405, headers: { allow: "POST" } });
    const input = await readChatInput(request, env);
    if (input instanceof Response) return input;
    // Closing the page cancels the response; the abort then stops the Bedrock call too.
    const abort = new AbortController();
    const reply = (async () => chatModel(env).stream(input, { signal: abort.signal }))();
    return toSSEResponse(reply, { onCancel: () => abort.abort(), onError: (error) => console.error("chat failed:", String(error)) });
  },
};

export type { Env };
