// The secrets one client holds, and the scrubbing of server text and errors against them.
import { SHORT_TERM_API_KEY_PREFIX } from "./short-term-api-key.js";

const MASK = "***";
// Credentials rotate; the oldest are forgotten past this many strings (a provider refreshing
// hourly for days would otherwise grow the list without end).
const MAX_SECRETS = 64;
// Walks of cause chains stop here: chains can be cyclic.
const MAX_DEPTH = 8;
// Any this many characters of a secret are masked wherever they stand, so a secret that is cut
// (an excerpt, a frame) or partly escaped in a way not undone here shows no longer run.
const FRAGMENT = 15;
// One character as the text has it: escaped as a server or proxy may (percent in either case,
// JSON, HTML numeric or named for base64's characters and `&`), each form also nested in itself
// (`%252F`, `\\u002F`, `&amp;#47;`), or as it is.
const UNIT = /(?:%|\\+u00)(?:25)*([\da-f]{2})|&(?:amp;)*(?:#(x[\da-f]+|\d+);?|(amp|sol|plus|equals);)|\\*([^])/gi;

/**
 * A bounded set of secret strings (secret keys, session tokens, API keys, login tokens). Server
 * text passes through `text()` before it becomes an error message; an error raised elsewhere
 * passes through `error()` before it reaches the caller. A secret is found raw, percent-encoded
 * (either case, form encoding, twice over), JSON-escaped, as HTML entities, in base64 at any
 * offset, and as any 15 characters of it when the rest is broken by a form not listed.
 *
 * @example
 * const scrubber = new SecretScrubber();
 * scrubber.add(credentials.secretAccessKey, credentials.sessionToken);
 * throw scrubber.error(err);
 */
export class SecretScrubber {
  readonly #secrets: string[] = [];
  // Every FRAGMENT-long run of every form of every secret (or the whole of a shorter form), by
  // length; built on first use after a change.
  #runs: Map<number, Set<string>> | undefined;

  /** Remembers each non-empty value. */
  add(...values: ReadonlyArray<string | undefined>): void {
    for (const value of values) {
      if (typeof value !== "string" || value === "" || this.#secrets.includes(value)) continue;
      this.#secrets.push(value);
      if (this.#secrets.length > MAX_SECRETS) this.#secrets.shift();
      this.#runs = undefined;
    }
  }

  /**
   * An API key, plus what a short-term key (`bedrock-api-key-` + base64 of a presigned URL)
   * carries inside: the URL itself, whose runs (percent-escapes undone) hold its
   * `X-Amz-Security-Token`'s, so the token is masked on its own too.
   */
  addApiKey(apiKey: string): void {
    this.add(apiKey);
    if (!apiKey.startsWith(SHORT_TERM_API_KEY_PREFIX)) return;
    try {
      this.add(atob(apiKey.slice(SHORT_TERM_API_KEY_PREFIX.length)));
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

  /**
   * `text` with each remembered secret, in every form listed above, replaced by `***`. The
   * text is matched with its escapes undone; what is masked is the original span, so the rest
   * reads as it came.
   */
  text(text: string): string {
    const [plain, units] = unescapeAll(text);
    const hide = new Uint8Array(units.length);
    for (const [length, runs] of (this.#runs ??= runsOf(this.#secrets))) {
      for (let i = 0; i + length <= plain.length; i++) if (runs.has(plain.slice(i, i + length))) hide.fill(1, i, i + length);
    }
    return units.map((unit, i) => (hide[i] ? (hide[i - 1] ? "" : MASK) : unit)).join("");
  }

  /**
   * Makes `error` safe to hand out: its own string properties (message, stack, details such
   * as `originalMessage`) and those of plain objects it holds are scrubbed in place; a cause
   * that is not one of ours and mentions a secret is replaced by a scrubbed copy (name and
   * message only). Clean errors are returned untouched.
   */
  error<E>(error: E): E {
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
        const clean = this.text(value);
        if (clean !== value) setOwn(target, key, clean);
      } else if (key === "cause") {
        setOwn(target, key, isOurs(value) ? (this.#scrubObject(value as Record<string, unknown>, depth + 1), value) : this.cause(value));
      } else if (isPlainObject(value)) {
        this.#scrubObject(value, depth + 1);
      }
    }
  }

  #dirty(value: unknown, depth: number): boolean {
    if (depth > MAX_DEPTH || value == null) return false;
    // JSON escapes are undone before matching, so a string is checked as JSON like the rest.
    const text = value instanceof Error ? `${value.message}\n${value.stack}` : safeString(value);
    return this.text(text) !== text || (value instanceof Error && this.#dirty(value.cause, depth + 1));
  }


}

/**
 * `text` cut into units (one character each once unescaped), and as those characters, with the
 * ones base64url and form encoding swap made one (` ` and `-` as `+`, `_` as `/`).
 */
function unescapeAll(text: string): [string, string[]] {
  const units: string[] = [];
  const plain = text.replace(UNIT, (unit: string, hex?: string, code?: string, name?: string, char?: string) => {
    units.push(unit);
    return name ? "&/+="["aspe".indexOf(name[0]!.toLowerCase())]! : (char ?? String.fromCharCode(+`0${hex ? `x${hex}` : code}`));
  });
  return [plain.replaceAll(" ", "+"), units];
}

/**
 * The runs to look for: those of each secret's text, of its UTF-8 bytes (what percent-decoding
 * gives) and of its base64 at each of the three byte offsets, less the ends neighbouring bytes share.
 */
function runsOf(secrets: ReadonlyArray<string>): Map<number, Set<string>> {
  const index = new Map<number, Set<string>>();
  for (const secret of secrets) {
    const bytes = String.fromCharCode(...new TextEncoder().encode(secret));
    const forms = [secret, bytes];
    for (let k = 0; k < 3 && bytes.length > FRAGMENT; k++) forms.push(btoa("\0".repeat(k) + bytes).slice(3, -3));
    for (const form of forms) {
      const plain = unescapeAll(form)[0];
      const length = Math.min(FRAGMENT, plain.length);
      const runs = index.get(length) ?? new Set();
      index.set(length, runs);
      for (let i = 0; i + length <= plain.length; i++) runs.add(plain.slice(i, i + length));
    }
  }
  return index;
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
