// AWS credentials: static values or a provider whose results are cached and refreshed before expiry.
import { BedrockInputError } from "../errors/index.js";
import { assertHeaderSafe } from "./header-value.js";
import { raceSignal } from "./race-signal.js";
import { redactCredentials } from "./redact.js";

/** Long-term or temporary AWS credentials, shaped like the AWS SDK's `AwsCredentialIdentity`. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary credentials (STS, SSO, instance roles). `| undefined` so `process.env.AWS_SESSION_TOKEN` fits under exactOptionalPropertyTypes. */
  sessionToken?: string | undefined;
  /** When temporary credentials stop working; providers should set it so refresh happens in time. */
  expiration?: Date;
}

/** Any async source of credentials (an STS call, a Worker secret lookup, …). */
export type CredentialsProvider = () => Promise<AwsCredentials>;

export interface CredentialSourceOptions {
  /** Clock, injectable for tests. Defaults to the system clock. */
  now?: () => Date;
  /** Refresh provider credentials this long before `expiration`. Default 5 minutes. */
  refreshBeforeMs?: number;
}

const DEFAULT_REFRESH_BEFORE_MS = 5 * 60 * 1000;

/**
 * Checks the shape of credentials and names the bad field. Never echoes a value: a secret
 * pasted into the wrong field must not end up in a log.
 */
export function validateCredentials(value: unknown, label = "credentials"): AwsCredentials {
  if (typeof value !== "object" || value === null) {
    throw new BedrockInputError(`${label} must be an object with accessKeyId and secretAccessKey`);
  }
  const c = value as Record<string, unknown>;
  for (const field of ["accessKeyId", "secretAccessKey"] as const) {
    if (typeof c[field] !== "string" || c[field] === "") {
      throw new BedrockInputError(`${label}.${field} must be a non-empty string`);
    }
  }
  if (c.sessionToken !== undefined && (typeof c.sessionToken !== "string" || c.sessionToken === "")) {
    throw new BedrockInputError(`${label}.sessionToken must be a non-empty string when present`);
  }
  // The key id and token become header values; the secret is checked alike, since a
  // stray newline there is the same paste mistake (and would only fail later, as a bad signature).
  assertHeaderSafe(c.accessKeyId as string, `${label}.accessKeyId`);
  assertHeaderSafe(c.secretAccessKey as string, `${label}.secretAccessKey`);
  if (c.sessionToken !== undefined) assertHeaderSafe(c.sessionToken as string, `${label}.sessionToken`);
  if (c.expiration !== undefined && !(c.expiration instanceof Date && !Number.isNaN(c.expiration.getTime()))) {
    throw new BedrockInputError(`${label}.expiration must be a valid Date when present`);
  }
  return value as AwsCredentials;
}

/** What createCredentialSource returns: awaited per request, with the request's signal. */
export type CredentialSource = (signal?: AbortSignal) => Promise<AwsCredentials>;

/**
 * Turns static credentials or a provider into one function the signer awaits per request.
 * Provider results are cached until `refreshBeforeMs` before their `expiration`; however many
 * requests wait, only one provider call is in flight. A failed refresh rejects the callers
 * waiting on it and the next call tries again. Results print redacted.
 *
 * A caller whose `signal` aborts stops waiting at once, and the refresh it waited on is
 * abandoned: the next call asks the provider again instead of joining a call that may never
 * settle. Callers already waiting keep waiting (until their own signals). An abandoned
 * refresh that resolves later still fills the cache, unless a newer one already has.
 *
 * @example
 * const source = createCredentialSource(async () => fetchTemporaryCredentials());
 * const credentials = await source(AbortSignal.timeout(5_000));
 */
export function createCredentialSource(
  input: AwsCredentials | CredentialsProvider,
  options: CredentialSourceOptions = {},
): CredentialSource {
  if (typeof input !== "function") {
    const credentials = redactCredentials(validateCredentials(input));
    return () => Promise.resolve(credentials);
  }
  const provider = input;
  const now = options.now ?? (() => new Date());
  const refreshBeforeMs = options.refreshBeforeMs ?? DEFAULT_REFRESH_BEFORE_MS;
  if (!(Number.isFinite(refreshBeforeMs) && refreshBeforeMs >= 0)) {
    throw new BedrockInputError("refreshBeforeMs must be a finite number >= 0");
  }

  let cached: AwsCredentials | undefined;
  let cachedGeneration = 0;
  let generation = 0;
  let inFlight: Promise<AwsCredentials> | undefined;

  const isFresh = (c: AwsCredentials) =>
    c.expiration === undefined || c.expiration.getTime() - now().getTime() > refreshBeforeMs;

  const refresh = async (mine: number): Promise<AwsCredentials> => {
    const result = await provider();
    const credentials = redactCredentials(validateCredentials(result, "credentials provider result"));
    if (mine > cachedGeneration) {
      cached = credentials;
      cachedGeneration = mine;
    }
    return credentials;
  };

  return (signal) => {
    if (cached !== undefined && isFresh(cached)) return Promise.resolve(cached);
    if (inFlight === undefined) {
      // `.finally` runs after settlement, so a provider that throws synchronously still
      // clears the slot and the next call retries.
      const started: Promise<AwsCredentials> = refresh(++generation).finally(() => {
        if (inFlight === started) inFlight = undefined;
      });
      inFlight = started;
    }
    const current = inFlight;
    return raceSignal(current, signal, () => {
      if (inFlight === current) inFlight = undefined;
    });
  };
}
