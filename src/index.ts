// bedrock-edge: the client, its errors, credential helpers, the chat model and the SSE helpers.
// Lower layers have their own entries: bedrock-edge/auth, /event-stream, /wire, /errors.
export * from "./client/index.js";

export {
  BedrockError,
  type BedrockErrorOptions,
  ValidationException,
  AccessDeniedException,
  ResourceNotFoundException,
  ModelTimeoutException,
  ConflictException,
  ModelErrorException,
  ModelNotReadyException,
  ThrottlingException,
  ServiceQuotaExceededException,
  InternalServerException,
  ServiceUnavailableException,
  ModelStreamErrorException,
  UnrecognizedClientException,
  BedrockInputError,
  StreamDecodeError,
  TimeoutError,
  NetworkError,
  AbortError,
  CredentialsProviderError,
} from "./errors/index.js";

// Wire types in the AWS SDK's shapes (the enum-like values are in bedrock-edge/wire).
export type * from "./wire/index.js";

export {
  createCredentialSource,
  fromCognitoIdentityPool,
  createShortTermApiKey,
  type AwsCredentials,
  type CredentialsProvider,
  type CredentialSourceOptions,
  type CognitoIdentityPoolOptions,
  type CognitoLogin,
  type ShortTermApiKeyOptions,
} from "./auth/index.js";

export * from "./chat/index.js";
