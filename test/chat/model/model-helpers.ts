// Test helpers for ChatBedrockConverse: a fetch that records request bodies and answers with a fixed reply.
import { ChatBedrockConverse, type ChatBedrockConverseInput } from "../../../src/chat/model/chat-model.js";

export const MODEL = "us.anthropic.claude-sonnet-4-20250514-v1:0";
export const API_KEY = "ABSKRW11bGF0b3JFeGFtcGxlS2V5";

/** A Converse response body with one text block. */
export function textReply(text = "ok"): Record<string, unknown> {
  return {
    output: { message: { role: "assistant", content: [{ text }] } },
    stopReason: "end_turn",
    usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 },
    metrics: { latencyMs: 10 },
  };
}

export interface Recorded {
  model: ChatBedrockConverse;
  /** Parsed JSON bodies, in send order. */
  bodies: Array<Record<string, unknown>>;
  urls: string[];
  headers: Headers[];
}

/** A model whose fetch records each request and answers `reply` (a Converse body, or a function of the request body). */
export function recordingModel(
  fields: Partial<ChatBedrockConverseInput> = {},
  reply: Record<string, unknown> | ((body: Record<string, unknown>, url: string) => Response | Record<string, unknown>) = textReply(),
): Recorded {
  const bodies: Array<Record<string, unknown>> = [];
  const urls: string[] = [];
  const headers: Headers[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = JSON.parse(await request.text()) as Record<string, unknown>;
    bodies.push(body);
    urls.push(request.url);
    headers.push(request.headers);
    const answer = typeof reply === "function" ? reply(body, request.url) : reply;
    if (answer instanceof Response) return answer;
    return new Response(JSON.stringify(answer), {
      status: 200,
      headers: { "content-type": "application/json", "x-amzn-requestid": `req-${bodies.length}` },
    });
  };
  const model = new ChatBedrockConverse({ model: MODEL, region: "us-east-1", apiKey: API_KEY, fetch, ...fields });
  return { model, bodies, urls, headers };
}

/** Collects warnings given to the model's `warn` hook. */
export function warnings(): { warn: (message: string) => void; messages: string[] } {
  const messages: string[] = [];
  return { warn: (message) => void messages.push(message), messages };
}
