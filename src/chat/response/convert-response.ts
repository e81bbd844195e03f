// Converse response → AIMessage: text, reasoning (replayable), tool calls, citations, usage, metadata.
import { encodeBase64 } from "../../wire/serde/base64.js";
import type { ConverseResponseLike, OutputContentBlock, OutputReasoningContent } from "./convert-response-shapes.js";
import {
  AIMessage,
  parseToolArgs,
  type ChatCitation,
  type ChatContentBlock,
  type InvalidToolCall,
  type MessageContent,
  type ChatReasoningContentBlock,
  type ToolCall,
} from "../messages/index.js";
import { toUsageMetadata } from "./usage.js";

export interface ConvertResponseOptions {
  /** The model ID or ARN the request named; reported as `response_metadata.model_name` and `.model`. */
  modelId?: string;
  /** `x-amzn-requestid`; becomes the message `id` and `response_metadata.requestId`. */
  requestId?: string;
}

/**
 * Builds the `AIMessage` for a Converse response.
 *
 * Content is a plain string when the reply holds only text (tool calls go to `tool_calls`), as
 * @langchain/aws returns a lone text block; as soon as reasoning, citations or another block kind
 * appears it is a block list. Text before the first such block is joined into one text block, which
 * is exactly what concatenating the streamed chunks of the same reply gives.
 *
 * @example
 * const message = convertConverseResponse(await client.converse(request), { modelId });
 * message.text; message.tool_calls; message.usage_metadata;
 */
export function convertConverseResponse(
  response: ConverseResponseLike,
  options: ConvertResponseOptions = {},
): AIMessage {
  const { content, tool_calls, invalid_tool_calls } = convertOutputContent(
    response.output?.message?.content ?? [],
  );
  return new AIMessage({
    content,
    tool_calls,
    invalid_tool_calls,
    ...(response.usage && { usage_metadata: toUsageMetadata(response.usage) }),
    response_metadata: responseMetadata(response, options),
    ...(options.requestId !== undefined && { id: options.requestId }),
  });
}

/** `response_metadata` of a reply: the same keys the stream's chunks add up to. */
export function responseMetadata(
  response: ConverseResponseLike,
  options: ConvertResponseOptions,
): Record<string, unknown> {
  return definedOnly({
    ...modelNames(options.modelId),
    requestId: options.requestId,
    stopReason: response.stopReason,
    additionalModelResponseFields: response.additionalModelResponseFields,
    metrics: response.metrics,
    usage: response.usage,
    trace: response.trace,
    performanceConfig: response.performanceConfig,
    serviceTier: response.serviceTier,
  });
}

/**
 * `model_name` and `model`, both the model ID. `model_name` is what langchain-aws sets and
 * LangChain's standard `testUsageMetadata` reads (langchain-ai/langchain PR #30497, langchainjs
 * standard-tests); `model` is the key other LangChain integrations report and newer standard
 * tests accept (ChatBaseten's skip note names it). @langchain/aws sets neither; we follow
 * langchain-aws and add `model`.
 */
export function modelNames(modelId: string | undefined): Record<string, string> {
  return modelId === undefined ? {} : { model_name: modelId, model: modelId };
}

export function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** Splits Bedrock output blocks into message content and (valid or invalid) tool calls. */
export function convertOutputContent(blocks: readonly OutputContentBlock[]): {
  content: MessageContent;
  tool_calls: ToolCall[];
  invalid_tool_calls: InvalidToolCall[];
} {
  const tool_calls: ToolCall[] = [];
  const invalid_tool_calls: InvalidToolCall[] = [];
  const list: ChatContentBlock[] = [];
  let leadingText = "";
  let asList = false;
  const pushBlock = (block: ChatContentBlock): void => {
    if (!asList && leadingText !== "") list.push({ type: "text", text: leadingText });
    asList = true;
    list.push(block);
  };

  for (const block of blocks) {
    if (typeof block.text === "string") {
      // Empty text blocks carry nothing, and Bedrock refuses them when replayed.
      if (block.text === "") continue;
      if (asList) list.push({ type: "text", text: block.text });
      else leadingText += block.text;
    } else if (block.toolUse && block.toolUse.type !== "server_tool_use") {
      const { toolUseId, name = "", input } = block.toolUse;
      const parsed =
        typeof input === "string" ? parseToolArgs(input) : toolInputObject(input);
      const id = toolUseId === undefined ? {} : { id: toolUseId };
      if (parsed.ok) tool_calls.push({ name, args: parsed.args, ...id, type: "tool_call" });
      else
        invalid_tool_calls.push({
          name,
          args: typeof input === "string" ? input : JSON.stringify(input),
          ...id,
          error: parsed.error,
          type: "invalid_tool_call",
        });
    } else if (block.reasoningContent) {
      pushBlock(reasoningBlock(block.reasoningContent));
    } else if (block.citationsContent) {
      const { content = [], citations = [] } = block.citationsContent;
      const text = content.map((c) => c.text ?? "").join("");
      pushBlock({ type: "text", text, citations: citations as ChatCitation[] });
    } else {
      // Server tool uses and results, images, guard content, … stay as Bedrock sent them,
      // so they can be shown and replayed (as @langchain/aws does).
      pushBlock(block as unknown as ChatContentBlock);
    }
  }
  return { content: asList ? list : leadingText, tool_calls, invalid_tool_calls };
}

function toolInputObject(input: unknown): ReturnType<typeof parseToolArgs> {
  if (input === undefined || input === null) return { ok: true, args: {} };
  if (typeof input === "object" && !Array.isArray(input)) return { ok: true, args: input as Record<string, any> };
  return { ok: false, error: "Tool call arguments must be a JSON object" };
}

/** Reasoning in @langchain/aws's shape; redacted bytes become base64 text. */
export function reasoningBlock(reasoning: OutputReasoningContent): ChatReasoningContentBlock {
  if (reasoning.redactedContent !== undefined) {
    return { type: "reasoning_content", redactedContent: bytesToBase64(reasoning.redactedContent) };
  }
  // `text` is always present (Bedrock requires it on replay); a streamed signature piece thus
  // carries `text: ""`, which concatenates away.
  const { text = "", signature } = reasoning.reasoningText ?? {};
  return { type: "reasoning_content", reasoningText: { text, ...(signature !== undefined && { signature }) } };
}

export const bytesToBase64 = (bytes: Uint8Array | string): string =>
  typeof bytes === "string" ? bytes : encodeBase64(bytes);
