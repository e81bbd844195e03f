// Model ID, inference profile ID or ARN → the base model ID and provider a quirk profile is looked up by.
import { namedModel, stripProfilePrefix } from "../../internal/model-id.js";
import type { ModelIdentity } from "./profile-types.js";

export { stripProfilePrefix };

/** What a profile is looked up by; `baseModel` is undefined when the ID names no model (an opaque ARN). */
export interface ModelFamily {
  provider: string | undefined;
  /** Lower-case base model ID without region prefix or version suffix kept, e.g. `anthropic.claude-opus-4-7`. */
  baseModel: string | undefined;
}

/**
 * The model an ID names. Foundation-model and (system) inference-profile ARNs carry it after
 * the `/`; application inference profiles, provisioned models and prompts do not (their suffix
 * is opaque — promptfoo PR #8763 review), so `baseModelId` / `provider` must say it.
 * @example
 * modelFamily("global.anthropic.claude-opus-4-7"); // { provider: "anthropic", baseModel: "anthropic.claude-opus-4-7" }
 * modelFamily("arn:aws:bedrock:us-east-1:123:application-inference-profile/abc", { provider: "anthropic" }); // { provider: "anthropic", baseModel: undefined }
 */
export function modelFamily(modelId: string, identity: ModelIdentity = {}): ModelFamily {
  const base = identity.baseModelId ?? namedModel(modelId);
  const baseModel = base === undefined ? undefined : stripProfilePrefix(base).toLowerCase();
  // langchain-aws: provider = the segment before the model name (`model_id.split(".")[-2]`).
  const fromId = baseModel !== undefined && baseModel.includes(".") ? baseModel.slice(0, baseModel.indexOf(".")) : undefined;
  const provider = identity.provider?.toLowerCase() ?? fromId;
  return { provider, baseModel };
}
