// `bedrock-edge/testing`: the strict local Bedrock Runtime emulator and its building blocks.
export {
  createBedrockEmulator,
  EmulatorDisconnect,
  type BedrockEmulator,
  type EmulatorOptions,
  type EmulatorRoute,
} from "./emulator.js";
export { EmulatorError, type AwsError } from "./aws-error.js";
export {
  EMULATOR_API_KEY,
  EMULATOR_CREDENTIALS,
  EMULATOR_REGION,
  EMULATOR_SESSION_CREDENTIALS,
} from "./credentials.js";
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
export { argumentsFromText, formatJson } from "./model-args.js";
export { DEFAULT_CACHE_MIN_TOKENS } from "./model-cache.js";
export { DEFAULT_BLOCKED_MESSAGE, DEFAULT_BLOCKED_WORDS } from "./model-guardrail.js";
export { MIN_THINKING_BUDGET, reasoningSignature } from "./model-reasoning.js";
export { toolUseId } from "./model-tools.js";
export { splitJson, splitWords, turnToConverseResponse, turnToStreamEvents } from "./turn-events.js";
export { blockTokens, countInputTokens, estimateTokens, MEDIA_TOKENS } from "./token-count.js";
export { validateConverseRequest, validateCountTokensRequest } from "./validate-converse.js";
export { EmulatorConnectionCut } from "./body-stream.js";
export type { ApiKeyCheck } from "./authenticate.js";
export { createCognitoRoute, EMULATOR_IDENTITY_POOL_ID, type CognitoEmulatorOptions } from "./cognito.js";
export { authenticateWithShortTermKeys, verifyShortTermApiKey, type ShortTermKeyResult } from "./short-term-keys.js";
export type {
  Chunking,
  EmulatorCredentials,
  EmulatorOperation,
  ClockFault,
  Fault,
  HttpFault,
  JsonObject,
  RecordedAuth,
  RecordedRequest,
  Script,
  ScriptedResponse,
  StreamFault,
  StreamStep,
} from "./types.js";
