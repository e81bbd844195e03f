// Pure validation of Converse / ConverseStream / CountTokens bodies: the ValidationException message AWS would send, or undefined.
import { isObject, type Dict } from "../../internal/index.js";
import { CONTENT_BLOCK_KINDS, SYSTEM_BLOCK_KINDS, contentBlockRule } from "./content.js";
import { inferenceConfigRule, otherMembersRule, toolConfigRule } from "./config.js";
import { constraint, enumRule, first, notNull, typeRule, unionRule } from "./rules.js";

export const MALFORMED_INPUT = "Malformed input request, please reformat your input and try again.";
export const MUST_START_WITH_USER =
  "A conversation must start with a user message. Try again with a conversation that starts with a user message.";
export const MUST_ALTERNATE =
  "A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.";
export const TOOL_CONFIG_REQUIRED = "The toolConfig field must be defined when using toolUse and toolResult content blocks.";

type Block = Dict;
type Message = { role: string; content: Block[] };

/** Shape of each message: role enum, content list, each block valid. */
function messageShapeRule(messages: unknown[]): string | undefined {
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i];
    if (!isObject(message)) return typeRule(["messages", i], message, "object");
    if (message.role === undefined || message.role === null) return notNull(["messages", i, "role"]);
    const role = enumRule(["messages", i, "role"], message.role, ["user", "assistant"]);
    if (role) return role;
    if (message.content === undefined || message.content === null) return notNull(["messages", i, "content"]);
    if (!Array.isArray(message.content)) return typeRule(["messages", i, "content"], message.content, "list");
    if (message.content.length === 0) {
      return `The content field in the Message object at messages.${i} is empty. Add a ContentBlock object to the content field and try again.`;
    }
    for (let j = 0; j < message.content.length; j++) {
      const failure = contentBlockRule(["messages", i, "content", j], message.content[j], CONTENT_BLOCK_KINDS);
      if (failure) return failure;
    }
  }
  return undefined;
}

const idsOf = (blocks: Block[], kind: "toolUse" | "toolResult"): string[] =>
  blocks.filter((b) => b[kind] !== undefined).map((b) => (b[kind] as { toolUseId: string }).toolUseId);

/** Turn-taking, tool use / result pairing and where each block kind may appear. */
function conversationRule(messages: Message[], hasToolConfig: boolean): string | undefined {
  if (messages.length === 0 || messages[0]!.role !== "user") return MUST_START_WITH_USER;
  for (let i = 1; i < messages.length; i++) {
    if (messages[i]!.role === messages[i - 1]!.role) return MUST_ALTERNATE;
  }
  for (let i = 0; i < messages.length; i++) {
    const { role, content } = messages[i]!;
    const uses = idsOf(content, "toolUse");
    const results = idsOf(content, "toolResult");
    if ((uses.length > 0 || results.length > 0) && !hasToolConfig) return TOOL_CONFIG_REQUIRED;
    if (role === "user" && uses.length > 0) return `A toolUse block can only appear in an assistant message (messages.${i}).`;
    if (role === "assistant" && results.length > 0) return `A toolResult block can only appear in a user message (messages.${i}).`;
    if (role === "user" && content.some((b) => b.reasoningContent !== undefined)) {
      return `A reasoningContent block can only appear in an assistant message (messages.${i}).`;
    }
    const duplicate = [...uses, ...results].find((id, k, all) => all.indexOf(id) !== k);
    if (duplicate) return `The toolUseId '${duplicate}' appears more than once in messages.${i}.content.`;
    const previous = role === "user" && i > 0 ? idsOf(messages[i - 1]!.content, "toolUse") : [];
    if (results.length > previous.length) {
      return `The number of toolResult blocks at messages.${i}.content exceeds the number of toolUse blocks of previous turn.`;
    }
    const stray = results.find((id) => !previous.includes(id));
    if (stray) return `The toolResult block with toolUseId '${stray}' at messages.${i}.content has no matching toolUse block in messages.${i - 1}.`;
    const missing = previous.filter((id) => !results.includes(id));
    if (missing.length > 0) return `Expected toolResult blocks at messages.${i}.content for the following Ids: ${missing.join(", ")}`;
  }
  return undefined;
}

function systemRule(system: unknown): string | undefined {
  if (!Array.isArray(system)) return undefined;
  for (let i = 0; i < system.length; i++) {
    const failure = contentBlockRule(["system", i], system[i], SYSTEM_BLOCK_KINDS, "SystemContentBlock");
    if (failure) return failure;
  }
  return undefined;
}

/** Messages, system and toolConfig: what Converse and CountTokens' `converse` input share. */
function conversationBodyRule(body: Dict): string | undefined {
  const messages = body.messages;
  return first(
    () => (messages === undefined || Array.isArray(messages) ? undefined : typeRule(["messages"], messages, "list")),
    () => toolConfigRule(body.toolConfig),
    () => otherMembersRule(body),
    () => systemRule(body.system),
    () => messageShapeRule((messages as unknown[] | undefined) ?? []),
    () => conversationRule((messages as Message[] | undefined) ?? [], body.toolConfig !== undefined),
  );
}

/**
 * Checks a Converse or ConverseStream body the way Bedrock does and returns the
 * `ValidationException` message of the first problem, or undefined when the request is valid.
 * It never throws (unlike `validateConverseRequest` from `bedrock-edge/wire`, which throws `BedrockInputError`).
 *
 * @example
 * converseRequestProblem({ messages: [] }); // "A conversation must start with a user message. …"
 */
export function converseRequestProblem(body: unknown): string | undefined {
  if (!isObject(body)) return MALFORMED_INPUT;
  return first(
    () => inferenceConfigRule(body.inferenceConfig),
    () => conversationBodyRule(body),
  );
}

/** Checks a CountTokens body (`{ input: { converse: {...} } }` or `{ input: { invokeModel: { body } } }`): its `ValidationException` message, or undefined. */
export function countTokensRequestProblem(body: unknown): string | undefined {
  if (!isObject(body)) return MALFORMED_INPUT;
  if (body.input === undefined || body.input === null) return notNull(["input"]);
  return first(
    () => unionRule(["input"], body.input, "CountTokensInput", ["converse", "invokeModel"]),
    () => {
      const input = body.input as Dict;
      if (input.invokeModel !== undefined) {
        const invoke = input.invokeModel;
        return isObject(invoke) && typeof invoke.body === "string" && invoke.body !== ""
          ? undefined
          : constraint(["input", "invokeModel", "body"], undefined, "Member must not be null");
      }
      return isObject(input.converse) ? conversationBodyRule(input.converse) : typeRule(["input", "converse"], input.converse, "object");
    },
  );
}
