// BedrockClient: the bare client (auth, retries, timeouts, clock skew, scrubbing); operations are separate imports.
import { regionFromEnv } from "../auth/env-credentials.js";
import { BedrockInputError } from "../errors/exceptions.js";
import { platformFetch } from "../runtime.js";
import { createAuthenticator } from "./auth.js";
import { SkewCorrectedClock } from "./clock-skew.js";
import type { GatewayRoute } from "./gateway.js";
import { hookRunner } from "./hooks.js";
import {
  checkRegion,
  DEFAULT_STREAM_IDLE_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  parseEndpoint,
  validateCoreOptions,
  type BedrockRuntimeOptions,
} from "./options.js";
import { appIdPart, normalizeHeaders, type HeaderList } from "./request-headers.js";
import { DEFAULT_RETRY } from "./retry.js";
import { USER_AGENT, type TransportConfig } from "./transport.js";

/**
 * Checks a request before it is sent (`operation` is `converse`, `converse-stream`,
 * `count-tokens`, …). `validateRequest` from `bedrock-edge/wire` is the full one.
 */
export type RequestValidator = (operation: string, request: unknown) => void;

export interface BedrockClientOptions extends Omit<BedrockRuntimeOptions, "gateway" | "validate"> {
  /** Cloudflare AI Gateway, as `aiGateway({ accountId, gatewayId, token? })` builds it. */
  gateway?: GatewayRoute;
  /**
   * Checks each request before sending. None by default (Bedrock answers a malformed request
   * with a ValidationException); pass `validateRequest` from `bedrock-edge/wire` for typed
   * errors naming the field before any network call.
   */
  validate?: RequestValidator;
}

/** What the operations need of a client; never exported from an entry. */
export interface ClientConfig {
  readonly transport: TransportConfig;
  readonly region: string | undefined;
  readonly envRegion: string | undefined;
  readonly endpoint: URL | undefined;
  readonly gateway: GatewayRoute | undefined;
  readonly idleTimeoutMs: number;
  readonly headers: HeaderList;
  readonly validate: RequestValidator | undefined;
  calls: number;
}

let configOf: (client: BedrockClient) => ClientConfig;

/**
 * The bare Bedrock Runtime client: pass it to the operations you use (`converse`,
 * `converseStream`, `countTokens`), so a bundle carries only those. `BedrockRuntime` is the
 * same client with every operation as a method and request validation on.
 *
 * @example
 * ```ts
 * import { BedrockClient, converseStream } from "bedrock-edge";
 * const client = new BedrockClient({ region: "us-east-1", credentials });
 * for await (const event of await converseStream(client, { modelId, messages })) console.log(event);
 * ```
 */
export class BedrockClient {
  readonly #config: ClientConfig;

  static {
    configOf = (client) => client.#config;
  }

  constructor(options: BedrockClientOptions = {}) {
    validateCoreOptions(options);
    const { gateway } = options;
    if (gateway !== undefined && typeof (gateway as Partial<GatewayRoute>).base !== "function") {
      throw new BedrockInputError("gateway: pass aiGateway({ accountId, gatewayId, token? }) (BedrockRuntime takes the plain object)");
    }
    if (options.validate !== undefined && typeof options.validate !== "function") {
      throw new BedrockInputError("validate must be a function (validateRequest from bedrock-edge/wire)");
    }
    const envRegion = options.region === undefined ? regionFromEnv() : undefined;
    if (envRegion !== undefined) checkRegion(envRegion, "AWS_REGION");
    const clock = new SkewCorrectedClock(options.now ?? (() => new Date()));
    const auth = createAuthenticator(options, clock.now);
    const token = gateway?.token;
    if (token !== undefined) auth.scrubber.add(token);
    const appId = appIdPart(options.userAgentAppId);
    const injected = options.fetch;
    this.#config = {
      transport: {
        fetch: injected ? () => injected : platformFetch,
        auth,
        retry: {
          ...DEFAULT_RETRY,
          ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
          ...(options.maxRetryDelay !== undefined ? { maxDelayMs: options.maxRetryDelay } : {}),
          ...(options.random ? { random: options.random } : {}),
        },
        timeoutMs: options.timeout ?? DEFAULT_TIMEOUT_MS,
        clock,
        userAgent: appId ? `${USER_AGENT} ${appId}` : USER_AGENT,
        unsignedHeaders: gateway?.headers ?? [],
        hooks: hookRunner(options.hooks),
      },
      region: options.region,
      envRegion,
      endpoint: options.endpoint !== undefined ? parseEndpoint(options.endpoint) : undefined,
      gateway,
      idleTimeoutMs: options.streamIdleTimeout ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS,
      headers: normalizeHeaders(options.headers, "headers"),
      validate: options.validate,
      calls: 0,
    };
  }

  /** Which authentication the client uses; never the secret itself. */
  get authKind(): "bearer" | "sigv4" | "gateway" {
    return this.#config.transport.auth.kind;
  }
}

/** The client's settings, for the operations (internal). */
export function clientConfig(client: BedrockClient): ClientConfig {
  if (!(client instanceof BedrockClient)) throw new BedrockInputError("client must be a BedrockClient");
  return configOf(client);
}
