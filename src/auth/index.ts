// Public surface of the auth layer: SigV4, SHA-256, credentials, API keys, redaction.
export { signRequest, signRequestDetailed, presignRequest } from "./sigv4.js";
export type { SigningOptions, SigningSteps, SignedRequest, PresignOptions, PresignedRequest } from "./sigv4.js";
export type { SignableRequest } from "./signable-request.js";
export { Sha256, createSha256 } from "./sha256.js";
export type { Checksum, ChecksumConstructor, SourceData } from "./sha256.js";
export { createCredentialSource, validateCredentials } from "./credentials.js";
export type { AwsCredentials, CredentialsProvider, CredentialSource, CredentialSourceOptions } from "./credentials.js";
export { credentialsFromEnv, regionFromEnv, apiKeyFromEnv } from "./env-credentials.js";
export type { EnvReader } from "./env-credentials.js";
export { bearerHeaders, validateApiKey } from "./bearer.js";
export { RedactedCredentials, redactCredentials, maskAccessKeyId } from "./redact.js";
export { fromCognitoIdentityPool } from "./cognito.js";
export type { CognitoIdentityPoolOptions, CognitoLogin } from "./cognito.js";
export { createShortTermApiKey, SHORT_TERM_API_KEY_PREFIX, MAX_SHORT_TERM_API_KEY_SECONDS } from "./short-term-api-key.js";
export type { ShortTermApiKeyOptions } from "./short-term-api-key.js";
export { assertCredentialsAllowed, guardCredentials, isLongTermAccessKey } from "./browser-guard.js";
export type { BrowserGuardOptions } from "./browser-guard.js";
