// Client options, their validation, and how region/endpoint/auth are resolved from them.
import { describeValue } from "../internal/index.js";
import { validateApiKey } from "../auth/bearer.js";
import { BedrockInputError } from "../errors/exceptions.js";
import type { AwsCredentials, CredentialsProvider } from "../auth/credentials.js";
import type { ChecksumConstructor } from "../auth/sha256.js";
import { partitionOf, REGION_PATTERN } from "./partitions.js";
import { validateGateway, type GatewayOptions } from "./gateway.js";
import { validateHooks, type ClientHooks } from "./hooks.js";
import { appIdPart, normalizeHeaders, type HeadersInput } from "./request-headers.js";
import type { BedrockClientOptions } from "./bedrock-client.js";

export interface BedrockRuntimeOptions {
  /** AWS region, e.g. `us-east-1`. Falls back to the model ARN's region, then AWS_REGION. */
  region?: string;
  /** Static credentials or an async provider (cached, refreshed before `expiration`). */
  credentials?: AwsCredentials | CredentialsProvider;
  /** A Bedrock API key, sent as `Authorization: Bearer`; SigV4 is skipped. */
  apiKey?: string;
  /** Base URL override, e.g. `http://127.0.0.1:8787`. Signing still uses `region`. */
  endpoint?: string | URL;
  /** The fetch to send with (defaults to the global one, looked up per call). */
  fetch?: typeof fetch;
  /** Extra attempts on throttling, 5xx and network errors (default 3). */
  maxRetries?: number;
  /** Per-attempt limit in ms until the response (headers, for streams) arrives. Default 120000. */
  timeout?: number;
  /** Ends a stream with a TimeoutError when no bytes arrive for this many ms. Default 60000. */
  streamIdleTimeout?: number;
  /**
   * Clock used for signing, credential expiry and Retry-After dates; injectable for tests. The
   * client adds the offset it learns from the server's `Date` after a clock-skew error.
   */
  now?: () => Date;
  /** Jitter source in [0, 1) for retry backoff; injectable for tests. */
  random?: () => number;
  /** Largest wait between retries (Retry-After included), ms. Default 20000. */
  maxRetryDelay?: number;
  /** Accept long-term access keys (`AKIA…`, no session token) in a browser page. Default false. */
  dangerouslyAllowBrowser?: boolean;
  /**
   * Headers sent (and, with SigV4, signed) on every request, like the SDK's middleware or
   * @langchain/aws's headers. Headers the client owns (`authorization`, `x-amz-*` signing
   * headers, `host`, `content-type`, `accept`, …) are refused. A call's `headers` override these.
   */
  headers?: HeadersInput;
  /** Appended to `x-amz-user-agent` as `app/<id>`, as the AWS SDK's `userAgentAppId` is. */
  userAgentAppId?: string;
  /** Observability hooks (request, response, retry, error, stream end); see docs/observability.md. */
  hooks?: ClientHooks;
  /**
   * Send through Cloudflare AI Gateway. With credentials the request is signed for Bedrock's own
   * host and sent to the gateway; with an API key it carries the Bearer key; with neither the
   * gateway signs with its stored keys (then `token` is required). Not with `endpoint`.
   */
  gateway?: GatewayOptions;
  /** `false` sends requests unchecked (Bedrock still answers a malformed one with a ValidationException). Default: checked. */
  validate?: boolean;
  /**
   * SHA-256/HMAC for signing. `BedrockRuntime` uses `HybridSha256` (JavaScript for short inputs,
   * WebCrypto for large bodies); the bare `BedrockClient` uses WebCrypto only unless given one.
   */
  sha256?: ChecksumConstructor;
}

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 60_000;

const REGION_RE = REGION_PATTERN;

function checkNonNegativeInt(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new BedrockInputError(`${name} must be a non-negative integer, got ${describeValue(value)}`);
  }
}

function checkPositiveMs(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !(value > 0)) {
    throw new BedrockInputError(`${name} must be a positive number of milliseconds, got ${describeValue(value)}`);
  }
}


/**
 * The bare client's checks (everything but `gateway`'s fields): throws BedrockInputError naming
 * the first bad option; never echoes secrets.
 */
export function validateCoreOptions(options: BedrockRuntimeOptions | BedrockClientOptions): void {
  if (options === null || typeof options !== "object") {
    throw new BedrockInputError("BedrockRuntime options must be an object");
  }
  if (options.region !== undefined) checkRegion(options.region, "region");
  if (options.endpoint !== undefined) parseEndpoint(options.endpoint);
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new BedrockInputError("fetch must be a function");
  }
  if (options.apiKey !== undefined) validateApiKey(options.apiKey, "apiKey");
  const creds = options.credentials;
  if (creds !== undefined && typeof creds !== "function" && (creds === null || typeof creds !== "object")) {
    throw new BedrockInputError("credentials must be an object { accessKeyId, secretAccessKey } or an async function");
  }
  if (options.dangerouslyAllowBrowser !== undefined && typeof options.dangerouslyAllowBrowser !== "boolean") {
    throw new BedrockInputError("dangerouslyAllowBrowser must be a boolean");
  }
  checkNonNegativeInt("maxRetries", options.maxRetries);
  checkPositiveMs("timeout", options.timeout);
  checkPositiveMs("streamIdleTimeout", options.streamIdleTimeout);
  checkPositiveMs("maxRetryDelay", options.maxRetryDelay);
  if (options.apiKey !== undefined && options.credentials !== undefined) {
    throw new BedrockInputError("apiKey and credentials are both set: pass one (apiKey sends a Bearer key, credentials sign with SigV4)");
  }
  normalizeHeaders(options.headers, "headers");
  appIdPart(options.userAgentAppId);
  validateHooks(options.hooks);
  if (options.sha256 !== undefined && typeof options.sha256 !== "function") throw new BedrockInputError("sha256 must be a Checksum constructor");
  if (options.gateway !== undefined && options.endpoint !== undefined) {
    throw new BedrockInputError("gateway and endpoint are both set: pass one (gateway builds the AI Gateway URL itself; use gateway.baseUrl to move it)");
  }
}

/** BedrockRuntime's checks: the bare client's, then the `gateway` object's fields. */
export function validateOptions(options: BedrockRuntimeOptions): void {
  validateCoreOptions(options);
  if (options.validate !== undefined && typeof options.validate !== "boolean") throw new BedrockInputError("validate must be a boolean");
  if (options.gateway !== undefined) validateGateway(options.gateway);
}

/** Per-call settings: the caller's signal, plus overrides of the client's own. */
export interface CallOptions {
  /** Cancels the request, or the stream while it is being read. */
  signal?: AbortSignal;
  /** Added to (and overriding, name by name) the client's `headers`; signed with SigV4. */
  headers?: HeadersInput;
  /** This call's per-attempt timeout, ms. */
  timeout?: number;
  /** This call's extra attempts. */
  maxRetries?: number;
  /** This stream's idle timeout, ms (ConverseStream only; ignored elsewhere). */
  streamIdleTimeout?: number;
}

/** Throws BedrockInputError naming the first bad call option, before any request. */
export function validateCallOptions(options: unknown): asserts options is CallOptions {
  if (options === null || typeof options !== "object") throw new BedrockInputError("call options must be an object");
  const o = options as CallOptions;
  const signal = o.signal as unknown;
  if (signal !== undefined && (signal === null || typeof signal !== "object" || typeof (signal as AbortSignal).addEventListener !== "function")) {
    throw new BedrockInputError("signal must be an AbortSignal");
  }
  normalizeHeaders(o.headers, "headers");
  checkNonNegativeInt("maxRetries", o.maxRetries);
  checkPositiveMs("timeout", o.timeout);
  checkPositiveMs("streamIdleTimeout", o.streamIdleTimeout);
}

export function checkRegion(region: unknown, field: string): string {
  if (typeof region !== "string" || !REGION_RE.test(region)) {
    throw new BedrockInputError(`${field} must look like "us-east-1", got ${describeValue(region)}`);
  }
  return region;
}

/** Parses and checks an endpoint override; keeps any base path it carries. */
export function parseEndpoint(endpoint: string | URL): URL {
  let url: URL;
  try {
    url = new URL(String(endpoint));
  } catch {
    throw new BedrockInputError(`endpoint must be an absolute URL, got ${describeValue(String(endpoint))}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new BedrockInputError(`endpoint must use http: or https:, got ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new BedrockInputError("endpoint must not carry user info");
  }
  return url;
}

/** The Bedrock Runtime endpoint of a region in its partition (`amazonaws.com.cn`, `amazonaws.eu`, `c2s.ic.gov`, …). */
export function defaultEndpoint(region: string): URL {
  return new URL(`https://bedrock-runtime.${region}.${partitionOf(region).dnsSuffix}`);
}

/** Joins a base URL (perhaps with a path prefix) and an already-encoded request path. */
export function joinUrl(base: URL, path: string): string {
  const prefix = base.pathname.endsWith("/") ? base.pathname.slice(0, -1) : base.pathname;
  return `${base.origin}${prefix}${path}`;
}
