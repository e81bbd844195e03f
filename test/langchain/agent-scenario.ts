// Runtime-neutral proof scenarios (no Node APIs): a LangGraph ReAct agent with two tools, and a streamed prompt | model | parser chain.
import { StringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { z } from "zod";
import { ChatBedrockConverse } from "../../src/langchain/index.js";
import { EMULATOR_CREDENTIALS, EMULATOR_REGION } from "../../src/testing/auth/credentials.js";

export const AGENT_MODEL = "us.anthropic.claude-sonnet-4-20250514-v1:0";

/** What a scenario run reports: plain JSON, so a Worker can send it back. */
export interface ScenarioResult {
  agent: {
    /** `type: content` per message, tool calls as `name(args)`. */
    transcript: string[];
    answer: string;
    toolRuns: string[];
    usage: { input_tokens: number; output_tokens: number } | undefined;
  };
  chain: { pieces: string[]; text: string; tokens: string[] };
}

export function agentModel(baseUrl: string): ChatBedrockConverse {
  return new ChatBedrockConverse({
    model: AGENT_MODEL,
    region: EMULATOR_REGION,
    endpoint: baseUrl,
    credentials: EMULATOR_CREDENTIALS,
    maxRetries: 0,
  });
}

/** Runs the agent (two tools, both called in one turn, then the final answer) and the streamed chain. */
export async function runScenarios(baseUrl: string): Promise<ScenarioResult> {
  const toolRuns: string[] = [];
  const getWeather = tool(
    async ({ city }) => {
      toolRuns.push(`get_weather:${city}`);
      return `Sunny, 21 degrees in ${city}`;
    },
    { name: "get_weather", description: "Current weather of a city", schema: z.object({ city: z.string().describe("City name") }) },
  );
  const getTime = tool(
    async ({ zone }) => {
      toolRuns.push(`get_time:${zone}`);
      return `12:00 in ${zone}`;
    },
    { name: "get_time", description: "Current time in a time zone", schema: z.object({ zone: z.string() }) },
  );

  const agent = createReactAgent({ llm: agentModel(baseUrl), tools: [getWeather, getTime] });
  const state = await agent.invoke({ messages: [{ role: "user", content: "get_weather city=Paris; get_time zone=UTC" }] });
  const messages = state.messages;
  const last = messages[messages.length - 1]!;
  const usage = (last as { usage_metadata?: { input_tokens: number; output_tokens: number } }).usage_metadata;

  const chain = ChatPromptTemplate.fromMessages([
    ["system", "Translate the user sentence to French."],
    ["human", "{sentence}"],
  ])
    .pipe(agentModel(baseUrl))
    .pipe(new StringOutputParser());
  const tokens: string[] = [];
  const pieces: string[] = [];
  const stream = await chain.stream(
    { sentence: "I love programming." },
    { callbacks: [{ handleLLMNewToken: (token: string) => void tokens.push(token) }] },
  );
  for await (const piece of stream) pieces.push(piece);

  return {
    agent: {
      transcript: messages.map((m) => {
        const calls = (m as { tool_calls?: Array<{ name: string; args: unknown }> }).tool_calls ?? [];
        const called = calls.map((c) => `${c.name}(${JSON.stringify(c.args)})`).join(" ");
        return `${m.type}: ${typeof m.content === "string" ? m.content : JSON.stringify(m.content)}${called ? ` ${called}` : ""}`;
      }),
      answer: typeof last.content === "string" ? last.content : JSON.stringify(last.content),
      toolRuns,
      usage: usage && { input_tokens: usage.input_tokens, output_tokens: usage.output_tokens },
    },
    chain: { pieces, text: pieces.join(""), tokens },
  };
}
