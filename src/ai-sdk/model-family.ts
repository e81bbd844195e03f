// What a model ID says about the model: Anthropic's thinking fields, native structured output.

/**
 * Claude models take Anthropic's own `thinking` / `top_k` fields. An application inference
 * profile ARN hides the model, so a thinking budget is taken as the sign (as @ai-sdk/amazon-bedrock does).
 */
export function isAnthropicModel(modelId: string, budgetTokens?: number): boolean {
  return modelId.includes("anthropic.") || modelId.includes("claude") || (modelId.includes(":application-inference-profile/") && budgetTokens !== undefined);
}

export function isOpenAIModel(modelId: string): boolean {
  return /(^|\.)openai\./.test(modelId);
}

/**
 * Mistral's models (`mistral.…`, with or without a cross-region prefix, or as an ARN's last segment).
 * A regex like its neighbours, not internal/model-id.ts's parser: that would add ~0.1 KiB gzip to this bundle.
 */
export function isMistralModel(modelId: string): boolean {
  return /(^|[./])mistral\./.test(modelId.toLowerCase());
}

// Models with Converse's `outputConfig.textFormat`, per the Bedrock user guide's structured-output
// page (https://docs.aws.amazon.com/bedrock/latest/userguide/structured-output.html): Claude 4.5
// and later, and open-weight Qwen, DeepSeek, Mistral, Gemma, Nemotron, MiniMax and Kimi models.
const NATIVE_STRUCTURED_OUTPUT = [
  /claude-(haiku|sonnet|opus)-4-[5-9]/,
  /claude-(haiku|sonnet|opus|fable)-[5-9]/,
  /qwen/,
  /deepseek/,
  /mistral|magistral|ministral|voxtral/,
  /gemma/,
  /nemotron/,
  /minimax/,
  /kimi|moonshot/,
];

/** True where `outputConfig.textFormat` is known to work; elsewhere `auto` forces a `json` tool. */
export function supportsNativeStructuredOutput(modelId: string): boolean {
  const id = modelId.toLowerCase();
  return NATIVE_STRUCTURED_OUTPUT.some((re) => re.test(id));
}
