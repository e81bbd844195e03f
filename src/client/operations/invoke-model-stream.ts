// The InvokeModelWithResponseStream operation: the model's native stream as chunk events, retried until the first arrives.
import { BedrockError } from "../../errors/bedrock-error.js";
import { decodeInvokeStream } from "../../event-stream/invoke-stream.js";
import { invokeBody, invokeHeaders, invokeResponseHeaders } from "../../wire/serde/invoke.js";
import type { ConverseStreamOutput, InvokeModelWithResponseStreamRequest, ResponseStream } from "../../wire/index.js";
import { clientConfig, type BedrockClient } from "../bedrock-client.js";
import { InvokeModelWithResponseStreamResponse } from "../invoke-stream-response.js";
import { observeStream } from "../observe-stream.js";
import type { CallOptions } from "../options.js";
import { mergeHeaders } from "../request-headers.js";
import { send } from "../transport.js";
import { bytesBody, prepare } from "./prepare.js";
import { replayFirst } from "./replay-first.js";

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
  const idleTimeoutMs = options.streamIdleTimeout ?? config.idleTimeoutMs;
  const { scrubber } = config.transport.auth;
  const { hooks } = config.transport;
  const startedMs = Date.now();
  return send(config.transport, {
    ...op,
    body: invokeBody(request.body),
    headers: mergeHeaders(op.headers, invokeHeaders(request, true)),
    contentType: request.contentType,
    accept: "application/vnd.amazon.eventstream",
    async read(response, ctx) {
      if (!response.body) throw new BedrockError("Bedrock returned an empty stream body", { status: response.status });
      const events = decodeInvokeStream(
        response.body,
        { ...(ctx.requestId ? { requestId: ctx.requestId } : {}), signal: ctx.link.signal, idleTimeoutMs },
        () => ctx.link.dispose(),
      );
      // Wait for the first event while retries are still possible; nothing has reached the caller yet.
      const first = await events.next();
      ctx.link.arm(undefined, "");
      ctx.keepAlive();
      const facts = { ...op.info, attempt: ctx.attempts, requestId: ctx.requestId, startedMs };
      // observeStream looks for Converse's metadata and messageStop only; chunk events pass through it unchanged.
      const observed = observeStream(replayFirst(first, events, scrubber) as AsyncIterableIterator<ConverseStreamOutput>, hooks, facts);
      return new InvokeModelWithResponseStreamResponse(
        observed as AsyncIterableIterator<ResponseStream>,
        { httpStatusCode: response.status, requestId: ctx.requestId, attempts: ctx.attempts },
        invokeResponseHeaders(response.headers, true),
      );
    },
  });
}
