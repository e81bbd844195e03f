// The built-in model's extended thinking: when it is on, request checks Bedrock makes, and verifiable signatures.
//
// Messages are Bedrock's own as reported in public issue threads: it relays Anthropic's, prefixed
// with "The model returned the following errors: ".
import { awsErrors, EmulatorError } from "../aws-error.js";
import { hmacBase64 } from "./hash.js";
import { contentOf, messagesOf, toolChoiceOf } from "./request.js";
import type { JsonObject } from "../types.js";
import { isObject } from "../../internal/index.js";

export const MODEL_ERROR_PREFIX = "The model returned the following errors: ";
export const MIN_THINKING_BUDGET = 1024;
/** Default key of reasoning signatures: the same for every emulator, so a signature replays across them. */
export const DEFAULT_SIGNING_SECRET = "bedrock-edge-emulator-reasoning";

const DOCS = "https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking";

/** How the request asks for reasoning; `signed` is false for models whose reasoning carries no signature. */
export interface ReasoningMode {
  on: boolean;
  signed: boolean;
  /** Where the budget was given, for messages: `thinking.enabled` or `reasoning_config`. */
  budgetPath?: string;
  budget?: number;
}

/** DeepSeek R1 and gpt-oss always reason and never sign; other models reason when asked and sign. */
export const DEFAULT_UNSIGNED_REASONING = (modelId: string): boolean => /deepseek|gpt-oss/i.test(modelId);

export function reasoningMode(request: JsonObject, modelId: string, unsigned: (modelId: string) => boolean): ReasoningMode {
  const fields = isObject(request.additionalModelRequestFields) ? request.additionalModelRequestFields : {};
  const thinking = isObject(fields.thinking) ? fields.thinking : undefined;
  const legacy = isObject(fields.reasoning_config) ? fields.reasoning_config : undefined;
  const nova = isObject(fields.reasoningConfig) ? fields.reasoningConfig : undefined;
  if (unsigned(modelId)) return { on: true, signed: false };
  if (thinking?.type === "enabled") return { on: true, signed: true, budgetPath: "thinking.enabled", budget: thinking.budget_tokens as number };
  if (thinking?.type === "adaptive") return { on: true, signed: true };
  if (legacy?.type === "enabled") return { on: true, signed: true, budgetPath: "reasoning_config", budget: legacy.budget_tokens as number };
  if (nova?.type === "enabled") return { on: true, signed: true };
  return { on: false, signed: true };
}

const modelError = (message: string) => new EmulatorError(awsErrors.validation(MODEL_ERROR_PREFIX + message));

/** Settings Anthropic refuses together with thinking: small budgets, maxTokens ≤ budget, forced tools, temperature ≠ 1. */
export function checkThinkingSettings(request: JsonObject, mode: ReasoningMode): void {
  if (!mode.on || !mode.signed) return;
  if (mode.budgetPath !== undefined) {
    if (typeof mode.budget !== "number") throw modelError(`${mode.budgetPath}.budget_tokens: Field required`);
    if (mode.budget < MIN_THINKING_BUDGET) {
      throw modelError(`${mode.budgetPath}.budget_tokens: Input should be greater than or equal to ${MIN_THINKING_BUDGET}`);
    }
    const config = isObject(request.inferenceConfig) ? request.inferenceConfig : {};
    if (typeof config.maxTokens === "number" && config.maxTokens <= mode.budget) {
      throw modelError(`\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at ${DOCS}#max-tokens-and-context-window-size`);
    }
  }
  if (toolChoiceOf(request).kind !== "auto") throw modelError("Thinking may not be enabled when tool_choice forces tool use.");
  const temperature = isObject(request.inferenceConfig) ? request.inferenceConfig.temperature : undefined;
  if (typeof temperature === "number" && temperature !== 1) {
    throw modelError(`\`temperature\` may only be set to 1 when thinking is enabled. Please consult our documentation at ${DOCS}#feature-compatibility`);
  }
}

/** The signature of a reasoning text: base64 HMAC-SHA-256 keyed with the emulator's secret. */
export function reasoningSignature(text: string, secret = DEFAULT_SIGNING_SECRET): string {
  return hmacBase64(secret, `reasoning\n${text}`);
}

/** Index of a block as Anthropic counts it: cache points are not blocks there. */
const anthropicIndex = (content: JsonObject[], j: number) => content.slice(0, j).filter((b) => b.cachePoint === undefined).length;

/**
 * Checks replayed reasoning in assistant turns. Unsigned-reasoning models refuse any; for others a
 * missing signature always fails (a schema check) and a wrong one fails while thinking is on.
 * With thinking on and the last user turn answering tool calls, the assistant turn that made
 * them must start with its reasoning.
 */
export function checkReplayedReasoning(request: JsonObject, mode: ReasoningMode, secret: string): void {
  const messages = messagesOf(request);
  messages.forEach((message, i) => {
    if (message.role !== "assistant") return;
    const content = contentOf(message);
    content.forEach((block, j) => {
      const reasoning = block.reasoningContent;
      if (!isObject(reasoning)) return;
      if (!mode.signed) throw new EmulatorError(awsErrors.validation("User messages cannot contain reasoning content. Please remove the reasoning content and try again."));
      const text = reasoning.reasoningText;
      if (!isObject(text)) return; // redacted reasoning cannot be checked here
      const at = `messages.${i}.content.${anthropicIndex(content, j)}`;
      if (typeof text.signature !== "string" || text.signature === "") throw modelError(`${at}.thinking.signature: Field required`);
      if (mode.on && text.signature !== reasoningSignature(String(text.text ?? ""), secret)) {
        throw modelError(`${at}: Invalid \`signature\` in \`thinking\` block`);
      }
    });
  });
  const last = messages[messages.length - 1];
  const answersTools = last?.role === "user" && contentOf(last).some((b) => b.toolResult !== undefined);
  const caller = messages[messages.length - 2];
  if (!mode.on || !mode.signed || !answersTools || caller?.role !== "assistant") return;
  const first = contentOf(caller).find((b) => b.cachePoint === undefined);
  if (first && first.reasoningContent === undefined) {
    const found = first.toolUse !== undefined ? "tool_use" : first.text !== undefined ? "text" : Object.keys(first)[0];
    throw modelError(
      `messages.${messages.length - 2}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${found}\`. ` +
        "When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of " +
        "`tool_use` and `tool_result` blocks). We recommend you include thinking blocks from previous turns. To avoid this " +
        "requirement, disable `thinking`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking",
    );
  }
}

/** A reasoningContent block with the given text, signed unless the model does not sign. */
export function reasoningBlock(text: string, mode: ReasoningMode, secret: string): JsonObject {
  const reasoningText: JsonObject = { text };
  if (mode.signed) reasoningText.signature = reasoningSignature(text, secret);
  return { reasoningContent: { reasoningText } };
}
