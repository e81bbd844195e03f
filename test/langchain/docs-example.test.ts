// docs/langchain.md's example (a LangGraph agent and a streamed chain), run as written against the emulator.
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { expect, it } from "vitest";
import { z } from "zod";
import { ChatBedrockConverse } from "../../src/langchain/index.js";
import { useEmulator } from "./helpers.js";
import { EMULATOR_CREDENTIALS } from "../../src/testing/node.js";

const e = useEmulator();

// docs/langchain.md body from here (only `connection` differs: the page passes a Worker's secrets).
async function main(connection: { endpoint?: string; credentials: { accessKeyId: string; secretAccessKey: string } }) {
  const model = new ChatBedrockConverse({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    region: "us-east-1",
    ...connection,
  });

  const getWeather = tool(async ({ city }) => `Sunny, 21 °C in ${city}`, {
    name: "get_weather",
    description: "Current weather of a city",
    schema: z.object({ city: z.string() }),
  });
  const agent = createReactAgent({ llm: model, tools: [getWeather] });
  const { messages } = await agent.invoke({ messages: [{ role: "user", content: "get_weather city=Paris" }] });
  console.log(messages.at(-1)?.text); // "Tool get_weather returned: Sunny, 21 °C in Paris"

  const chain = ChatPromptTemplate.fromMessages([
    ["system", "Translate the user sentence to French."],
    ["human", "{sentence}"],
  ])
    .pipe(model)
    .pipe(new StringOutputParser());
  const pieces: string[] = [];
  for await (const piece of await chain.stream({ sentence: "I love programming." })) if (piece) pieces.push(piece);
  console.log(pieces); // ["J'adore ", "la ", "programmation."]
  return { answer: messages.at(-1)?.text, pieces };
}
// docs/langchain.md body ends.

it("the docs/langchain.md example runs: agent answer and streamed pieces", async () => {
  const log = console.log;
  const printed: unknown[] = [];
  console.log = (...args: unknown[]) => void printed.push(args);
  try {
    const result = await main({ endpoint: e.running.url, credentials: { ...EMULATOR_CREDENTIALS } });
    expect(result).toEqual({ answer: "Tool get_weather returned: Sunny, 21 °C in Paris", pieces: ["J'adore ", "la ", "programmation."] });
    expect(printed).toEqual([["Tool get_weather returned: Sunny, 21 °C in Paris"], [["J'adore ", "la ", "programmation."]]]);
  } finally {
    console.log = log;
  }
});
