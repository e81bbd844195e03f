// Public surface of the auth layer: SigV4, SHA-256, credentials, API keys, redaction.
export { signRequest, signRequestDetailed, presignRequest } from "./sigv4.js";
export type { SigningOptions, SigningSteps, SignedRequest, PresignOptions, PresignedRequest } from "./sigv4.js";
export type { SignableRequest } from "./signable-request.js";
export { Sha256, createSha256 } from "./sha256.js";
export type { Checksum, ChecksumConstructor, SourceData } from "./sha256.js";
export { createCredentialSource, validateCredentials } from "./credentials.js";
export type { AwsCredentials, CredentialsProvider, CredentialSourceOptions } from "./credentials.js";
export { credentialsFromEnv, regionFromEnv, apiKeyFromEnv } from "./env-credentials.js";
export type { EnvReader } from "./env-credentials.js";
export { bearerHeaders, validateApiKey } from "./bearer.js";
export { RedactedCredentials, redactCredentials, maskAccessKeyId } from "./redact.js";
