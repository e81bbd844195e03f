// ChatBedrock for LangChain.js: a BaseChatModel on bedrock-edge's InvokeModel chat model (native bodies per provider).
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import type { BaseLanguageModelInput, StructuredOutputMethodOptions } from "@langchain/core/language_models/base";
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BaseChatModelParams,
  type BindToolsInput,
  type LangSmithParams,
} from "@langchain/core/language_models/chat_models";
import type { AIMessageChunk, BaseMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import { joinChunks } from "./join-chunks.js";
import type { Runnable } from "@langchain/core/runnables";
import { ChatBedrock as CoreChatBedrock } from "../chat/invoke/chat-bedrock.js";
import type { ChatBedrockCallOptions as CoreCallOptions, ChatBedrockInput as CoreInput } from "../chat/invoke/chat-bedrock-options.js";
import type { InvokeProvider } from "../chat/invoke/provider.js";
import type { ToolChoiceInput, ToolInput } from "../chat/tools/index.js";
import type { BedrockClient } from "../client/bedrock-client.js";
import { fromLangChainMessages, toLangChainChunk, toLangChainMessage } from "./convert-messages.js";
import { BedrockInputError } from "../errors/index.js";
import type { InteropZodType } from "@langchain/core/utils/types";
import { structuredOutputPipeline, type StructuredOutputModel } from "./structured-output.js";
import { toToolInputs } from "./tools.js";

/** Constructor fields: bedrock-edge's ChatBedrock fields (BedrockChat's and langchain-aws's names) and LangChain's chat model params. */
export interface ChatBedrockInput extends Omit<BaseChatModelParams, "disableStreaming">, CoreInput {}

/** Options of one call, and what `withConfig` / `bindTools` bind. */
export interface ChatBedrockCallOptions extends BaseChatModelCallOptions, Pick<CoreCallOptions, "temperature" | "maxTokens" | "topP" | "modelKwargs" | "thinking"> {
  tools?: ToolInput[];
  tool_choice?: ToolChoiceInput;
}

const LANGCHAIN_PARAMS = ["callbacks", "tags", "metadata", "verbose", "cache", "callbackManager", "outputVersion"] as const;

function toCoreCall(options: Partial<ChatBedrockCallOptions> | undefined): CoreCallOptions {
  const out: CoreCallOptions = {};
  if (!options) return out;
  if (options.stop !== undefined) out.stop = options.stop;
  if (options.signal !== undefined) out.signal = options.signal;
  if (options.timeout !== undefined) out.timeout = options.timeout;
  for (const key of ["temperature", "maxTokens", "topP", "modelKwargs", "thinking"] as const) if (options[key] !== undefined) (out as Record<string, unknown>)[key] = options[key];
  if (options.tools !== undefined) out.tools = toToolInputs(options.tools) as ToolInput[];
  if (options.tool_choice !== undefined) out.tool_choice = options.tool_choice;
  return out;
}

/**
 * Amazon Bedrock chat models through InvokeModel, as a LangChain.js chat model that bundles for
 * Workers, edge runtimes and browsers: a stand-in for @langchain/community's `BedrockChat` (and
 * langchain-aws's `ChatBedrock`), with the same field names, `modelKwargs` merged into each
 * provider's native body, and `provider` for ARNs that hide the model.
 *
 * @example
 * ```ts
 * import { ChatBedrock } from "bedrock-edge/langchain";
 * const model = new ChatBedrock({ model: "anthropic.claude-3-5-haiku-20241022-v1:0", region: "us-east-1", credentials });
 * const reply = await model.invoke([["system", "Answer in French."], ["human", "I love programming."]]);
 * ```
 */
export class ChatBedrock extends BaseChatModel<ChatBedrockCallOptions, AIMessageChunk> {
  static override lc_name(): string {
    return "ChatBedrock";
  }

  // Not serialisable: credentials would have to be masked field by field (as ChatBedrockConverse does); not done yet.
  override lc_serializable = false;

  model: string;
  provider: InvokeProvider;
  region: string | undefined;
  temperature: number | undefined;
  maxTokens: number | undefined;
  stopSequences: string[] | undefined;
  modelKwargs: Record<string, unknown> | undefined;
  /** `invoke` streams under the hood (callbacks get each token) and returns the joined chunks. */
  streaming: boolean;

  readonly #core: CoreChatBedrock;

  constructor(fields: ChatBedrockInput) {
    const params: Record<string, unknown> = {};
    for (const key of LANGCHAIN_PARAMS) if (fields?.[key] !== undefined) params[key] = fields[key];
    super(params as BaseChatModelParams);
    const core: Record<string, unknown> = { ...fields };
    for (const key of LANGCHAIN_PARAMS) delete core[key];
    // LangChain's streaming goes through _streamResponseChunks; the core model must not stream inside invoke.
    delete core.streaming;
    this.#core = new CoreChatBedrock(core as CoreInput);
    this.model = this.#core.model;
    this.provider = this.#core.provider;
    this.region = this.#core.region;
    this.temperature = fields.temperature;
    this.maxTokens = fields.maxTokens;
    this.stopSequences = fields.stopSequences;
    this.modelKwargs = fields.modelKwargs;
    this.streaming = fields.streaming === true;
  }

  /** The bedrock-edge BedrockClient requests go through. */
  get client(): BedrockClient {
    return this.#core.client;
  }

  /** BedrockChat's type tag. */
  _llmType(): string {
    return "bedrock";
  }

  override invocationParams(options?: this["ParsedCallOptions"]): Record<string, unknown> {
    const call = toCoreCall(options);
    return {
      model: this.model,
      provider: this.provider,
      ...(this.temperature !== undefined && { temperature: this.temperature }),
      ...(this.maxTokens !== undefined && { max_tokens: this.maxTokens }),
      ...(call.stop ?? this.stopSequences ? { stop: call.stop ?? this.stopSequences } : {}),
      ...this.modelKwargs,
      ...call.modelKwargs,
    };
  }

  override getLsParams(options: this["ParsedCallOptions"]): LangSmithParams {
    const params = this.invocationParams(options);
    return {
      ls_provider: "amazon_bedrock",
      ls_model_name: this.model,
      ls_model_type: "chat",
      ...(typeof params.temperature === "number" && { ls_temperature: params.temperature }),
      ...(typeof params.max_tokens === "number" && { ls_max_tokens: params.max_tokens }),
      ...(Array.isArray(params.stop) && { ls_stop: params.stop as string[] }),
    };
  }

  /**
   * Binds tools (Anthropic models only, as BedrockChat): LangChain tools, zod or JSON Schema
   * definitions, OpenAI or Bedrock tools, converted now so a bad tool fails here.
   */
  override bindTools(tools: BindToolsInput[], kwargs?: Partial<ChatBedrockCallOptions>): Runnable<BaseLanguageModelInput, AIMessageChunk, ChatBedrockCallOptions> {
    // The core model's bindTools checks the provider, the tools and tool_choice.
    this.#core.bindTools(toToolInputs(tools) as ToolInput[], toCoreCall(kwargs));
    return this.withConfig({ ...kwargs, tools: toToolInputs(tools) as ToolInput[] });
  }

  async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    if (this.streaming) return joinChunks(this._streamResponseChunks(messages, options, runManager));
    const reply = await this.#core.invoke(fromLangChainMessages(messages), toCoreCall(options));
    return { generations: [{ text: reply.text, message: toLangChainMessage(reply) }] };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const stream = await this.#core.stream(fromLangChainMessages(messages), toCoreCall(options));
    for await (const chunk of stream) {
      const generation = new ChatGenerationChunk({ text: chunk.text, message: toLangChainChunk(chunk) });
      yield generation;
      await runManager?.handleLLMNewToken(generation.text, undefined, undefined, undefined, undefined, { chunk: generation });
    }
  }

  /**
   * A runnable returning validated objects of `schema` (zod, Standard Schema or JSON Schema),
   * by forcing a tool call (`method: "functionCalling"`, Anthropic models; InvokeModel has no
   * native structured output here). `includeRaw` returns `{ raw, parsed }`.
   */
  override withStructuredOutput<RunOutput extends Record<string, any> = Record<string, any>>(
    outputSchema: InteropZodType<RunOutput> | Record<string, any>,
    config?: StructuredOutputMethodOptions<false>,
  ): Runnable<BaseLanguageModelInput, RunOutput>;
  override withStructuredOutput<RunOutput extends Record<string, any> = Record<string, any>>(
    outputSchema: InteropZodType<RunOutput> | Record<string, any>,
    config?: StructuredOutputMethodOptions<true>,
  ): Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }>;
  override withStructuredOutput(outputSchema: unknown, config?: StructuredOutputMethodOptions<boolean>): Runnable<BaseLanguageModelInput, any> {
    if (config?.method !== undefined && config.method !== "functionCalling") {
      throw new BedrockInputError(`ChatBedrock's withStructuredOutput takes method "functionCalling" only, got ${JSON.stringify(config.method)}`);
    }
    return structuredOutputPipeline(this as unknown as StructuredOutputModel, outputSchema, config);
  }
}
