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
} from "../wire/index.js";
import type { SecretScrubber } from "../auth/secret-scrubber.js";
import { createAuthenticator, type Authenticator } from "./auth.js";
import { SkewCorrectedClock } from "./clock-skew.js";
import {
  checkRegion,
  defaultEndpoint,
  DEFAULT_STREAM_IDLE_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  joinUrl,
  parseEndpoint,
  validateOptions,
  type BedrockRuntimeOptions,
} from "./options.js";
import { DEFAULT_RETRY, type RetryOptions } from "./retry.js";
import { ConverseStreamResponse } from "./stream-response.js";
import { send, type AttemptContext, type TransportConfig } from "./transport.js";

export interface CallOptions {
  /** Cancels the request, or the stream while it is being read. */
  signal?: AbortSignal;
}

/** `ConverseResponse` plus the AWS SDK's `$metadata`. */
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
  readonly #transport: TransportConfig;
  readonly #idleTimeoutMs: number;

  constructor(options: BedrockRuntimeOptions = {}) {
    validateOptions(options);
    // The documented order: `region`, then the model ARN's region, then AWS_REGION.
    this.#region = options.region;
    this.#envRegion = options.region === undefined ? regionFromEnv() : undefined;
    if (this.#envRegion !== undefined) checkRegion(this.#envRegion, "AWS_REGION");
    this.#endpoint = options.endpoint !== undefined ? parseEndpoint(options.endpoint) : undefined;
    const clock = new SkewCorrectedClock(options.now ?? (() => new Date()));
    const auth: Authenticator = createAuthenticator(options, clock.now);
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
    };
    this.#idleTimeoutMs = options.streamIdleTimeout ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS;
  }

  /** Which authentication the client uses; never the secret itself. */
  get authKind(): "bearer" | "sigv4" {
    return this.#transport.auth.kind;
  }

  /** Sends a Converse request and returns the whole reply. */
  async converse(request: ConverseRequest, options: CallOptions = {}): Promise<ConverseCommandOutput> {
    const { url, region, body } = this.#prepare(request, "converse");
    return this.#sendJson(url, region, body, options.signal, (json, response, ctx) => {
      const output = deserializeConverseResponse(json) as ConverseCommandOutput;
      output.$metadata = { httpStatusCode: response.status, requestId: ctx.requestId, attempts: ctx.attempts };
      return output;
    });
  }

  /**
   * Sends a ConverseStream request. Resolves once the response has started (HTTP errors and a
   * throttling frame that arrives first are retried here); then iterate the events.
   */
  async converseStream(request: ConverseStreamRequest, options: CallOptions = {}): Promise<ConverseStreamResponse> {
    const { url, region, body } = this.#prepare(request, "converse-stream");
    const idleTimeoutMs = this.#idleTimeoutMs;
    const scrubber = this.#transport.auth.scrubber;
    return send(this.#transport, {
      url,
      region,
      body,
      accept: "application/vnd.amazon.eventstream",
      signal: options.signal,
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
        const iterator = replayFirst(first, events, scrubber);
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
    validateCountTokensRequest(request);
    const { url, region } = this.#target(request.modelId, "count-tokens");
    const body = utf8.encode(serializeCountTokensRequest(request));
    return this.#sendJson(url, region, body, options.signal, (json) => json as CountTokensResponse);
  }

  /** One JSON-in, JSON-out call through the retry loop; `map` shapes the parsed body. */
  #sendJson<T>(
    url: string,
    region: string,
    body: Uint8Array<ArrayBuffer>,
    signal: AbortSignal | undefined,
    map: (json: unknown, response: Response, ctx: AttemptContext) => T,
  ): Promise<T> {
    return send(this.#transport, {
      url,
      region,
      body,
      accept: "application/json",
      signal,
      async read(response, ctx) {
        return map(await readJson(response, ctx.requestId), response, ctx);
      },
    });
  }

  #prepare(request: ConverseRequest, operation: "converse" | "converse-stream") {
    validateConverseRequest(request);
    const target = this.#target(request.modelId, operation);
    return { ...target, body: utf8.encode(serializeConverseRequest(request)) };
  }

  #target(modelId: unknown, operation: "converse" | "converse-stream" | "count-tokens") {
    if (typeof modelId !== "string" || modelId.trim() === "") {
      throw new BedrockInputError("modelId is required (a model ID, inference profile ID or ARN)");
    }
    const region = this.#region ?? regionFromModelArn(modelId) ?? this.#envRegion;
    if (region === undefined) {
      throw new BedrockInputError("region is required: pass `region`, set AWS_REGION, or use a model ARN that names one");
    }
    const base = this.#endpoint ?? defaultEndpoint(region);
    return { url: joinUrl(base, modelPath(modelId, operation)), region };
  }
}

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
