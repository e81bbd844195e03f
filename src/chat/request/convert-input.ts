// What `invoke` accepts (a string, messages, LangChain tuples, role objects) → our message classes.
import { BedrockInputError } from "../../errors/index.js";
import {
  AIMessage,
  BaseMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
  type MessageContent,
  type ToolCall,
} from "../messages/index.js";
import { isObject, type Dict } from "../../internal/index.js";

/** One message as LangChain accepts it: a message, a string, a `[role, content]` tuple, or `{ role, content, … }`. */
export type MessageLike = BaseMessage | string | [string, MessageContent] | Dict;

/** `invoke` input: a string, one message, or a list of message-likes. */
export type ChatInput = string | BaseMessage | readonly MessageLike[];

type Role = "system" | "human" | "ai" | "tool";

const ROLES: Record<string, Role> = {
  system: "system",
  developer: "system",
  human: "human",
  user: "human",
  ai: "ai",
  assistant: "ai",
  tool: "tool",
};

const CLASS_ROLES: Record<string, Role> = {
  SystemMessage: "system",
  HumanMessage: "human",
  AIMessage: "ai",
  ToolMessage: "tool",
};

/**
 * Turns `invoke` input into messages. A string becomes one `HumanMessage`; tuples and role
 * objects become the matching classes (`"user"`, `"assistant"`, `"developer"` included); message
 * objects from another copy of LangChain are rebuilt from their fields. A `["tool", content]`
 * tuple answers the oldest tool call of the conversation still without an answer.
 * @example
 * coerceMessages([["system", "Translate to French."], ["human", "I love programming."]]);
 */
export function coerceMessages(input: ChatInput): BaseMessage[] {
  if (typeof input === "string") return [new HumanMessage(input)];
  if (!Array.isArray(input)) {
    if (isObject(input) && typeof input.toChatMessages === "function") {
      return coerceMessages((input.toChatMessages as () => MessageLike[])());
    }
    return coerceMessages([input as MessageLike]);
  }
  const pending: string[] = [];
  return input.map((item, index) => {
    const message = coerceOne(item, `messages[${index}]`, pending);
    track(message, pending);
    return message;
  });
}

function coerceOne(item: unknown, where: string, pending: string[]): BaseMessage {
  if (item instanceof BaseMessage) return item;
  if (typeof item === "string") return new HumanMessage(item);
  if (Array.isArray(item)) {
    if (item.length !== 2 || typeof item[0] !== "string") {
      throw new BedrockInputError(`${where}: a tuple must be [role, content]`);
    }
    return build(roleOf(item[0], where), { content: item[1] }, where, pending);
  }
  if (!isObject(item)) throw new BedrockInputError(`${where} must be a message, a string, a tuple or an object`);
  // LangChain's serialized form: { lc: 1, type: "constructor", id: [..., "HumanMessage"], kwargs }.
  if (item.lc === 1 && Array.isArray(item.id) && isObject(item.kwargs)) {
    const name = String(item.id[item.id.length - 1]).replace(/Chunk$/, "");
    const role = Object.hasOwn(CLASS_ROLES, name) ? CLASS_ROLES[name] : undefined;
    if (!role) throw new BedrockInputError(`${where}: cannot rebuild a serialized ${String(item.id.at(-1))}`);
    return build(role, item.kwargs, where, pending);
  }
  const tag = messageTag(item);
  if (tag === undefined) {
    throw new BedrockInputError(`${where}: an object message needs a "role" (system, user, assistant, tool) or "type"`);
  }
  return build(roleOf(tag, where), item, where, pending);
}

// `role` (OpenAI style), `type` (LangChain JSON), or the methods of a LangChain message object.
function messageTag(item: Dict): string | undefined {
  if (typeof item.role === "string") return item.role;
  if (typeof item.type === "string") return item.type;
  for (const method of ["getType", "_getType"]) {
    const fn = item[method];
    if (typeof fn === "function") return String((fn as () => unknown).call(item));
  }
  return undefined;
}

function roleOf(tag: string, where: string): Role {
  // Own keys only: a role of `constructor` or `__proto__` (say, from a browser's JSON) is unknown.
  const role = Object.hasOwn(ROLES, tag) ? ROLES[tag] : undefined;
  if (!role) throw new BedrockInputError(`${where}: unknown message role "${tag}" (use system, human/user, ai/assistant or tool)`);
  return role;
}

function build(role: Role, fields: Dict, where: string, pending: string[]): BaseMessage {
  const content = (fields.content ?? "") as MessageContent;
  const common = {
    content,
    ...(typeof fields.id === "string" && { id: fields.id }),
    ...(typeof fields.name === "string" && { name: fields.name }),
    ...(isObject(fields.additional_kwargs) && { additional_kwargs: fields.additional_kwargs }),
    ...(isObject(fields.response_metadata) && { response_metadata: fields.response_metadata }),
  };
  switch (role) {
    case "system":
      return new SystemMessage(common);
    case "human":
      return new HumanMessage(common);
    case "ai":
      return new AIMessage({
        ...common,
        ...(Array.isArray(fields.tool_calls) && { tool_calls: fields.tool_calls.map((c, i) => toolCall(c, `${where}.tool_calls[${i}]`)) }),
        ...(Array.isArray(fields.invalid_tool_calls) && { invalid_tool_calls: fields.invalid_tool_calls as never }),
        ...(isObject(fields.usage_metadata) && { usage_metadata: fields.usage_metadata as never }),
      });
    case "tool": {
      const id = typeof fields.tool_call_id === "string" && fields.tool_call_id !== "" ? fields.tool_call_id : pending[0];
      if (id === undefined) {
        throw new BedrockInputError(`${where}: a tool message needs tool_call_id (no earlier tool call is waiting for an answer)`);
      }
      const status = fields.status === "error" ? "error" : fields.status === "success" ? "success" : undefined;
      return new ToolMessage({ ...common, tool_call_id: id, ...(status && { status }), ...("artifact" in fields && { artifact: fields.artifact }) });
    }
  }
}

// LangChain tool calls, or OpenAI's `{ id, type: "function", function: { name, arguments } }`.
function toolCall(call: unknown, where: string): ToolCall {
  if (!isObject(call)) throw new BedrockInputError(`${where} must be an object`);
  if (isObject(call.function)) {
    const raw = call.function.arguments;
    let args: unknown = raw;
    if (typeof raw === "string") {
      try {
        args = raw.trim() === "" ? {} : JSON.parse(raw);
      } catch {
        throw new BedrockInputError(`${where}.function.arguments is not valid JSON`);
      }
    }
    return { name: String(call.function.name ?? ""), args: (args ?? {}) as Dict, ...(typeof call.id === "string" && { id: call.id }) };
  }
  return call as unknown as ToolCall;
}

// Keeps the ids of tool calls not yet answered, oldest first, for tuples that carry no id.
function track(message: BaseMessage, pending: string[]): void {
  if (message instanceof AIMessage) {
    const ids = message.tool_calls.map((c) => c.id).filter((id): id is string => typeof id === "string");
    if (Array.isArray(message.content)) {
      for (const block of message.content) {
        const id = (block as Dict).type === "tool_use" || (block as Dict).type === "tool_call" ? (block as Dict).id : undefined;
        if (typeof id === "string" && !ids.includes(id)) ids.push(id);
      }
    }
    pending.push(...ids);
  } else if (message instanceof ToolMessage) {
    const at = pending.indexOf(message.tool_call_id);
    if (at >= 0) pending.splice(at, 1);
  }
}
