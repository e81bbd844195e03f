// ChatBedrockConverse for LangChain.js: a BaseChatModel that runs on bedrock-edge's chat model (no AWS SDK, no Node APIs).
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import type { BaseLanguageModelInput, StructuredOutputMethodOptions } from "@langchain/core/language_models/base";
import { BaseChatModel, type BindToolsInput, type LangSmithParams } from "@langchain/core/language_models/chat_models";
import type { AIMessageChunk, BaseMessage, MessageContent } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import { joinChunks } from "./join-chunks.js";
import type { Runnable } from "@langchain/core/runnables";
import type { InteropZodType } from "@langchain/core/utils/types";
import { ChatBedrockConverse as CoreChatModel, type RequestSettings } from "../chat/model/index.js";
import type { DocumentType, GuardrailStreamConfiguration, PerformanceConfiguration, ServiceTier, ServiceTierType } from "../wire/index.js";
import type { ConverseRuntime } from "../client/bedrock-runtime.js";
import { fromLangChainMessages, toLangChainChunk, toLangChainMessage } from "./convert-messages.js";
import { invocationParams, lsParams, type InvocationParams } from "./invocation-params.js";
import {
  settingsOf,
  toCoreCallOptions,
  toCoreInput,
  type ChatBedrockConverseCallOptions,
  type ChatBedrockConverseInput,
} from "./options.js";
import { langChainFields, SECRET_IDS, SERIALIZABLE_KEYS } from "./serialize.js";
import { structuredOutputPipeline } from "./structured-output.js";
import { bindableTools } from "./tools.js";

/**
 * Amazon Bedrock chat models through the Converse API, as a LangChain.js chat model that bundles
 * for Cloudflare Workers, Vercel Edge and browsers. A drop-in for @langchain/aws's
 * `ChatBedrockConverse`: same class name, constructor fields, call options, message shapes
 * (reasoning blocks with signatures, tool calls, usage) and `bindTools` / `withStructuredOutput`.
 *
 * @example
 * ```ts
 * import { ChatBedrockConverse } from "bedrock-edge/langchain";
 * const model = new ChatBedrockConverse({ model: "us.anthropic.claude-sonnet-4-20250514-v1:0", region: "us-east-1", credentials });
 * const reply = await model.invoke([["system", "Translate the user sentence to French."], ["human", "I love programming."]]);
 * reply.content; // "J'adore la programmation."
 * ```
 */
export class ChatBedrockConverse extends BaseChatModel<ChatBedrockConverseCallOptions, AIMessageChunk> {
  static override lc_name(): string {
    return "ChatBedrockConverse";
  }

  override lc_serializable = true;
  // load(json, { optionalImportsMap: { "bedrock_edge/langchain": await import("bedrock-edge/langchain") } }).
  override lc_namespace = ["bedrock_edge", "langchain"];

  override get lc_secrets(): Record<string, string> {
    return { ...SECRET_IDS };
  }

  override get lc_serializable_keys(): string[] {
    return [...SERIALIZABLE_KEYS];
  }

  /** The model ID, inference profile ID or ARN (with `applicationInferenceProfile`, the model it runs). */
  model: string;
  region: string | undefined;
  /** `invoke` streams under the hood (callbacks get each token) and returns the joined chunks. */
  streaming: boolean;
  temperature: number | undefined;
  maxTokens: number | undefined;
  topP: number | undefined;
  streamUsage: boolean;
  additionalModelRequestFields: Record<string, DocumentType> | undefined;
  guardrailConfig: GuardrailStreamConfiguration | undefined;
  performanceConfig: PerformanceConfiguration | undefined;
  serviceTier: ServiceTier | ServiceTierType | undefined;

  readonly #core: CoreChatModel;
  readonly #settings: RequestSettings;

  constructor(fields: ChatBedrockConverseInput);
  /** @langchain/aws's form: the model ID first. */
  constructor(model: string, fields?: Omit<ChatBedrockConverseInput, "model">);
  constructor(modelOrFields: string | ChatBedrockConverseInput, maybeFields?: Omit<ChatBedrockConverseInput, "model">) {
    const fields: ChatBedrockConverseInput =
      typeof modelOrFields === "string" ? { ...maybeFields, model: modelOrFields } : (modelOrFields ?? ({} as ChatBedrockConverseInput));
    super(langChainFields(fields));
    this.#core = new CoreChatModel(toCoreInput(fields));
    this.#settings = settingsOf(fields);
    this.model = fields.model ?? this.#core.model;
    this.region = this.#core.region;
    this.streaming = fields.streaming === true;
    this.temperature = fields.temperature ?? undefined;
    this.maxTokens = fields.maxTokens ?? undefined;
    this.topP = fields.topP ?? undefined;
    this.streamUsage = fields.streamUsage !== false;
    this.additionalModelRequestFields = fields.additionalModelRequestFields ?? undefined;
    this.guardrailConfig = fields.guardrailConfig ?? undefined;
    this.performanceConfig = fields.performanceConfig ?? undefined;
    this.serviceTier = fields.serviceTier ?? undefined;
    // LangChain.js's BaseChatModel knows only a boolean (any truthy value stops streaming); our
    // model applies "tool_calling" per call, as langchain-core's `_should_stream` does.
    this.disableStreaming = fields.disableStreaming === true;
  }

  /** The bedrock-edge ConverseRuntime requests go through. */
  get client(): ConverseRuntime {
    return this.#core.client;
  }

  _llmType(): string {
    return "chat_bedrock_converse";
  }

  /** The Converse request fields this call would send besides the conversation (shown to tracers). */
  override invocationParams(options?: this["ParsedCallOptions"]): InvocationParams {
    return invocationParams(this.#core.model, this.#settings, toCoreCallOptions(options));
  }

  override getLsParams(options: this["ParsedCallOptions"]): LangSmithParams {
    return lsParams(this.model, this.invocationParams(options));
  }

  /**
   * Binds tools (LangChain `tool()` objects, StructuredTools, zod or JSON Schema definitions,
   * OpenAI or Bedrock tools), converted now so a bad tool fails here. Returns a runnable whose
   * bound `tools` are Bedrock `{ toolSpec }`s, as LangGraph expects to find them.
   * @example
   * const agentModel = model.bindTools([getWeather, getTime], { tool_choice: "auto" });
   */
  override bindTools(
    tools: BindToolsInput[],
    kwargs?: Partial<ChatBedrockConverseCallOptions>,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, ChatBedrockConverseCallOptions> {
    return this.withConfig({ ...kwargs, tools: bindableTools(tools, kwargs) });
  }

  async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    if (this.streaming) return joinChunks(this._streamResponseChunks(messages, options, runManager));
    const reply = await this.#core.invoke(fromLangChainMessages(messages), toCoreCallOptions(options));
    return { generations: [{ text: reply.text, message: toLangChainMessage(reply) }] };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const call = toCoreCallOptions(options);
    if (call.streamUsage === undefined && !this.streamUsage) call.streamUsage = false;
    const stream = await this.#core.stream(fromLangChainMessages(messages), call);
    for await (const chunk of stream) {
      const generation = new ChatGenerationChunk({ text: chunk.text, message: toLangChainChunk(chunk) });
      yield generation;
      await runManager?.handleLLMNewToken(generation.text, undefined, undefined, undefined, undefined, { chunk: generation });
    }
  }

  /** The documented estimate (ceil(characters / 4) of the text), without LangChain's tokenizer download. */
  override async getNumTokens(content: MessageContent): Promise<number> {
    const text =
      typeof content === "string"
        ? content
        : content.map((block) => (block.type === "text" && typeof block.text === "string" ? block.text : "")).join("");
    return this.#core.getNumTokens(text);
  }

  /**
   * A runnable returning validated objects of `schema` (zod 3 or 4, Standard Schema, or JSON
   * Schema): `method: "functionCalling"` (default) forces a tool call, `"jsonSchema"` uses
   * Converse's native structured output; `includeRaw` returns `{ raw, parsed }`.
   * @example
   * const joke = await model.withStructuredOutput(z.object({ setup: z.string(), punchline: z.string() }), { name: "Joke" }).invoke("Tell me a joke");
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
    return structuredOutputPipeline(this, outputSchema, config);
  }
}
