// createBedrockEmulator: a strict, runtime-neutral Bedrock Runtime (Web APIs only) for tests and demos.
import {
  authenticateWithShortTermKeys,
  createCognitoRoute,
  EMULATOR_API_KEY,
  EMULATOR_CREDENTIALS,
  EMULATOR_REGION,
  EMULATOR_SESSION_CREDENTIALS,
  type ApiKeyCheck,
  type CognitoEmulatorOptions,
} from "./auth/index.js";
import { awsErrorResponse, awsErrors, EmulatorError, type AwsError } from "./aws-error.js";
import { createBuiltInModel, type BuiltInModelOptions, type EmulatorModel } from "./model/index.js";
import { chatCompletions, isChatCompletionsPath, openAiErrorResponse } from "./openai/route.js";
import { answer } from "./response/index.js";
import {
  corsHeaders,
  FaultQueue,
  httpDate,
  isPreflight,
  newRecord,
  paddingMember,
  parseJson,
  parseRoute,
  preflightHeaders,
  requestId,
  ScriptQueue,
  seededRandom,
  serverTime,
} from "./server/index.js";
import { createGatewayRoute, type GatewayEmulatorOptions } from "./server/index.js";
import type { Chunking, EmulatorCredentials, EmulatorOperation, Fault, HttpFault, JsonObject, RecordedRequest, Script, StreamFault } from "./types.js";
import {
  INVALID_MODEL_ID,
  isKnownModelId,
  MALFORMED_INPUT,
  converseRequestProblem,
  countTokensRequestProblem,
  modelRefusal,
} from "./validate/index.js";
import { nativeCodec } from "./model/native-more.js";
import { applyGuardrailProblem } from "./model/apply-guardrail.js";
import { embeddingInvokeProblem } from "./model/embedding-invoke.js";
import { imageInvokeProblem } from "./model/image-invoke.js";
import { rerankProblem } from "./model/rerank.js";
import { createAsyncInvokes, isAsyncInvokeError, type AsyncInvokeOptions, type AsyncInvokeRecord } from "./model/async-invoke.js";

export interface EmulatorOptions {
  /** Known SigV4 credentials (default: EMULATOR_CREDENTIALS and EMULATOR_SESSION_CREDENTIALS). */
  credentials?: EmulatorCredentials | EmulatorCredentials[];
  /** Accepted bearer keys, or a check for them (default: [EMULATOR_API_KEY]). `[]` refuses all. */
  apiKeys?: ApiKeyCheck;
  /** Region the credential scope must name (default "us-east-1"). */
  region?: string;
  /**
   * Clock in epoch ms (default Date.now): the `Date` header, the x-amz-date window, credential and
   * key expiry read it. A "clock-skew" fault moves it for the requests it hits.
   */
  now?: () => number;
  /** Allowed x-amz-date skew either way (default 5 minutes). */
  maxSkewMs?: number;
  /** Answer CORS preflights and add Access-Control-* headers, as AWS does (default true). */
  cors?: boolean;
  /** Set false to skip authentication entirely (default true: every request must be signed or carry a key). */
  requireAuth?: boolean;
  /**
   * Model IDs to accept; others get AWS's 400 "The provided model identifier is invalid." Default:
   * the IDs Bedrock knows (`isKnownModelId`: base IDs, inference profiles, ARNs); `"any"` accepts every name.
   */
  models?: readonly string[] | ((modelId: string) => boolean) | "any";
  /** Custom names accepted beside `models` (e.g. for a scripted `model`), such as `["test.echo"]`. */
  allowModels?: readonly string[];
  /** The model used when nothing is scripted (default: the built-in deterministic model). */
  model?: EmulatorModel;
  /** Settings of the built-in model used when `model` is not given (cache minimum, blocked words, …). */
  builtInModel?: BuiltInModelOptions;
  /** Default chunking of stream bodies (default "per-frame"; JSON bodies are sent whole). */
  chunking?: Chunking;
  /** Pad every event payload with Bedrock's random `"p"` member (default false). */
  padding?: boolean;
  /** Seed of the PRNG behind "random" chunking and padding (default 1). */
  seed?: number;
  /**
   * Extra handlers tried in order before authentication (e.g. unsigned identity-provider calls).
   * Return a Response to answer, or undefined to pass. The request id, date and CORS headers are added.
   */
  routes?: EmulatorRoute[];
  /** Serve Cognito Identity's GetId and GetCredentialsForIdentity; minted credentials are accepted here. */
  cognito?: CognitoEmulatorOptions;
  /** Accept short-term keys (`bedrock-api-key-…`) signed by known credentials, checking expiry (default true). */
  shortTermApiKeys?: boolean;
  /** Also serve Cloudflare AI Gateway's Bedrock path (`/v1/{account}/{gateway}/aws-bedrock/…`); see gateway.ts. */
  gateway?: GatewayEmulatorOptions;
  /** StartAsyncInvoke / GetAsyncInvoke / ListAsyncInvokes: how long a job runs on the emulator's clock, the ARNs' account. */
  asyncInvoke?: AsyncInvokeOptions;
}

/** An extra endpoint served beside Bedrock Runtime; see `EmulatorOptions.routes`. */
export type EmulatorRoute = (
  request: Request,
  info: { rawPath: string; body: Uint8Array; requestId: string; now: number },
) => Response | undefined | Promise<Response | undefined>;

export interface BedrockEmulator {
  /** The request handler: use it as a Worker's `fetch`, a Deno/Bun server handler, or behind `startEmulator`. */
  fetch: (request: Request) => Promise<Response>;
  /** A drop-in `fetch` (accepts the same arguments) that sends everything to this emulator. */
  asFetch: typeof fetch;
  /** Like `fetch`, with the path exactly as it came off the wire (launchers pass it; URL parsing may normalise it). */
  handle(request: Request, context?: { rawPath?: string }): Promise<Response>;
  /** Queues a scripted answer (FIFO; `times` repeats it, `Infinity` for every fitting request). */
  script(script: Script, options?: { times?: number }): BedrockEmulator;
  /** Queues a fault for the next fitting request(s); a "clock-skew" fault moves the server clock (see `ClockFault`). */
  fault(fault: Fault): BedrockEmulator;
  /** Every request received, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Async invocations started, oldest first; a Completed one lists the files Bedrock would have written under its S3 URI. */
  readonly asyncInvocations: readonly AsyncInvokeRecord[];
  /** Scripts and faults not used yet. */
  pending(): { scripts: number; faults: number };
  /** Adds credentials at run time (e.g. minted by a test's identity provider). */
  addCredentials(credentials: EmulatorCredentials): void;
  /** Clears scripts, faults and recorded requests. */
  reset(): void;
  readonly region: string;
}

/** Thrown by the handler for a "disconnect" fault: to a fetch caller it looks like a dropped connection. */
export class EmulatorDisconnect extends TypeError {
  constructor() {
    super("fetch failed: the emulator dropped the connection (fault)");
    this.name = "TypeError";
  }
}

const MAX_SKEW_MS = 5 * 60 * 1000;

function httpFaultError(fault: HttpFault): AwsError | undefined {
  switch (fault.type) {
    case "throttle": {
      const error = awsErrors.throttling(fault.message);
      // Bedrock sends no Retry-After; the fault adds one only when asked, to test clients that honour it.
      return fault.retryAfterSeconds === undefined ? error : { ...error, headers: { "retry-after": String(fault.retryAfterSeconds) } };
    }
    case "server-error":
      return fault.status === 503 ? awsErrors.unavailable(fault.message) : awsErrors.internal(fault.message);
    case "error":
      return { status: fault.status, type: fault.errorType, message: fault.message, ...(fault.headers ? { headers: fault.headers } : {}) };
    case "disconnect":
      return undefined;
  }
}

// The emulator's own words: Bedrock serves every model's native format, the emulator these.
const NATIVE_FORMATS_ONLY =
  "The emulator serves InvokeModel for Anthropic Claude (Messages API), Amazon Titan Text, Amazon Nova, Meta Llama, Mistral, DeepSeek, Cohere Command R and OpenAI gpt-oss model IDs, the embedding models and the image models (Nova Canvas, Titan Image Generator) only.";

/** Why Bedrock would refuse this body for the operation (a ValidationException message), or undefined. */
function requestProblem(operation: EmulatorOperation, modelId: string, body: unknown): string | undefined {
  switch (operation) {
    case "count-tokens":
      return countTokensRequestProblem(body);
    case "invoke":
    case "invoke-with-response-stream": {
      const embedding = embeddingInvokeProblem(operation !== "invoke", modelId, body);
      if (embedding !== undefined) return embedding || undefined;
      const image = imageInvokeProblem(operation !== "invoke", modelId, body);
      if (image !== undefined) return image || undefined;
      const codec = nativeCodec(modelId);
      return codec ? codec.problem(body) : NATIVE_FORMATS_ONLY;
    }
    case "apply-guardrail":
      return applyGuardrailProblem(body);
    case "rerank":
      return rerankProblem(body);
    default:
      return converseRequestProblem(body);
  }
}

/**
 * Creates an emulator of the Bedrock Runtime Converse, ConverseStream, CountTokens, InvokeModel,
 * InvokeModelWithResponseStream, ApplyGuardrail and async-invoke (StartAsyncInvoke, GetAsyncInvoke,
 * ListAsyncInvokes) APIs.
 *
 * @example
 * const emulator = createBedrockEmulator();
 * emulator.fault({ type: "throttle", times: 2 });
 * const client = new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS,
 *   endpoint: "https://bedrock.test", fetch: emulator.asFetch });
 */
export function createBedrockEmulator(options: EmulatorOptions = {}): BedrockEmulator {
  const region = options.region ?? EMULATOR_REGION;
  const now = options.now ?? (() => Date.now());
  const known = new Map<string, EmulatorCredentials>();
  const given = options.credentials ?? [EMULATOR_CREDENTIALS, EMULATOR_SESSION_CREDENTIALS];
  for (const c of Array.isArray(given) ? given : [given]) known.set(c.accessKeyId, c);
  const apiKeys = options.apiKeys ?? [EMULATOR_API_KEY];
  const random = seededRandom(options.seed ?? 1);
  // Each emulator gets its own built-in model, so its prompt cache follows this emulator's clock.
  const model = options.model ?? createBuiltInModel({ now, ...options.builtInModel });
  const padding = options.padding ? paddingMember(random) : undefined;
  const models = options.models ?? isKnownModelId;
  const modelAllowed = (id: string) =>
    models === "any" || options.allowModels?.includes(id) === true || (typeof models === "function" ? models(id) : models.includes(id));
  const scripts = new ScriptQueue();
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const cognito = options.cognito ? [createCognitoRoute(options.cognito, (c) => void known.set(c.accessKeyId, c))] : [];
  const routes = [...cognito, ...(options.routes ?? [])];
  const gateway = options.gateway ? createGatewayRoute(options.gateway, now) : undefined;
  const asyncInvokes = createAsyncInvokes(region, options.asyncInvoke);

  async function handle(request: Request, context: { rawPath?: string } = {}): Promise<Response> {
    const id = requestId();
    const url = new URL(request.url);
    const rawPath = context.rawPath ?? url.pathname;
    const viaGateway = gateway && (await gateway(request, rawPath, (forwarded, path) => handle(forwarded, { rawPath: path })));
    if (viaGateway) return viaGateway;
    const route = parseRoute(rawPath, request.method);
    // One reading of the server clock per request: every check and the Date header agree.
    const clock = serverTime(now, faults, route?.operation);
    const nowMs = clock.nowMs;
    // AWS sends both on every answer; clients learn their clock offset from Date.
    const base = new Headers({ "x-amzn-requestid": id, date: httpDate(nowMs) });
    if (options.cors !== false) for (const [k, v] of Object.entries(corsHeaders())) base.set(k, v);
    const bytes = new Uint8Array(await request.arrayBuffer());
    const json = parseJson(bytes);
    const record = newRecord(request, id, rawPath, json.ok ? json.value : undefined, nowMs);
    if (clock.offsetMs !== undefined) record.clockOffsetMs = clock.offsetMs;
    requests.push(record);
    const fail = (error: AwsError): Response => {
      record.status = error.status;
      record.errorType = error.type;
      return awsErrorResponse(error, base);
    };

    if (options.cors !== false && isPreflight(request)) {
      record.status = 200;
      const headers = new Headers(base);
      for (const [k, v] of Object.entries(preflightHeaders(request))) headers.set(k, v);
      return new Response(null, { status: 200, headers });
    }
    for (const extra of routes) {
      const routed = await extra(request, { rawPath, body: bytes, requestId: id, now: nowMs });
      if (!routed) continue;
      const headers = new Headers(routed.headers);
      base.forEach((value, name) => headers.set(name, value));
      record.status = routed.status;
      return new Response(routed.body, { status: routed.status, headers });
    }
    if (options.requireAuth !== false) {
      const verdict = await authenticateWithShortTermKeys(
        { method: request.method, url, rawPath, headers: request.headers, body: bytes },
        { region, service: "bedrock", nowMs, maxSkewMs: options.maxSkewMs ?? MAX_SKEW_MS, lookup: (k) => known.get(k), apiKeys, shortTermApiKeys: options.shortTermApiKeys },
      );
      record.auth = verdict.auth;
      if (verdict.error) return fail(verdict.error);
    }
    if (request.method === "POST" && isChatCompletionsPath(rawPath)) {
      const failOpenAi = (error: AwsError): Response => {
        record.status = error.status;
        record.errorType = error.type;
        return openAiErrorResponse(error, base);
      };
      if (!json.ok) return failOpenAi(awsErrors.validation(MALFORMED_INPUT));
      const httpFault = faults.take(undefined, "http") as (HttpFault & Fault) | undefined;
      if (httpFault) {
        record.fault = httpFault.type;
        const error = httpFaultError(httpFault);
        if (!error) throw new EmulatorDisconnect();
        return failOpenAi(error);
      }
      let result: Response | AwsError;
      try {
        result = await chatCompletions({ body: json.value, requestId: id, nowMs, model, modelAllowed, headers: base });
      } catch (error) {
        if (error instanceof EmulatorError) return failOpenAi(error.awsError);
        throw error;
      }
      if (!(result instanceof Response)) return failOpenAi(result);
      record.status = result.status;
      return result;
    }
    if (!route || request.method !== route.method) return fail(awsErrors.unknownOperation());
    record.operation = route.operation;
    record.modelId = route.modelId;
    // An HTTP fault armed for this operation, as the answer it makes (a disconnect throws).
    const httpFaultAnswer = (): Response | undefined => {
      const httpFault = faults.take(route.operation, "http") as (HttpFault & Fault) | undefined;
      if (!httpFault) return undefined;
      record.fault = httpFault.type;
      const error = httpFaultError(httpFault);
      if (!error) throw new EmulatorDisconnect();
      return fail(error);
    };
    if (route.operation.endsWith("-async-invoke") || route.operation === "list-async-invokes") {
      const faulted = httpFaultAnswer();
      if (faulted) return faulted;
      if (route.method === "POST" && !json.ok) return fail(awsErrors.validation(MALFORMED_INPUT));
      const input = { body: json.ok ? json.value : undefined, invocationArn: route.modelId, query: url.searchParams, nowMs, modelAllowed };
      const answered = asyncInvokes.handle(route.operation, input);
      if (isAsyncInvokeError(answered)) return fail(answered);
      record.status = answered.status;
      const headers = new Headers(base);
      headers.set("content-type", "application/json");
      return new Response(JSON.stringify(answered.body), { status: answered.status, headers });
    }
    // ApplyGuardrail's path names a guardrail, not a model: the `models` option does not apply.
    if (route.operation !== "apply-guardrail" && route.operation !== "rerank" && !modelAllowed(route.modelId)) return fail(awsErrors.validation(INVALID_MODEL_ID));
    if (!json.ok) return fail(awsErrors.validation(MALFORMED_INPUT));
    const problem = requestProblem(route.operation, route.modelId, json.value);
    if (problem) return fail(awsErrors.validation(problem));
    const converses = route.operation === "converse" || route.operation === "converse-stream";
    const refusal = converses ? modelRefusal(route.modelId, route.operation as "converse" | "converse-stream", json.value as JsonObject) : undefined;
    if (refusal) return fail(awsErrors.validation(refusal));

    const faulted = httpFaultAnswer();
    if (faulted) return faulted;
    const scripted = scripts.take(record);
    record.scripted = scripted !== undefined;
    if (scripted?.error) return fail({ status: scripted.error.status ?? 400, type: scripted.error.type, message: scripted.error.message });
    const bodyFault = scripted?.fault ?? (faults.take(route.operation, "body") as StreamFault | undefined);
    if (bodyFault) record.fault = bodyFault.type;
    try {
      const response = await answer({
        operation: route.operation,
        modelId: route.modelId,
        body: json.value as JsonObject,
        scripted,
        fault: bodyFault,
        model,
        padding,
        chunking: options.chunking ?? "per-frame",
        random,
        headers: base,
        requestHeaders: request.headers,
        guardrail: { blockedWords: options.builtInModel?.blockedWords, blockedMessage: options.builtInModel?.blockedMessage },
      });
      record.status = response.status;
      return response;
    } catch (error) {
      if (error instanceof EmulatorError) return fail(error.awsError);
      const reason = error instanceof Error ? error.message : String(error);
      return fail(awsErrors.internal(`The emulator could not produce a response: ${reason}`));
    }
  }

  const emulator: BedrockEmulator = {
    fetch: (request) => handle(request),
    asFetch: (input, init) => handle(new Request(input, init)),
    handle,
    script(script, opts) {
      scripts.add(script, opts?.times ?? 1);
      return emulator;
    },
    fault(fault) {
      faults.add(fault);
      return emulator;
    },
    get requests() {
      return requests;
    },
    get asyncInvocations() {
      return asyncInvokes.records(now());
    },
    pending: () => ({ scripts: scripts.pending, faults: faults.pending }),
    addCredentials: (credentials) => void known.set(credentials.accessKeyId, credentials),
    reset() {
      scripts.clear();
      faults.clear();
      requests.length = 0;
      asyncInvokes.clear();
    },
    region,
  };
  return emulator;
}
