// Which native body a model takes: the provider read from the model ID, or the `provider` given for ARNs that hide it.
import { BedrockInputError } from "../../errors/index.js";

/** The body formats ChatBedrock writes (langchain-aws's `provider` values; "amazon" is Titan Text or Nova). */
export type InvokeProvider = "anthropic" | "meta" | "amazon" | "mistral" | "cohere" | "deepseek" | "openai";

const PROVIDERS: readonly InvokeProvider[] = ["anthropic", "meta", "amazon", "mistral", "cohere", "deepseek", "openai"];

// Cross-region inference profile prefixes (`us.anthropic.…`, `global.anthropic.…`).
const GEO_PREFIX = /^(?:us|eu|apac|au|ca|jp|us-gov|global)\./;
// Foundation models and system inference profiles name the model after the resource type.
const NAMED_ARN = /^arn:aws[a-z-]*:bedrock:[^:]*:[^:]*:(?:foundation-model|inference-profile)\/(.+)$/;

/** The model name an ID or ARN carries (`anthropic.claude-…`), or undefined for an ARN that names none. */
export function modelName(modelId: string): string | undefined {
  let id = modelId;
  if (id.startsWith("arn:")) {
    const named = NAMED_ARN.exec(id);
    if (!named) return undefined;
    id = named[1]!;
  }
  return id.toLowerCase().replace(GEO_PREFIX, "");
}

/**
 * The provider: `provider` when given, else the model ID's first part, as langchain-aws's
 * `_get_provider` reads it. Custom, imported and provisioned-throughput ARNs (and application
 * inference profiles) name no model, so they need `provider`.
 * @example
 * resolveProvider("us.anthropic.claude-3-5-haiku-20241022-v1:0"); // "anthropic"
 * resolveProvider("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc", "meta"); // "meta"
 */
export function resolveProvider(modelId: string, provider?: string): InvokeProvider {
  if (provider !== undefined) {
    if (!PROVIDERS.includes(provider as InvokeProvider)) {
      throw new BedrockInputError(`provider must be one of ${PROVIDERS.join(", ")}, got ${JSON.stringify(provider)}`);
    }
    return provider as InvokeProvider;
  }
  const name = modelName(modelId);
  if (name === undefined) {
    throw new BedrockInputError(`provider is required for ${modelId}: the ARN does not name its model (pass e.g. provider: "anthropic")`);
  }
  const first = name.split(".")[0]!;
  if (PROVIDERS.includes(first as InvokeProvider)) return first as InvokeProvider;
  throw new BedrockInputError(
    `ChatBedrock has no native body for "${first}" models (${modelId}); pass provider (one of ${PROVIDERS.join(", ")}) or use ChatBedrockConverse`,
  );
}
