// Request paths for a model ID or a guardrail, and the region an ARN model ID names.
import { BedrockInputError } from "../../errors/index.js";

export type ModelOperation = "converse" | "converse-stream" | "count-tokens" | "invoke" | "invoke-with-response-stream";

/**
 * `/model/{modelId}/{operation}`, with the whole ID through one `encodeURIComponent`: an ARN's
 * `/` must not split the path segment, and `:` is percent-encoded the way AWS's SDKs send it.
 * @example modelPath("us.amazon.nova-micro-v1:0", "converse-stream")
 * // → "/model/us.amazon.nova-micro-v1%3A0/converse-stream"
 */
export function modelPath(modelId: string, operation: ModelOperation): string {
  if (typeof modelId !== "string" || modelId.trim() === "") {
    throw new BedrockInputError("modelId is required (a model ID, inference profile ID or ARN)");
  }
  const problem = modelIdProblem(modelId);
  if (problem !== undefined) throw new BedrockInputError(`modelId ${problem}`);
  return `/model/${encodeURIComponent(modelId)}/${operation}`;
}

/**
 * `/guardrail/{guardrailIdentifier}/version/{guardrailVersion}/apply`, each ID one encoded segment
 * (an ARN's `/` and `:` percent-encoded, as for model IDs).
 * @example guardrailPath("gr-abc123", "1") // → "/guardrail/gr-abc123/version/1/apply"
 */
export function guardrailPath(identifier: unknown, version: unknown): string {
  for (const [field, value] of [["guardrailIdentifier", identifier], ["guardrailVersion", version]] as const) {
    if (typeof value !== "string" || value.trim() === "") throw new BedrockInputError(`${field} is required`);
    const problem = modelIdProblem(value);
    if (problem !== undefined) throw new BedrockInputError(`${field} ${problem}`);
  }
  return `/guardrail/${encodeURIComponent(identifier as string)}/version/${encodeURIComponent(version as string)}/apply`;
}

// A UTF-16 surrogate without its other half (the `u` flag matches whole pairs as one code point).
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Why a non-empty model ID cannot be one path segment, or `undefined` when it can. A lone
 * surrogate makes encodeURIComponent throw a URIError. `.` and `..` survive encoding as they
 * are, and URL parsing (WHATWG and AWS's own) then removes them as dot segments:
 * `/model/../converse` is sent, and signed, as `/converse`. Every other character, `/` and `%`
 * included, is percent-encoded, so no other ID can change the path's shape.
 */
export function modelIdProblem(modelId: string): string | undefined {
  if (modelId === "." || modelId === "..") return 'must not be "." or "..": URL parsing would drop it from the request path';
  if (LONE_SURROGATE.test(modelId)) return "contains a lone UTF-16 surrogate, which cannot be percent-encoded into the request path";
  return undefined;
}

// arn:PARTITION:bedrock:REGION:ACCOUNT:RESOURCE, partitions aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, …
const BEDROCK_ARN = /^arn:(aws(?:-[a-z]+)*):bedrock:([a-z]{2}(?:-[a-z]+)+-\d+):/;

/**
 * The region named by a Bedrock ARN (`arn:aws:bedrock:us-west-2:…` → `"us-west-2"`), or
 * `undefined` for plain model / inference-profile IDs and ARNs without a region.
 */
export function regionFromModelArn(modelId: string): string | undefined {
  if (typeof modelId !== "string") return undefined;
  return BEDROCK_ARN.exec(modelId)?.[2];
}
