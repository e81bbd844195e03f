// Chat messages → the Converse request's `system` and `messages`, following Bedrock's conversation rules.
import { BedrockInputError } from "../../errors/index.js";
import { checkJsonValue } from "../../wire/validate/validate-json.js";
import { convertContent, convertToolResultContent } from "./convert-content.js";
import {
  toolBlocksAsTextWarning,
  guardLastUserText,
  hasToolBlocks,
  mergeTurns,
  toolBlocksToText,
  trimFinalAssistant,
  uniqueDocumentNames,
} from "./convert-turns.js";
import type { ContentBlock, Message, SystemContentBlock } from "./convert-wire-types.js";
import type { AIMessage, BaseMessage, ToolMessage } from "../messages/index.js";
import type { Dict } from "../../internal/index.js";

export interface ConvertMessagesOptions {
  /**
   * Whether the request binds tools (sends a `toolConfig`). Without tools, Bedrock refuses
   * `toolUse` / `toolResult` blocks, so those in the history become text. Default `true`.
   */
  toolsBound?: boolean;
  /** Receives warnings (tool blocks turned into text). */
  warn?: (message: string) => void;
  /** Wrap the text of the last user turn in `guardContent`, so a guardrail checks only it. */
  guardLastTurnOnly?: boolean;
}

export interface ConvertedMessages {
  system: SystemContentBlock[];
  messages: Message[];
}

// Role tag as LangChain names it; messages from another copy of LangChain may only have the methods.
function roleOf(message: BaseMessage): string {
  const m = message as unknown as Dict;
  if (typeof m.type === "string") return m.type;
  for (const method of ["getType", "_getType"]) {
    if (typeof m[method] === "function") return String((m[method] as () => unknown).call(m));
  }
  return "unknown";
}

/**
 * Converts chat messages for a Converse request. System messages (wherever they are) go to
 * `system`; AI messages become assistant turns with their tool calls as `toolUse` blocks;
 * tool messages become `toolResult` blocks of a user turn; consecutive turns of one role merge,
 * blank text is dropped, and documents get unique names.
 * @example
 * convertMessages([new SystemMessage("Be brief."), new HumanMessage("Hi")]);
 * // { system: [{ text: "Be brief." }], messages: [{ role: "user", content: [{ text: "Hi" }] }] }
 */
export function convertMessages(messages: readonly BaseMessage[], options: ConvertMessagesOptions = {}): ConvertedMessages {
  if (!Array.isArray(messages)) throw new BedrockInputError("messages must be an array");
  const system: SystemContentBlock[] = [];
  const turns: Message[] = [];
  messages.forEach((message, index) => {
    const where = `messages[${index}]`;
    switch (roleOf(message)) {
      case "system":
        system.push(...convertSystemContent(message.content, `${where}.content`));
        return;
      case "human":
      case "generic":
        turns.push({ role: "user", content: convertContent(message.content, `${where}.content`) });
        return;
      case "ai":
        turns.push({ role: "assistant", content: assistantContent(message as AIMessage, where) });
        return;
      case "tool":
        turns.push({ role: "user", content: toolResultContent(message as ToolMessage, where) });
        return;
      default:
        throw new BedrockInputError(`${where}: unsupported message type "${roleOf(message)}"`);
    }
  });

  let result = turns;
  if (options.toolsBound === false && hasToolBlocks(result)) {
    options.warn?.(toolBlocksAsTextWarning("The conversation"));
    result = toolBlocksToText(result);
  }
  result = trimFinalAssistant(mergeTurns(result));
  result = uniqueDocumentNames(result);
  if (options.guardLastTurnOnly) result = guardLastUserText(result);
  if (result.length === 0) {
    throw new BedrockInputError("There is nothing to send: no user or assistant message has content (CH21)");
  }
  return { system, messages: result };
}

const SYSTEM_KEYS = new Set(["text", "guardContent", "cachePoint"]);

/** System content: text, guard content and cache points are what Bedrock's `system` field takes. */
export function convertSystemContent(content: unknown, where: string): SystemContentBlock[] {
  return convertContent(content, where).map((block) => {
    const key = Object.keys(block)[0]!;
    if (!SYSTEM_KEYS.has(key)) {
      throw new BedrockInputError(`${where}: a system message may hold text, guard content and cache points only, not "${key}"`);
    }
    return block as SystemContentBlock;
  });
}

/**
 * The assistant turn: content blocks, then a `toolUse` for each tool call not already in the
 * content (a `tool_use` block with the same id takes the call's name and args, which are the
 * ones LangChain code edits). Tool uses go last: Claude wants them after reasoning and text.
 */
function assistantContent(message: AIMessage, where: string): ContentBlock[] {
  const content = convertContent(message.content, `${where}.content`);
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  calls.forEach((call, i) => {
    if (typeof call.id !== "string" || call.id === "") {
      throw new BedrockInputError(`${where}.tool_calls[${i}] needs an id: Bedrock pairs tool calls and results by id`);
    }
    const input = call.args ?? {};
    // Checked here: tool calls may be written out as text (JSON.stringify) before the client validates.
    checkJsonValue(input, `${where}.tool_calls[${i}].args`);
    const at = content.findIndex((b) => "toolUse" in b && b.toolUse.toolUseId === call.id);
    const existing = content[at];
    if (existing && "toolUse" in existing) content[at] = { toolUse: { ...existing.toolUse, name: call.name, input } };
    else content.push({ toolUse: { toolUseId: call.id, name: call.name, input } });
  });
  content.forEach((block) => {
    if ("toolUse" in block && typeof block.toolUse.input === "string") {
      throw new BedrockInputError(`${where}.content: the input of tool call "${block.toolUse.toolUseId}" is not valid JSON`);
    }
  });
  return content;
}

function toolResultContent(message: ToolMessage, where: string): ContentBlock[] {
  const id = message.tool_call_id;
  if (typeof id !== "string" || id === "") throw new BedrockInputError(`${where}: a tool message needs tool_call_id`);
  const { content, after } = convertToolResultContent(message.content, `${where}.content`);
  const status = message.status === "error" ? "error" : "success";
  return [{ toolResult: { toolUseId: id, content, status } }, ...after];
}
