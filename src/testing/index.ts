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
  authenticateWithShortTermKeys,
  createCognitoRoute,
  EMULATOR_API_KEY,
  EMULATOR_CREDENTIALS,
  EMULATOR_IDENTITY_POOL_ID,
  EMULATOR_REGION,
  EMULATOR_SESSION_CREDENTIALS,
  verifyShortTermApiKey,
  type ApiKeyCheck,
  type CognitoEmulatorOptions,
  type ShortTermKeyResult,
} from "./auth/index.js";
export {
  applyLimits,
  argumentsFromText,
  blockTokens,
  builtInModel,
  builtInReply,
  countInputTokens,
  createBuiltInModel,
  DEFAULT_BLOCKED_MESSAGE,
  DEFAULT_BLOCKED_WORDS,
  DEFAULT_CACHE_MIN_TOKENS,
  estimateTokens,
  formatJson,
  MEDIA_TOKENS,
  MIN_THINKING_BUDGET,
  reasoningSignature,
  splitJson,
  splitWords,
  toolUseId,
  TRANSLATIONS,
  turnToConverseResponse,
  turnToStreamEvents,
  type BuiltInModelOptions,
  type EmulatorModel,
  type ModelContext,
  type ModelTurn,
  type TokenUsageJson,
} from "./model/index.js";
export { EmulatorConnectionCut } from "./response/index.js";
export { BEDROCK_MODEL_IDS, converseRequestProblem, countTokensRequestProblem, isKnownModelId } from "./validate/index.js";
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
export { FAULT_TYPES } from "./server/index.js";
