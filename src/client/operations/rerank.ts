// The Rerank operation of Bedrock Agent Runtime: its own host, the client's signing (service `bedrock`), retries and scrubbing.
import { BedrockInputError } from "../../errors/exceptions.js";
import { isObject } from "../../internal/index.js";
import type { RerankRequest, RerankResponse } from "../../wire/types/rerank.js";
import { clientConfig, type BedrockClient } from "../bedrock-client.js";
import type { CallOptions } from "../options.js";
import { joinUrl } from "../options.js";
import { partitionOf } from "../partitions.js";
import { prepare, sendJson } from "./prepare.js";

export interface RerankCommandOutput extends RerankResponse {
  $metadata: { httpStatusCode: number; requestId: string | undefined; attempts: number };
}

/** Bedrock Agent Runtime's host: `https://bedrock-agent-runtime.{region}.{partition's DNS suffix}`. */
export function agentRuntimeEndpoint(region: string): URL {
  return new URL(`https://bedrock-agent-runtime.${region}.${partitionOf(region).dnsSuffix}`);
}

function checkRequest(request: unknown): asserts request is RerankRequest {
  if (!isObject(request)) throw new BedrockInputError("request must be an object");
  if (!Array.isArray(request.queries) || request.queries.length !== 1) throw new BedrockInputError("queries must be an array of exactly one query");
  if (!Array.isArray(request.sources) || request.sources.length === 0) throw new BedrockInputError("sources must be a non-empty array");
  const model = (request.rerankingConfiguration as RerankRequest["rerankingConfiguration"])?.bedrockRerankingConfiguration?.modelConfiguration?.modelArn;
  if (typeof model !== "string" || model === "") throw new BedrockInputError("rerankingConfiguration.bedrockRerankingConfiguration.modelConfiguration.modelArn is required");
}

/**
 * Sends a Rerank request (POST /rerank on bedrock-agent-runtime): the sources ranked by relevance
 * to the query. With `endpoint` set on the client, the same base URL is used.
 * @example
 * const { results } = await rerank(client, {
 *   queries: [{ type: "TEXT", textQuery: { text: "colourful socks" } }],
 *   sources: docs.map((text) => ({ type: "INLINE", inlineDocumentSource: { type: "TEXT", textDocument: { text } } })),
 *   rerankingConfiguration: { type: "BEDROCK_RERANKING_MODEL", bedrockRerankingConfiguration: {
 *     numberOfResults: 3, modelConfiguration: { modelArn: "arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0" } } },
 * });
 */
export function rerank(client: BedrockClient, request: RerankRequest, options: CallOptions = {}): Promise<RerankCommandOutput> {
  checkRequest(request);
  const config = clientConfig(client);
  if (config.gateway) throw new BedrockInputError("Rerank is a Bedrock Agent Runtime operation, which Cloudflare AI Gateway's Bedrock route does not serve");
  const modelArn = request.rerankingConfiguration!.bedrockRerankingConfiguration!.modelConfiguration!.modelArn!;
  const op = prepare(config, { name: "Rerank", slug: "rerank", route: () => ({ id: modelArn, path: "/rerank" }) }, request, JSON.stringify, options);
  if (!config.endpoint) op.url = op.signingUrl = joinUrl(agentRuntimeEndpoint(op.region), "/rerank");
  return sendJson(config, op, (json, response, ctx) => ({
    ...(json as RerankResponse),
    $metadata: { httpStatusCode: response.status, requestId: ctx.requestId, attempts: ctx.attempts },
  }));
}
