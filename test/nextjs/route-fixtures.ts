// What the Next.js route tests share: the route file, the environment it reads, requests to it, and its reply read back.
import { fileURLToPath } from "node:url";
import { concat, readSSEChunks, type AIMessageChunk } from "../../src/chat/index.js";
import { EMULATOR_CREDENTIALS, EMULATOR_REGION } from "../../src/testing/index.js";

export const ROUTE_FILE = fileURLToPath(new URL("../../examples/nextjs/app/api/chat/route.ts", import.meta.url));
export const MODEL_ID = "us.amazon.nova-micro-v1:0";
export const SYSTEM_PROMPT = "You are a helpful assistant that translates English to French. Translate the user sentence.";
export const SEED = "I love programming.";
export const TRANSLATION = "J'adore la programmation.";
/** A prompt the tests script a slow drip for (the built-in model echoes it), so a reply is still streaming when the client leaves. */
export const SLOW_PROMPT = "Count slowly from one to twenty, one number per line, please.";

/** The route module's surface, as Next.js sees it. */
export interface RouteModule {
  runtime: string;
  POST(request: Request): Promise<Response>;
}

/** Every variable the route or bedrock-edge reads, with the emulator's keys; `undefined` unsets one. */
export function routeEnv(endpoint: string, overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    BEDROCK_ENDPOINT: endpoint,
    BEDROCK_MODEL_ID: MODEL_ID,
    AWS_REGION: EMULATOR_REGION,
    AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: undefined,
    AWS_BEARER_TOKEN_BEDROCK: undefined,
    ...overrides,
  };
}

/** A POST as a browser's fetch would send it to /api/chat. */
export function chatRequest(body: string | object, init: { contentType?: string; signal?: AbortSignal } = {}): Request {
  return new Request("https://app.example/api/chat", {
    method: "POST",
    headers: { "content-type": init.contentType ?? "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

export const userTurn = (content: string) => ({ messages: [{ role: "user", content }] });

/** The whole reply: the chunks of an SSE response, added up. */
export async function replyOf(response: Response): Promise<AIMessageChunk> {
  let reply: AIMessageChunk | undefined;
  for await (const chunk of readSSEChunks(response)) reply = reply ? concat(reply, chunk) : chunk;
  if (!reply) throw new Error("the stream carried no chunk");
  return reply;
}

/** The text of the user's last turn in a recorded Converse request body. */
export function lastUserText(body: unknown): string | undefined {
  const messages = (body as { messages?: Array<{ content?: Array<{ text?: string }> }> } | undefined)?.messages;
  return messages?.at(-1)?.content?.[0]?.text;
}
