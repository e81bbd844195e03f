// The operations, one import each: pass a BedrockClient, so a bundle carries only the ones it calls.
export { applyGuardrail } from "./apply-guardrail.js";
export { converse, type ConverseCommandOutput } from "./converse.js";
export { converseStream } from "./converse-stream.js";
export { countTokens } from "./count-tokens.js";
export { invokeModel } from "./invoke-model.js";
export { invokeModelWithResponseStream } from "./invoke-model-stream.js";
export { startAsyncInvoke } from "./start-async-invoke.js";
export { getAsyncInvoke } from "./get-async-invoke.js";
export { listAsyncInvokes } from "./list-async-invokes.js";
