// The Converse wire layer: SDK-shaped types and the pure conversions to and from JSON.
export * from "./union.js";
export * from "./common.js";
export * from "./enums.js";
export * from "./citations.js";
export * from "./media-blocks.js";
export * from "./content-blocks.js";
export * from "./tools.js";
export * from "./guardrail-trace.js";
export * from "./converse.js";
export * from "./stream-events.js";
export * from "./count-tokens.js";
export { encodeBase64, decodeBase64, isBase64, base64Problem } from "./base64.js";
export { serializeConverseRequest, serializeCountTokensRequest } from "./serialize-request.js";
export { modelPath, regionFromModelArn, type ModelOperation } from "./model-path.js";
export { deserializeConverseResponse, deserializeStreamEvent } from "./deserialize-response.js";
export { validateConverseRequest, validateCountTokensRequest } from "./validate-request.js";
