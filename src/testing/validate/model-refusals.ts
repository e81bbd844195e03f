// What particular models refuse that the Converse API itself accepts: Bedrock's ValidationException wording, per family.
import { isObject } from "../../internal/index.js";

// The model ID as routed, lower case: an ARN's last segment, a cross-region prefix like `us.` stripped.
function baseModel(modelId: string): string {
  const id = modelId.toLowerCase().split("/").pop() ?? "";
  return id.replace(/^(?:us|eu|apac|ap|jp|au|ca|us-gov|global)\./, "");
}

function hasTools(body: Record<string, unknown>): boolean {
  const config = body.toolConfig;
  return isObject(config) && Array.isArray(config.tools) && config.tools.some((tool) => isObject(tool) && tool.toolSpec !== undefined);
}

/**
 * The `ValidationException` message Bedrock gives this model for `body`, or undefined. Only
 * refusals quoted from real responses are modelled:
 * - DeepSeek R1 takes no tools: "This model doesn't support tool use." on Converse (langchain-aws
 *   #447) and "… in streaming mode." on ConverseStream (LibreChat #6351);
 * - Meta Llama refuses a `toolChoice` of `any` (strands-agents harness-sdk #1241; run-llama
 *   llama_index #19886; langchain-aws PR #627).
 */
export function modelRefusal(modelId: string, operation: "converse" | "converse-stream", body: Record<string, unknown>): string | undefined {
  const model = baseModel(modelId);
  if (model.startsWith("deepseek.r1") && hasTools(body)) {
    return operation === "converse-stream" ? "This model doesn't support tool use in streaming mode." : "This model doesn't support tool use.";
  }
  const choice = isObject(body.toolConfig) ? body.toolConfig.toolChoice : undefined;
  if (model.startsWith("meta.llama") && isObject(choice) && choice.any !== undefined) {
    return "This model doesn't support the toolConfig.toolChoice.any field. Remove toolConfig.toolChoice.any and try again.";
  }
  return undefined;
}
