// The InvokeModelWithResponseStream operation: the model's native stream as chunk events, retried until the first arrives.
import { decodeInvokeStream } from "../../event-stream/invoke-stream.js";
import { invokeBody, invokeHeaders, invokeResponseHeaders } from "../../wire/serde/invoke.js";
import type { InvokeModelWithResponseStreamRequest } from "../../wire/index.js";
import { clientConfig, type BedrockClient } from "../bedrock-client.js";
import { InvokeModelWithResponseStreamResponse } from "../invoke-stream-response.js";
import type { CallOptions } from "../options.js";
import { mergeHeaders } from "../request-headers.js";
import { send } from "../transport.js";
import { bytesBody, prepare } from "./prepare.js";
import { openEventStream } from "./open-event-stream.js";

/**
 * Sends an InvokeModelWithResponseStream request. Resolves once the first event has arrived
 * (HTTP errors and an exception frame that comes first, throttling say, are retried here); then
 * iterate `{ chunk: { bytes } }` events, each `bytes` one of the model's native stream events.
 * `accept` is sent as `X-Amzn-Bedrock-Accept`, as the AWS SDK sends it.
 * @example
 * const response = await invokeModelWithResponseStream(client, { modelId, body: { anthropic_version: "bedrock-2023-05-31", max_tokens: 256, messages } });
 * for await (const event of response.body) {
 *   const json = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
 *   if (json.type === "content_block_delta") console.log(json.delta.text);
 * }
 */
export async function invokeModelWithResponseStream(
  client: BedrockClient,
  request: InvokeModelWithResponseStreamRequest,
  options: CallOptions = {},
): Promise<InvokeModelWithResponseStreamResponse> {
  const config = clientConfig(client);
  const spec = { name: "InvokeModelWithResponseStream", slug: "invoke-with-response-stream" } as const;
  const op = prepare(config, spec, request, bytesBody, options);
  const call = { info: op.info, idleTimeoutMs: options.streamIdleTimeout ?? config.idleTimeoutMs, startedMs: Date.now() };
  return send(config.transport, {
    ...op,
    body: invokeBody(request.body),
    headers: mergeHeaders(op.headers, invokeHeaders(request, true)),
    contentType: request.contentType,
    accept: "application/vnd.amazon.eventstream",
    async read(response, ctx) {
      const events = await openEventStream(config, response, ctx, call, decodeInvokeStream);
      return new InvokeModelWithResponseStreamResponse(
        events,
        { httpStatusCode: response.status, requestId: ctx.requestId, attempts: ctx.attempts },
        invokeResponseHeaders(response.headers, true),
      );
    },
  });
}
