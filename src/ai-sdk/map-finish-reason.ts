// Converse `stopReason` → the AI SDK's unified finish reason (the raw one is kept beside it).
import type { LanguageModelV3FinishReason } from "@ai-sdk/provider";

/**
 * `tool_use` is a plain stop when the only tool called was the structured-output `json` tool.
 * Reasons Bedrock adds later map to "other", as the spec asks.
 */
export function mapFinishReason(stopReason: string | undefined, jsonToolAnswered = false): LanguageModelV3FinishReason {
  return { unified: unifiedReason(stopReason, jsonToolAnswered), raw: stopReason };
}

function unifiedReason(stopReason: string | undefined, jsonToolAnswered: boolean): LanguageModelV3FinishReason["unified"] {
  switch (stopReason) {
    case "end_turn":
    case "stop_sequence":
      return "stop";
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "content_filtered":
    case "guardrail_intervened":
      return "content-filter";
    case "tool_use":
      return jsonToolAnswered ? "stop" : "tool-calls";
    case "malformed_model_output":
    case "malformed_tool_use":
      return "error";
    default:
      return "other";
  }
}
