// The secrets one client holds, and the scrubbing of server text and errors against them.
import { SHORT_TERM_API_KEY_PREFIX } from "./short-term-api-key.js";

const MASK = "***";
// Credentials rotate; the oldest are forgotten past this many strings (a provider refreshing
// hourly for days would otherwise grow the list without end).
const MAX_SECRETS = 64;
// Walks of cause chains stop here: chains can be cyclic.
const MAX_DEPTH = 8;

/**
 * A bounded set of secret strings (secret keys, session tokens, API keys, login tokens) and
 * their URL-encoded forms. Server text passes through `text()` before it becomes an error
 * message; an error raised elsewhere passes through `error()` before it reaches the caller.
 *
 * @example
 * const scrubber = new SecretScrubber();
 * scrubber.add(credentials.secretAccessKey, credentials.sessionToken);
 * throw scrubber.error(err);
 */
export class SecretScrubber {
  readonly #secrets: string[] = [];

  /** Remembers each non-empty value (and its percent-encoded form, as presigned URLs carry it). */
  add(...values: ReadonlyArray<string | undefined>): void {
    for (const value of values) {
      if (typeof value !== "string" || value === "") continue;
      this.#remember(value);
      let encoded: string | undefined;
      try {
        encoded = encodeURIComponent(value);
      } catch {
        // A lone surrogate cannot be encoded; the raw form is still remembered.
      }
      if (encoded !== undefined && encoded !== value) this.#remember(encoded);
    }
  }

  /**
   * An API key, plus what a short-term key (`bedrock-api-key-` + base64 of a presigned URL)
   * carries inside: the URL itself and its `X-Amz-Security-Token`.
   */
  addApiKey(apiKey: string): void {
    this.add(apiKey);
    if (!apiKey.startsWith(SHORT_TERM_API_KEY_PREFIX)) return;
    try {
      const url = atob(apiKey.slice(SHORT_TERM_API_KEY_PREFIX.length));
      this.add(url);
      const token = new URLSearchParams(url.slice(url.indexOf("?") + 1)).get("X-Amz-Security-Token");
      if (token) this.add(token);
    } catch {
      // Not base64: the key as a whole is remembered, which is all it holds.
    }
  }

  /** A new scrubber with these secrets and `extra` (say, the header values of one request). */
  with(extra: Iterable<string>): SecretScrubber {
    const copy = new SecretScrubber();
    copy.add(...this.#secrets, ...extra);
    return copy;
  }

  /** The remembered secrets, longest first (so a secret that contains another is masked whole). */
  get secrets(): ReadonlyArray<string> {
    return this.#secrets;
  }

  /** True when `text` contains any remembered secret. */
  has(text: string): boolean {
    for (const secret of this.#secrets) if (text.includes(secret)) return true;
    return false;
  }

  /** `text` with every remembered secret replaced by `***`. */
  text(text: string): string {
    if (!this.has(text)) return text;
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join(MASK);
    return out;
  }

  /**
   * Makes `error` safe to hand out: its own string properties (message, stack, details such
   * as `originalMessage`) and those of plain objects it holds are scrubbed in place; a cause
   * that is not one of ours and mentions a secret is replaced by a scrubbed copy (name and
   * message only). Clean errors are returned untouched.
   */
  error<E>(error: E): E {
    if (this.#secrets.length === 0) return error;
    if (typeof error === "string") return this.text(error) as E;
    if (typeof error !== "object" || error === null) return error;
    this.#scrubObject(error as Record<string, unknown>, 0);
    return error;
  }

  /** A copy of a foreign error safe to keep as `cause`, or the error itself when clean. */
  cause(value: unknown): unknown {
    if (!this.#dirty(value, 0)) return value;
    if (value instanceof Error) {
      const copy = new Error(this.text(value.message));
      copy.name = value.name;
      return copy;
    }
    return this.text(typeof value === "string" ? value : safeString(value));
  }

  #scrubObject(target: Record<string, unknown>, depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const key of Object.getOwnPropertyNames(target)) {
      let value: unknown;
      try {
        value = target[key];
      } catch {
        continue;
      }
      if (typeof value === "string") {
        if (this.has(value)) setOwn(target, key, this.text(value));
      } else if (key === "cause") {
        setOwn(target, key, isOurs(value) ? (this.#scrubObject(value as Record<string, unknown>, depth + 1), value) : this.cause(value));
      } else if (isPlainObject(value)) {
        this.#scrubObject(value, depth + 1);
      }
    }
  }

  #dirty(value: unknown, depth: number): boolean {
    if (depth > MAX_DEPTH || value === undefined || value === null) return false;
    if (typeof value === "string") return this.has(value);
    if (value instanceof Error) {
      if (this.has(`${value.message}\n${value.stack ?? ""}`)) return true;
      return this.#dirty(value.cause, depth + 1);
    }
    return this.has(safeString(value));
  }

  #remember(value: string): void {
    if (this.#secrets.includes(value)) return;
    this.#secrets.push(value);
    if (this.#secrets.length > MAX_SECRETS) this.#secrets.splice(0, this.#secrets.length - MAX_SECRETS);
    this.#secrets.sort((a, b) => b.length - a.length);
  }
}

// Our errors carry a Symbol.for brand (see errors/bedrock-error.ts); checked here by key so
// this module needs nothing from the errors layer.
const BRAND = Symbol.for("bedrock-edge.BedrockError");

function isOurs(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  try {
    target[key] = value;
  } catch {
    // A frozen or accessor-only property: define over it where allowed.
    try {
      Object.defineProperty(target, key, { value, writable: true, configurable: true });
    } catch {
      // Not configurable: nothing more can be done in place.
    }
  }
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
