// The check that a credential can travel in an HTTP header unchanged, naming the field, never the value.
import { BedrockInputError } from "../errors/exceptions.js";

// AWS access key ids, secret keys, session tokens and Bedrock API keys are visible ASCII. CR,
// LF and NUL make fetch refuse the header (its TypeError quotes the value); other controls,
// spaces at either end (trimmed by fetch, which breaks the signature) and characters above
// 0xFF (not a ByteString) fail in their own ways. Refusing all of them catches a pasted
// newline before any request is made.
const OUTSIDE_VISIBLE_ASCII = /[^\x21-\x7e]/;

/** True when `value` is visible ASCII only (no whitespace, control or non-ASCII character). */
export function isHeaderSafeToken(value: string): boolean {
  return !OUTSIDE_VISIBLE_ASCII.test(value);
}

/** Throws BedrockInputError naming `field` unless `value` is visible ASCII only. */
export function assertHeaderSafe(value: string, field: string): void {
  if (!isHeaderSafeToken(value)) {
    throw new BedrockInputError(`${field} must not contain whitespace or control characters (only visible ASCII)`);
  }
}
