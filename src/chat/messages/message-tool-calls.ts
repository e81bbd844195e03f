// Turning streamed tool-call pieces into complete tool calls (or invalid ones), never throwing.
import type { InvalidToolCall, ToolCall, ToolCallChunk } from "./message-types.js";

export type ParsedArgs = { ok: true; args: Record<string, any> } | { ok: false; error: string };

/**
 * Parses a tool call's argument string. An empty string means "no input" and gives `{}`
 * (Bedrock streams no input delta for argument-less tools); anything else must be a JSON object.
 */
export function parseToolArgs(raw: string | undefined): ParsedArgs {
  if (raw === undefined || raw.trim() === "") return { ok: true, args: {} };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { ok: false, error: `Malformed tool call arguments: ${(err as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, error: "Tool call arguments must be a JSON object" };
  }
  return { ok: true, args: value as Record<string, any> };
}

/** Derives `tool_calls` and `invalid_tool_calls` from (already merged) tool call chunks. */
export function toolCallsFromChunks(chunks: readonly ToolCallChunk[]): {
  tool_calls: ToolCall[];
  invalid_tool_calls: InvalidToolCall[];
} {
  const tool_calls: ToolCall[] = [];
  const invalid_tool_calls: InvalidToolCall[] = [];
  for (const chunk of chunks) {
    const parsed = parseToolArgs(chunk.args);
    if (parsed.ok) {
      tool_calls.push(withId({ name: chunk.name ?? "", args: parsed.args, type: "tool_call" }, chunk.id));
    } else {
      invalid_tool_calls.push(
        withId(
          { name: chunk.name ?? "", args: chunk.args ?? "", error: parsed.error, type: "invalid_tool_call" },
          chunk.id,
        ),
      );
    }
  }
  return { tool_calls, invalid_tool_calls };
}

function withId<T extends object>(call: T, id: string | undefined): T & { id?: string } {
  return id === undefined ? call : { ...call, id };
}
