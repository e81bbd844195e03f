// The ConverseStream operation: the reply as typed events, retried until its first event arrives.
import { BedrockError } from "../../errors/bedrock-error.js";
import { decodeEvents } from "../../event-stream/converse-stream.js";
import { serializeConverseRequest } from "../../wire/serde/serialize-request.js";
import type { ConverseStreamRequest } from "../../wire/index.js";
import { clientConfig, type BedrockClient } from "../bedrock-client.js";
import { observeStream } from "../observe-stream.js";
import type { CallOptions } from "../options.js";
import { ConverseStreamResponse } from "../stream-response.js";
import { send } from "../transport.js";
import { prepare } from "./prepare.js";
import { replayFirst } from "./replay-first.js";

/**
 * Sends a ConverseStream request. Resolves once the response has started (HTTP errors and a
 * throttling frame that arrives first are retried here); then iterate the events.
 * @example
 * for await (const event of await converseStream(client, { modelId, messages })) {
 *   if (event.contentBlockDelta?.delta?.text) console.log(event.contentBlockDelta.delta.text);
 * }
 */
export async function converseStream(
  client: BedrockClient,
  request: ConverseStreamRequest,
  options: CallOptions = {},
): Promise<ConverseStreamResponse> {
  const config = clientConfig(client);
  const op = prepare(config, { name: "ConverseStream", slug: "converse-stream" }, request, serializeConverseRequest, options);
  const idleTimeoutMs = options.streamIdleTimeout ?? config.idleTimeoutMs;
  const { scrubber } = config.transport.auth;
  const { hooks } = config.transport;
  const startedMs = Date.now();
  return send(config.transport, {
    ...op,
    accept: "application/vnd.amazon.eventstream",
    async read(response, ctx) {
      if (!response.body) throw new BedrockError("Bedrock returned an empty stream body", { status: response.status });
      const events = decodeEvents(
        response.body,
        { ...(ctx.requestId ? { requestId: ctx.requestId } : {}), signal: ctx.link.signal, idleTimeoutMs },
        () => ctx.link.dispose(),
      );
      // Wait for the first event while retries are still possible; nothing has reached the caller yet.
      const first = await events.next();
      ctx.link.arm(undefined, "");
      ctx.keepAlive();
      const facts = { ...op.info, attempt: ctx.attempts, requestId: ctx.requestId, startedMs };
      const iterator = observeStream(replayFirst(first, events, scrubber), hooks, facts);
      return new ConverseStreamResponse(iterator, {
        httpStatusCode: response.status,
        requestId: ctx.requestId,
        attempts: ctx.attempts,
      });
    },
  });
}
