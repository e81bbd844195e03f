// The CountTokens operation: the input tokens a Converse request would use.
import { serializeCountTokensRequest } from "../../wire/serde/serialize-request.js";
import type { CountTokensRequest, CountTokensResponse } from "../../wire/index.js";
import { clientConfig, type BedrockClient } from "../bedrock-client.js";
import type { CallOptions } from "../options.js";
import { prepare, sendJson } from "./prepare.js";

/** Counts the input tokens a Converse request would use (the CountTokens API). */
export async function countTokens(client: BedrockClient, request: CountTokensRequest, options: CallOptions = {}): Promise<CountTokensResponse> {
  const config = clientConfig(client);
  const op = prepare(config, { name: "CountTokens", slug: "count-tokens" }, request, serializeCountTokensRequest, options);
  return sendJson(config, op, (json) => json as CountTokensResponse);
}
