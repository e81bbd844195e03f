// Request validation before sending: Bedrock's own limits and shapes, each failure a BedrockInputError naming its path.
// Optional on the wire client (pass `validateRequest` as its `validate` option); the chat layer and BedrockRuntime use it.
export { validateConverseRequest, validateCountTokensRequest, validateRequest } from "./validate-request.js";
export { validateApplyGuardrailRequest, validateInvokeModelRequest } from "./validate-invoke.js";
export { validateGetAsyncInvokeRequest, validateListAsyncInvokesRequest, validateStartAsyncInvokeRequest } from "./validate-async-invoke.js";
