// The emulator's POST /openai/v1/chat/completions: the built-in model behind OpenAI's Chat Completions shapes.
import type { AwsError } from "../aws-error.js";
import type { EmulatorModel } from "../model/built-in-model.js";
import type { JsonObject } from "../types.js";
import { isObject } from "../../internal/index.js";
import { chatCompletionsRequestProblem, chatToConverse, sseBody, turnToChunks, turnToCompletion } from "./chat-completions.js";

// Bedrock Runtime's base URL for the OpenAI SDK is `…/openai/v1` (AWS user guide, "Invoke a model with
// the OpenAI Chat Completions API"); the newer "Chat Completions API" page also lists `/v1/chat/completions`
// on bedrock-runtime (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-chat-completions-mantle.html).
const PATHS = new Set(["/openai/v1/chat/completions", "/v1/chat/completions"]);

export function isChatCompletionsPath(rawPath: string): boolean {
  return PATHS.has(rawPath);
}

/** OpenAI's error `type` per status (https://platform.openai.com/docs/guides/error-codes). */
function errorTypeFor(status: number): string {
  if (status === 429) return "rate_limit_error";
  if (status === 401 || status === 403) return "authentication_error";
  if (status === 404) return "not_found_error";
  return status >= 500 ? "server_error" : "invalid_request_error";
}

/**
 * An OpenAI-shaped error, `{ "error": { message, type, code, param } }`, with the AWS error type
 * as `code` and in `x-amzn-errortype`. UNCONFIRMED: no source we found shows the body Bedrock's
 * OpenAI-compatible route sends on errors; the OpenAI SDK reads `error.message` from this shape.
 * Authentication failures are answered before this route, in AWS's shape, as on every route.
 */
export function openAiErrorResponse(error: AwsError, base: Headers): Response {
  const headers = new Headers(base);
  headers.set("content-type", "application/json");
  headers.set("x-amzn-errortype", error.type);
  for (const [name, value] of Object.entries(error.headers ?? {})) headers.set(name, value);
  const body = { error: { message: error.message, type: errorTypeFor(error.status), code: error.type, param: null } };
  return new Response(JSON.stringify(body), { status: error.status, headers });
}

export interface ChatCompletionsContext {
  body: unknown;
  requestId: string;
  nowMs: number;
  model: EmulatorModel;
  modelAllowed: (modelId: string) => boolean;
  headers: Headers;
}

/** The answer to one authenticated request: a validation error, a completion, or an SSE stream of chunks. */
export async function chatCompletions(ctx: ChatCompletionsContext): Promise<Response | AwsError> {
  const problem = chatCompletionsRequestProblem(ctx.body);
  if (problem) return { status: 400, type: "ValidationException", message: problem };
  const body = ctx.body as JsonObject;
  const modelId = body.model as string;
  if (!ctx.modelAllowed(modelId)) return { status: 400, type: "ValidationException", message: "The provided model identifier is invalid." };
  const stream = body.stream === true;
  const turn = await ctx.model(chatToConverse(body), { modelId, operation: stream ? "converse-stream" : "converse" });
  const facts = { id: `chatcmpl-${ctx.requestId}`, created: Math.floor(ctx.nowMs / 1000), model: modelId };
  const headers = new Headers(ctx.headers);
  if (!stream) {
    headers.set("content-type", "application/json");
    return new Response(JSON.stringify(turnToCompletion(turn, facts)), { status: 200, headers });
  }
  const includeUsage = isObject(body.stream_options) && body.stream_options.include_usage === true;
  headers.set("content-type", "text/event-stream");
  headers.set("cache-control", "no-cache");
  const encoder = new TextEncoder();
  const events = sseBody(turnToChunks(turn, facts, includeUsage)).split(/(?<=\n\n)/);
  // One event per chunk, so readers must join lines across reads as they would on a real connection.
  const sse = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = events.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
  });
  return new Response(sse, { status: 200, headers });
}
