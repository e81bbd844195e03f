// Extended thinking through LangChain: signed reasoning blocks come back whole (invoke, stream, v1 blocks) and replay across turns and tool cycles.
import { AIMessage, AIMessageChunk, HumanMessage, type BaseMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { reasoningSignature } from "../../src/testing/index.js";
import { useEmulator } from "./helpers.js";

const e = useEmulator();
const THINKING = { thinking: 2048, maxTokens: 4096 } as const;
const REASONING = 'The user wrote "I love programming.". I should translate it into French.';

// As @langchain/aws (and LangChain's v1 standard) write signed reasoning.
const signedBlock = { type: "reasoning", reasoning: REASONING, signature: reasoningSignature(REASONING) };

const withoutIndex = (content: AIMessage["content"]) =>
  typeof content === "string" ? content : content.map(({ index: _index, ...block }) => block as Record<string, unknown>);

async function streamed(messages: string | BaseMessage[], fields = {}): Promise<AIMessageChunk> {
  let joined: AIMessageChunk | undefined;
  for await (const chunk of await e.model({ ...THINKING, ...fields }).stream(messages)) joined = joined ? joined.concat(chunk) : chunk;
  return joined!;
}

describe("reasoning with signatures", () => {
  it("invoke: the reasoning block carries the model's signature, then the answer", async () => {
    const reply = await e.model(THINKING).invoke("I love programming.");
    expect(reply.content).toEqual([signedBlock, { type: "text", text: "J'adore la programmation." }]);
    expect(reply.contentBlocks).toEqual(reply.content);
    expect(reply.usage_metadata!.output_tokens).toBeGreaterThan(0);
    expect(e.bodies("converse")[0]!.additionalModelRequestFields).toEqual({ thinking: { type: "enabled", budget_tokens: 2048 } });
  });

  it("stream: LangChain's concat of the chunks gives the same blocks", async () => {
    const invoked = await e.model(THINKING).invoke("I love programming.");
    const joined = await streamed("I love programming.");
    expect(withoutIndex(joined.content)).toEqual(invoked.content);
    expect(joined.text).toBe("J'adore la programmation.");
  });

  it.each([
    ["an invoked reply", false],
    ["a streamed, concatenated reply", true],
  ])("%s replays on the next turn: the emulator checks its signature", async (_kind, stream) => {
    const first = stream ? await streamed("I love programming.") : await e.model(THINKING).invoke("I love programming.");
    const history = [new HumanMessage("I love programming."), first, new HumanMessage("Again")];
    const second = await e.model(THINKING).invoke(history);
    expect(second.text).toBe("You said: Again");
    const replayed = e.bodies("converse").at(-1)!.messages[1].content[0];
    expect(replayed).toEqual({ reasoningContent: { reasoningText: { text: REASONING, signature: reasoningSignature(REASONING) } } });
  });

  it("outputVersion v1: standard reasoning blocks, which replay just as well", async () => {
    const model = e.model({ ...THINKING, outputVersion: "v1" });
    const first = await model.invoke("I love programming.");
    expect(first.content).toEqual([
      { type: "reasoning", reasoning: REASONING, signature: reasoningSignature(REASONING) },
      { type: "text", text: "J'adore la programmation." },
    ]);
    const second = await model.invoke([new HumanMessage("I love programming."), first, new HumanMessage("Again")]);
    expect(second.text).toBe("You said: Again");
  });

  it("an edited reasoning text is refused by the emulator (the signature is really checked)", async () => {
    const first = await e.model(THINKING).invoke("I love programming.");
    const edited = new AIMessage({ content: [{ ...signedBlock, reasoning: "edited" }, { type: "text", text: "x" }] });
    await expect(e.model(THINKING).invoke([new HumanMessage("I love programming."), edited, new HumanMessage("Again")])).rejects.toMatchObject({
      name: "ValidationException",
    });
    expect(first.content).toEqual([signedBlock, { type: "text", text: "J'adore la programmation." }]);
  });

  it("a LangGraph agent thinks through a tool cycle: the reasoning before the tool call replays with the result", async () => {
    const getWeather = tool(async ({ city }) => `Sunny in ${city}`, {
      name: "get_weather",
      description: "Weather of a city",
      schema: z.object({ city: z.string() }),
    });
    const agent = createReactAgent({ llm: e.model(THINKING), tools: [getWeather] });
    const { messages } = await agent.invoke({ messages: [{ role: "user", content: "get_weather city=Paris" }] });
    expect(messages.map((m) => m.type)).toEqual(["human", "ai", "tool", "ai"]);
    expect((messages[1]!.content as Array<{ type: string }>)[0]!.type).toBe("reasoning");
    expect(messages.at(-1)!.text).toBe("Tool get_weather returned: Sunny in Paris");
    // Bedrock requires the assistant turn answered by tool results to start with its reasoning.
    const second = e.bodies("converse")[1]!;
    expect(Object.keys(second.messages[1].content[0])).toEqual(["reasoningContent"]);
  });
});
