// A schema → Converse `outputConfig` for native structured output (`textFormat` with a JSON schema).
import type { OutputConfig } from "../../wire/index.js";
import { strictJsonSchema, toJsonSchema } from "./json-schema.js";

export interface OutputFormatOptions {
  /** Names the schema for the model; defaults to the schema's `title`. */
  name?: string;
  /** Defaults to the schema's `description`. */
  description?: string;
}

/**
 * The `outputConfig` that makes Bedrock constrain the reply to `schema` (zod 4, a Standard JSON
 * Schema or a JSON Schema). Every object gets `additionalProperties: false`, which Bedrock
 * requires, and the schema travels as a JSON string, as the API wants it.
 * @example
 * request.outputConfig = toOutputConfig(z.object({ setup: z.string(), punchline: z.string() }), { name: "joke" });
 */
export function toOutputConfig(schema: unknown, options: OutputFormatOptions = {}): OutputConfig {
  const json = strictJsonSchema(toJsonSchema(schema, "structured output schema"));
  const name = options.name ?? (typeof json.title === "string" ? json.title : undefined);
  const description = options.description ?? (typeof json.description === "string" ? json.description : undefined);
  return {
    textFormat: {
      type: "json_schema",
      structure: {
        jsonSchema: {
          schema: JSON.stringify(json),
          ...(name !== undefined && { name }),
          ...(description !== undefined && { description }),
        },
      },
    },
  };
}
