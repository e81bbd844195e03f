// withStructuredOutput for the LangChain model: a forced tool call or Converse's JSON schema output, parsed and validated.
import type { BaseLanguageModelInput, StructuredOutputMethodOptions } from "@langchain/core/language_models/base";
import { assembleStructuredOutputPipeline } from "@langchain/core/language_models/structured_output";
import type { AIMessage as LangChainAIMessage, AIMessageChunk as LangChainAIMessageChunk } from "@langchain/core/messages";
import { OutputParserException as LangChainOutputParserException } from "@langchain/core/output_parsers";
import { RunnableLambda, type Runnable } from "@langchain/core/runnables";
import { toJsonSchema as langChainJsonSchema } from "@langchain/core/utils/json_schema";
import { isSerializableSchema } from "@langchain/core/utils/standard_schema";
import { isInteropZodSchema } from "@langchain/core/utils/types";
import { BedrockInputError } from "../errors/index.js";
import { toOutputConfig } from "../chat/tools/index.js";
import type { AIMessage } from "../chat/messages/index.js";
import { jsonFromText, OutputParserException, toolCallArgs, validateWithSchema, describeSchema } from "../chat/model/index.js";
import { fromLangChainAIMessage } from "./convert-messages.js";
import type { ChatBedrockConverseCallOptions } from "./options.js";

type ModelRunnable = Runnable<BaseLanguageModelInput, LangChainAIMessageChunk, ChatBedrockConverseCallOptions>;

/** The part of the LangChain model a structured-output pipeline drives. */
export interface StructuredOutputModel {
  bindTools(tools: unknown[], kwargs?: Partial<ChatBedrockConverseCallOptions>): ModelRunnable;
  withConfig(config: Partial<ChatBedrockConverseCallOptions>): ModelRunnable;
}

/**
 * Builds the runnable behind `withStructuredOutput`. `functionCalling` (default) binds the schema
 * as a tool and forces the call; `jsonSchema` asks for Converse's native structured output. Zod
 * (3 or 4) and Standard Schemas are turned into JSON Schema by LangChain's converter and validate
 * the parsed value; a plain JSON Schema is checked structurally. A failed parse throws LangChain's
 * `OutputParserException` (or yields `parsed: null` with `includeRaw`).
 */
export function structuredOutputPipeline(
  model: StructuredOutputModel,
  outputSchema: unknown,
  config: StructuredOutputMethodOptions<boolean> = {},
): Runnable<BaseLanguageModelInput, unknown> {
  const method = config.method ?? "functionCalling";
  if (method !== "functionCalling" && method !== "jsonSchema") {
    throw new BedrockInputError(`withStructuredOutput method must be "functionCalling" or "jsonSchema", got ${JSON.stringify(method)}`);
  }
  const typed = isInteropZodSchema(outputSchema) || isSerializableSchema(outputSchema);
  const typedJson = typed ? langChainJsonSchema(outputSchema as never) : undefined;
  const described = describeSchema(typedJson ?? outputSchema, config.name);
  const { json, name, description } = described;
  const validator = typed ? outputSchema : described.schema;
  // Tracers get the schema as LangChain's own converter writes it, as for any LangChain model.
  const tracing = { ls_structured_output_format: { kwargs: { method }, schema: (typedJson ?? json) as never } };

  let llm: ModelRunnable;
  let read: (message: AIMessage) => { value: unknown; raw: string };
  if (method === "jsonSchema") {
    llm = model.withConfig({ outputConfig: toOutputConfig(json, { name, ...(description !== undefined && { description }) }), ...tracing });
    read = jsonFromText;
  } else {
    const tool = { name, ...(description !== undefined && { description }), schema: json };
    llm = model.bindTools([tool], { tool_choice: name, ...(config.strict !== undefined && { strict: config.strict }), ...tracing });
    read = (message) => {
      const { args, raw } = toolCallArgs(message, name);
      return { value: args, raw };
    };
  }

  const parser = RunnableLambda.from(async (message: LangChainAIMessage): Promise<Record<string, any>> => {
    try {
      const { value, raw } = read(fromLangChainAIMessage(message));
      return (await validateWithSchema(validator, value, json, raw)) as Record<string, any>;
    } catch (error) {
      throw toLangChainParserError(error);
    }
  });
  const includeRaw = config.includeRaw === true;
  return assembleStructuredOutputPipeline(llm, parser, includeRaw, includeRaw ? "StructuredOutputRunnable" : "StructuredOutput");
}

// LangChain code catches its own class (retry parsers, fallbacks), so the error travels as that,
// with ours as the cause (its `issues` list the schema problems).
function toLangChainParserError(error: unknown): unknown {
  if (!(error instanceof OutputParserException)) return error;
  const converted = new LangChainOutputParserException(error.message, error.llmOutput);
  (converted as { cause?: unknown }).cause = error;
  return converted;
}
