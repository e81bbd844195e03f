// Converse, ConverseStream and CountTokens bodies checked as Bedrock checks them: the ValidationException message, or undefined.
export {
  MALFORMED_INPUT,
  MUST_ALTERNATE,
  MUST_START_WITH_USER,
  TOOL_CONFIG_REQUIRED,
  converseRequestProblem,
  countTokensRequestProblem,
} from "./converse.js";
export { modelRefusal } from "./model-refusals.js";
export { BEDROCK_MODEL_IDS, INVALID_MODEL_ID, isKnownModelId } from "./model-ids.js";
