// Rejects malformed Converse / CountTokens requests before any network call, naming the field.
import type { ConverseRequest } from "../types/converse.js";
import type { CountTokensRequest } from "../types/count-tokens.js";
import type { ConverseStreamRequest } from "../types/stream-events.js";
import { modelIdProblem } from "../serde/model-path.js";
import { checkCachePoint, checkMessages, checkSystem } from "./validate-content.js";
import { blob, boolean, fail, list, number, record, string, stringMap, toolName, unionKind, type Dict } from "./validate-helpers.js";
import { checkJsonValue } from "./validate-json.js";
import { checkJsonSchema } from "./validate-json-schema.js";
import { checkTurns } from "./validate-conversation.js";
import { validateApplyGuardrailRequest, validateInvokeModelRequest } from "./validate-invoke.js";
import type { ApplyGuardrailRequest } from "../types/apply-guardrail.js";
import type { InvokeModelRequest } from "../types/invoke.js";

/**
 * Throws `BedrockInputError` for what Bedrock would certainly refuse as malformed: a missing
 * `modelId`, a content block with no kind, two kinds or an unknown kind, a wrong type or a
 * value outside the model's enum or range (`messages[2].content[0].image.format: "bmp" is not
 * one of …`, `inferenceConfig.temperature: must be a finite number, got NaN`), a blob that is
 * neither bytes nor base64, a model ID that cannot be a path segment (`..`, a lone surrogate), and
 * anything JSON.stringify would throw on: a circular reference, a BigInt or more than
 * `MAX_JSON_DEPTH` levels anywhere in the body (tool input, `json` blocks, tool schemas,
 * `additionalModelRequestFields`, …), named by path. Also what Converse refuses whatever the
 * model: an empty `messages`, a message with no content, a first message not from the user,
 * two consecutive messages from one role, a tool input schema that is not JSON Schema. Rules
 * that depend on content (a tool result for every tool use) are left to Bedrock.
 */
export function validateConverseRequest(request: ConverseRequest | ConverseStreamRequest): void {
  const req = record(request, "request");
  checkModelId(req.modelId);
  checkConversation(req, "");
  checkTurns(req.messages, "messages", req.modelId);
  checkInferenceConfig(req.inferenceConfig, "inferenceConfig");
  checkGuardrailConfig(req.guardrailConfig, "guardrailConfig");
  if (req.additionalModelResponseFieldPaths !== undefined) {
    list(req.additionalModelResponseFieldPaths, "additionalModelResponseFieldPaths").forEach((p, i) =>
      string(p, `additionalModelResponseFieldPaths[${i}]`, true),
    );
  }
  checkPromptVariables(req.promptVariables, "promptVariables");
  stringMap(req.requestMetadata, "requestMetadata");
  if (req.performanceConfig !== undefined) {
    string(record(req.performanceConfig, "performanceConfig").latency, "performanceConfig.latency", false);
  }
  if (req.serviceTier !== undefined) string(record(req.serviceTier, "serviceTier").type, "serviceTier.type", true);
  checkOutputConfig(req.outputConfig, "outputConfig");
  checkBody(req);
}

/** Same checks for CountTokens: a model ID and exactly one of `input.converse` / `input.invokeModel`. */
export function validateCountTokensRequest(request: CountTokensRequest): void {
  const req = record(request, "request");
  checkModelId(req.modelId);
  if (req.input === undefined) fail("input", "is required ({ converse: {...} } or { invokeModel: { body } })");
  const kind = unionKind(req.input, "input", "CountTokens input", ["converse", "invokeModel"]);
  const input = req.input as Dict;
  if (kind === "converse") checkConversation(record(input.converse, "input.converse"), "input.converse.");
  else if (kind === "invokeModel") blob(record(input.invokeModel, "input.invokeModel").body, "input.invokeModel.body");
  checkBody(req);
}

/** The body as serialised (the model ID goes in the path) can be written as JSON. */
function checkBody(req: Dict): void {
  const { modelId: _inPath, ...body } = req;
  checkJsonValue(body, "");
}

function checkModelId(modelId: unknown): void {
  if (modelId === undefined || modelId === null || (typeof modelId === "string" && modelId.trim() === "")) {
    fail("", "modelId is required (a model ID, inference profile ID or ARN)");
  }
  string(modelId, "modelId", true);
  const problem = modelIdProblem(modelId as string);
  if (problem !== undefined) fail("modelId", problem);
}

/** The members Converse and CountTokens' `converse` input share. */
function checkConversation(req: Dict, prefix: string): void {
  checkMessages(req.messages, `${prefix}messages`);
  checkSystem(req.system, `${prefix}system`);
  checkToolConfig(req.toolConfig, `${prefix}toolConfig`);
}

function checkInferenceConfig(value: unknown, path: string): void {
  if (value === undefined) return;
  const config = record(value, path);
  number(config.maxTokens, `${path}.maxTokens`, { min: 1, integer: true });
  number(config.temperature, `${path}.temperature`, { min: 0, max: 1 });
  number(config.topP, `${path}.topP`, { min: 0, max: 1 });
  if (config.stopSequences !== undefined) {
    list(config.stopSequences, `${path}.stopSequences`).forEach((s, i) => {
      string(s, `${path}.stopSequences[${i}]`, true);
      if (s === "") fail(`${path}.stopSequences[${i}]`, "must not be empty");
    });
  }
}

function checkToolConfig(value: unknown, path: string): void {
  if (value === undefined) return;
  const config = record(value, path);
  if (config.tools === undefined) fail(`${path}.tools`, "is required");
  list(config.tools, `${path}.tools`).forEach((tool, i) => {
    const at = `${path}.tools[${i}]`;
    const kind = unionKind(tool, at, "tool", ["toolSpec", "systemTool", "cachePoint"]);
    const t = tool as Dict;
    if (kind === "toolSpec") {
      const spec = record(t.toolSpec, `${at}.toolSpec`);
      toolName(spec.name, `${at}.toolSpec.name`);
      string(spec.description, `${at}.toolSpec.description`, false);
      boolean(spec.strict, `${at}.toolSpec.strict`, false);
      if (spec.inputSchema === undefined) fail(`${at}.toolSpec.inputSchema`, "is required ({ json: <JSON Schema> })");
      if (unionKind(spec.inputSchema, `${at}.toolSpec.inputSchema`, "input schema", ["json"]) === "json") {
        const json = `${at}.toolSpec.inputSchema.json`;
        const schema = record((spec.inputSchema as Dict).json, json);
        checkJsonValue(schema, json); // cycles and runaway nesting first, named as everywhere else
        checkJsonSchema(schema, json);
      }
    } else if (kind === "systemTool") {
      string(record(t.systemTool, `${at}.systemTool`).name, `${at}.systemTool.name`, true);
    } else if (kind === "cachePoint") {
      checkCachePoint(t.cachePoint, `${at}.cachePoint`);
    }
  });
  if (config.toolChoice !== undefined) {
    const at = `${path}.toolChoice`;
    const kind = unionKind(config.toolChoice, at, "tool choice", ["auto", "any", "tool"]);
    const choice = config.toolChoice as Dict;
    if (kind === "tool") string(record(choice.tool, `${at}.tool`).name, `${at}.tool.name`, true);
    else if (kind !== "$unknown") record(choice[kind], `${at}.${kind}`);
  }
}

function checkGuardrailConfig(value: unknown, path: string): void {
  if (value === undefined) return;
  const config = record(value, path);
  string(config.guardrailIdentifier, `${path}.guardrailIdentifier`, false);
  string(config.guardrailVersion, `${path}.guardrailVersion`, false);
  string(config.trace, `${path}.trace`, false);
  string(config.streamProcessingMode, `${path}.streamProcessingMode`, false);
}

function checkPromptVariables(value: unknown, path: string): void {
  if (value === undefined) return;
  for (const [name, variable] of Object.entries(record(value, path))) {
    const at = `${path}.${name}`;
    if (unionKind(variable, at, "prompt variable", ["text"]) === "text") string((variable as Dict).text, `${at}.text`, true);
  }
}

function checkOutputConfig(value: unknown, path: string): void {
  if (value === undefined) return;
  const config = record(value, path);
  string(config.effort, `${path}.effort`, false);
  if (config.textFormat === undefined) return;
  const at = `${path}.textFormat`;
  const format = record(config.textFormat, at);
  string(format.type, `${at}.type`, true);
  if (format.structure === undefined) fail(`${at}.structure`, "is required ({ jsonSchema: { schema } })");
  if (unionKind(format.structure, `${at}.structure`, "output format structure", ["jsonSchema"]) === "jsonSchema") {
    const schema = record((format.structure as Dict).jsonSchema, `${at}.structure.jsonSchema`);
    if (schema.schema !== undefined && typeof schema.schema !== "string") {
      fail(`${at}.structure.jsonSchema.schema`, "must be the JSON Schema as a string (JSON.stringify it)");
    }
    string(schema.schema, `${at}.structure.jsonSchema.schema`, true);
    string(schema.name, `${at}.structure.jsonSchema.name`, false);
    string(schema.description, `${at}.structure.jsonSchema.description`, false);
  }
}

/**
 * The wire client's `validate` option: the checks above for the operation being sent.
 * Operations without a validator here pass through (Bedrock still checks them). The async-invoke
 * operations check themselves whenever the client validates (their checks stay off this path, so a
 * BedrockRuntime bundle does not carry them).
 * @example
 * new BedrockClient({ region, credentials, validate: validateRequest });
 */
export function validateRequest(operation: string, request: unknown): void {
  if (isConverseOperation(operation)) validateConverseOperations(operation, request);
  else if (operation === "invoke" || operation === "invoke-with-response-stream") validateInvokeModelRequest(request as InvokeModelRequest);
  else if (operation === "apply-guardrail") validateApplyGuardrailRequest(request as ApplyGuardrailRequest);
}

const isConverseOperation = (operation: string) => operation === "converse" || operation === "converse-stream" || operation === "count-tokens";

/** `validateRequest` for Converse, ConverseStream and CountTokens only: what the chat model sends. */
export function validateConverseOperations(operation: string, request: unknown): void {
  if (operation === "count-tokens") validateCountTokensRequest(request as CountTokensRequest);
  else if (isConverseOperation(operation)) validateConverseRequest(request as ConverseRequest);
}
