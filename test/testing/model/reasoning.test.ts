import { describe, expect, it } from "vitest";
import { createBedrockEmulator, reasoningSignature } from "../../../src/testing/index.js";
import { assistant, call, CLAUDE, OPERATIONS, say, tool, user } from "./helpers.js";

const THINKING = { thinking: { type: "enabled", budget_tokens: 2048 } };
const thinkingBody = <T extends object>(body: T, fields: unknown = THINKING) => ({ ...body, additionalModelRequestFields: fields });
const PREFIX = "The model returned the following errors: ";
const reasoning = (text: string, signature?: string) => ({ reasoningContent: { reasoningText: signature === undefined ? { text } : { text, signature } } });

describe("built-in model: reasoning", () => {
  describe.each(OPERATIONS)("%s", (operation) => {
    it.each([
      ["thinking enabled", THINKING],
      ["adaptive thinking", { thinking: { type: "adaptive" } }],
      ["reasoning_config", { reasoning_config: { type: "enabled", budget_tokens: 1024 } }],
      ["Nova's reasoningConfig", { reasoningConfig: { type: "enabled", maxReasoningEffort: "low" } }],
    ])("%s: a signed reasoning block comes first, then the answer", async (_name, fields) => {
      const outcome = await call(createBedrockEmulator(), operation, thinkingBody(say("I love programming."), fields));
      const text = 'The user wrote "I love programming.". I should translate it into French.';
      expect(outcome.content).toEqual([reasoning(text, reasoningSignature(text)), { text: "J'adore la programmation." }]);
      expect(outcome.stopReason).toBe("end_turn");
      expect(outcome.usage.outputTokens).toBe(Math.ceil(text.length / 4) + Math.ceil("J'adore la programmation.".length / 4));
    });

    it("reasons before tool calls and names them", async () => {
      const body = thinkingBody({ ...say("search_web cats"), toolConfig: { tools: [tool("search_web", { q: { type: "string" } }, ["q"])] } });
      const outcome = await call(createBedrockEmulator(), operation, body);
      expect(outcome.content![0].reasoningContent.reasoningText.text).toBe('The user wrote "search_web cats". I should call search_web.');
      expect(outcome.content![1].toolUse).toMatchObject({ name: "search_web", input: { q: "cats" } });
      expect(outcome.stopReason).toBe("tool_use");
    });

    it("DeepSeek and gpt-oss reason unasked and without a signature", async () => {
      const outcome = await call(createBedrockEmulator(), operation, say("hi"), { model: "us.deepseek.r1-v1:0" });
      expect(outcome.content).toEqual([reasoning('The user wrote "hi". I should repeat it back.'), { text: "You said: hi" }]);
    });
  });

  it("streams reasoning word by word, then the signature, in its own block", async () => {
    const { events } = await call(createBedrockEmulator(), "converse-stream", thinkingBody(say("hello world")));
    const deltas = events!.filter((e) => e.contentBlockDelta?.contentBlockIndex === 0).map((e) => e.contentBlockDelta.delta.reasoningContent);
    const text = 'The user wrote "hello world". I should repeat it back.';
    expect(deltas.slice(0, -1).map((d) => d.text)).toEqual(text.match(/\S+\s*/g));
    expect(deltas.at(-1)).toEqual({ signature: reasoningSignature(text) });
    expect(events!.find((e) => e.contentBlockStop)).toEqual({ contentBlockStop: { contentBlockIndex: 0 } });
    expect(events!.filter((e) => e.contentBlockDelta?.contentBlockIndex === 1).map((e) => e.contentBlockDelta.delta.text).join("")).toBe("You said: hello world");
  });

  it("signs with the configured secret", async () => {
    const outcome = await call(createBedrockEmulator({ builtInModel: { signingSecret: "s3" } }), "converse", thinkingBody(say("x")));
    const { text, signature } = outcome.content![0].reasoningContent.reasoningText;
    expect(signature).toBe(reasoningSignature(text, "s3"));
    expect(signature).not.toBe(reasoningSignature(text));
  });
});

describe("built-in model: replayed reasoning", () => {
  const first = 'The user wrote "hi". I should repeat it back.';
  const twoTurns = (replayed: unknown, fields: unknown = THINKING) =>
    thinkingBody({ messages: [user({ text: "hi" }), assistant(replayed, { text: "You said: hi" }), user({ text: "again" })] }, fields);

  /** [case, body, model, expected error message or undefined for success]. */
  const CASES: Array<[string, unknown, string, string | undefined]> = [
    ["the signature it gave", twoTurns(reasoning(first, reasoningSignature(first))), CLAUDE, undefined],
    ["redacted reasoning is taken as is", twoTurns({ reasoningContent: { redactedContent: "AAAA" } }), CLAUDE, undefined],
    ["a missing signature", twoTurns(reasoning(first)), CLAUDE, `${PREFIX}messages.1.content.0.thinking.signature: Field required`],
    ["an empty signature", twoTurns(reasoning(first, "")), CLAUDE, `${PREFIX}messages.1.content.0.thinking.signature: Field required`],
    ["a wrong signature", twoTurns(reasoning(first, "Zm9v")), CLAUDE, `${PREFIX}messages.1.content.0: Invalid \`signature\` in \`thinking\` block`],
    ["edited reasoning text", twoTurns(reasoning(`${first}!`, reasoningSignature(first))), CLAUDE, `${PREFIX}messages.1.content.0: Invalid \`signature\` in \`thinking\` block`],
    ["a wrong signature while thinking is off", twoTurns(reasoning(first, "Zm9v"), {}), CLAUDE, undefined],
    ["a missing signature while thinking is off", twoTurns(reasoning(first), {}), CLAUDE, `${PREFIX}messages.1.content.0.thinking.signature: Field required`],
    [
      "any reasoning replayed to DeepSeek",
      twoTurns(reasoning(first), {}),
      "us.deepseek.r1-v1:0",
      "User messages cannot contain reasoning content. Please remove the reasoning content and try again.",
    ],
  ];

  describe.each(OPERATIONS)("%s", (operation) => {
    it.each(CASES)("%s", async (_name, body, model, message) => {
      const outcome = await call(createBedrockEmulator(), operation, body, { model });
      if (message === undefined) {
        expect(outcome.error).toBeUndefined();
        expect(outcome.content!.at(-1)).toEqual({ text: "You said: again" });
      } else {
        expect(outcome).toEqual({ status: 400, error: { type: "ValidationException", message } });
      }
    });
  });

  it("round-trips: a second turn replaying the first turn's reasoning is accepted", async () => {
    const emulator = createBedrockEmulator();
    const body = thinkingBody({ ...say("I love programming."), toolConfig: { tools: [tool("search_web")] } });
    const turn1 = await call(emulator, "converse-stream", body);
    const turn2 = await call(emulator, "converse", { ...body, messages: [...body.messages, assistant(...turn1.content!), user({ text: "thanks" })] });
    expect(turn2.error).toBeUndefined();
    expect(turn2.content!.at(-1)).toEqual({ text: "You said: thanks" });
  });
});

describe("built-in model: thinking settings Bedrock refuses", () => {
  const tools = { tools: [tool("search_web", { q: { type: "string" } }, ["q"])] };
  const CASES: Array<[string, unknown, string]> = [
    ["budget_tokens below 1024", thinkingBody(say("hi"), { thinking: { type: "enabled", budget_tokens: 1023 } }), `${PREFIX}thinking.enabled.budget_tokens: Input should be greater than or equal to 1024`],
    ["budget_tokens missing", thinkingBody(say("hi"), { thinking: { type: "enabled" } }), `${PREFIX}thinking.enabled.budget_tokens: Field required`],
    [
      "maxTokens not above the budget",
      { ...thinkingBody(say("hi")), inferenceConfig: { maxTokens: 2048 } },
      `${PREFIX}\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size`,
    ],
    ["toolChoice any", thinkingBody({ ...say("hi"), toolConfig: { ...tools, toolChoice: { any: {} } } }), `${PREFIX}Thinking may not be enabled when tool_choice forces tool use.`],
    ["toolChoice tool", thinkingBody({ ...say("hi"), toolConfig: { ...tools, toolChoice: { tool: { name: "search_web" } } } }), `${PREFIX}Thinking may not be enabled when tool_choice forces tool use.`],
    [
      "temperature other than 1",
      { ...thinkingBody(say("hi")), inferenceConfig: { temperature: 0.5 } },
      `${PREFIX}\`temperature\` may only be set to 1 when thinking is enabled. Please consult our documentation at https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking#feature-compatibility`,
    ],
    [
      "tool results answering a turn that did not start with its reasoning",
      thinkingBody({
        messages: [
          user({ text: "search_web cats" }),
          assistant({ toolUse: { toolUseId: "tooluse_1", name: "search_web", input: { q: "cats" } } }),
          user({ toolResult: { toolUseId: "tooluse_1", content: [{ text: "meow" }] } }),
        ],
        toolConfig: tools,
      }),
      `${PREFIX}messages.1.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`tool_use\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block`,
    ],
  ];

  describe.each(OPERATIONS)("%s", (operation) => {
    it.each(CASES)("%s → ValidationException", async (_name, body, message) => {
      const outcome = await call(createBedrockEmulator(), operation, body);
      expect(outcome.status).toBe(400);
      expect(outcome.error!.type).toBe("ValidationException");
      expect(outcome.error!.message.startsWith(message)).toBe(true);
    });
  });

  it.each(OPERATIONS)("%s: thinking with tools across turns, reasoning replayed, is accepted", async (operation) => {
    const emulator = createBedrockEmulator();
    const body = thinkingBody({ ...say("search_web cats"), toolConfig: tools });
    const turn1 = await call(emulator, operation, body);
    const id = turn1.content![1].toolUse.toolUseId;
    const turn2 = await call(emulator, operation, {
      ...body,
      messages: [...body.messages, assistant(...turn1.content!), user({ toolResult: { toolUseId: id, content: [{ text: "meow" }] } })],
    });
    expect(turn2.error).toBeUndefined();
    expect(turn2.content!.map((b) => Object.keys(b)[0])).toEqual(["reasoningContent", "text"]);
    expect(turn2.content![1].text).toBe("Tool search_web returned: meow");
  });
});
