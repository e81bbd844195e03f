// InvokeModel for a JSON body and a JSON answer (the embedding models'): the shared JSON path, without invokeModel's byte handling.
import { clientConfig, type BedrockClient } from "../bedrock-client.js";
import type { CallOptions } from "../options.js";
import { prepare, sendJson } from "./prepare.js";

/** The parsed answer and the one invocation metric the embedding callers read. */
export interface InvokeJsonOutput {
  json: unknown;
  /** X-Amzn-Bedrock-Input-Token-Count, when Bedrock sent it. */
  inputTokens: number | undefined;
}

/**
 * Sends InvokeModel with `body` as JSON and parses the answer: the same path, signing, retries,
 * hooks (`InvokeModel`) and errors as `invokeModel`, for callers that never hold bytes. Internal:
 * BedrockEmbeddings and the AI SDK embedding model use it so their bundles carry no byte-body code.
 */
export function invokeJson(client: BedrockClient, modelId: string, body: unknown, options: CallOptions = {}): Promise<InvokeJsonOutput> {
  const config = clientConfig(client);
  const op = prepare(config, { name: "InvokeModel", slug: "invoke" }, { modelId, body }, (request: { body: unknown }) => JSON.stringify(request.body), options);
  return sendJson(config, op, (json, response) => {
    const count = Number(response.headers.get("x-amzn-bedrock-input-token-count") ?? NaN);
    return { json, inputTokens: Number.isFinite(count) ? count : undefined };
  });
}
