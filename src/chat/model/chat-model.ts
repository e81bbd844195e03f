// ChatBedrockConverse: LangChain's Bedrock Converse chat model API on BedrockRuntime, without @langchain/core.
import { regionFromEnv } from "../../auth/env-credentials.js";
import type { ConverseRuntime } from "../../client/bedrock-runtime.js";
import type { CallOptions as ClientCallOptions } from "../../client/options.js";
import { BedrockInputError } from "../../errors/index.js";
import { regionFromModelArn } from "../../wire/index.js";
import { runBatch, type BatchOptions } from "./batch.js";
import { ChatStream, chunksOf, replyAsStream } from "./chat-stream.js";
import { toCachePoint, coerceMessages, type ChatInput, type CachePointBlock } from "../request/index.js";
import type { CacheTTL } from "../../wire/index.js";
import { convertConverseResponse, createStreamConverter } from "../response/index.js";
import { convertToolChoice, convertTools, toolNames, type ToolInput } from "../tools/index.js";
import { AIMessageChunk, type AIMessage, type BaseMessage } from "../messages/index.js";
import { modelClient } from "./model-client.js";
import {
  CLIENT_CALL_FIELDS,
  SETTING_FIELDS,
  type ChatBedrockConverseCallOptions,
  type ChatBedrockConverseInput,
  type RequestSettings,
} from "./model-options.js";
import { buildConverseRequest } from "./model-request.js";
import {
  checkDisableStreaming,
  checkHeaders,
  streamingDisabled,
  toRawBlocks,
  toSystemBlocks,
  type DisableStreamingOption,
} from "./model-fields.js";
import type { Message, SystemContentBlock } from "../request/index.js";
import { mergeOptions } from "./model-settings.js";
import { resolveModelId, validateCallOptions, validateSettings } from "./model-validate.js";
import {
  structuredOutput,
  type InferSchemaOutput,
  type StructuredOutputOptions,
  type StructuredOutputRunnable,
  type StructuredOutputWithRaw,
} from "./structured-output.js";
import { countInputTokens, estimateInputTokens } from "./token-count.js";

/** What a model copy made by `withConfig` / `bindTools` shares with its original. */
interface Shared {
  readonly client: ConverseRuntime;
  readonly model: string;
  readonly region: string | undefined;
  readonly settings: RequestSettings;
  readonly streaming: boolean;
  readonly warn: (message: string) => void;
  readonly shown: Record<string, unknown>;
  readonly system: SystemContentBlock[] | undefined;
  readonly rawBlocks: Message[] | undefined;
  readonly disableStreaming: DisableStreamingOption | undefined;
}

/**
 * The private way into the constructor, for `withConfig`: only this module can make one, so a
 * user's options object can never be taken for a copy's state.
 */
class Fork {
  constructor(
    readonly shared: Shared,
    readonly defaults: ChatBedrockConverseCallOptions,
  ) {}
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

const MASK = "[redacted]";

/**
 * Amazon Bedrock chat models through the Converse API, with LangChain's `ChatBedrockConverse`
 * API: `invoke`, `stream`, `batch`, `bindTools`, `withStructuredOutput`, `withConfig`.
 *
 * @example
 * ```ts
 * const model = new ChatBedrockConverse({ model: "us.anthropic.claude-sonnet-4-20250514-v1:0", region: "us-east-1", credentials });
 * const reply = await model.invoke([
 *   ["system", "You are a helpful assistant that translates English to French. Translate the user sentence."],
 *   ["human", "I love programming."],
 * ]);
 * console.log(reply.text); // "J'adore la programmation."
 * ```
 */
export class ChatBedrockConverse {
  readonly #shared: Shared;
  readonly #defaults: ChatBedrockConverseCallOptions;

  constructor(fields: ChatBedrockConverseInput) {
    if (fields instanceof Fork) {
      this.#shared = fields.shared;
      this.#defaults = fields.defaults;
      return;
    }
    this.#defaults = {};
    if (fields === null || typeof fields !== "object") throw new BedrockInputError("ChatBedrockConverse options must be an object");
    const model = resolveModelId(fields);
    validateSettings(fields);
    if (fields.streaming !== undefined && typeof fields.streaming !== "boolean") throw new BedrockInputError("streaming must be a boolean");
    if (fields.warn !== undefined && typeof fields.warn !== "function") throw new BedrockInputError("warn must be a function");
    const system = toSystemBlocks(fields.system);
    const rawBlocks = toRawBlocks(fields.rawBlocks);
    const disableStreaming = checkDisableStreaming(fields.disableStreaming);
    checkHeaders(fields.headers);
    const client = modelClient(fields, model);
    const settings: RequestSettings = {};
    for (const key of SETTING_FIELDS) if (fields[key] !== undefined) (settings as Record<string, unknown>)[key] = fields[key];
    const shown: Record<string, unknown> = {
      ...(fields.endpoint !== undefined && { endpoint: String(fields.endpoint) }),
      auth: client.authKind,
      ...(fields.credentials !== undefined && { credentials: MASK }),
      ...(fields.apiKey !== undefined && { apiKey: MASK }),
      // Names only: header values may be tokens (a gateway's, say).
      ...(fields.headers !== undefined && { headers: Object.keys(fields.headers) }),
      ...(system !== undefined && { system }),
      ...(rawBlocks !== undefined && { rawBlocks: rawBlocks.length }),
      ...(disableStreaming !== undefined && { disableStreaming }),
    };
    const region = fields.region ?? (fields.client ? undefined : (regionFromModelArn(model) ?? regionFromEnv()));
    this.#shared = {
      client,
      model,
      region,
      settings,
      streaming: fields.streaming === true,
      warn: fields.warn ?? warnOnce(),
      shown,
      system,
      rawBlocks,
      disableStreaming,
    };
  }

  /** The model ID, inference profile ID or ARN requests go to. */
  get model(): string {
    return this.#shared.model;
  }

  /** Alias of `model`. */
  get modelId(): string {
    return this.#shared.model;
  }

  get region(): string | undefined {
    return this.#shared.region;
  }

  get temperature(): number | undefined {
    return this.#setting("temperature") as number | undefined;
  }

  get maxTokens(): number | undefined {
    return this.#setting("maxTokens") as number | undefined;
  }

  get topP(): number | undefined {
    return this.#setting("topP") as number | undefined;
  }

  get streamUsage(): boolean {
    return this.#setting("streamUsage") !== false;
  }

  /** The ConverseRuntime this model sends with (shared by its copies). */
  get client(): ConverseRuntime {
    return this.#shared.client;
  }

  /** A Bedrock cache point block: `{ cachePoint: { type: "default", ttl? } }`, for system, messages or tools. */
  static createCachePoint(ttl?: CacheTTL): { cachePoint: CachePointBlock } {
    return { cachePoint: toCachePoint({ cachePoint: { type: "default", ...(ttl !== undefined && { ttl }) } }, "createCachePoint") };
  }

  /**
   * Sends the conversation with Converse and returns the reply.
   * @example
   * const reply = await model.invoke("I love programming.", { temperature: 0, stop: ["\n"] });
   */
  async invoke(input: ChatInput, options: ChatBedrockConverseCallOptions = {}): Promise<AIMessage> {
    const call = this.#callOptions(options);
    if (this.#shared.streaming && !this.#streamingDisabled(call)) {
      let full: AIMessageChunk | undefined;
      for await (const chunk of await this.#stream(input, call)) full = full ? full.concat(chunk) : chunk;
      return full ?? new AIMessageChunk("");
    }
    return (await this.#converse(input, call)).reply;
  }

  /**
   * Sends the conversation with ConverseStream (whatever the model ID looks like: ARNs and
   * inference profiles stream too) and resolves once the reply has started. Concatenated, the
   * chunks equal what `invoke` returns for the same reply.
   * @example
   * let full: AIMessageChunk | undefined;
   * for await (const chunk of await model.stream("I love programming.")) full = full ? full.concat(chunk) : chunk;
   */
  async stream(input: ChatInput, options: ChatBedrockConverseCallOptions = {}): Promise<ChatStream<AIMessageChunk>> {
    const call = this.#callOptions(options);
    if (this.#streamingDisabled(call)) return this.#invokeAsStream(input, call);
    return this.#stream(input, call);
  }

  /**
   * Invokes the model once per input, at most `maxConcurrency` at a time, results in input order.
   * `options` may be one object for all inputs or one per input. The first failure rejects the
   * batch unless `returnExceptions` is set, which puts the error in its place instead.
   */
  batch(
    inputs: readonly ChatInput[],
    options?: (ChatBedrockConverseCallOptions & BatchOptions) | ChatBedrockConverseCallOptions[],
    batchOptions?: BatchOptions & { returnExceptions?: false },
  ): Promise<AIMessage[]>;
  batch(
    inputs: readonly ChatInput[],
    options: (ChatBedrockConverseCallOptions & BatchOptions) | ChatBedrockConverseCallOptions[] | undefined,
    batchOptions: BatchOptions & { returnExceptions: true },
  ): Promise<Array<AIMessage | Error>>;
  batch(
    inputs: readonly ChatInput[],
    options: (ChatBedrockConverseCallOptions & BatchOptions) | ChatBedrockConverseCallOptions[] = {},
    batchOptions: BatchOptions = {},
  ): Promise<Array<AIMessage | Error>> {
    const perInput = Array.isArray(options);
    const shared = (perInput ? (options[0] ?? {}) : options) as ChatBedrockConverseCallOptions & BatchOptions;
    const maxConcurrency = batchOptions.maxConcurrency ?? shared.maxConcurrency;
    const returnExceptions = batchOptions.returnExceptions ?? shared.returnExceptions ?? false;
    const strip = ({ maxConcurrency: _m, returnExceptions: _r, ...rest }: ChatBedrockConverseCallOptions & BatchOptions) => rest;
    return runBatch(inputs, (input, i) => this.invoke(input, strip(perInput ? (options[i] ?? {}) : shared)), {
      ...(maxConcurrency !== undefined && { maxConcurrency }),
      returnExceptions,
    });
  }

  /** A copy with call options bound as defaults (merged field by field); this model is unchanged. */
  withConfig(options: ChatBedrockConverseCallOptions): ChatBedrockConverse {
    const defaults = mergeOptions(this.#defaults, options);
    // Checked merged: a partial object setting (e.g. `guardrailConfig: { trace }`) completes the constructor's.
    validateCallOptions(mergeOptions(this.#shared.settings as ChatBedrockConverseCallOptions, defaults));
    // A Fork is no ChatBedrockConverseInput: the cast keeps the constructor's public signature to the options alone.
    return new ChatBedrockConverse(new Fork(this.#shared, defaults) as ChatBedrockConverseInput);
  }

  /**
   * A copy with tools bound (replacing tools bound before). Tools may be JSON Schema specs,
   * OpenAI function tools, zod schemas, Standard Schemas, LangChain tool objects or Bedrock tools.
   * @example
   * const withTools = model.bindTools([{ name: "get_weather", description: "Weather for a city", schema }], { tool_choice: "auto" });
   */
  bindTools(tools: readonly ToolInput[], kwargs: ChatBedrockConverseCallOptions = {}): ChatBedrockConverse {
    // Converted now, so a bad tool fails here rather than at the first call.
    const converted = convertTools(tools, kwargs.strict !== undefined ? { strict: kwargs.strict } : {});
    // A tool_choice naming a tool that is not bound fails here too.
    if (typeof kwargs.tool_choice === "string") convertToolChoice(kwargs.tool_choice, { toolNames: toolNames(converted) });
    return this.withConfig({ ...kwargs, tools: converted });
  }

  /**
   * A runnable returning validated objects of `schema` (zod, Standard Schema or JSON Schema).
   * @example
   * const Joke = z.object({ setup: z.string(), punchline: z.string() });
   * const joke = await model.withStructuredOutput(Joke, { name: "Joke" }).invoke("Tell me a joke about cats");
   */
  withStructuredOutput<S, Out = InferSchemaOutput<S>>(
    schema: S,
    options: StructuredOutputOptions & { includeRaw: true },
  ): StructuredOutputRunnable<StructuredOutputWithRaw<Out>>;
  withStructuredOutput<S, Out = InferSchemaOutput<S>>(schema: S, options?: StructuredOutputOptions): StructuredOutputRunnable<Out>;
  withStructuredOutput(schema: unknown, options: StructuredOutputOptions = {}): StructuredOutputRunnable<unknown> {
    return structuredOutput(this, schema, options);
  }

  /**
   * Input tokens the messages (and tools) would use: Bedrock's CountTokens API where the model
   * supports it, else `estimateInputTokens`' documented estimate (ceil(characters / 4) per text,
   * a flat 1,600 per image or other media) when CountTokens refuses (ValidationException,
   * AccessDeniedException, 404).
   */
  async getNumTokensFromMessages(
    messages: ChatInput,
    options: Pick<ChatBedrockConverseCallOptions, "tools" | "signal"> = {},
  ): Promise<number> {
    const { request } = this.#build(messages, this.#callOptions(options.tools ? { tools: options.tools } : {}), "converse");
    const { system, messages: turns, toolConfig } = request;
    const count = await countInputTokens(
      this.#shared.client,
      this.model,
      { ...(system && { system }), ...(turns && { messages: turns }), ...(toolConfig && { toolConfig }) },
      options.signal,
    );
    return count.tokens;
  }

  /** The documented estimate for one text (no network call). */
  getNumTokens(text: string): number {
    return estimateInputTokens({ messages: [{ role: "user", content: [{ text }] }] });
  }

  /** LangChain's type tag. */
  _llmType(): string {
    return "chat_bedrock_converse";
  }

  /** Settings as plain JSON; credentials and API keys show as "[redacted]", never their values. */
  toJSON(): Record<string, unknown> {
    const { model, region, settings, streaming, shown } = this.#shared;
    const bound: Record<string, unknown> = { ...this.#defaults };
    delete bound.signal;
    if (Array.isArray(bound.tools)) bound.tools = toolNames(bound.tools as never);
    return {
      model,
      ...(region !== undefined && { region }),
      ...shown,
      ...(streaming && { streaming }),
      ...settings,
      ...(Object.keys(bound).length > 0 && { bound }),
    };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): Record<string, unknown> {
    return this.toJSON();
  }

  #setting(key: keyof RequestSettings): unknown {
    const value = mergeOptions(this.#shared.settings as ChatBedrockConverseCallOptions, this.#defaults)[key];
    return value === null ? undefined : value;
  }

  #callOptions(options: ChatBedrockConverseCallOptions): ChatBedrockConverseCallOptions {
    if (options === null || typeof options !== "object") throw new BedrockInputError("call options must be an object");
    const merged = mergeOptions(mergeOptions(this.#shared.settings as ChatBedrockConverseCallOptions, this.#defaults), options);
    validateCallOptions(merged);
    return merged;
  }

  #build(input: ChatInput, call: ChatBedrockConverseCallOptions, operation: "converse" | "converse-stream") {
    const messages: BaseMessage[] = coerceMessages(input);
    const { system, rawBlocks, warn } = this.#shared;
    return buildConverseRequest({
      modelId: this.model,
      messages,
      options: call,
      operation,
      warn,
      ...(system !== undefined && { system }),
      ...(rawBlocks !== undefined && { rawBlocks }),
    });
  }

  #streamingDisabled(call: ChatBedrockConverseCallOptions): boolean {
    return streamingDisabled(this.#shared.disableStreaming, call.tools);
  }

  // langchain-core's BaseChatModel yields `invoke`'s result as the one chunk when streaming is disabled.
  async #invokeAsStream(input: ChatInput, call: ChatBedrockConverseCallOptions): Promise<ChatStream<AIMessageChunk>> {
    const { reply, metadata } = await this.#converse(input, call);
    return replyAsStream(reply, metadata, call.streamUsage !== false);
  }

  async #converse(input: ChatInput, call: ChatBedrockConverseCallOptions) {
    const { request } = this.#build(input, call, "converse");
    const output = await this.#shared.client.converse(request, clientCallOptions(call));
    const requestId = output.$metadata.requestId;
    const reply = convertConverseResponse(output, { modelId: this.model, ...(requestId !== undefined && { requestId }) });
    const { httpStatusCode, attempts } = output.$metadata;
    return { reply, metadata: { httpStatusCode, requestId, attempts } };
  }

  async #stream(input: ChatInput, call: ChatBedrockConverseCallOptions): Promise<ChatStream<AIMessageChunk>> {
    const { request, settings } = this.#build(input, call, "converse-stream");
    const response = await this.#shared.client.converseStream(request, clientCallOptions(call));
    const requestId = response.requestId;
    const converter = createStreamConverter({ modelId: this.model, ...(requestId !== undefined && { requestId }) });
    return new ChatStream(chunksOf(response, converter, settings.streamUsage), response.$metadata, () => response.cancel());
  }
}

/** The part of a call's options the client takes: signal, headers, timeout, retries, idle timeout. */
function clientCallOptions(call: ChatBedrockConverseCallOptions): ClientCallOptions {
  const out: Record<string, unknown> = {};
  for (const key of CLIENT_CALL_FIELDS) if (call[key] !== undefined) out[key] = call[key];
  return out as ClientCallOptions;
}

export type { ChatBedrockConverseCallOptions, ChatBedrockConverseInput } from "./model-options.js";
