// The adapter for a model: by provider, and within "amazon" and "meta" by the model's name.
import type { ProviderAdapter } from "./adapter-types.js";
import { anthropicAdapter } from "./anthropic.js";
import { cohereAdapter } from "./cohere.js";
import { deepseekAdapter } from "./deepseek.js";
import { metaAdapter } from "./meta.js";
import { mistralAdapter } from "./mistral.js";
import { novaAdapter } from "./nova.js";
import { openaiAdapter } from "./openai.js";
import type { InvokeProvider } from "./provider.js";
import { titanAdapter } from "./titan.js";

/**
 * `name` is the model name read from the ID (undefined for ARNs that hide it): Nova and Titan
 * are both "amazon", Llama 4 takes other tokens than Llama 3. An opaque ARN with provider
 * "amazon" gets Titan's body and "meta" Llama 3's, as langchain-aws treats them.
 */
export function adapterFor(provider: InvokeProvider, name: string | undefined): ProviderAdapter {
  switch (provider) {
    case "anthropic":
      return anthropicAdapter;
    case "meta":
      return metaAdapter(name?.includes("llama4") === true);
    case "amazon":
      return name?.includes("nova") ? novaAdapter : titanAdapter;
    case "mistral":
      return mistralAdapter;
    case "cohere":
      return cohereAdapter;
    case "deepseek":
      return deepseekAdapter;
    case "openai":
      return openaiAdapter;
    default: {
      const never: never = provider;
      throw new Error(`unknown provider ${String(never)}`);
    }
  }
}
