// Provider settings (those of @ai-sdk/amazon-bedrock plus ours), checked and mapped onto BedrockRuntimeOptions.
import type { GatewayOptions } from "../client/gateway.js";
import { validateOptions, type BedrockRuntimeOptions } from "../client/options.js";
import { BedrockInputError } from "../errors/index.js";

/** Credentials a `credentialProvider` resolves to (the shape @ai-sdk/amazon-bedrock takes). */
export interface BedrockProviderCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/**
 * Settings of `createAmazonBedrock`. The first group has the names and meaning of
 * `@ai-sdk/amazon-bedrock`'s, so migrating is one import line; the second is bedrock-edge's own.
 * Anything not given falls back to the environment where the runtime has one (AWS_REGION,
 * AWS_BEARER_TOKEN_BEDROCK, AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN).
 */
export interface AmazonBedrockProviderSettings {
  /** AWS region, e.g. `us-east-1`. */
  region?: string;
  /** A Bedrock API key, sent as `Authorization: Bearer`; SigV4 is skipped. */
  apiKey?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  /** Async source of credentials (called again before `expiration`); wins over the static keys. */
  credentialProvider?: () => PromiseLike<BedrockProviderCredentials>;
  /** Base URL, e.g. `http://127.0.0.1:8787` for the emulator. Signing still uses `region`. */
  baseURL?: string;
  /**
   * Headers sent (and, with SigV4, signed, as @ai-sdk/amazon-bedrock signs them) on every request.
   * Those the client writes itself (`authorization`, `x-amz-*`, `host`, `content-type`, …) are refused.
   */
  headers?: Record<string, string>;
  /** The fetch to send with. */
  fetch?: typeof fetch;
  /** Accepted for compatibility; Bedrock's own tool-use IDs are always used. */
  generateId?: () => string;

  /**
   * The client's own extra attempts on throttling, 5xx and network errors. Default 0, as with
   * @ai-sdk/amazon-bedrock: `ai`'s `maxRetries` (default 2) retries the APICallError each failure is.
   */
  maxRetries?: number;
  /** Per-attempt limit in ms until the response (headers, for streams) arrives. Default 120000. */
  timeout?: number;
  /** Ends a stream with a TimeoutError when no bytes arrive for this many ms. Default 60000. */
  streamIdleTimeout?: number;
  /** Largest wait between retries, ms. Default 20000. */
  maxRetryDelay?: number;
  /** Accept long-term access keys in a browser page. Default false. */
  dangerouslyAllowBrowser?: boolean;
  /**
   * Join consecutive text / reasoning / tool-input deltas that arrived together (decoded from
   * bytes already received) into one stream part. The text is the same; the AI SDK's per-part
   * work runs once instead of per Bedrock event. Default true; false gives one part per event.
   */
  coalesceDeltas?: boolean;
  /** Send through Cloudflare AI Gateway (see docs/gateway.md); not with `baseURL`. */
  gateway?: GatewayOptions;
}

const STRING_FIELDS = ["region", "apiKey", "accessKeyId", "secretAccessKey", "sessionToken", "baseURL"] as const;

/** Throws BedrockInputError naming the first bad setting; never echoes a value. */
export function toRuntimeOptions(settings: AmazonBedrockProviderSettings): BedrockRuntimeOptions {
  if (settings === null || typeof settings !== "object") {
    throw new BedrockInputError("createAmazonBedrock settings must be an object");
  }
  for (const field of STRING_FIELDS) {
    if (settings[field] !== undefined && typeof settings[field] !== "string") {
      throw new BedrockInputError(`${field} must be a string`);
    }
  }
  for (const field of ["credentialProvider", "fetch", "generateId"] as const) {
    if (settings[field] !== undefined && typeof settings[field] !== "function") {
      throw new BedrockInputError(`${field} must be a function`);
    }
  }
  if (settings.coalesceDeltas !== undefined && typeof settings.coalesceDeltas !== "boolean") {
    throw new BedrockInputError("coalesceDeltas must be a boolean");
  }
  if (settings.gateway !== undefined && settings.baseURL !== undefined) {
    // The client's wording names `endpoint`; here the setting is called baseURL.
    throw new BedrockInputError("gateway and baseURL are both set: pass one (gateway builds the AI Gateway URL itself; use gateway.baseUrl to move it)");
  }
  const options: BedrockRuntimeOptions = {};
  if (settings.region !== undefined) options.region = settings.region;
  if (settings.baseURL !== undefined) options.endpoint = settings.baseURL;
  // Like @ai-sdk/amazon-bedrock: a blank key counts as none.
  const apiKey = settings.apiKey?.trim();
  if (apiKey) options.apiKey = apiKey;
  else if (settings.credentialProvider) options.credentials = wrapProvider(settings.credentialProvider);
  else if (settings.accessKeyId !== undefined || settings.secretAccessKey !== undefined) options.credentials = staticCredentials(settings);
  // Headers, gateway, retries and timeouts are the client's own options, checked by validateOptions.
  for (const field of ["fetch", "headers", "gateway", "maxRetries", "timeout", "streamIdleTimeout", "maxRetryDelay", "dangerouslyAllowBrowser"] as const) {
    if (settings[field] !== undefined) (options as Record<string, unknown>)[field] = settings[field];
  }
  options.maxRetries ??= 0;
  validateOptions(options);
  return options;
}

function staticCredentials(settings: AmazonBedrockProviderSettings): BedrockProviderCredentials {
  if (!settings.accessKeyId) throw new BedrockInputError("accessKeyId is required when secretAccessKey is given");
  if (!settings.secretAccessKey) throw new BedrockInputError("secretAccessKey is required when accessKeyId is given");
  return {
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    ...(settings.sessionToken ? { sessionToken: settings.sessionToken } : {}),
  };
}

// The client wants a Promise-returning function; the AI SDK types the provider as PromiseLike.
function wrapProvider(provider: () => PromiseLike<BedrockProviderCredentials>): () => Promise<BedrockProviderCredentials> {
  return async () => await provider();
}
