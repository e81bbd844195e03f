// withStructuredOutput: a runnable that asks for a structure (forced tool, or Converse's native JSON schema) and validates it.
import { BedrockInputError } from "../../errors/index.js";
import { runBatch, type BatchOptions } from "./batch.js";
import { ChatStream } from "./chat-stream.js";
import type { ChatInput } from "../request/index.js";
import { toOutputConfig, isSchemaLike, toJsonSchema, type JsonSchema } from "../tools/index.js";
import type { AIMessage, AIMessageChunk } from "../messages/index.js";
import type { ChatBedrockConverseCallOptions } from "./model-options.js";
import { jsonFromText, toolCallArgs, validateWithSchema } from "./output-parser.js";
import { isObject, type Dict } from "../../internal/index.js";

export interface StructuredOutputOptions {
  /**
   * `"functionCalling"` (default): bind the schema as a tool and force the call (with extended
   * thinking on, Bedrock refuses a forced choice, so it becomes `auto` with a warning).
   * `"jsonSchema"`: Converse's native structured output, `outputConfig.textFormat`.
   */
  method?: "functionCalling" | "jsonSchema";
  /** Tool / schema name; default the schema's `name` or `title`, else `"extract"`. */
  name?: string;
  /** Return `{ raw, parsed, parsingError? }` instead of throwing when parsing fails. */
  includeRaw?: boolean;
  /** functionCalling only: `toolSpec.strict`, so the model's arguments follow the schema exactly. */
  strict?: boolean;
}

/** What an `includeRaw` runnable returns. */
export interface StructuredOutputWithRaw<T> {
  raw: AIMessage;
  parsed: T | null;
  parsingError?: Error;
}

/** The output type of a zod / Standard Schema (`~standard.types.output`); a plain JSON Schema gives a record. */
export type InferSchemaOutput<S> = S extends { readonly "~standard": { readonly types?: infer Types } }
  ? NonNullable<Types> extends { readonly output: infer O }
    ? O
    : Record<string, any>
  : Record<string, any>;

/** The part of ChatBedrockConverse a structured-output runnable drives. */
export interface StructuredModel {
  invoke(input: ChatInput, options?: ChatBedrockConverseCallOptions): Promise<AIMessage>;
  stream(input: ChatInput, options?: ChatBedrockConverseCallOptions): Promise<ChatStream<AIMessageChunk>>;
  withConfig(options: ChatBedrockConverseCallOptions): StructuredModel;
}

type Parse = (message: AIMessage) => Promise<unknown>;

/**
 * A model bound to a schema: `invoke`, `batch` and `stream` give parsed, validated values. The
 * stream yields one value, once the reply is complete (the structure is validated as a whole).
 */
export class StructuredOutputRunnable<Out> {
  readonly #model: StructuredModel;
  readonly #parse: Parse;
  readonly #includeRaw: boolean;

  constructor(model: StructuredModel, parse: Parse, includeRaw: boolean) {
    this.#model = model;
    this.#parse = parse;
    this.#includeRaw = includeRaw;
  }

  async invoke(input: ChatInput, options?: ChatBedrockConverseCallOptions): Promise<Out> {
    return this.#finish(await this.#model.invoke(input, options));
  }

  async stream(input: ChatInput, options?: ChatBedrockConverseCallOptions): Promise<ChatStream<Out>> {
    const chunks = await this.#model.stream(input, options);
    const finish = (message: AIMessage) => this.#finish(message);
    async function* one(): AsyncGenerator<Out> {
      let full: AIMessageChunk | undefined;
      for await (const chunk of chunks) full = full ? full.concat(chunk) : chunk;
      if (full) yield await finish(full);
    }
    return new ChatStream(one(), chunks.$metadata);
  }

  batch(inputs: readonly ChatInput[], options: ChatBedrockConverseCallOptions & BatchOptions = {}): Promise<Out[]> {
    const { maxConcurrency, returnExceptions, ...call } = options;
    return runBatch(inputs, (input) => this.invoke(input, call), {
      ...(maxConcurrency !== undefined && { maxConcurrency }),
      ...(returnExceptions !== undefined && { returnExceptions }),
    }) as Promise<Out[]>;
  }

  /** The same runnable with call options bound (e.g. `{ temperature: 0 }`). */
  withConfig(options: ChatBedrockConverseCallOptions): StructuredOutputRunnable<Out> {
    return new StructuredOutputRunnable<Out>(this.#model.withConfig(options), this.#parse, this.#includeRaw);
  }

  async #finish(raw: AIMessage): Promise<Out> {
    if (!this.#includeRaw) return (await this.#parse(raw)) as Out;
    try {
      return { raw, parsed: await this.#parse(raw) } as Out;
    } catch (error) {
      return { raw, parsed: null, parsingError: error } as Out;
    }
  }
}

/** The schema and its naming, from a schema or a tool-shaped wrapper (`{ name, description, schema }`, OpenAI function). */
export function describeSchema(input: unknown, name: string | undefined): { schema: unknown; json: JsonSchema; name: string; description?: string } {
  let schema = input;
  let ownName: unknown;
  let description: unknown;
  if (isObject(input) && input.type === "function" && isObject(input.function)) {
    ({ name: ownName, description, parameters: schema } = input.function);
  } else if (isObject(input) && typeof input.name === "string" && !isSchemaLike(input)) {
    ownName = input.name;
    description = input.description;
    schema = input.schema ?? input.parameters ?? input.input_schema ?? input.inputSchema;
  }
  if (!isSchemaLike(schema)) {
    throw new BedrockInputError("withStructuredOutput needs a zod schema, a Standard JSON Schema or a JSON Schema object");
  }
  const json = toJsonSchema(schema, "withStructuredOutput schema");
  const finalName = name ?? (typeof ownName === "string" ? ownName : undefined) ?? (typeof json.title === "string" ? json.title : "extract");
  const finalDescription = typeof description === "string" ? description : typeof json.description === "string" ? json.description : undefined;
  return { schema, json, name: finalName, ...(finalDescription !== undefined && { description: finalDescription }) };
}

/** Binds the model for a structure and returns the parsing runnable (see `ChatBedrockConverse.withStructuredOutput`). */
export function structuredOutput<Out>(
  model: StructuredModel & { bindTools(tools: readonly unknown[], kwargs?: ChatBedrockConverseCallOptions): StructuredModel },
  schemaInput: unknown,
  options: StructuredOutputOptions & { method?: string } = {},
): StructuredOutputRunnable<Out> {
  const method = options.method ?? "functionCalling";
  if (method !== "functionCalling" && method !== "jsonSchema") {
    throw new BedrockInputError(`withStructuredOutput method must be "functionCalling" or "jsonSchema", got ${JSON.stringify(method)}`);
  }
  const { schema, json, name, description } = describeSchema(schemaInput, options.name);
  const includeRaw = options.includeRaw === true;
  if (method === "jsonSchema") {
    const bound = model.withConfig({ outputConfig: toOutputConfig(json, { name, ...(description !== undefined && { description }) }) });
    return new StructuredOutputRunnable<Out>(
      bound,
      async (message) => {
        const { value, raw } = jsonFromText(message);
        return validateWithSchema(schema, value, json, raw);
      },
      includeRaw,
    );
  }
  const tool = { name, ...(description !== undefined && { description }), schema: json };
  const bound = model.bindTools([tool], { tool_choice: name, ...(options.strict !== undefined && { strict: options.strict }) });
  return new StructuredOutputRunnable<Out>(
    bound,
    async (message) => {
      const { args, raw } = toolCallArgs(message, name);
      return validateWithSchema(schema, args, json, raw);
    },
    includeRaw,
  );
}
