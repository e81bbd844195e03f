// AI SDK prompt (LanguageModelV3Prompt) → Converse `system` and `messages`. Pure; no I/O.
import type { LanguageModelV3Message, LanguageModelV3Prompt, LanguageModelV3ToolResultPart } from "@ai-sdk/provider";
import { BedrockInputError } from "../errors/index.js";
import { isObject } from "../internal/index.js";
import type { ContentBlock, Message, SystemContentBlock, ToolResultContentBlock } from "../wire/index.js";
import { convertFile, imageFormat } from "./convert-file.js";
import { cachePointOf } from "./provider-options.js";

export interface ConvertedPrompt {
  system: SystemContentBlock[];
  messages: Message[];
}

export interface ConvertPromptOptions {
  /** Leave out tool calls and results (Bedrock refuses them in a request without `toolConfig`). */
  dropToolContent?: boolean;
}

type ProviderOptions = Record<string, Record<string, unknown>> | undefined;

/** Pushes the cache point a message or part asks for, if any. */
function pushCachePoint(into: Array<ContentBlock | SystemContentBlock>, providerOptions: ProviderOptions, path: string): void {
  const point = cachePointOf(providerOptions, path);
  if (point) into.push(point);
}

/**
 * Signed reasoning replays as `reasoningText` with its signature, redacted reasoning as
 * `redactedContent`; reasoning with neither is left out, because Bedrock refuses unsigned
 * reasoning in a later turn.
 */
export function replayReasoning(text: string, providerOptions: ProviderOptions): ContentBlock | undefined {
  const meta = providerOptions?.bedrock;
  if (!isObject(meta)) return undefined;
  if (typeof meta.signature === "string" && meta.signature !== "") {
    // The text is sent untouched: the signature covers its exact bytes.
    return { reasoningContent: { reasoningText: { text, signature: meta.signature } } };
  }
  const redacted = meta.redactedData ?? meta.redactedContent;
  if (typeof redacted === "string" && redacted !== "") return { reasoningContent: { redactedContent: redacted } };
  return undefined;
}

/** Tool input must be a JSON object in Converse; anything else is wrapped so nothing is lost. */
function toolInput(input: unknown): object {
  const value = typeof input === "string" ? tryParse(input) : input;
  return isObject(value) ? value : { rawInvalidInput: value ?? null };
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A media block as tool-result content: Converse's tool results hold images, documents and videos, not audio. */
function toolResultMedia(block: ContentBlock, at: string): ToolResultContentBlock {
  if (block.image) return { image: block.image };
  if (block.document) return { document: block.document };
  if (block.video) return { video: block.video };
  throw new BedrockInputError(`${at}.mediaType: tool results can hold images, documents and videos only`);
}

function toolResultContent(part: LanguageModelV3ToolResultPart, path: string, nextName: () => string): ToolResultContentBlock[] {
  const output = part.output;
  switch (output.type) {
    case "text":
    case "error-text":
      return [{ text: output.value }];
    case "json":
    case "error-json":
      return [{ text: JSON.stringify(output.value) }];
    case "execution-denied":
      return [{ text: output.reason ?? "Tool call execution denied." }];
    case "content":
      return output.value.map((item, k): ToolResultContentBlock => {
        const at = `${path}.output.value[${k}]`;
        switch (item.type) {
          case "text":
            return { text: item.text };
          case "image-data":
            return { image: { format: imageFormat(item.mediaType, at), source: { bytes: item.data } } };
          case "file-data":
            return toolResultMedia(convertFile({ data: item.data, mediaType: item.mediaType, filename: item.filename }, at, nextName), at);
          case "image-url":
          case "file-url": {
            const url = new URL(item.url);
            if (url.protocol !== "s3:") throw new BedrockInputError(`${at}.url: only s3:// URLs can be sent to Bedrock`);
            const mediaType = item.type === "file-url" && item.mediaType ? item.mediaType : `image/${url.pathname.split(".").pop()?.toLowerCase() ?? ""}`;
            return toolResultMedia(convertFile({ data: url, mediaType }, at, nextName), at);
          }
          default:
            throw new BedrockInputError(`${at}.type "${item.type}" cannot be sent to Bedrock`);
        }
      });
    default: {
      const never: never = output;
      throw new BedrockInputError(`${path}.output.type "${(never as { type: string }).type}" is unknown`);
    }
  }
}

/** Joins AI SDK messages into Converse turns: user and tool messages share user turns. */
export function convertPrompt(prompt: LanguageModelV3Prompt, options: ConvertPromptOptions = {}): ConvertedPrompt {
  if (!Array.isArray(prompt)) throw new BedrockInputError("prompt must be an array of messages");
  const system: SystemContentBlock[] = [];
  const messages: Message[] = [];
  let documents = 0;
  const nextName = () => `document-${++documents}`;
  // A message adds to the last turn when the roles match; one left with only cache points
  // (say, its tool results were dropped) adds nothing, as Bedrock refuses empty turns.
  const append = (role: "user" | "assistant", blocks: ContentBlock[]) => {
    if (!blocks.some((b) => b.cachePoint === undefined)) return;
    const last = messages.at(-1);
    if (last?.role === role) (last.content as ContentBlock[]).push(...blocks);
    else messages.push({ role, content: blocks });
  };

  prompt.forEach((message: LanguageModelV3Message, i) => {
    const path = `prompt[${i}]`;
    switch (message.role) {
      case "system":
        if (messages.length > 0) throw new BedrockInputError(`${path}: system messages must come before the conversation`);
        if (typeof message.content !== "string") throw new BedrockInputError(`${path}.content must be a string`);
        system.push({ text: message.content });
        pushCachePoint(system, message.providerOptions, path);
        return;
      case "user": {
        const content: ContentBlock[] = [];
        message.content.forEach((part, j) => {
          const at = `${path}.content[${j}]`;
          if (part.type === "text") content.push({ text: part.text });
          else if (part.type === "file") content.push(convertFile(part, at, nextName));
          else throw new BedrockInputError(`${at}.type "${(part as { type: string }).type}" is not allowed in a user message`);
          pushCachePoint(content, part.providerOptions, at);
        });
        pushCachePoint(content, message.providerOptions, path);
        append("user", content);
        return;
      }
      case "tool": {
        const content: ContentBlock[] = [];
        message.content.forEach((part, j) => {
          if (part.type !== "tool-result" || options.dropToolContent) return;
          const at = `${path}.content[${j}]`;
          content.push({ toolResult: { toolUseId: part.toolCallId, content: toolResultContent(part, at, nextName) } });
          pushCachePoint(content, part.providerOptions, at);
        });
        pushCachePoint(content, message.providerOptions, path);
        append("user", content);
        return;
      }
      case "assistant": {
        const blocks: ContentBlock[] = [];
        const replayed = message.content.map((part) => (part.type === "reasoning" ? replayReasoning(part.text, part.providerOptions) : undefined));
        const hasReasoning = replayed.some((r) => r !== undefined);
        message.content.forEach((part, j) => {
          const at = `${path}.content[${j}]`;
          switch (part.type) {
            case "text":
              // Bedrock refuses blank text blocks, except beside reasoning they belong to.
              if (part.text.trim() === "" && !hasReasoning) return;
              blocks.push({ text: part.text });
              break;
            case "reasoning": {
              const block = replayed[j];
              if (block) blocks.push(block);
              break;
            }
            case "tool-call":
              if (options.dropToolContent || part.providerExecuted) return;
              blocks.push({ toolUse: { toolUseId: part.toolCallId, name: part.toolName, input: toolInput(part.input) } });
              break;
            case "file":
            case "tool-result":
              // Generated files and provider-executed results have no Converse form in a request.
              return;
          }
          pushCachePoint(blocks, part.providerOptions, at);
        });
        pushCachePoint(blocks, message.providerOptions, path);
        append("assistant", blocks);
        return;
      }
      default:
        throw new BedrockInputError(`${path}.role "${(message as { role: string }).role}" is unknown`);
    }
  });
  trimPrefill(messages);
  return { system, messages };
}

/** Bedrock refuses trailing whitespace in a final assistant turn (a prefill). */
function trimPrefill(messages: Message[]): void {
  const last = messages.at(-1);
  if (last?.role !== "assistant") return;
  const blocks = last.content ?? [];
  for (let k = blocks.length - 1; k >= 0; k--) {
    const block = blocks[k]!;
    if (block.cachePoint) continue;
    if (typeof block.text === "string") blocks[k] = { text: block.text.trimEnd() };
    return;
  }
}
