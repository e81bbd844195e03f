// Error classes, re-exported.
export { BedrockError, type BedrockErrorOptions } from "./bedrock-error.js";
export * from "./exceptions.js";
export { errorFromResponse, isRetryableStatus } from "./from-response.js";
