// Keeps secrets out of printed credentials and error messages.
import { textOf } from "../internal/index.js";
import { BedrockError, BedrockInputError } from "../errors/index.js";
import type { AwsCredentials } from "./credentials.js";

// Node's util.inspect and Deno's console look these symbols up; elsewhere they are inert.
const NODE_INSPECT = Symbol.for("nodejs.util.inspect.custom");
const DENO_INSPECT = Symbol.for("Deno.customInspect");

/** `AKIAIOSFODNN7EXAMPLE` → `AKIA****PLE`; short or odd ids become `****`. */
export function maskAccessKeyId(accessKeyId: string): string {
  if (typeof accessKeyId !== "string" || accessKeyId.length < 10) return "****";
  return `${accessKeyId.slice(0, 4)}****${accessKeyId.slice(-3)}`;
}

/**
 * Credentials that print safely: `JSON.stringify`, `util.inspect`, Deno's console and
 * `String()` show a masked key id and `***` for the secret and token. The secret and token
 * are getters on the prototype, so spreading or `Object.keys` does not reach them either;
 * read them by name.
 */
export class RedactedCredentials implements AwsCredentials {
  readonly accessKeyId: string;
  readonly expiration?: Date;
  readonly #secretAccessKey: string;
  readonly #sessionToken: string | undefined;

  constructor(credentials: AwsCredentials) {
    this.accessKeyId = credentials.accessKeyId;
    if (credentials.expiration !== undefined) this.expiration = credentials.expiration;
    this.#secretAccessKey = credentials.secretAccessKey;
    this.#sessionToken = credentials.sessionToken;
  }

  get secretAccessKey(): string {
    return this.#secretAccessKey;
  }

  get sessionToken(): string | undefined {
    return this.#sessionToken;
  }

  /** The printable view: what JSON and inspection show. */
  toJSON(): Record<string, unknown> {
    const view: Record<string, unknown> = {
      accessKeyId: maskAccessKeyId(this.accessKeyId),
      secretAccessKey: "***",
    };
    if (this.#sessionToken !== undefined) view.sessionToken = "***";
    if (this.expiration !== undefined) view.expiration = this.expiration;
    return view;
  }

  toString(): string {
    return `[AwsCredentials ${maskAccessKeyId(this.accessKeyId)}]`;
  }

  [NODE_INSPECT](): Record<string, unknown> {
    return this.toJSON();
  }

  [DENO_INSPECT](): string {
    return JSON.stringify(this.toJSON());
  }
}

/** Wraps credentials (once) so printing them never shows the secret. */
export function redactCredentials(credentials: AwsCredentials): AwsCredentials {
  return credentials instanceof RedactedCredentials ? credentials : new RedactedCredentials(credentials);
}

/** Replaces every occurrence of each non-empty secret in `text` with `***`. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (typeof secret === "string" && secret.length > 0) out = out.split(secret).join("***");
  }
  return out;
}

/** True when any non-empty secret occurs in `text`. */
export function containsSecret(text: string, secrets: ReadonlyArray<string | undefined>): boolean {
  return secrets.some((secret) => typeof secret === "string" && secret.length > 0 && text.includes(secret));
}

/**
 * The error to rethrow after a failure in code that held secrets. A BedrockError whose text
 * (and causes') is clean passes through; anything else becomes a BedrockInputError whose
 * message is redacted, keeping the original as `cause` only when it is clean.
 */
export function scrubError(error: unknown, secrets: ReadonlyArray<string | undefined>, prefix: string): BedrockError {
  const clean = !chainContainsSecret(error, secrets);
  if (clean && BedrockError.isInstance(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BedrockInputError(`${prefix}: ${redactSecrets(message, secrets)}`, clean ? { cause: error } : {});
}

function chainContainsSecret(error: unknown, secrets: ReadonlyArray<string | undefined>): boolean {
  let current: unknown = error;
  // Bounded walk: cause chains can be cyclic.
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    const text = current instanceof Error ? `${current.message}\n${current.stack ?? ""}` : textOf(current);
    if (containsSecret(text, secrets)) return true;
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}
