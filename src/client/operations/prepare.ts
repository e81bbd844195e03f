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

/** Which operation: its AWS name (for hooks), and the name `validate` is given, also the last path segment of model operations. */
export interface OperationSpec {
  name: OperationName;
  slug: ModelOperation | "apply-guardrail" | "rerank" | "start-async-invoke" | "get-async-invoke" | "list-async-invokes";
  /** The path (a query included) and the ID hooks report, for an operation not under `/model/{modelId}/` (ApplyGuardrail). */
  route?(request: Record<string, unknown>): { id: string; path: string };
}

/** Checks the call and the request, then builds everything but `accept` and `read`. */
export function prepare(
  config: ClientConfig,
  spec: OperationSpec,
  request: object,
  serialize: (request: never) => string,
  options: CallOptions,
) {
  validateCallOptions(options);
  config.validate?.(spec.slug, request);
  if (request === null || typeof request !== "object") throw new BedrockInputError("request must be an object");
  const body = utf8.encode(serialize(request as never));
  const modelId = (request as { modelId?: unknown }).modelId as string;
  const { id, path } = spec.route?.(request as Record<string, unknown>) ?? { id: modelId, path: modelPath(modelId, spec.slug as ModelOperation) };
  const { url, signingUrl, region } = target(config, id, path);
  return {
    url,
    signingUrl,
    region,
    body,
    signal: options.signal,
    headers: mergeHeaders(config.headers, normalizeHeaders(options.headers, "headers")),
    timeoutMs: options.timeout ?? config.transport.timeoutMs,
    maxRetries: options.maxRetries ?? config.transport.retry.maxRetries,
    info: { operation: spec.name, modelId: id, region, callId: ++config.calls },
  };
}

export type PreparedOperation = ReturnType<typeof prepare>;

/** For `prepare` when the body is bytes already (InvokeModel's): the caller sets `body` itself. */
export const bytesBody = (): string => "";

function target(config: ClientConfig, id: string, path: string) {
  // The documented order: `region`, then the ARN's region (model or guardrail), then AWS_REGION.
  const region = config.region ?? regionFromModelArn(id) ?? config.envRegion;
  if (region === undefined) {
    throw new BedrockInputError("region is required: pass `region`, set AWS_REGION, or use a model ARN that names one");
  }
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
  op: PreparedOperation & { method?: "GET" },
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
