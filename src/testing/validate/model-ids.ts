// The model IDs Bedrock Runtime knows (base IDs; inference-profile prefixes and ARNs on top), so a typo fails locally as it does on AWS.
import { PROFILE_PREFIXES } from "../../internal/model-id.js";

/**
 * Bedrock's answer to a model ID it does not know: HTTP 400 ValidationException (boto3 quoted in
 * aws-samples/amazon-bedrock-workshop #315; the raw 400 body `{"message":"The provided model
 * identifier is invalid."}` in iOfficeAI/AionCore PR #377).
 */
export const INVALID_MODEL_ID = "The provided model identifier is invalid.";

/**
 * Base model IDs of text models Converse serves. Sources: the `BedrockChatModelId` union of
 * @ai-sdk/amazon-bedrock 4.0.186 (node_modules, most rows); the aether-llm `BedrockFoundationModel`
 * catalog (docs.rs: Sonnet 4.6, Opus 4.6/4.7/4.8, Fable 5, DeepSeek V3.2, Gemma 3, Nova 2 Lite);
 * braintrust-proxy #625 (Writer Palmyra X4/X5) and #629 (Qwen 3, from AWS's model cards); the
 * sources cited beside each row of src/chat/profiles/profile-table.ts for the rest.
 * Inference-profile prefixes are not checked per model: `eu.` on a US-only model passes here.
 */
export const BEDROCK_MODEL_IDS: readonly string[] = [
  // Amazon
  "amazon.nova-premier-v1:0", "amazon.nova-pro-v1:0", "amazon.nova-lite-v1:0", "amazon.nova-micro-v1:0",
  "amazon.nova-2-lite-v1:0", "amazon.titan-tg1-large", "amazon.titan-text-express-v1", "amazon.titan-text-lite-v1",
  "amazon.titan-text-premier-v1:0",
  // Anthropic
  "anthropic.claude-opus-5-5", "anthropic.claude-sonnet-5-5", "anthropic.claude-fable-5-1",
  "anthropic.claude-opus-5", "anthropic.claude-sonnet-5", "anthropic.claude-fable-5",
  "anthropic.claude-opus-4-8", "anthropic.claude-opus-4-7", "anthropic.claude-opus-4-6-v1",
  "anthropic.claude-sonnet-4-6", "anthropic.claude-sonnet-4-6-v1",
  "anthropic.claude-opus-4-5-20251101-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0",
  "anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-opus-4-1-20250805-v1:0",
  "anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-opus-4-20250514-v1:0",
  "anthropic.claude-3-7-sonnet-20250219-v1:0", "anthropic.claude-3-5-sonnet-20241022-v2:0",
  "anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0",
  "anthropic.claude-3-opus-20240229-v1:0", "anthropic.claude-3-sonnet-20240229-v1:0",
  "anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-v2", "anthropic.claude-v2:1", "anthropic.claude-instant-v1",
  // Meta
  "meta.llama4-maverick-17b-instruct-v1:0", "meta.llama4-scout-17b-instruct-v1:0", "meta.llama3-3-70b-instruct-v1:0",
  "meta.llama3-2-90b-instruct-v1:0", "meta.llama3-2-11b-instruct-v1:0", "meta.llama3-2-3b-instruct-v1:0",
  "meta.llama3-2-1b-instruct-v1:0", "meta.llama3-1-405b-instruct-v1:0", "meta.llama3-1-70b-instruct-v1:0",
  "meta.llama3-1-8b-instruct-v1:0", "meta.llama3-70b-instruct-v1:0", "meta.llama3-8b-instruct-v1:0",
  // Mistral
  "mistral.pixtral-large-2502-v1:0", "mistral.mistral-large-2407-v1:0", "mistral.mistral-large-2402-v1:0",
  "mistral.mistral-small-2402-v1:0", "mistral.mistral-7b-instruct-v0:2", "mistral.mixtral-8x7b-instruct-v0:1",
  "mistral.ministral-3-14b-instruct",
  // DeepSeek, OpenAI, Qwen, Cohere, AI21, Writer, Moonshot, Google
  "deepseek.r1-v1:0", "deepseek.v3-v1:0", "deepseek.v3.2",
  "openai.gpt-oss-120b-1:0", "openai.gpt-oss-20b-1:0", "openai.gpt-5-6-v1:0",
  "qwen.qwen3-32b-v1:0", "qwen.qwen3-235b-a22b-2507-v1:0", "qwen.qwen3-coder-480b-a35b-v1:0", "qwen.qwen3-coder-next",
  "cohere.command-r-plus-v1:0", "cohere.command-r-v1:0", "cohere.command-text-v14", "cohere.command-light-text-v14",
  "ai21.jamba-1-5-large-v1:0", "ai21.jamba-1-5-mini-v1:0",
  "writer.palmyra-x5-v1:0", "writer.palmyra-x4-v1:0",
  "moonshot.kimi-k2-thinking",
  "google.gemma-3-27b-it", "google.gemma-3-4b-it",
  // Embedding and rerank models (InvokeModel and Rerank only; the Bedrock user guide's supported-models table)
  "amazon.titan-embed-text-v1", "amazon.titan-embed-text-v2:0", "amazon.titan-embed-image-v1",
  "amazon.nova-2-multimodal-embeddings-v1:0", "cohere.embed-english-v3", "cohere.embed-multilingual-v3", "cohere.embed-v4:0",
  "amazon.rerank-v1:0", "cohere.rerank-v3-5:0",
  // Image models (InvokeModel only)
  "amazon.nova-canvas-v1:0", "amazon.titan-image-generator-v1", "amazon.titan-image-generator-v2:0",
];

const KNOWN = new Set(BEDROCK_MODEL_IDS);

// arn:aws[-cn|-us-gov|…]:bedrock:<region>:<account, empty for foundation models>:<kind>/<id>
const ARN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]+:(\d{12})?:([a-z-]+)\/(.+)$/;
const OPAQUE_KINDS = new Set([
  "application-inference-profile", "provisioned-model", "imported-model", "custom-model",
  "custom-model-deployment", "prompt", "default-prompt-router", "prompt-router", "marketplace-model-endpoint",
]);

/** A base ID, behind at most one inference-profile prefix (`us.`, `eu.`, `global.`, …). */
function knownName(id: string): boolean {
  if (KNOWN.has(id)) return true;
  const dot = id.indexOf(".");
  return dot > 0 && (PROFILE_PREFIXES as readonly string[]).includes(id.slice(0, dot)) && KNOWN.has(id.slice(dot + 1));
}

/**
 * Whether Bedrock would take this model identifier: a known base ID, one of those behind an
 * inference-profile prefix, a foundation-model or inference-profile ARN naming one, or any ARN of
 * an account's own resources (application inference profile, provisioned model, imported model, …).
 * @example
 * isKnownModelId("us.anthropic.claude-sonnet-4-5-20250929-v1:0"); // true
 * isKnownModelId("anthropic.claude-nonexistent"); // false
 */
export function isKnownModelId(id: string): boolean {
  if (!id.startsWith("arn:")) return knownName(id);
  const arn = ARN.exec(id);
  if (!arn) return false;
  const [, , kind, rest] = arn;
  if (kind === "foundation-model" || kind === "inference-profile") return knownName(rest!);
  return OPAQUE_KINDS.has(kind!);
}
