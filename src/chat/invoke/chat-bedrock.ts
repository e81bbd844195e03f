// ChatBedrock: LangChain's Bedrock chat model on InvokeModel, each provider's native body, without @langchain/core.
import type { BedrockClient } from "../../client/bedrock-client.js";
import type { CallOptions } from "../../client/options.js";
import { invokeModel } from "../../client/operations/invoke-model.js";
import { invokeModelWithResponseStream } from "../../client/operations/invoke-model-stream.js";
import { BedrockInputError } from "../../errors/index.js";
import { AIMessageChunk, type AIMessage } from "../messages/index.js";
import { runBatch, type BatchOptions } from "../model/batch.js";
import { ChatStream } from "../model/chat-stream.js";
import { coerceMessages, type ChatInput } from "../request/index.js";
import { convertToolChoice } from "../tools/convert-tool-choice.js";
import { convertTools, toolNames } from "../tools/convert-tools.js";
import type { ToolInput } from "../tools/index.js";
import { usage, type ChunkDecoder, type InvokeSettings, type JsonObject, type ProviderAdapter } from "./adapter-types.js";
import { adapterFor } from "./adapters.js";
import { chatBedrockClient } from "./chat-bedrock-client.js";
import type { ChatBedrockCallOptions, ChatBedrockInput } from "./chat-bedrock-options.js";
import { modelName, resolveProvider, type InvokeProvider } from "./provider.js";

interface Shared {
  readonly client: BedrockClient;
  readonly model: string;
  readonly region: string | undefined;
  readonly provider: InvokeProvider;
  readonly adapter: ProviderAdapter;
  readonly fields: ChatBedrockInput;
  readonly warn: (message: string) => void;
  /** Where requests go: `applicationInferenceProfile`, else the model. */
  readonly target: string;
}

/** The private way into the constructor, for `withConfig`. */
class Fork {
  constructor(
    readonly shared: Shared,
    readonly defaults: ChatBedrockCallOptions,
  ) {}
}

const utf8 = new TextDecoder();
const MASK = "[redacted]";
const CLIENT_CALL = ["signal", "timeout", "maxRetries", "headers"] as const;

function checkNumber(value: unknown, name: string): void {
  if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value))) throw new BedrockInputError(`${name} must be a finite number`);
}

function checkOptions(o: ChatBedrockCallOptions & { stopSequences?: unknown }): void {
  checkNumber(o.temperature, "temperature");
  checkNumber(o.topP, "topP");
  if (o.maxTokens !== undefined && (!Number.isInteger(o.maxTokens) || o.maxTokens < 1)) throw new BedrockInputError("maxTokens must be a positive integer");
  for (const [key, value] of [["stop", o.stop], ["stopSequences", o.stopSequences]] as const) {
    if (value !== undefined && (!Array.isArray(value) || !value.every((s) => typeof s === "string"))) throw new BedrockInputError(`${key} must be an array of strings`);
  }
  if (o.modelKwargs !== undefined && (o.modelKwargs === null || typeof o.modelKwargs !== "object" || Array.isArray(o.modelKwargs))) {
    throw new BedrockInputError("modelKwargs must be an object");
  }
}

/**
 * Amazon Bedrock chat models through InvokeModel, with the API of LangChain's `BedrockChat`
 * (@langchain/community) and langchain-aws's `ChatBedrock`: each provider's own request body
 * (Anthropic Messages with tools, thinking and cache points; Meta Llama; Amazon Titan Text and
 * Nova; Mistral; Cohere Command R; DeepSeek; OpenAI gpt-oss), `modelKwargs` merged into it.
 *
 * @example
 * ```ts
 * const model = new ChatBedrock({ model: "anthropic.claude-3-5-haiku-20241022-v1:0", region: "us-east-1", credentials, maxTokens: 512 });
 * const reply = await model.invoke([["system", "Answer in French."], ["human", "I love programming."]]);
 * for await (const chunk of await model.stream("Tell me a story")) console.log(chunk.text);
 * ```
 */
export class ChatBedrock {
  readonly #shared: Shared;
  readonly #defaults: ChatBedrockCallOptions;

  constructor(fields: ChatBedrockInput) {
    if (fields instanceof Fork) {
      this.#shared = fields.shared;
      this.#defaults = fields.defaults;
      return;
    }
    if (fields === null || typeof fields !== "object") throw new BedrockInputError("ChatBedrock options must be an object");
    if (fields.model !== undefined && fields.modelId !== undefined && fields.model !== fields.modelId) {
      throw new BedrockInputError("model and modelId differ: pass one");
    }
    const model = fields.model ?? fields.modelId;
    if (typeof model !== "string" || model.trim() === "") throw new BedrockInputError("model is required (a model ID, inference profile ID or ARN)");
    checkOptions({ ...fields, stop: fields.stopSequences });
    if (fields.streaming !== undefined && typeof fields.streaming !== "boolean") throw new BedrockInputError("streaming must be a boolean");
    const provider = resolveProvider(model, fields.provider);
    const { client, region } = chatBedrockClient(fields, fields.applicationInferenceProfile ?? model);
    if (fields.warn !== undefined && typeof fields.warn !== "function") throw new BedrockInputError("warn must be a function");
    const warn = fields.warn ?? warnOnce();
    const target = fields.applicationInferenceProfile ?? model;
    if (typeof target !== "string" || target === "") throw new BedrockInputError("applicationInferenceProfile must be an ARN");
    if ((fields.guardrailIdentifier === undefined) !== (fields.guardrailVersion === undefined)) {
      throw new BedrockInputError("guardrailIdentifier and guardrailVersion go together");
    }
    this.#shared = { client, model, region, provider, adapter: adapterFor(provider, modelName(model)), fields: { ...fields }, warn, target };
    this.#defaults = {};
  }

  /** The model ID, inference profile ID or ARN requests go to. */
  get model(): string {
    return this.#shared.model;
  }

  /** Alias of `model` (langchain-aws's `model_id`). */
  get modelId(): string {
    return this.#shared.model;
  }

  /** The body format: read from the model ID, or the `provider` given. */
  get provider(): InvokeProvider {
    return this.#shared.provider;
  }

  get region(): string | undefined {
    return this.#shared.region;
  }

  get temperature(): number | undefined {
    return this.#defaults.temperature ?? this.#shared.fields.temperature;
  }

  get maxTokens(): number | undefined {
    return this.#defaults.maxTokens ?? this.#shared.fields.maxTokens;
  }

  get stopSequences(): string[] | undefined {
    return this.#defaults.stop ?? this.#shared.fields.stopSequences;
  }

  get modelKwargs(): JsonObject | undefined {
    const { modelKwargs } = this.#shared.fields;
    return modelKwargs || this.#defaults.modelKwargs ? { ...modelKwargs, ...this.#defaults.modelKwargs } : undefined;
  }

  get streaming(): boolean {
    return this.#shared.fields.streaming === true;
  }

  /** The BedrockClient this model sends with (shared by its copies). */
  get client(): BedrockClient {
    return this.#shared.client;
  }

  /**
   * The native body this model would send for the conversation (no network call).
   * @example
   * model.invocationBody("Hi"); // { anthropic_version: "bedrock-2023-05-31", messages: [{ role: "user", content: "Hi" }], max_tokens: 1024 }
   */
  invocationBody(input: ChatInput, options: ChatBedrockCallOptions = {}): JsonObject {
    return this.#body(input, this.#merge(options));
  }

  /**
   * Sends the conversation with InvokeModel and returns the reply.
   * @example
   * const reply = await model.invoke("I love programming.", { stop: ["\n"] });
   */
  async invoke(input: ChatInput, options: ChatBedrockCallOptions = {}): Promise<AIMessage> {
    const call = this.#merge(options);
    if (this.streaming) {
      let full: AIMessageChunk | undefined;
      for await (const chunk of await this.#stream(input, call)) full = full ? full.concat(chunk) : chunk;
      return full ?? new AIMessageChunk("");
    }
    const output = await invokeModel(this.#shared.client, this.#request(this.#body(input, call)), clientCall(call));
    const reply = this.#shared.adapter.reply(JSON.parse(output.body.transformToString()) as JsonObject);
    // Bodies without counts (Mistral, Cohere, DeepSeek, Llama's older ones): Bedrock's metric
    // headers, as langchain-aws's ChatBedrock reads usage from them for every provider.
    const m = output.$invocationMetrics;
    if (!reply.usage_metadata && m?.inputTokenCount !== undefined) reply.usage_metadata = usage(m.inputTokenCount, m.outputTokenCount);
    reply.response_metadata = { ...reply.response_metadata, model_name: this.model, ...(output.$metadata.requestId !== undefined && { requestId: output.$metadata.requestId }) };
    return reply;
  }

  /**
   * Sends the conversation with InvokeModelWithResponseStream; resolves once the reply has
   * started. Concatenated, the chunks carry the same text, tool calls and usage as `invoke`'s reply.
   * @example
   * for await (const chunk of await model.stream("Tell me a joke")) console.log(chunk.text);
   */
  async stream(input: ChatInput, options: ChatBedrockCallOptions = {}): Promise<ChatStream<AIMessageChunk>> {
    return this.#stream(input, this.#merge(options));
  }

  /** Invokes the model once per input, at most `maxConcurrency` at a time, results in input order. */
  batch(inputs: readonly ChatInput[], options: ChatBedrockCallOptions = {}, batchOptions: BatchOptions = {}): Promise<Array<AIMessage | Error>> {
    return runBatch(inputs, (input) => this.invoke(input, options), batchOptions);
  }

  /** A copy with call options bound as defaults (`modelKwargs` merged key by key); this model is unchanged. */
  withConfig(options: ChatBedrockCallOptions): ChatBedrock {
    const defaults = mergeCall(this.#defaults, options);
    checkOptions(defaults);
    return new ChatBedrock(new Fork(this.#shared, defaults) as unknown as ChatBedrockInput);
  }

  /**
   * A copy with tools bound (Anthropic models: JSON Schema specs, OpenAI function tools, zod or
   * Standard Schemas, LangChain tools). Other providers' InvokeModel bodies take no tools here,
   * as BedrockChat binds tools for Anthropic only; use ChatBedrockConverse for those.
   * @example
   * const withTools = model.bindTools([{ name: "get_weather", description: "Weather for a city", schema }]);
   */
  bindTools(tools: readonly ToolInput[], kwargs: ChatBedrockCallOptions = {}): ChatBedrock {
    if (!this.#shared.adapter.tools) {
      throw new BedrockInputError(`ChatBedrock binds tools for Anthropic models only (this one is ${this.provider}); use ChatBedrockConverse for tool calling`);
    }
    const converted = convertTools(tools);
    if (typeof kwargs.tool_choice === "string") convertToolChoice(kwargs.tool_choice, { toolNames: toolNames(converted) });
    return this.withConfig({ ...kwargs, tools: converted as ToolInput[] });
  }

  /** LangChain's type tag, as BedrockChat reports it. */
  _llmType(): string {
    return "bedrock";
  }

  /** Settings as plain JSON; credentials and keys show as "[redacted]". */
  toJSON(): Record<string, unknown> {
    const { fields, model, region, provider } = this.#shared;
    const shown: Record<string, unknown> = { model, provider, ...(region !== undefined && { region }) };
    for (const key of ["temperature", "maxTokens", "topP", "stopSequences", "modelKwargs", "thinking", "streaming", "endpointUrl", "endpointHost"] as const) {
      if (fields[key] !== undefined) shown[key] = fields[key];
    }
    for (const key of ["credentials", "apiKey", "awsAccessKeyId", "awsSecretAccessKey", "awsSessionToken"] as const) if (fields[key] !== undefined) shown[key] = MASK;
    return shown;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): Record<string, unknown> {
    return this.toJSON();
  }

  #merge(options: ChatBedrockCallOptions): ChatBedrockCallOptions {
    if (options === null || typeof options !== "object") throw new BedrockInputError("call options must be an object");
    checkOptions(options);
    return mergeCall(this.#defaults, options);
  }

  #settings(call: ChatBedrockCallOptions): InvokeSettings {
    const f = this.#shared.fields;
    const tools = call.tools ? convertTools(call.tools) : undefined;
    if (tools && !this.#shared.adapter.tools) throw new BedrockInputError(`ChatBedrock sends tools to Anthropic models only (this one is ${this.provider})`);
    const modelKwargs = f.modelKwargs || call.modelKwargs ? { ...f.modelKwargs, ...call.modelKwargs } : undefined;
    // `thinking` as a field, or in modelKwargs as BedrockChat users pass it (modelKwargs win in the body).
    const thinkingSetting = (modelKwargs?.thinking as JsonObject | undefined) ?? call.thinking ?? f.thinking;
    const thinkingOn = thinkingSetting !== undefined && (typeof thinkingSetting === "number" || thinkingSetting.type !== "disabled");
    // Bedrock refuses a forced tool choice with extended thinking: downgraded to auto, with a warning, as ChatBedrockConverse does.
    const choice = tools ? convertToolChoice(call.tool_choice as never, { toolNames: toolNames(tools), thinkingEnabled: thinkingOn, warn: this.#shared.warn }) : undefined;
    const pick = <T>(a: T | undefined, b: T | undefined) => (a !== undefined ? a : b);
    const s: InvokeSettings = {};
    const maxTokens = pick(call.maxTokens, f.maxTokens);
    const temperature = pick(call.temperature, f.temperature);
    const topP = pick(call.topP, f.topP);
    const stop = pick(call.stop, f.stopSequences);
    const thinking = pick(call.thinking, f.thinking);
    if (maxTokens !== undefined) s.maxTokens = maxTokens;
    if (temperature !== undefined) s.temperature = temperature;
    if (topP !== undefined) s.topP = topP;
    if (stop !== undefined) s.stopSequences = stop;
    if (thinking !== undefined) s.thinking = thinking;
    if (tools && tools.length > 0) s.tools = tools;
    if (choice !== undefined) s.toolChoice = choice;
    if (modelKwargs) s.modelKwargs = modelKwargs;
    return s;
  }

  #body(input: ChatInput, call: ChatBedrockCallOptions): JsonObject {
    const body = this.#shared.adapter.body(coerceMessages(input), this.#settings(call));
    const { guardrailConfig } = this.#shared.fields;
    // BedrockChat's prepareInput / prepareMessagesInput add it when tagSuffix and streamProcessingMode are set.
    return guardrailConfig ? { ...body, "amazon-bedrock-guardrailConfig": guardrailConfig } : body;
  }

  #request(body: JsonObject) {
    const { guardrailIdentifier, guardrailVersion, trace } = this.#shared.fields;
    return {
      modelId: this.#shared.target,
      body,
      contentType: "application/json",
      accept: "application/json",
      ...(guardrailIdentifier !== undefined && { guardrailIdentifier }),
      ...(guardrailVersion !== undefined && { guardrailVersion }),
      ...(trace !== undefined && { trace }),
    };
  }

  async #stream(input: ChatInput, call: ChatBedrockCallOptions): Promise<ChatStream<AIMessageChunk>> {
    const response = await invokeModelWithResponseStream(this.#shared.client, this.#request(this.#body(input, call)), clientCall(call));
    const decode = this.#shared.adapter.decoder();
    const streamUsage = this.#shared.fields.streamUsage !== false;
    const meta = { model_name: this.model, ...(response.$metadata.requestId !== undefined && { requestId: response.$metadata.requestId }) };
    return new ChatStream(chunks(response, decode, streamUsage, meta), response.$metadata, () => response.cancel());
  }
}

async function* chunks(
  events: AsyncIterable<{ chunk?: { bytes?: Uint8Array } }>,
  decode: ChunkDecoder,
  streamUsage: boolean,
  meta: Record<string, unknown>,
): AsyncGenerator<AIMessageChunk> {
  let first = true;
  for await (const event of events) {
    const bytes = event.chunk?.bytes;
    if (!bytes) continue;
    const chunk = decode(JSON.parse(utf8.decode(bytes)) as JsonObject);
    if (!chunk) continue;
    if (!streamUsage) delete chunk.usage_metadata;
    // Once per stream: LangChain's merge would join repeated strings.
    if (first) chunk.response_metadata = { ...meta, ...chunk.response_metadata };
    first = false;
    yield chunk;
  }
}

/** console.warn, each distinct message once per model (and its copies). */
function warnOnce(): (message: string) => void {
  const seen = new Set<string>();
  return (message) => {
    if (seen.has(message)) return;
    seen.add(message);
    console.warn(`[bedrock-edge] ${message}`);
  };
}

function mergeCall(a: ChatBedrockCallOptions, b: ChatBedrockCallOptions): ChatBedrockCallOptions {
  const out: ChatBedrockCallOptions = { ...a };
  for (const [key, value] of Object.entries(b)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  if (a.modelKwargs && b.modelKwargs) out.modelKwargs = { ...a.modelKwargs, ...b.modelKwargs };
  return out;
}

function clientCall(call: ChatBedrockCallOptions): CallOptions {
  const out: Record<string, unknown> = {};
  for (const key of CLIENT_CALL) if (call[key] !== undefined) out[key] = call[key];
  return out as CallOptions;
}
