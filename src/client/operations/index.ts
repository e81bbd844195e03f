// The operations, one import each: pass a BedrockClient, so a bundle carries only the ones it calls.
export { converse, type ConverseCommandOutput } from "./converse.js";
export { converseStream } from "./converse-stream.js";
export { countTokens } from "./count-tokens.js";
