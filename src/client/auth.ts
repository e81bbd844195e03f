// Chooses how requests are authenticated: Bedrock API key (bearer) or SigV4 credentials.
import { guardCredentials } from "../auth/browser-guard.js";
import { createCredentialSource, type AwsCredentials } from "../auth/credentials.js";
import { apiKeyFromEnv, credentialsFromEnv } from "../auth/env-credentials.js";
import { signRequest } from "../auth/sigv4.js";
import { BedrockInputError } from "../errors/exceptions.js";
import type { BedrockRuntimeOptions } from "./options.js";

export interface Authenticator {
  readonly kind: "bearer" | "sigv4";
  /** Adds auth headers for one attempt (signing is redone per attempt: x-amz-date moves on). */
  apply(request: { method: string; url: string; headers: Headers; body: Uint8Array }, region: string): Promise<Headers>;
}

/**
 * Order: an explicit `apiKey`, explicit `credentials`, then the environment's
 * AWS_BEARER_TOKEN_BEDROCK, then AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
 */
export function createAuthenticator(options: BedrockRuntimeOptions): Authenticator {
  if (options.apiKey !== undefined) return bearer(options.apiKey);
  const guard = { dangerouslyAllowBrowser: options.dangerouslyAllowBrowser === true };
  if (options.credentials !== undefined) return sigv4(guardCredentials(options.credentials, guard), options.now);
  const envKey = apiKeyFromEnv();
  if (envKey) return bearer(envKey);
  const envCreds = credentialsFromEnv();
  if (envCreds) return sigv4(guardCredentials(envCreds, guard), options.now);
  throw new BedrockInputError(
    "No credentials: pass `credentials` or `apiKey`, or set AWS_BEARER_TOKEN_BEDROCK or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY where the runtime exposes an environment",
  );
}

function bearer(apiKey: string): Authenticator {
  const value = `Bearer ${apiKey}`;
  return {
    kind: "bearer",
    async apply(request) {
      const headers = new Headers(request.headers);
      headers.set("authorization", value);
      return headers;
    },
  };
}

function sigv4(input: AwsCredentials | (() => Promise<AwsCredentials>), now?: () => Date): Authenticator {
  const source = createCredentialSource(input, now ? { now } : {});
  return {
    kind: "sigv4",
    async apply(request, region) {
      const credentials = await source();
      return signRequest(request, { credentials, region, service: "bedrock", ...(now ? { now } : {}) });
    },
  };
}
