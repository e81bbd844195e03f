// The standard `reasoningEffort` ("low" | "medium" | "high") → each family's own request fields.
import type { ConverseRequest, DocumentType } from "../../wire/index.js";
import { isObject, type Dict } from "../../internal/index.js";
import type { ModelProfile, ReasoningEffort } from "./profile-types.js";

/**
 * Thinking budgets for Claude models without adaptive thinking. Anthropic's minimum is 1024;
 * the steps follow litellm's defaults for `reasoning_effort` on Claude (1024 / 2048 / 4096).
 */
export const THINKING_BUDGETS: Readonly<Record<ReasoningEffort, number>> = { low: 1024, medium: 2048, high: 4096 };

/** Room for the answer next to a thinking budget when `maxTokens` is unset (as @ai-sdk/amazon-bedrock does). */
const ANSWER_ROOM = 4096;

/**
 * Adds the fields that ask `profile`'s family for `effort`, in `additionalModelRequestFields`.
 * Fields the caller set (`thinking`, `reasoningConfig`, …) win over the effort. Mutates `request`
 * (a copy made by `applyProfile`) and pushes warnings.
 */
export function applyReasoningEffort(request: ConverseRequest, profile: ModelProfile | undefined, effort: ReasoningEffort, warnings: string[]): void {
  const style = profile?.reasoning;
  if (profile === undefined || style === undefined || style === "none") {
    warnings.push(`reasoningEffort "${effort}" ignored: ${profile ? profile.name : "this model"} has no known effort setting (CH13)`);
    return;
  }
  const fields: Dict = isObject(request.additionalModelRequestFields) ? { ...request.additionalModelRequestFields } : {};
  const explicit = (key: string): boolean => {
    if (fields[key] === undefined) return false;
    warnings.push(`reasoningEffort "${effort}" ignored for ${key}: additionalModelRequestFields.${key} wins (CH14)`);
    return true;
  };
  switch (style) {
    case "anthropic-budget": {
      if (explicit("thinking")) break;
      const budget = THINKING_BUDGETS[effort];
      fields.thinking = { type: "enabled", budget_tokens: budget };
      // Anthropic refuses max_tokens ≤ budget_tokens.
      const inference = { ...request.inferenceConfig };
      const max = inference.maxTokens;
      if (max === undefined || max <= budget) {
        inference.maxTokens = (max ?? ANSWER_ROOM) + budget;
        request.inferenceConfig = inference;
        warnings.push(`maxTokens set to ${inference.maxTokens}, above the thinking budget (${budget}) of reasoningEffort "${effort}" (CH15)`);
      }
      break;
    }
    case "anthropic-adaptive":
      if (fields.thinking === undefined) fields.thinking = { type: "adaptive" };
      if (isObject(fields.output_config) && fields.output_config.effort !== undefined) explicit("output_config");
      else fields.output_config = { ...(isObject(fields.output_config) ? fields.output_config : {}), effort };
      break;
    case "nova-2":
      if (explicit("reasoningConfig")) break;
      fields.reasoningConfig = { type: "enabled", maxReasoningEffort: effort };
      // langchain-aws drops maxTokens at high effort (`_validate_nova_reasoning_config`).
      if (effort === "high" && request.inferenceConfig?.maxTokens !== undefined) {
        const { maxTokens: _dropped, ...inference } = request.inferenceConfig;
        request.inferenceConfig = inference;
        warnings.push(`maxTokens dropped: ${profile.name} takes none at reasoningEffort "high" (CH16)`);
      }
      break;
    case "reasoning-effort":
      if (!explicit("reasoning_effort")) fields.reasoning_effort = effort;
      break;
    case "openai-nested":
      if (!explicit("reasoning")) fields.reasoning = { effort };
      break;
    default: {
      const unknown: never = style;
      throw new Error(`unknown reasoning style ${String(unknown)}`);
    }
  }
  request.additionalModelRequestFields = fields as Record<string, DocumentType>;
}
