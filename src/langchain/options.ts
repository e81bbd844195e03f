// Options of the LangChain ChatBedrockConverse: constructor fields (ours and @langchain/aws's names) and call options.
import type { BaseChatModelCallOptions, BaseChatModelParams } from "@langchain/core/language_models/chat_models";
import { BedrockInputError } from "../errors/index.js";
import type { CachePointsOptions } from "../chat/request/index.js";
import type { ToolChoiceInput } from "../chat/tools/index.js";
import {
  CONNECTION_FIELDS,
  SETTING_FIELDS,
  type ChatBedrockConverseCallOptions as CoreCallOptions,
  type ChatBedrockConverseInput as CoreInput,
  type RequestSettings,
} from "../chat/model/index.js";
import { toToolInputs } from "./tools.js";

/** @langchain/aws's prompt-cache option: cache points after the system prompt, the last turn and the tools. */
export interface BedrockPromptCacheControl {
  type?: "ephemeral";
  ttl?: "5m" | "1h";
}

/**
 * Constructor fields: those of bedrock-edge's `ChatBedrockConverse`, LangChain's chat model
 * params (`callbacks`, `tags`, `metadata`, `disableStreaming`, `outputVersion`, …), and the
 * @langchain/aws names below, so an existing `new ChatBedrockConverse({ … })` keeps working.
 */
export interface ChatBedrockConverseInput
  extends Omit<BaseChatModelParams, "disableStreaming">,
    Omit<CoreInput, "maxRetries" | "disableStreaming"> {
  /**
   * LangChain's `disableStreaming`, with langchain-aws's `"tool_calling"` too: `true` never
   * streams, `"tool_calling"` not when the call binds tools (langchain-core `_should_stream`).
   */
  disableStreaming?: boolean | "tool_calling";
  /** @langchain/aws's name of `headers`: sent with every request, signed with the rest (as @langchain/aws signs them). */
  defaultHeaders?: Record<string, string>;
  /** Retries of throttled and failed requests (the client's; LangChain's `withRetry` adds its own). */
  maxRetries?: number;
  /** @langchain/aws: endpoint host name, e.g. `"bedrock-runtime.us-east-1.amazonaws.com"` (HTTPS). */
  endpointHost?: string;
  /** @langchain/aws: an application inference profile ARN requests go to; `model` still names the model. */
  applicationInferenceProfile?: string;
  /** @langchain/aws: access key ID, used with `bedrockApiSecret` when `credentials` is not given. */
  bedrockApiKey?: string;
  /** @langchain/aws: secret access key. */
  bedrockApiSecret?: string;
  /** @langchain/aws: session token of temporary credentials. */
  bedrockApiSessionToken?: string;
  /** @langchain/aws: a Bedrock API key (bearer); same as `apiKey`. */
  bedrockBearerToken?: string;
  /** Stop sequences of every call (LangChain's name; same as `stopSequences`). */
  stop?: string[];
  /** @langchain/aws / langchain-aws: the tool choices the model takes (overrides its profile's list; others are downgraded with a warning). */
  supportsToolChoiceValues?: Array<"auto" | "any" | "tool">;
}

/** Options of one call, and what `withConfig` / `bindTools` bind. */
export interface ChatBedrockConverseCallOptions
  extends BaseChatModelCallOptions,
    RequestSettings,
    Pick<CoreCallOptions, "tools" | "strict" | "outputConfig" | "promptVariables"> {
  /** `"auto"`, `"any"`, `"none"`, a tool name, or a Bedrock / OpenAI / Anthropic tool choice object. */
  tool_choice?: ToolChoiceInput;
  /** @langchain/aws's cache points (system, last turn, tools); `cachePoints` is the finer option. */
  cache_control?: BedrockPromptCacheControl;
}

// The @langchain/aws fields that configure its Node credential chain or the AWS SDK client.
const NODE_ONLY_FIELDS = [
  "profile",
  "filepath",
  "configFilepath",
  "ignoreCache",
  "mfaCodeProvider",
  "roleAssumer",
  "roleArn",
  "webIdentityTokenFile",
  "roleAssumerWithWebIdentity",
  "clientOptions",
] as const;

/** The fields bedrock-edge's own ChatBedrockConverse takes, from LangChain constructor fields. */
export function toCoreInput(fields: ChatBedrockConverseInput): CoreInput {
  if (fields === null || typeof fields !== "object") throw new BedrockInputError("ChatBedrockConverse options must be an object");
  const unsupported = NODE_ONLY_FIELDS.filter((key) => (fields as Record<string, unknown>)[key] !== undefined);
  if (unsupported.length > 0) {
    throw new BedrockInputError(
      `${unsupported.join(", ")}: @langchain/aws options of the AWS SDK's Node client, which bedrock-edge does not use; ` +
        "pass `credentials` (or `apiKey`), `region` and, for custom headers, `headers`",
    );
  }
  const core: Record<string, unknown> = {};
  for (const key of ["model", "modelId", "client", "warn", "system", "rawBlocks", "disableStreaming", "headers", ...CONNECTION_FIELDS] as const) {
    if (fields[key] !== undefined) core[key] = fields[key];
  }
  if (fields.defaultHeaders !== undefined) {
    if (fields.headers !== undefined) throw new BedrockInputError("headers and defaultHeaders both given; pass one of them");
    core.headers = fields.defaultHeaders;
  }
  Object.assign(core, settingsOf(fields));
  if (fields.applicationInferenceProfile !== undefined) {
    // Requests go to the profile; `model` stays the model's name for tracing, as in @langchain/aws.
    core.model = fields.applicationInferenceProfile;
    delete core.modelId;
    // The profile ARN names no model: `model` picks the quirk profile, as it drives capability checks in @langchain/aws.
    const named = fields.model ?? fields.modelId;
    if (core.baseModelId === undefined && named !== undefined && named !== fields.applicationInferenceProfile) core.baseModelId = named;
  }
  if (core.endpoint === undefined && fields.endpointHost !== undefined) core.endpoint = `https://${fields.endpointHost}`;
  if (core.apiKey === undefined && fields.bedrockBearerToken !== undefined) core.apiKey = fields.bedrockBearerToken;
  if (core.credentials === undefined && core.apiKey === undefined && fields.bedrockApiKey !== undefined && fields.bedrockApiSecret !== undefined) {
    core.credentials = {
      accessKeyId: fields.bedrockApiKey,
      secretAccessKey: fields.bedrockApiSecret,
      ...(fields.bedrockApiSessionToken !== undefined && { sessionToken: fields.bedrockApiSessionToken }),
    };
  }
  return core as CoreInput;
}

/** The request settings given to the constructor (what `invocationParams` starts from). */
export function settingsOf(fields: ChatBedrockConverseInput): RequestSettings {
  const settings: Record<string, unknown> = {};
  for (const key of SETTING_FIELDS) if (fields[key] !== undefined) settings[key] = fields[key];
  if (settings.stopSequences === undefined && fields.stop !== undefined) settings.stopSequences = fields.stop;
  return settings as RequestSettings;
}

const CALL_KEYS = [...SETTING_FIELDS, "stop", "signal", "tools", "tool_choice", "strict", "outputConfig", "promptVariables"] as const;

/**
 * The call options bedrock-edge's model takes, from LangChain's parsed call options. Runnable
 * config (callbacks, tags, `configurable`, …) and tracing keys are left behind; LangChain tool
 * objects become tool definitions; `cache_control` becomes `cachePoints`.
 */
export function toCoreCallOptions(options: Partial<ChatBedrockConverseCallOptions> | undefined): CoreCallOptions {
  const out: Record<string, unknown> = {};
  if (!options) return out;
  for (const key of CALL_KEYS) if (options[key] !== undefined) out[key] = options[key];
  if (Array.isArray(options.tools)) out.tools = toToolInputs(options.tools);
  if (options.cache_control !== undefined && out.cachePoints === undefined) out.cachePoints = cachePointsFor(options.cache_control);
  return out as CoreCallOptions;
}

function cachePointsFor(control: BedrockPromptCacheControl): CachePointsOptions {
  return { where: ["system", "lastTurn", "tools"], ...(control.ttl !== undefined && { ttl: control.ttl }) };
}
