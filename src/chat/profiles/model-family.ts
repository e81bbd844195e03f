// Model ID, inference profile ID or ARN → the base model ID and provider a quirk profile is looked up by.
import type { ModelIdentity } from "./profile-types.js";

/**
 * Geographic prefixes of cross-region inference profiles. langchain-aws strips us., eu., apac.,
 * global., us-gov., jp., au., sa., amer. (`_get_base_model`, langchain_aws/chat_models/bedrock_converse.py);
 * ca. and in. profiles exist too (rust-genai PR #315 for in.).
 */
const PROFILE_PREFIXES = ["us-gov", "us", "eu", "apac", "global", "jp", "au", "sa", "amer", "ca", "in"] as const;

/** What a profile is looked up by; `baseModel` is undefined when the ID names no model (an opaque ARN). */
export interface ModelFamily {
  provider: string | undefined;
  /** Lower-case base model ID without region prefix or version suffix kept, e.g. `anthropic.claude-opus-4-7`. */
  baseModel: string | undefined;
}

/** Strips one inference-profile prefix: `us.anthropic.claude-…` → `anthropic.claude-…`. */
export function stripProfilePrefix(id: string): string {
  const dot = id.indexOf(".");
  if (dot < 0) return id;
  const head = id.slice(0, dot).toLowerCase();
  // Only when a provider follows: `amazon.nova-…` keeps its own first segment.
  return (PROFILE_PREFIXES as readonly string[]).includes(head) && id.indexOf(".", dot + 1) > 0 ? id.slice(dot + 1) : id;
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

function namedModel(modelId: string): string | undefined {
  if (!modelId.startsWith("arn:")) return modelId;
  const slash = modelId.indexOf("/");
  if (slash < 0) return undefined;
  const kind = modelId.slice(modelId.lastIndexOf(":", slash) + 1, slash);
  return kind === "foundation-model" || kind === "inference-profile" ? modelId.slice(slash + 1) : undefined;
}
