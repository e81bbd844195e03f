// Structured output parsing: the reply's tool call or JSON text → a value validated against the user's schema.
import { BedrockError } from "../../errors/index.js";
import { checkJsonSchema, isStandardSchema, type JsonSchema } from "../tools/index.js";
import type { AIMessage } from "../messages/index.js";
import type { Dict } from "../../internal/index.js";
import { FALLBACK_TOOL_NAME } from "../profiles/index.js";

/**
 * The model's reply could not be turned into the requested structure: no tool call, text that
 * is not JSON, or a value the schema rejects. `llmOutput` holds what the model wrote.
 * Named as LangChain's class, so `err.name === "OutputParserException"` checks keep working.
 */
export class OutputParserException extends BedrockError {
  override name = "OutputParserException";
  /** The raw text or tool arguments the model produced. */
  readonly llmOutput: string | undefined;
  /** Schema problems, one line each, when validation failed. */
  readonly issues: readonly string[];

  constructor(message: string, options: { llmOutput?: string; issues?: readonly string[]; cause?: unknown } = {}) {
    super(message, { retryable: false, fault: "client", code: "OutputParserException", ...(options.cause !== undefined && { cause: options.cause }) });
    this.llmOutput = options.llmOutput;
    this.issues = options.issues ?? [];
  }
}

interface StandardResult {
  value?: unknown;
  issues?: ReadonlyArray<{ message: string; path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> }>;
}

/**
 * Validates `value` against the schema the user gave: a zod schema (`safeParse`, zod stays
 * optional), any Standard Schema (`~standard.validate`), or plain JSON Schema (a structural check,
 * see `checkJsonSchema`). Returns the parsed value (with zod defaults and transforms applied).
 */
export async function validateWithSchema(schema: unknown, value: unknown, jsonSchema: JsonSchema, llmOutput: string): Promise<unknown> {
  let issues: string[];
  const zodLike = schema as { safeParse?: (v: unknown) => { success: boolean; data?: unknown; error?: { issues?: unknown[]; message?: string } } };
  if (typeof zodLike?.safeParse === "function") {
    const result = zodLike.safeParse(value);
    if (result.success) return result.data;
    issues = (result.error?.issues ?? []).map(formatIssue);
    if (issues.length === 0) issues = [result.error?.message ?? "invalid"];
  } else if (isStandardSchema(schema)) {
    const result = (await (schema as { "~standard": { validate: (v: unknown) => StandardResult | Promise<StandardResult> } })["~standard"].validate(value));
    if (!result.issues) return result.value;
    issues = result.issues.map(formatIssue);
  } else {
    issues = checkJsonSchema(value, jsonSchema);
    if (issues.length === 0) return value;
  }
  throw new OutputParserException(`The model's output does not match the schema: ${issues.join("; ")}`, { llmOutput, issues });
}

function formatIssue(issue: unknown): string {
  const { message = "invalid", path = [] } = (issue ?? {}) as { message?: string; path?: ReadonlyArray<unknown> };
  const keys = path.map((p) => (typeof p === "object" && p !== null && "key" in p ? (p as { key: unknown }).key : p));
  return keys.length > 0 ? `${keys.map(String).join(".")}: ${message}` : message;
}

/** The arguments of the reply's call to `toolName` (functionCalling structured output). */
export function toolCallArgs(message: AIMessage, toolName: string): { args: Dict; raw: string } {
  const call = message.tool_calls.find((c) => c.name === toolName);
  if (call) return { args: call.args, raw: JSON.stringify(call.args) };
  const invalid = message.invalid_tool_calls.find((c) => c.name === toolName);
  if (invalid) {
    throw new OutputParserException(`The model called ${toolName} with arguments that are not valid JSON: ${invalid.error ?? ""}`.trim(), {
      llmOutput: invalid.args ?? "",
    });
  }
  const text = message.text;
  throw new OutputParserException(`The model did not call the tool "${toolName}"${text ? "; it answered with text instead" : ""} (CH25)`, { llmOutput: text });
}

/**
 * The JSON object in the reply's text (jsonSchema structured output); a Markdown code fence is
 * tolerated. On models whose profile refuses native structured output the request forced the
 * `json_output` tool instead (see `applyProfile`): its arguments are the value then.
 */
export function jsonFromText(message: AIMessage): { value: unknown; raw: string } {
  const call = message.tool_calls?.find((c) => c.name === FALLBACK_TOOL_NAME);
  if (call) return { value: call.args, raw: JSON.stringify(call.args) };
  const raw = message.text;
  const fenced = /^\s*```(?:json)?\s*\n?([\s\S]*?)\n?```\s*$/.exec(raw);
  const body = (fenced ? fenced[1]! : raw).trim();
  try {
    return { value: JSON.parse(body), raw };
  } catch (error) {
    throw new OutputParserException(`The model's reply is not valid JSON: ${(error as Error).message}`, { llmOutput: raw, cause: error });
  }
}
