// What every operation does before sending: validation, the target URL, headers and this call's settings.
import { BedrockError } from "../../errors/bedrock-error.js";
import { BedrockInputError } from "../../errors/exceptions.js";
import { modelPath, regionFromModelArn, type ModelOperation } from "../../wire/serde/model-path.js";
import type { ClientConfig } from "../bedrock-client.js";
import type { OperationName } from "../hooks.js";
import { defaultEndpoint, joinUrl, validateCallOptions, type CallOptions } from "../options.js";
import { mergeHeaders, normalizeHeaders } from "../request-headers.js";
import { send, type AttemptContext, type Operation } from "../transport.js";
import type { TokenUsage } from "../../wire/index.js";

const utf8 = new TextEncoder();

const OPERATION_NAMES: Record<ModelOperation, OperationName> = {
  converse: "Converse",
  "converse-stream": "ConverseStream",
  "count-tokens": "CountTokens",
};

/** Checks the call and the request, then builds everything but `accept` and `read`. */
export function prepare(
  config: ClientConfig,
  operation: ModelOperation,
  request: { modelId?: unknown },
  serialize: (request: never) => string,
  options: CallOptions,
) {
  validateCallOptions(options);
  config.validate?.(operation, request);
  if (request === null || typeof request !== "object") throw new BedrockInputError("request must be an object");
  const body = utf8.encode(serialize(request as never));
  const modelId = request?.modelId;
  const { url, signingUrl, region } = target(config, modelId, operation);
  return {
    url,
    signingUrl,
    region,
    body,
    signal: options.signal,
    headers: mergeHeaders(config.headers, normalizeHeaders(options.headers, "headers")),
    timeoutMs: options.timeout ?? config.transport.timeoutMs,
    maxRetries: options.maxRetries ?? config.transport.retry.maxRetries,
    info: { operation: OPERATION_NAMES[operation], modelId: modelId as string, region, callId: ++config.calls },
  };
}

export type PreparedOperation = ReturnType<typeof prepare>;

function target(config: ClientConfig, modelId: unknown, operation: ModelOperation) {
  if (typeof modelId !== "string" || modelId.trim() === "") {
    throw new BedrockInputError("modelId is required (a model ID, inference profile ID or ARN)");
  }
  // The documented order: `region`, then the model ARN's region, then AWS_REGION.
  const region = config.region ?? regionFromModelArn(modelId) ?? config.envRegion;
  if (region === undefined) {
    throw new BedrockInputError("region is required: pass `region`, set AWS_REGION, or use a model ARN that names one");
  }
  const path = modelPath(modelId, operation);
  if (config.gateway) {
    // Signed for Bedrock's own host and path; the gateway forwards the signed headers there.
    return { url: joinUrl(config.gateway.base(region), path), signingUrl: joinUrl(defaultEndpoint(region), path), region };
  }
  const url = joinUrl(config.endpoint ?? defaultEndpoint(region), path);
  return { url, signingUrl: url, region };
}

/** One JSON-in, JSON-out call through the retry loop; `map` shapes the parsed body. */
export function sendJson<T>(
  config: ClientConfig,
  op: PreparedOperation,
  map: (json: unknown, response: Response, ctx: AttemptContext) => T,
  usageOf?: (result: T) => TokenUsage | undefined,
): Promise<T> {
  const operation: Operation<T> = {
    ...op,
    accept: "application/json",
    ...(usageOf ? { usageOf } : {}),
    async read(response, ctx) {
      return map(await readJson(response, ctx.requestId), response, ctx);
    },
  };
  return send(config.transport, operation);
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
