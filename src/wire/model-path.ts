// Request paths for a model ID, and the region an ARN model ID names.
import { BedrockInputError } from "../errors/index.js";

export type ModelOperation = "converse" | "converse-stream" | "count-tokens";

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
  return `/model/${encodeURIComponent(modelId)}/${operation}`;
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
