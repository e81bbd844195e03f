// JSON in and out: request serialisation, response and stream-event deserialisation, base64, and model paths.
export { encodeBase64, decodeBase64, isBase64, base64Problem } from "./base64.js";
export { serializeApplyGuardrailRequest, serializeConverseRequest, serializeCountTokensRequest } from "./serialize-request.js";
export { invokeBody, invokeHeaders, invokeResponseBody, invokeResponseHeaders } from "./invoke.js";
export { guardrailPath, modelPath, regionFromModelArn, type ModelOperation } from "./model-path.js";
export { deserializeConverseResponse, deserializeStreamEvent } from "./deserialize-response.js";
export { asyncInvokePath, listAsyncInvokesPath, serializeStartAsyncInvokeRequest } from "./async-invoke.js";
