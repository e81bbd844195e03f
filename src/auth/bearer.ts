// Bedrock API keys: sent as `Authorization: Bearer <key>` instead of a SigV4 signature.
import { BedrockInputError } from "../errors/index.js";
import { assertHeaderSafe } from "./header-value.js";

/**
 * Throws BedrockInputError unless `apiKey` is a non-empty string usable in a header as it is
 * (a pasted newline is the usual culprit). The message names `field`, never the key.
 */
export function validateApiKey(apiKey: unknown, field = "apiKey"): asserts apiKey is string {
  if (typeof apiKey !== "string" || apiKey.length === 0) {
    throw new BedrockInputError(`${field} must be a non-empty string`);
  }
  assertHeaderSafe(apiKey, field);
}

/**
 * Headers that authenticate a request with a Bedrock API key (long-term `ABSK…` or short-term
 * `bedrock-api-key-…`). Requests that carry them are not SigV4-signed.
 *
 * @example
 * const headers = new Headers({ "content-type": "application/json", ...bearerHeaders(apiKey) });
 */
export function bearerHeaders(apiKey: string): { authorization: string } {
  validateApiKey(apiKey);
  return { authorization: `Bearer ${apiKey}` };
}
