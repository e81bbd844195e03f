// BedrockRuntime: Converse, ConverseStream and CountTokens over the platform's fetch.
import { regionFromEnv } from "../auth/env-credentials.js";
import { decodeEvents } from "../event-stream/converse-stream.js";
import { BedrockInputError } from "../errors/exceptions.js";
import { BedrockError } from "../errors/bedrock-error.js";
import { platformFetch } from "../runtime.js";
import {
  deserializeConverseResponse,
  modelPath,
  regionFromModelArn,
  serializeConverseRequest,
  serializeCountTokensRequest,
  validateConverseRequest,
  validateCountTokensRequest,
  type ConverseRequest,
  type ConverseResponse,
  type ConverseStreamOutput,
  type ConverseStreamRequest,
  type CountTokensRequest,
  type CountTokensResponse,
  type ModelOperation,
  type TokenUsage,
} from "../wire/index.js";
import type { SecretScrubber } from "../auth/secret-scrubber.js";
import { createAuthenticator, type Authenticator } from "./auth.js";
import { SkewCorrectedClock } from "./clock-skew.js";
import { gatewayBase, GATEWAY_TOKEN_HEADER, type GatewayOptions } from "./gateway.js";
import { hookRunner, type OperationName } from "./hooks.js";
import { observeStream } from "./observe-stream.js";
import {
  checkRegion,
  defaultEndpoint,
  DEFAULT_STREAM_IDLE_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  joinUrl,
  parseEndpoint,
  validateCallOptions,
  validateOptions,
  type BedrockRuntimeOptions,
  type CallOptions,
} from "./options.js";
import { appIdPart, mergeHeaders, normalizeHeaders, type HeaderList } from "./request-headers.js";
import { DEFAULT_RETRY, type RetryOptions } from "./retry.js";
import { ConverseStreamResponse } from "./stream-response.js";
import { send, USER_AGENT, type AttemptContext, type Operation, type TransportConfig } from "./transport.js";

export type { CallOptions };

/** What `converse` resolves to: the response plus `$metadata`, as the AWS SDK's ConverseCommandOutput. */
export type ConverseCommandOutput = ConverseResponse & { $metadata: { httpStatusCode: number; requestId?: string; attempts: number } };

const utf8 = new TextEncoder();

/**
 * A Bedrock Runtime client for edge runtimes and browsers.
 *
 * @example
 * ```ts
 * const client = new BedrockRuntime({ region: "us-east-1", credentials: { accessKeyId, secretAccessKey } });
 * const response = await client.converseStream({
 *   modelId: "us.amazon.nova-micro-v1:0",
 *   messages: [{ role: "user", content: [{ text: "I love programming." }] }],
 * });
 * for await (const event of response) {
 *   if (event.contentBlockDelta?.delta?.text) console.log(event.contentBlockDelta.delta.text);
 * }
 * ```
 */
export class BedrockRuntime {
  readonly #region: string | undefined;
  readonly #envRegion: string | undefined;
  readonly #endpoint: URL | undefined;
  readonly #gateway: GatewayOptions | undefined;
  readonly #transport: TransportConfig;
  readonly #idleTimeoutMs: number;
  readonly #headers: HeaderList;
  #calls = 0;

  constructor(options: BedrockRuntimeOptions = {}) {
    validateOptions(options);
    // The documented order: `region`, then the model ARN's region, then AWS_REGION.
    this.#region = options.region;
    this.#envRegion = options.region === undefined ? regionFromEnv() : undefined;
    if (this.#envRegion !== undefined) checkRegion(this.#envRegion, "AWS_REGION");
    this.#endpoint = options.endpoint !== undefined ? parseEndpoint(options.endpoint) : undefined;
    this.#gateway = options.gateway === undefined ? undefined : { ...options.gateway };
    this.#headers = normalizeHeaders(options.headers, "headers");
    const clock = new SkewCorrectedClock(options.now ?? (() => new Date()));
    const auth: Authenticator = createAuthenticator(options, clock.now);
    const token = this.#gateway?.token;
    if (token !== undefined) auth.scrubber.add(token);
    const appId = appIdPart(options.userAgentAppId);
    const retry: RetryOptions = {
      ...DEFAULT_RETRY,
      ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
      ...(options.maxRetryDelay !== undefined ? { maxDelayMs: options.maxRetryDelay } : {}),
      ...(options.random ? { random: options.random } : {}),
    };
    const injected = options.fetch;
    this.#transport = {
      fetch: injected ? () => injected : platformFetch,
      auth,
      retry,
      timeoutMs: options.timeout ?? DEFAULT_TIMEOUT_MS,
      clock,
      userAgent: appId ? `${USER_AGENT} ${appId}` : USER_AGENT,
      unsignedHeaders: token === undefined ? [] : [[GATEWAY_TOKEN_HEADER, `Bearer ${token}`]],
      hooks: hookRunner(options.hooks),
    };
    this.#idleTimeoutMs = options.streamIdleTimeout ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS;
  }

  /** Which authentication the client uses; never the secret itself. */
  get authKind(): "bearer" | "sigv4" | "gateway" {
    return this.#transport.auth.kind;
  }

  /** Sends a Converse request and returns the whole reply. */
  async converse(request: ConverseRequest, options: CallOptions = {}): Promise<ConverseCommandOutput> {
    const op = this.#prepare(request, "converse", options);
    return this.#sendJson(op, (json, response, ctx) => {
      const output = deserializeConverseResponse(json) as ConverseCommandOutput;
      output.$metadata = { httpStatusCode: response.status, requestId: ctx.requestId, attempts: ctx.attempts };
      return output;
    }, (output) => output.usage);
  }

  /**
   * Sends a ConverseStream request. Resolves once the response has started (HTTP errors and a
   * throttling frame that arrives first are retried here); then iterate the events.
   */
  async converseStream(request: ConverseStreamRequest, options: CallOptions = {}): Promise<ConverseStreamResponse> {
    const op = this.#prepare(request, "converse-stream", options);
    const idleTimeoutMs = options.streamIdleTimeout ?? this.#idleTimeoutMs;
    const scrubber = this.#transport.auth.scrubber;
    const hooks = this.#transport.hooks;
    const startedMs = Date.now();
    return send(this.#transport, {
      ...op,
      accept: "application/vnd.amazon.eventstream",
      async read(response, ctx) {
        if (!response.body) throw new BedrockError("Bedrock returned an empty stream body", { status: response.status });
        const events = decodeEvents(
          response.body,
          { ...(ctx.requestId ? { requestId: ctx.requestId } : {}), signal: ctx.link.signal, idleTimeoutMs },
          () => ctx.link.dispose(),
        );
        // Wait for the first event while retries are still possible; nothing has reached the caller yet.
        const first = await events.next();
        ctx.link.arm(undefined, "");
        ctx.keepAlive();
        const facts = { ...op.info, attempt: ctx.attempts, requestId: ctx.requestId, startedMs };
        const iterator = observeStream(replayFirst(first, events, scrubber), hooks, facts);
        return new ConverseStreamResponse(iterator, {
          httpStatusCode: response.status,
          requestId: ctx.requestId,
          attempts: ctx.attempts,
        });
      },
    });
  }

  /** Counts the input tokens a Converse request would use (the CountTokens API). */
  async countTokens(request: CountTokensRequest, options: CallOptions = {}): Promise<CountTokensResponse> {
    validateCallOptions(options);
    validateCountTokensRequest(request);
    const body = utf8.encode(serializeCountTokensRequest(request));
    const op = this.#operation(request.modelId, "count-tokens", body, options);
    return this.#sendJson(op, (json) => json as CountTokensResponse);
  }

  /** One JSON-in, JSON-out call through the retry loop; `map` shapes the parsed body. */
  #sendJson<T>(
    op: Omit<Operation<T>, "read" | "accept">,
    map: (json: unknown, response: Response, ctx: AttemptContext) => T,
    usageOf?: (result: T) => TokenUsage | undefined,
  ): Promise<T> {
    return send(this.#transport, {
      ...op,
      accept: "application/json",
      ...(usageOf ? { usageOf } : {}),
      async read(response, ctx) {
        return map(await readJson(response, ctx.requestId), response, ctx);
      },
    });
  }

  #prepare(request: ConverseRequest, operation: "converse" | "converse-stream", options: CallOptions) {
    validateCallOptions(options);
    validateConverseRequest(request);
    return this.#operation(request.modelId, operation, utf8.encode(serializeConverseRequest(request)), options);
  }

  /** Everything but `accept` and `read`: where the call goes, what is signed, and this call's settings. */
  #operation(modelId: unknown, operation: ModelOperation, body: Uint8Array<ArrayBuffer>, options: CallOptions) {
    const { url, signingUrl, region } = this.#target(modelId, operation);
    return {
      url,
      signingUrl,
      region,
      body,
      signal: options.signal,
      headers: mergeHeaders(this.#headers, normalizeHeaders(options.headers, "headers")),
      timeoutMs: options.timeout ?? this.#transport.timeoutMs,
      maxRetries: options.maxRetries ?? this.#transport.retry.maxRetries,
      info: { operation: OPERATION_NAMES[operation], modelId: modelId as string, region, callId: ++this.#calls },
    };
  }

  #target(modelId: unknown, operation: ModelOperation) {
    if (typeof modelId !== "string" || modelId.trim() === "") {
      throw new BedrockInputError("modelId is required (a model ID, inference profile ID or ARN)");
    }
    const region = this.#region ?? regionFromModelArn(modelId) ?? this.#envRegion;
    if (region === undefined) {
      throw new BedrockInputError("region is required: pass `region`, set AWS_REGION, or use a model ARN that names one");
    }
    const path = modelPath(modelId, operation);
    if (this.#gateway) {
      // Signed for Bedrock's own host and path; the gateway forwards the signed headers there.
      return { url: joinUrl(gatewayBase(this.#gateway, region), path), signingUrl: joinUrl(defaultEndpoint(region), path), region };
    }
    const url = joinUrl(this.#endpoint ?? defaultEndpoint(region), path);
    return { url, signingUrl: url, region };
  }
}

const OPERATION_NAMES: Record<ModelOperation, OperationName> = {
  converse: "Converse",
  "converse-stream": "ConverseStream",
  "count-tokens": "CountTokens",
};

async function readJson(response: Response, requestId: string | undefined): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BedrockError("Bedrock returned a body that is not JSON", {
      status: response.status,
      ...(requestId ? { requestId } : {}),
      cause: error,
    });
  }
}

/**
 * Hands out an already-read first result, then the generator's own results. Errors from the
 * decoder (an exception frame quotes server text) leave through the scrubber; a rejection
 * handler per event is the whole cost (an `async next()` would cost more than decoding).
 */
function replayFirst<T>(
  first: IteratorResult<T, void>,
  rest: AsyncGenerator<T, void, undefined>,
  scrubber: SecretScrubber,
): AsyncIterableIterator<T> {
  let pending: IteratorResult<T, void> | undefined = first;
  const fail = (error: unknown): never => {
    throw scrubber.error(error);
  };
  return {
    next() {
      if (pending === undefined) return rest.next().then(undefined, fail);
      const result = pending;
      pending = undefined;
      return Promise.resolve(result);
    },
    return() {
      pending = undefined;
      return rest.return(undefined);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export type { ConverseStreamOutput };
