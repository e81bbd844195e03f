// Caller-supplied request headers and the user-agent app id: checked, normalised, merged; never echoed.
import { BedrockInputError } from "../errors/exceptions.js";

/** Extra headers: a plain object, a `Headers`, or `[name, value]` pairs. */
export type HeadersInput = Record<string, string> | Headers | ReadonlyArray<readonly [string, string]>;

/** Lower-cased names and checked values, in the order given (a later duplicate wins). */
export type HeaderList = ReadonlyArray<readonly [string, string]>;

// Headers the client writes itself: signing inputs (SigV4 signs what it sees, so a caller's copy
// would either be overwritten after signing or break the signature), the body's framing and
// type, what we parse the answer as, our user agent, and the gateway's own token.
const OWNED = new Set([
  "authorization",
  "x-amz-date",
  "x-amz-security-token",
  "x-amz-content-sha256",
  "x-amz-user-agent",
  "host",
  "content-length",
  "content-type",
  "accept",
  "cf-aig-authorization",
]);

// Fetch's forbidden request-header names (https://fetch.spec.whatwg.org/#forbidden-request-header):
// browsers drop them silently, so a signed copy would reach AWS missing and fail the signature.
const FORBIDDEN = new Set([
  "accept-charset",
  "accept-encoding",
  "access-control-request-headers",
  "access-control-request-method",
  "connection",
  "cookie",
  "cookie2",
  "date",
  "dnt",
  "expect",
  "keep-alive",
  "origin",
  "referer",
  "set-cookie",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "via",
]);
const FORBIDDEN_PREFIX = /^(proxy-|sec-)/;

// RFC 9110 token characters.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Visible ASCII, spaces and tabs: fetch refuses CR, LF and NUL (quoting the value in its
// TypeError), other controls are refused by servers, and bytes above 0x7E are signed one way
// and sent another by different platforms.
const SAFE_VALUE = /^[\t\x20-\x7e]*$/;
const MAX_HEADERS = 64;

/** A header name fit for a message: quoted, control characters escaped, cut short. */
function shown(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}

/**
 * Checks and lower-cases `input` (the option named `field`). Throws BedrockInputError naming the
 * option and the header, never the value.
 * @example
 * normalizeHeaders({ "X-Tenant": "acme" }, "headers"); // [["x-tenant", "acme"]]
 * normalizeHeaders({ Authorization: "…" }, "headers"); // BedrockInputError: headers: "Authorization" is set by the client …
 */
export function normalizeHeaders(input: unknown, field: string): HeaderList {
  if (input === undefined) return [];
  const pairs = entriesOf(input, field);
  if (pairs.length > MAX_HEADERS) throw new BedrockInputError(`${field}: at most ${MAX_HEADERS} headers, got ${pairs.length}`);
  const out = new Map<string, string>();
  for (const [name, value] of pairs) {
    if (typeof name !== "string" || !TOKEN.test(name)) {
      throw new BedrockInputError(`${field}: ${typeof name === "string" ? shown(name) : "a name"} is not a valid header name`);
    }
    const lower = name.toLowerCase();
    if (OWNED.has(lower)) {
      const hint = lower === "x-amz-user-agent" ? " (use `userAgentAppId`)" : lower === "cf-aig-authorization" ? " (use `gateway.token`)" : "";
      throw new BedrockInputError(`${field}: ${shown(name)} is set by the client and cannot be overridden${hint}`);
    }
    if (FORBIDDEN.has(lower) || FORBIDDEN_PREFIX.test(lower)) {
      throw new BedrockInputError(`${field}: ${shown(name)} is a header browsers refuse to send, so it cannot be signed and sent`);
    }
    if (typeof value !== "string") throw new BedrockInputError(`${field}: the value of ${shown(name)} must be a string`);
    if (!SAFE_VALUE.test(value)) {
      throw new BedrockInputError(
        `${field}: the value of ${shown(name)} must be visible ASCII, spaces or tabs (no CR, LF, NUL or other control characters)`,
      );
    }
    out.delete(lower);
    out.set(lower, value);
  }
  return [...out];
}

function entriesOf(input: unknown, field: string): Array<readonly [unknown, unknown]> {
  if (input instanceof Headers) return [...input];
  if (Array.isArray(input)) {
    return input.map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2) throw new BedrockInputError(`${field}[${i}]: must be a [name, value] pair`);
      return [pair[0], pair[1]] as const;
    });
  }
  if (input === null || typeof input !== "object") {
    throw new BedrockInputError(`${field} must be an object of header names to values, a Headers, or [name, value] pairs`);
  }
  return Object.entries(input);
}

/** Client headers overridden, name by name, by the call's. */
export function mergeHeaders(base: HeaderList, call: HeaderList): HeaderList {
  if (call.length === 0) return base;
  const names = new Set(call.map(([name]) => name));
  return [...base.filter(([name]) => !names.has(name)), ...call];
}

// The AWS SDK warns past 50 characters (@aws-sdk/core client: "The provided userAgentAppId
// exceeds the maximum length of 50 characters"); we refuse, as we refuse other bad options.
const MAX_APP_ID = 50;

/** Checks `userAgentAppId` (a token of at most 50 characters); returns the `app/<id>` part. */
export function appIdPart(appId: unknown): string | undefined {
  if (appId === undefined) return undefined;
  if (typeof appId !== "string" || appId.length === 0 || appId.length > MAX_APP_ID || !TOKEN.test(appId)) {
    throw new BedrockInputError(
      `userAgentAppId must be 1 to ${MAX_APP_ID} letters, digits or !#$%&'*+-.^_\`|~ (it is sent as "app/<id>" in x-amz-user-agent)`,
    );
  }
  return `app/${appId}`;
}
