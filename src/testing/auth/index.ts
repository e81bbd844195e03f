// Who sent a request: SigV4 re-derived with AWS's complaints, Bedrock API keys (long- and short-term), emulated Cognito.
export { authenticate, type ApiKeyCheck, type AuthResult } from "./authenticate.js";
export { createCognitoRoute, EMULATOR_IDENTITY_POOL_ID, type CognitoEmulatorOptions } from "./cognito.js";
export {
  API_KEY_PREFIXES,
  EMULATOR_API_KEY,
  EMULATOR_CREDENTIALS,
  EMULATOR_REGION,
  EMULATOR_SESSION_CREDENTIALS,
} from "./credentials.js";
export { authenticateWithShortTermKeys, verifyShortTermApiKey, type ShortTermKeyResult } from "./short-term-keys.js";
