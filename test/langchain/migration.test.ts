// Migration check: the same LangChain code run with @langchain/aws and with bedrock-edge/langchain gives the same results.
import { createRequire } from "node:module";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { ChatBedrockConverse as AwsChatBedrockConverse } from "@langchain/aws";
import type { AIMessageChunk, BaseMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ChatBedrockConverse } from "../../src/langchain/index.js";
import { EMULATOR_CREDENTIALS } from "../../src/testing/node.js";
import { MODEL, useEmulator } from "./helpers.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
// The emulator speaks HTTP/1.1; the AWS SDK would pick HTTP/2 for Bedrock, so it gets its own HTTP/1.1 handler.
const sdkRequire = createRequire(createRequire(import.meta.url).resolve("@aws-sdk/client-bedrock-runtime"));
const { NodeHttpHandler } = sdkRequire("@smithy/node-http-handler") as { NodeHttpHandler: new () => unknown };

const e = useEmulator();
type Model = ChatBedrockConverse | AwsChatBedrockConverse;
type Make = (fields?: Record<string, unknown>) => Model;

const makers: Array<[string, () => Make]> = [
  [
    "@langchain/aws",
    () => (fields = {}) =>
      new AwsChatBedrockConverse({
        model: MODEL,
        region: "us-east-1",
        client: new BedrockRuntimeClient({
          region: "us-east-1",
          endpoint: e.running.url,
          credentials: { ...EMULATOR_CREDENTIALS },
          maxAttempts: 1,
          requestHandler: new NodeHttpHandler() as never,
        }),
        ...fields,
      }),
  ],
  ["bedrock-edge/langchain", () => (fields = {}) => e.model(fields)],
];

const THINKING = { additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 2048 } }, maxTokens: 4096 };
const getWeather = tool(async ({ city }) => `Sunny in ${city}`, { name: "get_weather", description: "Weather of a city", schema: z.object({ city: z.string() }) });
const getTime = tool(async ({ zone }) => `12:00 in ${zone}`, { name: "get_time", description: "Time in a zone", schema: z.object({ zone: z.string() }) });

async function joined(model: { stream(input: string): Promise<AsyncIterable<AIMessageChunk>> }, input: string): Promise<AIMessageChunk> {
  let out: AIMessageChunk | undefined;
  for await (const chunk of await model.stream(input)) out = out ? out.concat(chunk) : chunk;
  return out!;
}

const reasoningOf = (m: BaseMessage) => (m.content as Array<Record<string, unknown>>).filter((b) => b.type === "reasoning").map(({ index: _i, ...b }) => b);

/** One scenario's observable results, run with either class. */
async function observe(make: Make): Promise<Record<string, unknown>> {
  const text = await make().invoke("I love programming.");
  const thought = await make(THINKING).invoke("I love programming.");
  const thoughtStream = await joined(make(THINKING), "I love programming.");
  const called = await make().bindTools([getWeather]).invoke("get_weather city=Paris");
  const calledStream = await joined(make().bindTools([getWeather]), "get_weather city=Paris");
  const person = await (make() as ChatBedrockConverse).withStructuredOutput(z.object({ name: z.string(), age: z.number() }), { name: "person" }).invoke("name=Ada, age=36");
  const agent = createReactAgent({ llm: make() as never, tools: [getWeather, getTime] });
  const { messages } = await agent.invoke({ messages: [{ role: "user", content: "get_weather city=Paris; get_time zone=UTC" }] });
  return {
    text: [text.content, text.usage_metadata, text.response_metadata.stopReason, typeof text.id],
    thought: [thought.content, thought.usage_metadata],
    thoughtStream: [reasoningOf(thoughtStream), thoughtStream.text],
    called: called.tool_calls,
    calledStream: calledStream.tool_calls,
    person,
    agent: messages.map((m) => [m.type, m.text, (m as { tool_calls?: unknown[] }).tool_calls ?? []]),
  };
}

describe("@langchain/aws → bedrock-edge/langchain, one import line", () => {
  it("text, usage, signed reasoning (invoke and stream), tool calls (invoke and stream), structured output and a LangGraph agent agree", async () => {
    const [aws, edge] = [await observe(makers[0]![1]()), await observe(makers[1]![1]())];
    expect(edge).toEqual(aws);
    expect((edge.thought as unknown[])[0]).toEqual([
      expect.objectContaining({ type: "reasoning", signature: expect.any(String) }),
      { type: "text", text: "J'adore la programmation." },
    ]);
  });
});
