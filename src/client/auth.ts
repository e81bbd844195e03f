// Chooses how requests are authenticated (Bedrock API key or SigV4) and holds the secrets it uses.
import { validateApiKey } from "../auth/bearer.js";
import { guardCredentials } from "../auth/browser-guard.js";
import { createCredentialSource, type AwsCredentials, type CredentialsProvider } from "../auth/credentials.js";
import { apiKeyFromEnv, credentialsFromEnv } from "../auth/env-credentials.js";
import { SecretScrubber } from "../auth/secret-scrubber.js";
import { signRequest } from "../auth/sign-request.js";
import { BedrockError } from "../errors/bedrock-error.js";
import { BedrockInputError, CredentialsProviderError } from "../errors/exceptions.js";
import type { ChecksumConstructor } from "../auth/sha256.js";

/** The options authentication reads. */
export interface AuthOptions {
  apiKey?: string | undefined;
  credentials?: AwsCredentials | CredentialsProvider | undefined;
  dangerouslyAllowBrowser?: boolean | undefined;
  /** Present when requests go through AI Gateway, which may sign with its stored keys. */
  gateway?: { readonly token?: string | undefined } | undefined;
  sha256?: ChecksumConstructor | undefined;
}

export interface Authenticator {
  /** `gateway`: sent unsigned; Cloudflare AI Gateway signs with the AWS keys stored in it. */
  readonly kind: "bearer" | "sigv4" | "gateway";
  /**
   * Every secret this authenticator has held (API key, secret key, session tokens of each
   * provider result): server text and errors pass through it before reaching the caller.
   */
  readonly scrubber: SecretScrubber;
  /**
   * Adds auth headers for one attempt (signing is redone per attempt: x-amz-date moves on).
   * `signal` abandons a credential refresh that takes too long.
   */
  apply(
    request: { method: string; url: string; headers: Headers; body: Uint8Array },
    region: string,
    signal?: AbortSignal,
  ): Promise<Headers>;
}

/**
 * Order: an explicit `apiKey`, explicit `credentials`, then the environment's
 * AWS_BEARER_TOKEN_BEDROCK, then AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY. `now` is the
 * client's (skew-corrected) clock, used for signing and credential expiry.
 */
export function createAuthenticator(options: AuthOptions, now: () => Date): Authenticator {
  if (options.apiKey !== undefined) return bearer(options.apiKey, "apiKey");
  const guard = { dangerouslyAllowBrowser: options.dangerouslyAllowBrowser === true };
  if (options.credentials !== undefined) return sigv4(guardCredentials(options.credentials, guard), now, options.sha256);
  const envKey = apiKeyFromEnv();
  if (envKey) return bearer(envKey, "AWS_BEARER_TOKEN_BEDROCK");
  const envCreds = credentialsFromEnv();
  if (envCreds) return sigv4(guardCredentials(envCreds, guard), now, options.sha256);
  if (options.gateway !== undefined) return gatewayStoredKeys(options.gateway.token);
  throw new BedrockInputError(
    "No credentials: pass `credentials` or `apiKey`, or set AWS_BEARER_TOKEN_BEDROCK or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY where the runtime exposes an environment",
  );
}

function bearer(apiKey: string, field: string): Authenticator {
  validateApiKey(apiKey, field);
  const scrubber = new SecretScrubber();
  scrubber.addApiKey(apiKey);
  const value = `Bearer ${apiKey}`;
  return {
    kind: "bearer",
    scrubber,
    async apply(request) {
      const headers = new Headers(request.headers);
      headers.set("authorization", value);
      return headers;
    },
  };
}

// https://developers.cloudflare.com/ai-gateway/usage/providers/bedrock/ (stored keys, "BYOK"):
// the client sends only `cf-aig-authorization`; the gateway signs before forwarding to AWS.
function gatewayStoredKeys(token: string | undefined): Authenticator {
  if (token === undefined) {
    throw new BedrockInputError(
      "gateway.token is required when the gateway signs with its stored keys (no credentials or apiKey given, none in the environment)",
    );
  }
  return {
    kind: "gateway",
    scrubber: new SecretScrubber(),
    async apply(request) {
      return new Headers(request.headers);
    },
  };
}

function sigv4(input: AwsCredentials | CredentialsProvider, now: () => Date, sha256: ChecksumConstructor | undefined): Authenticator {
  const source = createCredentialSource(input, { now });
  const scrubber = new SecretScrubber();
  if (typeof input !== "function") scrubber.add(input.secretAccessKey, input.sessionToken);
  let last: AwsCredentials | undefined;
  return {
    kind: "sigv4",
    scrubber,
    async apply(request, region, signal) {
      let credentials: AwsCredentials;
      try {
        credentials = await source(signal);
      } catch (error) {
        throw providerFailure(error, signal, scrubber);
      }
      if (credentials !== last) {
        scrubber.add(credentials.secretAccessKey, credentials.sessionToken);
        last = credentials;
      }
      return signRequest(request, { credentials, region, service: "bedrock", now, ...(sha256 ? { sha256 } : {}) });
    },
  };
}

/**
 * What a failed credential lookup becomes. Aborts and timeouts stay as they are, and so do
 * our own typed errors (a provider result that fails validation names its field;
 * fromCognitoIdentityPool's AccessDeniedException keeps its class); anything else the
 * provider threw becomes a CredentialsProviderError with it as the cause. The transport
 * retries none of them.
 */
function providerFailure(error: unknown, signal: AbortSignal | undefined, scrubber: SecretScrubber): unknown {
  if (signal?.aborted && error === signal.reason) return error;
  if (BedrockError.isInstance(error)) return scrubber.error(error);
  const detail = error instanceof Error ? error.message : String(error);
  return new CredentialsProviderError(`credentials provider failed: ${scrubber.text(detail)}`, { cause: scrubber.cause(error) });
}
