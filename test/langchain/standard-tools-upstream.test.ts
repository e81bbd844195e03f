// LangChain.js's standard tool checks whose prompts describe the task instead of naming the tool, as our own tests.
//
// Same prompts, tools and assertions as `@langchain/standard-tests` (libs/langchain-standard-tests/src/
// integration_tests/chat_models.ts in langchain-ai/langchainjs): testBindToolsWithOpenAIFormattedTools,
// testBindToolsWithRunnableToolLike, testStreamTokensWithToolCalls, testModelCanAcceptStructuredToolParamsSchema
// and testStreamTools. Each then pins what the emulator's built-in model does, which upstream cannot.
import { AIMessage, AIMessageChunk } from "@langchain/core/messages";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { RunnableLambda } from "@langchain/core/runnables";
import { StructuredTool, type StructuredToolParams } from "@langchain/core/tools";
import { toJsonSchema } from "@langchain/core/utils/json_schema";
import { concat } from "@langchain/core/utils/stream";
import { describe, expect, it } from "vitest";
import { z } from "zod/v3";
import { useEmulator } from "./helpers.js";

const e = useEmulator();

// Upstream's definitions, word for word where they reach the model.
const adderSchema = z
  .object({ a: z.number().int().describe("The first integer to add."), b: z.number().int().describe("The second integer to add.") })
  .describe("Add two integers");

class AdderTool extends StructuredTool {
  name = "AdderTool";
  description = adderSchema.description ?? "description";
  schema = adderSchema;
  async _call(input: { a: number; b: number }): Promise<string> {
    return JSON.stringify({ result: input.a + input.b });
  }
}

const MATH_ADDITION_PROMPT = ChatPromptTemplate.fromMessages([
  ["system", "You are bad at math and must ALWAYS call the {toolName} function."],
  ["human", "What is the sum of 1836281973 and 19973286?"],
]);

const weatherParams = (): StructuredToolParams => ({
  name: "get_current_weather",
  description: "Get the current weather in a given location",
  schema: z.object({ location: z.string().describe("The city name, e.g. San Francisco") }),
});

const WEATHER_PROMPT = "What's the weather like in San Francisco today?";

/** Upstream's concat loop; also counts the chunks that carried a piece of a tool call. */
async function joined(stream: AsyncIterable<AIMessageChunk>, pieces: AIMessageChunk[] = []): Promise<AIMessageChunk | undefined> {
  let full: AIMessageChunk | undefined;
  for await (const chunk of stream) {
    if ((chunk.tool_call_chunks ?? []).length > 0) pieces.push(chunk);
    full = !full ? chunk : concat(full, chunk);
  }
  return full;
}

describe("LangChain standard tool checks with task-describing prompts", () => {
  it("testBindToolsWithOpenAIFormattedTools: the system prompt's function is called", async () => {
    const modelWithTools = e.model().bindTools([
      { type: "function", function: { name: "math_addition", description: adderSchema.description, parameters: toJsonSchema(adderSchema) as Record<string, any> } },
    ]);
    const result: AIMessage = await MATH_ADDITION_PROMPT.pipe(modelWithTools).invoke({ toolName: "math_addition" });

    expect(result.tool_calls?.[0]).toBeDefined();
    expect(result.tool_calls![0]!.name).toBe("math_addition");
    // Ours: the numbers of the question fill the integer parameters in order; nothing forced the call.
    expect(result.tool_calls![0]!.args).toEqual({ a: 1836281973, b: 19973286 });
    expect(e.bodies("converse")[0]!.toolConfig.toolChoice).toBeUndefined();
  });

  it("testBindToolsWithRunnableToolLike: one call with numeric args, an id and type tool_call", async () => {
    const runnableLike = RunnableLambda.from((_: unknown) => {}).asTool({ name: "math_addition", description: adderSchema.description, schema: adderSchema });
    const result: AIMessage = await MATH_ADDITION_PROMPT.pipe(e.model().bindTools([runnableLike])).invoke({ toolName: "math_addition" });

    expect(result.tool_calls?.[0]).toBeDefined();
    const { tool_calls } = result;
    expect(tool_calls).toHaveLength(1);
    const toolCall = tool_calls![0]!;
    expect(toolCall.name).toBe("math_addition");
    expect(toolCall.args).toEqual({ a: expect.any(Number), b: expect.any(Number) });
    expect(toolCall.id).toBeDefined();
    expect(toolCall.type).toBe("tool_call");
    // Ours: the values upstream would like to check ("TODO: verify the values if possible?").
    expect(toolCall.args).toEqual({ a: 1836281973, b: 19973286 });
    expect(toolCall.id).toMatch(/^tooluse_[A-Za-z0-9_-]{22}$/);
  });

  it("testStreamTokensWithToolCalls: the only bound tool is called though the system prompt names another", async () => {
    const stream = await MATH_ADDITION_PROMPT.pipe(e.model().bindTools([new AdderTool()])).stream({ toolName: "math_addition" });
    const result = await joined(stream);

    expect(result).toBeDefined();
    expect(result!.tool_calls?.[0]).toBeDefined();
    expect(result!.usage_metadata).toBeDefined();
    expect(result!.usage_metadata?.input_tokens).toBeGreaterThan(0);
    expect(result!.usage_metadata?.output_tokens).toBeGreaterThan(0);
    // Ours: AdderTool with the question's numbers.
    expect(result!.tool_calls![0]).toMatchObject({ name: "AdderTool", args: { a: 1836281973, b: 19973286 } });
    expect(e.bodies("converse-stream")).toHaveLength(1);
  });

  it("testModelCanAcceptStructuredToolParamsSchema: a weather question calls the weather tool with a location", async () => {
    const tool = weatherParams();
    const result: AIMessage = await e.model().bindTools([tool]).invoke(WEATHER_PROMPT);

    expect(result.tool_calls?.length).toBeGreaterThanOrEqual(1);
    expect(result.tool_calls?.[0]!.name).toBe(tool.name);
    expect(result.tool_calls?.[0]!.args).toHaveProperty("location");
    // Ours: the capitalised place name is the location.
    expect(result.tool_calls![0]!.args).toEqual({ location: "San Francisco" });
    expect(result.response_metadata.stopReason).toBe("tool_use");
  });

  it("testStreamTools: the same, streamed", async () => {
    const tool = weatherParams();
    const pieces: AIMessageChunk[] = [];
    const full = await joined(await e.model().bindTools([tool]).stream(WEATHER_PROMPT), pieces);

    expect(full).toBeDefined();
    expect(full!.tool_calls?.length).toBeGreaterThanOrEqual(1);
    expect(full!.tool_calls?.[0]!.name).toBe(tool.name);
    expect(full!.tool_calls?.[0]!.args).toHaveProperty("location");
    // Ours: same call as invoke, its input JSON arriving over several chunks.
    expect(full!.tool_calls![0]!.args).toEqual({ location: "San Francisco" });
    expect(pieces.length).toBeGreaterThan(2);
  });

  it("no invented call: a request no bound tool fits gets a text answer", async () => {
    const result = await e.model().bindTools([weatherParams(), new AdderTool()]).invoke("Write me a haiku about autumn leaves.");
    expect(result.tool_calls).toEqual([]);
    expect(result.text).toBe("You said: Write me a haiku about autumn leaves.");
  });
});
