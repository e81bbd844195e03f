// The InvokeModel operation: a model-native body in, the model's own bytes out.
import { invocationMetrics, invokeBody, invokeHeaders, invokeResponseBody, invokeResponseHeaders } from "../../wire/serde/invoke.js";
import type { InvokeModelCommandOutput, InvokeModelRequest } from "../../wire/index.js";
import { clientConfig, type BedrockClient } from "../bedrock-client.js";
import type { CallOptions } from "../options.js";
import { mergeHeaders } from "../request-headers.js";
import { send } from "../transport.js";
import { bytesBody, prepare } from "./prepare.js";

/**
 * Sends an InvokeModel request: `body` in the model provider's own format (bytes, a string, or
 * any other JSON value, sent as `JSON.stringify(body)`), the answer's bytes in `body`.
 * @example
 * const { body } = await invokeModel(client, {
 *   modelId: "anthropic.claude-3-haiku-20240307-v1:0",
 *   body: { anthropic_version: "bedrock-2023-05-31", max_tokens: 256, messages: [{ role: "user", content: "Hi" }] },
 * });
 * console.log(JSON.parse(body.transformToString()).content[0].text);
 */
export async function invokeModel(client: BedrockClient, request: InvokeModelRequest, options: CallOptions = {}): Promise<InvokeModelCommandOutput> {
  const config = clientConfig(client);
  const op = prepare(config, { name: "InvokeModel", slug: "invoke" }, request, bytesBody, options);
  return send(config.transport, {
    ...op,
    body: invokeBody(request.body),
    headers: mergeHeaders(op.headers, invokeHeaders(request, false)),
    contentType: request.contentType,
    accept: request.accept ?? "application/json",
    async read(response, ctx) {
      const body = invokeResponseBody(new Uint8Array(await response.arrayBuffer()));
      const output: InvokeModelCommandOutput = {
        body,
        ...invokeResponseHeaders(response.headers, false),
        $metadata: { httpStatusCode: response.status, requestId: ctx.requestId, attempts: ctx.attempts },
      };
      const metrics = invocationMetrics(response.headers);
      if (metrics) Object.defineProperty(output, "$invocationMetrics", { value: metrics });
      return output;
    },
    usageOf: ({ $invocationMetrics: m }) =>
      m && m.inputTokenCount !== undefined && m.outputTokenCount !== undefined
        ? { inputTokens: m.inputTokenCount, outputTokens: m.outputTokenCount, totalTokens: m.inputTokenCount + m.outputTokenCount }
        : undefined,
  });
}
