// The ConverseStream operation: the reply as typed events, retried until its first event arrives.
import { decodeEvents } from "../../event-stream/converse-stream.js";
import { serializeConverseRequest } from "../../wire/serde/serialize-request.js";
import type { ConverseStreamRequest } from "../../wire/index.js";
import { clientConfig, type BedrockClient } from "../bedrock-client.js";
import type { CallOptions } from "../options.js";
import { ConverseStreamResponse } from "../stream-response.js";
import { send } from "../transport.js";
import { prepare } from "./prepare.js";
import { openEventStream } from "./open-event-stream.js";

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
  const call = { info: op.info, idleTimeoutMs: options.streamIdleTimeout ?? config.idleTimeoutMs, startedMs: Date.now() };
  return send(config.transport, {
    ...op,
    accept: "application/vnd.amazon.eventstream",
    async read(response, ctx) {
      const events = await openEventStream(config, response, ctx, call, decodeEvents);
      return new ConverseStreamResponse(events, { httpStatusCode: response.status, requestId: ctx.requestId, attempts: ctx.attempts });
    },
  });
}
