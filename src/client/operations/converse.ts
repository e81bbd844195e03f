// The Converse operation: one request, the whole reply.
import { deserializeConverseResponse } from "../../wire/serde/deserialize-response.js";
import { serializeConverseRequest } from "../../wire/serde/serialize-request.js";
import type { ConverseRequest, ConverseResponse } from "../../wire/index.js";
import { clientConfig, type BedrockClient } from "../bedrock-client.js";
import type { CallOptions } from "../options.js";
import { prepare, sendJson } from "./prepare.js";

/** What `converse` resolves to: the response plus `$metadata`, as the AWS SDK's ConverseCommandOutput. */
export type ConverseCommandOutput = ConverseResponse & { $metadata: { httpStatusCode: number; requestId?: string; attempts: number } };

/**
 * Sends a Converse request and returns the whole reply.
 * @example
 * const { output } = await converse(client, { modelId, messages: [{ role: "user", content: [{ text: "Hi" }] }] });
 */
export async function converse(client: BedrockClient, request: ConverseRequest, options: CallOptions = {}): Promise<ConverseCommandOutput> {
  const config = clientConfig(client);
  const op = prepare(config, { name: "Converse", slug: "converse" }, request, serializeConverseRequest, options);
  return sendJson(config, op, (json, response, ctx) => {
    const output = deserializeConverseResponse(json) as ConverseCommandOutput;
    output.$metadata = { httpStatusCode: response.status, requestId: ctx.requestId, attempts: ctx.attempts };
    return output;
  }, (output) => output.usage);
}
