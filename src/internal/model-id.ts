// What a model ID, inference profile ID or ARN names: the base model, for the chat profiles, the AI SDK provider and the emulator alike.

/**
 * Geographic prefixes of cross-region inference profiles. langchain-aws strips us., eu., apac.,
 * global., us-gov., jp., au., sa., amer. (`_get_base_model`, langchain_aws/chat_models/bedrock_converse.py);
 * ca. and in. profiles exist too (rust-genai PR #315 for in.).
 */
export const PROFILE_PREFIXES = ["us-gov", "us", "eu", "apac", "global", "jp", "au", "sa", "amer", "ca", "in"] as const;

/** Strips one inference-profile prefix: `us.anthropic.claude-…` → `anthropic.claude-…`. */
export function stripProfilePrefix(id: string): string {
  const dot = id.indexOf(".");
  if (dot < 0) return id;
  const head = id.slice(0, dot).toLowerCase();
  // Only when a provider follows: `amazon.nova-…` keeps its own first segment.
  return (PROFILE_PREFIXES as readonly string[]).includes(head) && id.indexOf(".", dot + 1) > 0 ? id.slice(dot + 1) : id;
}

/**
 * The model ID an ID carries. Foundation-model and (system) inference-profile ARNs carry it after
 * the `/`; application inference profiles, provisioned models and prompts do not (their suffix is
 * opaque — promptfoo PR #8763 review): `undefined`.
 */
export function namedModel(modelId: string): string | undefined {
  if (!modelId.startsWith("arn:")) return modelId;
  const slash = modelId.indexOf("/");
  if (slash < 0) return undefined;
  const kind = modelId.slice(modelId.lastIndexOf(":", slash) + 1, slash);
  return kind === "foundation-model" || kind === "inference-profile" ? modelId.slice(slash + 1) : undefined;
}

/**
 * The lower-case base model an ID names, prefix stripped, or `undefined` for an opaque ARN.
 * @example
 * baseModelOf("us.mistral.pixtral-large-2502-v1:0"); // "mistral.pixtral-large-2502-v1:0"
 */
export function baseModelOf(modelId: string): string | undefined {
  const named = namedModel(modelId);
  return named === undefined ? undefined : stripProfilePrefix(named).toLowerCase();
}
