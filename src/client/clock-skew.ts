// Clock skew: which AWS errors mean "your clock is off", and the offset learnt from `Date`.
import type { BedrockError } from "../errors/bedrock-error.js";

// The AWS SDK's CLOCK_SKEW_ERROR_CODES (@smithy/core retry/service-error-classification,
// constants.js). Bedrock answers skew with InvalidSignatureException ("Signature expired: …
// is now earlier than …", "Signature not yet current: … is still later than …"); the Date
// check in `learn` keeps a plain bad signature from moving the clock.
const CLOCK_SKEW_CODES = new Set([
  "AccessDeniedException",
  "AuthFailure",
  "InvalidSignatureException",
  "RequestExpired",
  "RequestInTheFuture",
  "RequestTimeTooSkewed",
  "SignatureDoesNotMatch",
]);

// The AWS SDK corrects its clock when it is this far from the server's (isClockSkewed in
// @aws-sdk/core httpAuthSchemes/utils: 4 minutes); SigV4 itself allows 5.
export const CLOCK_SKEW_THRESHOLD_MS = 240_000;
// getUpdatedSystemClockOffset ignores a Date that took longer than this to come back.
const MAX_ROUND_TRIP_MS = 900_000;

/** True for an error AWS sends when the request's signing time is too far from its own. */
export function isClockSkewError(error: BedrockError): boolean {
  const code = error.code?.split(":")[0]?.split("#").pop();
  return code !== undefined && CLOCK_SKEW_CODES.has(code);
}

/**
 * The client's view of the time: the injected (or system) clock plus an offset learnt from
 * the server's `Date` header after a skew error, used for signing and credential expiry.
 */
export class SkewCorrectedClock {
  #offsetMs = 0;

  constructor(private readonly base: () => Date) {}

  /** The corrected time. */
  readonly now = (): Date => new Date(this.base().getTime() + this.#offsetMs);

  /** Milliseconds added to the base clock (server minus local). */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  /**
   * Learns the offset from a skew error's response, as the AWS SDK does: not from a cached
   * reply (an `Age` header), an unparsable `Date`, or one that took over 15 minutes to
   * arrive, and only when the corrected clock is at least 4 minutes off. True when the
   * offset changed, so a request signed again now would carry a different time.
   */
  learn(dateHeader: string | null, ageHeader: string | null, sentAtMs: number, receivedAtMs: number): boolean {
    if (dateHeader === null || ageHeader !== null) return false;
    const serverMs = Date.parse(dateHeader);
    if (Number.isNaN(serverMs)) return false;
    if (receivedAtMs - sentAtMs > MAX_ROUND_TRIP_MS) return false;
    const localMs = this.base().getTime();
    if (Math.abs(serverMs - (localMs + this.#offsetMs)) < CLOCK_SKEW_THRESHOLD_MS) return false;
    this.#offsetMs = serverMs - localMs;
    return true;
  }
}
