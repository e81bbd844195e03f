// Short-term Bedrock API keys: a presigned `CallWithBearerToken` URL, minted with Web APIs only.
import { BedrockError } from "../errors/bedrock-error.js";
import { BedrockInputError, CredentialsProviderError } from "../errors/exceptions.js";
import type { AwsCredentials, CredentialsProvider } from "./credentials.js";
import { presignRequest } from "./presign-request.js";
import type { ChecksumConstructor } from "./sha256.js";

export interface ShortTermApiKeyOptions {
  /** Region the key works in (keys are region-bound), e.g. `us-east-1`. */
  region: string;
  /**
   * Seconds the key stays valid: 1 to 43200 (12 hours, Bedrock's limit), default 43200. AWS also
   * stops honouring it when the signing credentials expire, whichever comes first.
   */
  expiresIn?: number;
  /** Clock, injectable for tests. */
  now?: () => Date;
  /** SHA-256 / HMAC implementation. Defaults to `Sha256` (WebCrypto only); `HybridSha256` also works without it. */
  sha256?: ChecksumConstructor;
}

/** What every short-term key starts with; Bedrock tells key kinds apart by it. */
export const SHORT_TERM_API_KEY_PREFIX = "bedrock-api-key-";
/** Bedrock's upper limit on a short-term key's lifetime, in seconds. */
export const MAX_SHORT_TERM_API_KEY_SECONDS = 43_200;

// The same constants AWS's token generators (aws-bedrock-token-generator-js/-python) sign with.
const HOST = "bedrock.amazonaws.com";
const ACTION_URL = `https://${HOST}/?Action=CallWithBearerToken`;
const TOKEN_VERSION = "&Version=1";

/** Query parameters sorted by name, as the JS token generator's URL formatter writes them. */
function sortedQuery(search: string): string {
  const parts = search.replace(/^\?/, "").split("&").filter((p) => p !== "");
  const key = (part: string) => (part.includes("=") ? part.slice(0, part.indexOf("=")) : part);
  return parts.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).join("&");
}

async function fromProvider(provider: CredentialsProvider): Promise<AwsCredentials> {
  try {
    return await provider();
  } catch (error) {
    // Our typed errors (Cognito's, say) keep their class, as they do in the client.
    if (BedrockError.isInstance(error)) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    // Signing failures are scrubbed by presignRequest; the provider's own error holds no
    // credential of ours (it produced none), so it is kept as the cause.
    throw new CredentialsProviderError(`credentials provider failed: ${detail}`, { cause: error });
  }
}

/**
 * Mints a short-term Bedrock API key from AWS credentials, in any runtime (no Node APIs), so a
 * Worker can hand a browser a key that expires instead of its own credentials. The key is a
 * SigV4-presigned `POST https://bedrock.amazonaws.com/?Action=CallWithBearerToken` without
 * `https://`, plus `&Version=1`, base64-encoded and prefixed `bedrock-api-key-`: the format of
 * AWS's aws-bedrock-token-generator packages. Send it as `apiKey`.
 *
 * @example
 * const apiKey = await createShortTermApiKey(env.AWS_CREDENTIALS, { region: "us-east-1", expiresIn: 900 });
 * const client = new BedrockRuntime({ region: "us-east-1", apiKey });
 */
export async function createShortTermApiKey(
  credentials: AwsCredentials | CredentialsProvider,
  options: ShortTermApiKeyOptions,
): Promise<string> {
  if (options === null || typeof options !== "object" || options.region === undefined) {
    throw new BedrockInputError("createShortTermApiKey needs options with a region, e.g. { region: \"us-east-1\" }");
  }
  const expiresIn = options.expiresIn ?? MAX_SHORT_TERM_API_KEY_SECONDS;
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_SHORT_TERM_API_KEY_SECONDS) {
    throw new BedrockInputError(`expiresIn must be a whole number of seconds from 1 to ${MAX_SHORT_TERM_API_KEY_SECONDS} (12 hours)`);
  }
  const resolved = typeof credentials === "function" ? await fromProvider(credentials) : credentials;
  const presigned = await presignRequest(
    // No body and only `host` signed: exactly what the token generators presign.
    { method: "POST", url: ACTION_URL },
    {
      credentials: resolved,
      region: options.region,
      service: "bedrock",
      expiresIn,
      ...(options.now ? { now: options.now } : {}),
      ...(options.sha256 ? { sha256: options.sha256 } : {}),
    },
  );
  const url = `${presigned.url.host}${presigned.url.pathname}?${sortedQuery(presigned.url.search)}${TOKEN_VERSION}`;
  // The URL is percent-encoded ASCII, so btoa's one-byte-per-char input is exactly its UTF-8.
  return SHORT_TERM_API_KEY_PREFIX + btoa(url);
}
