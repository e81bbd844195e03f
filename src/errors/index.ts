// Error classes, re-exported.
export { BedrockError, type BedrockErrorOptions } from "./bedrock-error.js";
export * from "./exceptions.js";
export { errorFromResponse, isRetryableStatus, type ErrorFromResponseOptions } from "./from-response.js";
