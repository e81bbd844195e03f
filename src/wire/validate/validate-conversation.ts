// Turn-taking rules Converse refuses every model for: an empty conversation, a first turn not from the user, two turns in a row from one role.
import { fail, type Dict } from "./validate-helpers.js";

// A Prompt management ARN (`arn:aws:bedrock:…:prompt/ID[:version]`) brings its own messages; the
// caller's are appended to them, so the caller's alone need not start or be non-empty.
const PROMPT_ARN = /^arn:aws[a-z-]*:bedrock:[^:]*:\d*:prompt\//;

/**
 * Throws BedrockInputError for a conversation Converse refuses whatever the model: no messages,
 * a first message not from the user, or two consecutive messages with one role. AWS's own words
 * (ValidationException): "A conversation must start with a user message. Try again with a
 * conversation that starts with a user message." and "A conversation must alternate between user
 * and assistant roles." (reported for Claude, Nova, Llama via Converse: langgenius/dify#12340,
 * langchain-ai/langchainjs#6724, strands-agents/sdk-typescript#727; the emulator answers the same).
 * Runs after the shape checks, so every message is an object with a valid role.
 */
export function checkTurns(messages: unknown, path: string, modelId: unknown): void {
  if (!Array.isArray(messages)) return; // absent: a prompt ARN or Bedrock supplies (or refuses) them
  if (typeof modelId === "string" && PROMPT_ARN.test(modelId)) return;
  if (messages.length === 0) fail(path, "is empty; a conversation must start with a user message");
  const roles = messages.map((m) => (m as Dict).role);
  if (roles[0] !== "user") fail(`${path}[0].role`, `is "${String(roles[0])}"; a conversation must start with a user message`);
  for (let i = 1; i < roles.length; i++) {
    if (roles[i] === roles[i - 1]) {
      fail(`${path}[${i}].role`, `is "${String(roles[i])}" again; a conversation must alternate between user and assistant roles (merge consecutive messages of one role)`);
    }
  }
}
