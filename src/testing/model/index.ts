// The built-in model: its replies, tool calls, reasoning, prompt cache, guardrail and token rule, as wire-shaped turns.
export {
  applyLimits,
  builtInModel,
  builtInReply,
  createBuiltInModel,
  TRANSLATIONS,
  type BuiltInModelOptions,
  type EmulatorModel,
  type ModelContext,
  type ModelTurn,
  type TokenUsageJson,
} from "./built-in-model.js";
export { argumentsFromText, formatJson } from "./args.js";
export { DEFAULT_CACHE_MIN_TOKENS } from "./cache.js";
export { DEFAULT_BLOCKED_MESSAGE, DEFAULT_BLOCKED_WORDS } from "./guardrail.js";
export { MIN_THINKING_BUDGET, reasoningSignature } from "./reasoning.js";
export { toolUseId } from "./tools.js";
export { blockTokens, countInputTokens, estimateTokens, MEDIA_TOKENS } from "./token-count.js";
export { splitJson, splitWords, turnToConverseResponse, turnToStreamEvents } from "./turn-events.js";
