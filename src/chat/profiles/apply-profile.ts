// A built Converse request + the model's profile → the request that model accepts, and a warning per change.
import { BedrockInputError } from "../../errors/index.js";
import type { ConverseRequest, DocumentType, ToolConfiguration } from "../../wire/index.js";
import { isObject, type Dict } from "../../internal/index.js";
import { normalizeToolUseIds } from "../../internal/tool-use-ids.js";
import { thinkingDowngrade } from "../tools/convert-tool-choice.js";
import { applyReasoningEffort } from "./reasoning-effort.js";
import { countUnionParameters, sanitizeOutputSchema } from "./schema-limits.js";
import type { ModelProfile, ReasoningEffort, ToolChoiceValue } from "./profile-types.js";

export interface ApplyProfileOptions {
  /** The standard effort, mapped to the family's fields. */
  reasoningEffort?: ReasoningEffort | undefined;
}

export interface ProfiledRequest<R extends ConverseRequest = ConverseRequest> {
  request: R;
  /** One line per change made, for the chat model's `warn`. */
  warnings: string[];
}

/** The forced tool a refused native structured output falls back to (@ai-sdk/amazon-bedrock's jsonTool mode does the same). */
export const FALLBACK_TOOL_NAME = "json_output";

// The one rule kept for a model no table entry matches (an application inference profile without
// `baseModelId`, a new model): it is only applied when the request carries Anthropic's `thinking`.
const ANTHROPIC_THINKING: ModelProfile = { name: "Anthropic extended thinking", provider: "anthropic", forcedToolChoiceWithThinking: false };

/**
 * Adjusts `request` to what `profile`'s model accepts: the reasoning effort mapped, refused
 * sampling parameters, stop sequences and `strict` flags dropped, native structured output
 * replaced by a forced tool (or its schema cleaned of refused keywords), tool choices the model
 * refuses downgraded. Every change comes with a warning; without a profile nothing changes. A
 * request over a hard limit (union-typed parameters) is a `BedrockInputError`. Pure: `request` is
 * left as it was.
 * @example
 * applyProfile({ modelId, messages, inferenceConfig: { temperature: 0.2 } }, resolveProfile("anthropic.claude-opus-4-7"), {});
 * // { request: { modelId, messages }, warnings: ["temperature dropped: Claude Opus 4.7 refuses sampling parameters (CH02)"] }
 */
export function applyProfile<R extends ConverseRequest>(input: R, profile: ModelProfile | undefined, options: ApplyProfileOptions = {}): ProfiledRequest<R> {
  const request = copy(input);
  const warnings: string[] = [];
  if (options.reasoningEffort !== undefined) applyReasoningEffort(request, profile, options.reasoningEffort, warnings);
  if (profile === undefined) {
    // No profile, but Anthropic's own `thinking` field says what model this is: Bedrock refuses a
    // forced tool choice with extended thinking on (the downgrade the chat layer always made).
    const thinking = fieldsOf(request).thinking;
    if (isObject(thinking) && thinking.type === "enabled") toolChoice(request, ANTHROPIC_THINKING, warnings);
    return { request, warnings };
  }

  adaptiveThinking(request, profile, warnings);
  samplingParameters(request, profile, warnings);
  structuredOutput(request, profile, warnings);
  strictTools(request, profile, warnings);
  unionLimit(request, profile);
  toolUse(request, profile);
  toolChoice(request, profile, warnings);
  toolUseIds(request, profile, warnings);

  for (const key of ["inferenceConfig", "additionalModelRequestFields"] as const) {
    const value = request[key];
    if (isObject(value) && Object.keys(value).length === 0) delete request[key];
  }
  return { request, warnings };
}

// The parts applyProfile may change are copied; messages and system travel by reference.
function copy<R extends ConverseRequest>(input: R): R {
  const out = { ...input };
  if (input.inferenceConfig) out.inferenceConfig = { ...input.inferenceConfig };
  if (isObject(input.additionalModelRequestFields)) out.additionalModelRequestFields = { ...input.additionalModelRequestFields };
  if (input.toolConfig) {
    const tools = (input.toolConfig.tools ?? []).map((t) => (isObject((t as Dict).toolSpec) ? { toolSpec: { ...((t as Dict).toolSpec as Dict) } } : t));
    out.toolConfig = { ...input.toolConfig, tools } as ToolConfiguration;
  }
  if (input.outputConfig) out.outputConfig = { ...input.outputConfig };
  return out;
}

/** The tool specs of a request (its `{ toolSpec }` tools; system tools and cache points left out). */
const specsOf = (request: ConverseRequest): Dict[] => (request.toolConfig?.tools ?? []).map((t) => (t as Dict).toolSpec).filter(isObject);

const fieldsOf = (request: ConverseRequest): Dict => (isObject(request.additionalModelRequestFields) ? request.additionalModelRequestFields : {});

/** Thinking / reasoning is on: Claude's `thinking`, Nova's `reasoningConfig`, or a flat `reasoning_effort`. */
export function reasoningOn(request: ConverseRequest): boolean {
  const fields = fieldsOf(request);
  const thinking = fields.thinking;
  if (isObject(thinking) && (thinking.type === "enabled" || thinking.type === "adaptive")) return true;
  if (isObject(fields.reasoningConfig) && fields.reasoningConfig.type === "enabled") return true;
  return typeof fields.reasoning_effort === "string";
}

function adaptiveThinking(request: ConverseRequest, profile: ModelProfile, warnings: string[]): void {
  const fields = fieldsOf(request);
  const thinking = fields.thinking;
  if (!profile.adaptiveThinkingOnly || !isObject(thinking) || thinking.type !== "enabled") return;
  const { budget_tokens: _budget, ...rest } = thinking;
  fields.thinking = { ...rest, type: "adaptive" } as DocumentType;
  warnings.push(`thinking changed to adaptive: ${profile.name} takes no other (CH01)`);
}

function samplingParameters(request: ConverseRequest, profile: ModelProfile, warnings: string[]): void {
  const inference = request.inferenceConfig ?? {};
  if (profile.rejectsSamplingParameters) {
    const fields = fieldsOf(request);
    const holder = (key: string): Dict => (key === "top_k" ? fields : (inference as Dict));
    const dropped = ["temperature", "topP", "top_k"].filter((key) => holder(key)[key] !== undefined);
    for (const key of dropped) delete holder(key)[key];
    if (dropped.length > 0) warnings.push(`${dropped.join(", ")} dropped: ${profile.name} refuses sampling parameters (CH02)`);
  } else if (profile.rejectsTemperatureWithTopP && inference.temperature !== undefined && inference.topP !== undefined) {
    delete inference.topP;
    warnings.push(`topP dropped, temperature kept: ${profile.name} refuses both (CH03)`);
  }
  if (profile.rejectsStopSequences && inference.stopSequences !== undefined) {
    delete inference.stopSequences;
    warnings.push(`stopSequences dropped: ${profile.name} refuses them (CH04)`);
  }
}

interface JsonSchemaFormat {
  schema?: unknown;
  name?: unknown;
  description?: unknown;
}

function nativeFormat(request: ConverseRequest): JsonSchemaFormat | undefined {
  const format = request.outputConfig?.textFormat as Dict | undefined;
  const structure = isObject(format?.structure) ? format.structure : undefined;
  return isObject(structure?.jsonSchema) ? (structure.jsonSchema as JsonSchemaFormat) : undefined;
}

function structuredOutput(request: ConverseRequest, profile: ModelProfile, warnings: string[]): void {
  const format = nativeFormat(request);
  if (!format || typeof format.schema !== "string") return;
  const schema: unknown = JSON.parse(format.schema);
  if (profile.supportsNativeStructuredOutput === false) {
    // One fixed name, so the reply parser (`jsonFromText`) knows the call from the caller's own tools.
    const name = FALLBACK_TOOL_NAME;
    const titled = typeof format.name === "string" && format.name !== "" ? `${format.name}: ` : "";
    const own = typeof format.description === "string" && format.description !== "" ? format.description : "the answer as JSON";
    const description = `${titled}${own}`;
    const { textFormat: _native, ...rest } = request.outputConfig!;
    if (Object.keys(rest).length > 0) request.outputConfig = rest;
    else delete request.outputConfig;
    const tools = [...(request.toolConfig?.tools ?? []), { toolSpec: { name, description, inputSchema: { json: schema } } }];
    request.toolConfig = { tools, toolChoice: { tool: { name } } } as ToolConfiguration;
    warnings.push(`outputConfig.textFormat replaced by forced tool "${name}": ${profile.name} refuses it (CH05)`);
    return;
  }
  if (!profile.sanitizesOutputSchema) return;
  const { schema: clean, removed } = sanitizeOutputSchema(schema);
  if (removed.length === 0) return;
  const textFormat = request.outputConfig!.textFormat!;
  request.outputConfig = { ...request.outputConfig, textFormat: { ...textFormat, structure: { jsonSchema: { ...format, schema: JSON.stringify(clean) } } } } as typeof request.outputConfig;
  warnings.push(`outputConfig.textFormat schema: ${removed.join(", ")} moved into descriptions: ${profile.name} refuses them (CH06)`);
}

function strictTools(request: ConverseRequest, profile: ModelProfile, warnings: string[]): void {
  if (profile.supportsStrictTools !== false || !request.toolConfig) return;
  const names: string[] = [];
  for (const spec of specsOf(request)) {
    if (spec.strict !== undefined) {
      delete spec.strict;
      names.push(String(spec.name));
    }
  }
  if (names.length > 0) warnings.push(`strict dropped from tools ${names.join(", ")}: ${profile.name} refuses it (CH07)`);
}

function unionLimit(request: ConverseRequest, profile: ModelProfile): void {
  const limit = profile.maxUnionTypedParameters;
  if (limit === undefined) return;
  const count = specsOf(request).reduce((n, spec) => n + countUnionParameters(isObject(spec.inputSchema) ? spec.inputSchema.json : undefined), 0);
  const format = nativeFormat(request);
  const own = typeof format?.schema === "string" ? countUnionParameters(JSON.parse(format.schema)) : 0;
  for (const [where, n] of [["toolConfig.tools", count], ["outputConfig.textFormat schema", own]] as const) {
    if (n > limit) throw new BedrockInputError(`${where}: ${n} union-typed parameters; ${profile.name} accepts at most ${limit} (CH08)`);
  }
}

function toolUseIds(request: ConverseRequest, profile: ModelProfile, warnings: string[]): void {
  if (!profile.shortToolUseIds || !request.messages) return;
  const { messages, rewritten } = normalizeToolUseIds(request.messages);
  if (rewritten === 0) return;
  request.messages = messages;
  warnings.push(`${rewritten} tool-use ID(s) rewritten to 9 letters and digits: ${profile.name} refuses others (CH09)`);
}

// After structuredOutput: its forced-tool fallback counts as tool use too. No silent removal: the
// caller bound the tools for a reason, and answering without them would change what the app does.
function toolUse(request: ConverseRequest, profile: ModelProfile): void {
  if (profile.supportsToolUse !== false) return;
  if (specsOf(request).length === 0) return;
  throw new BedrockInputError(`toolConfig.tools: ${profile.name} does not support tool use (CH10)`);
}

function toolChoice(request: ConverseRequest, profile: ModelProfile, warnings: string[]): void {
  const config = request.toolConfig as (Dict & { tools?: unknown[] }) | undefined;
  const choice = isObject(config?.toolChoice) ? config.toolChoice : undefined;
  if (!config || !choice) return;
  const kind: ToolChoiceValue = "tool" in choice ? "tool" : "any" in choice ? "any" : "auto";
  const shown = kind === "tool" ? `"${String((choice.tool as Dict).name)}"` : `"${kind}"`;
  const allowed = profile.supportsToolChoiceValues;
  let next: ToolChoiceValue | "omitted" = kind;
  if (allowed !== undefined && !allowed.includes(kind)) {
    // With one tool, "any" forces the same call a named choice would.
    if (kind === "tool" && allowed.includes("any") && specsOf(request).length === 1) next = "any";
    else next = allowed.includes("auto") ? "auto" : "omitted";
    const accepted = allowed.length > 0 ? `accepts only ${allowed.map((v) => `"${v}"`).join(", ")}` : "accepts no tool choice";
    warnings.push(`tool_choice ${shown} was ${next === "omitted" ? "left out" : `changed to "${next}"`}: ${profile.name} ${accepted}`);
  }
  if (next !== "auto" && next !== "omitted" && profile.forcedToolChoiceWithThinking === false && reasoningOn(request)) {
    const what = next === kind ? shown : `"${next}"`;
    warnings.push(thinkingDowngrade(what));
    next = "auto";
  }
  if (next === kind) return;
  if (next === "omitted") delete config.toolChoice;
  else config.toolChoice = next === "any" ? { any: {} } : { auto: {} };
}
