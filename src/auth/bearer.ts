// Bedrock API keys: sent as `Authorization: Bearer <key>` instead of a SigV4 signature.
import { BedrockInputError } from "../errors/index.js";

// Whitespace or control characters would split or corrupt the header (a pasted newline is
// the usual culprit); the message names the problem without echoing the key.
const INVALID_KEY_CHARS = /[\s\u0000-\u001f\u007f]/;

/** Throws BedrockInputError unless `apiKey` is a non-empty string usable in a header. */
export function validateApiKey(apiKey: unknown): asserts apiKey is string {
  if (typeof apiKey !== "string" || apiKey.length === 0) {
    throw new BedrockInputError("apiKey must be a non-empty string");
  }
  if (INVALID_KEY_CHARS.test(apiKey)) {
    throw new BedrockInputError("apiKey must not contain whitespace or control characters");
  }
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
