// LangChain's standard tool-calling and structured-output checks, as our own tests against the emulator.
import { AIMessage, AIMessageChunk, HumanMessage, ToolMessage } from "@langchain/core/messages";
import { OutputParserException } from "@langchain/core/output_parsers";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { RunnableLambda } from "@langchain/core/runnables";
import { StructuredTool, tool } from "@langchain/core/tools";
import { toJsonSchema } from "@langchain/core/utils/json_schema";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod/v3";
import { BedrockInputError } from "../../src/errors/index.js";
import { useEmulator } from "./helpers.js";

const e = useEmulator();

const adderSchema = z.object({ a: z.number().int().describe("First integer"), b: z.number().int().describe("Second integer") }).describe("Adds two integers");

class AdderTool extends StructuredTool {
  name = "math_addition";
  description = "Adds two integers";
  schema = adderSchema;
  async _call(input: { a: number; b: number }): Promise<string> {
    return JSON.stringify({ result: input.a + input.b });
  }
}

const ADD_PROMPT = ChatPromptTemplate.fromMessages([
  ["system", "You are bad at math and must ALWAYS call the {toolName} function."],
  ["human", "Use {toolName} with a=1836281973, b=19973286"],
]);

const weatherTool = tool(() => "The weather in San Francisco is 70 degrees and sunny.", {
  name: "get_current_weather",
  description: "Get the current weather for a location.",
  schema: z.object({ location: z.string().describe("The location to get the weather for.") }),
});
const timeTool = tool(() => "12:00", {
  name: "get_current_time",
  description: "Get the current time in a given location",
  schema: z.object({ location: z.string() }),
});

const isToolUseId = (id: unknown) => typeof id === "string" && /^tooluse_[A-Za-z0-9_-]{22}$/.test(id);

async function joinStream(stream: AsyncIterable<AIMessageChunk>): Promise<AIMessageChunk> {
  let joined: AIMessageChunk | undefined;
  for await (const chunk of stream) joined = joined ? joined.concat(chunk) : chunk;
  if (!joined) throw new Error("empty stream");
  return joined;
}

describe("binding tools", () => {
  it.each([
    ["a StructuredTool subclass", () => new AdderTool()],
    ["a tool() with a zod 4 schema", () => tool(async () => "3", { name: "math_addition", description: "Adds", schema: adderSchema })],
    [
      "a tool() with a zod 3 schema",
      () => tool(async () => "3", { name: "math_addition", description: "Adds", schema: z3.object({ a: z3.number().int(), b: z3.number().int() }) }),
    ],
    ["a RunnableToolLike (asTool)", () => RunnableLambda.from((_: unknown) => "3").asTool({ name: "math_addition", description: "Adds", schema: adderSchema })],
    [
      "an OpenAI-formatted tool",
      () => ({ type: "function", function: { name: "math_addition", description: "Adds", parameters: toJsonSchema(adderSchema) } }),
    ],
    ["a Bedrock toolSpec", () => ({ toolSpec: { name: "math_addition", description: "Adds", inputSchema: { json: toJsonSchema(adderSchema) } } })],
  ])("%s: the model calls it with typed arguments", async (_kind, make) => {
    const result = await e.model().bindTools([make() as never]).invoke("Use the tool: math_addition a=1, b=2");
    expect(result).toBeInstanceOf(AIMessage);
    expect(result.tool_calls).toHaveLength(1);
    const [call] = result.tool_calls!;
    expect([call!.name, call!.args, call!.type]).toEqual(["math_addition", { a: 1, b: 2 }, "tool_call"]);
    expect(isToolUseId(call!.id)).toBe(true);
    const spec = e.bodies("converse")[0]!.toolConfig.tools[0].toolSpec;
    expect(spec.name).toBe("math_addition");
    expect(spec.inputSchema.json.properties).toMatchObject({ a: { type: "integer" }, b: { type: "integer" } });
  });

  it("a prompt piped into the bound model calls the tool the system prompt demands", async () => {
    const result = (await ADD_PROMPT.pipe(e.model().bindTools([new AdderTool()])).invoke({ toolName: "math_addition" })) as AIMessage;
    expect(result.tool_calls![0]!.args).toEqual({ a: 1836281973, b: 19973286 });
  });

  it("bound tools are Bedrock toolSpecs in the binding, as LangGraph looks for them", () => {
    const bound = e.model().bindTools([new AdderTool()], { tool_choice: "any" }) as unknown as { kwargs: unknown; config: { tools: unknown[]; tool_choice: unknown } };
    expect(bound.config.tools).toEqual([{ toolSpec: expect.objectContaining({ name: "math_addition" }) }]);
    expect(bound.config.tool_choice).toBe("any");
  });

  it.each([
    ["auto", { auto: {} }],
    ["any", { any: {} }],
    ["math_addition", { tool: { name: "math_addition" } }],
  ])("tool_choice %s is sent as %j", async (choice, wire) => {
    await e.model().bindTools([new AdderTool()], { tool_choice: choice }).invoke("Hello");
    expect(e.bodies("converse")[0]!.toolConfig.toolChoice).toEqual(wire);
  });

  it("a tool_choice naming no bound tool fails at bindTools", () => {
    expect(() => e.model().bindTools([new AdderTool()], { tool_choice: "other_tool" })).toThrow(BedrockInputError);
  });

  it("a tool with an invalid name fails at bindTools", () => {
    expect(() => e.model().bindTools([{ name: "bad name!", description: "x", schema: { type: "object", properties: {} } }])).toThrow(BedrockInputError);
  });
});

describe("tool message histories", () => {
  const call = { name: "math_addition", args: { a: 1, b: 2 }, id: "abc123", type: "tool_call" as const };

  it.each([
    ["string content", new AIMessage({ content: "", tool_calls: [call] })],
    [
      "list content with a tool_use block",
      new AIMessage({
        content: [
          { type: "text", text: "some text" },
          { type: "tool_use", id: "abc123", name: "math_addition", input: { a: 1, b: 2 } },
        ],
        tool_calls: [call],
      }),
    ],
  ])("%s: the model answers the tool result", async (_kind, aiMessage) => {
    const result = await e
      .model()
      .bindTools([new AdderTool()])
      .invoke([new HumanMessage("What is 1 + 2"), aiMessage, new ToolMessage('{"result":3}', "abc123", "math_addition")]);
    expect(result).toBeInstanceOf(AIMessage);
    expect(result.text).toBe('Tool math_addition returned: {"result":3}');
    const assistant = e.bodies("converse")[0]!.messages[1];
    expect(assistant.content.filter((b: Record<string, unknown>) => "toolUse" in b)).toEqual([
      { toolUse: { toolUseId: "abc123", name: "math_addition", input: { a: 1, b: 2 } } },
    ]);
  });

  it("few-shot examples with a tool cycle, then a new question", async () => {
    const result = await e
      .model()
      .bindTools([new AdderTool()])
      .invoke([
        new HumanMessage("What is 1 + 2"),
        new AIMessage({ content: "", tool_calls: [call] }),
        new ToolMessage('{"result":3}', "abc123", "math_addition"),
        new AIMessage('{"result":3}'),
        new HumanMessage("What is 3 + 4"),
      ]);
    expect(result).toBeInstanceOf(AIMessage);
    expect(result.text).toBe("You said: What is 3 + 4");
  });

  it.each([
    ["invoke", false],
    ["stream", true],
  ])("the model's own tool-use message goes back with the tool's answer (%s)", async (_mode, streaming) => {
    const model = e.model().bindTools([weatherTool]);
    const messages: Array<HumanMessage | AIMessage | ToolMessage> = [
      new HumanMessage("What's the weather like in San Francisco right now? Use the 'get_current_weather' tool, location=San Francisco."),
    ];
    const first = streaming ? await joinStream(await model.stream(messages)) : await model.invoke(messages);
    const [toolCall] = first.tool_calls!;
    expect([toolCall!.name, toolCall!.args]).toEqual(["get_current_weather", { location: "San Francisco" }]);
    messages.push(first, new ToolMessage({ tool_call_id: toolCall!.id!, name: toolCall!.name, content: await weatherTool.invoke(toolCall!.args as never) }));
    const final = streaming ? await joinStream(await model.stream(messages)) : await model.invoke(messages);
    expect(final.text).toBe("Tool get_current_weather returned: The weather in San Francisco is 70 degrees and sunny.");
  });

  it("streams tool calls with usage", async () => {
    const result = await joinStream(await ADD_PROMPT.pipe(e.model().bindTools([new AdderTool()])).stream({ toolName: "math_addition" }));
    expect(result.tool_calls![0]).toMatchObject({ name: "math_addition", args: { a: 1836281973, b: 19973286 } });
    expect(result.tool_call_chunks!.length).toBeGreaterThan(0);
    expect(result.usage_metadata!.input_tokens).toBeGreaterThan(0);
    expect(result.usage_metadata!.output_tokens).toBeGreaterThan(0);
  });
});

describe("parallel tool calls", () => {
  const ask = "Call get_current_weather location=San Francisco; then get_current_time location=San Francisco";

  it.each([
    ["invoke", false],
    ["stream", true],
  ])("two tools in one turn (%s)", async (_mode, streaming) => {
    const model = e.model().bindTools([weatherTool, timeTool]);
    const result = streaming ? await joinStream(await model.stream(ask)) : await model.invoke(ask);
    expect(result.tool_calls!.map((c) => [c.name, c.args])).toEqual([
      ["get_current_weather", { location: "San Francisco" }],
      ["get_current_time", { location: "San Francisco" }],
    ]);
    expect(new Set(result.tool_calls!.map((c) => c.id)).size).toBe(2);
  });

  it("a history with parallel calls and both results", async () => {
    const result = await e
      .model()
      .bindTools([weatherTool, timeTool])
      .invoke([
        new HumanMessage(ask),
        new AIMessage({
          content: "",
          tool_calls: [
            { name: "get_current_weather", args: { location: "SF" }, id: "id1" },
            { name: "get_current_time", args: { location: "SF" }, id: "id2" },
          ],
        }),
        new ToolMessage({ content: "sunny", tool_call_id: "id1", name: "get_current_weather" }),
        new ToolMessage({ content: "12:00", tool_call_id: "id2", name: "get_current_time" }),
      ]);
    expect(result.text).toBe("Tool get_current_weather returned: sunny\nTool get_current_time returned: 12:00");
    expect(e.bodies("converse")[0]!.messages[2].content).toHaveLength(2);
  });
});

describe("withStructuredOutput", () => {
  function capture(): { handler: object; options: () => Record<string, any> } {
    let seen: Record<string, any> = {};
    const handler = {
      handleChatModelStart(_llm: unknown, _messages: unknown, _runId: unknown, _parent: unknown, extraParams?: Record<string, any>) {
        seen = extraParams?.options ?? {};
      },
    };
    return { handler, options: () => seen };
  }

  it("functionCalling (default): a forced tool call, parsed and validated; tracers see the method and schema", async () => {
    const { handler, options } = capture();
    const result = await ADD_PROMPT.pipe(e.model().withStructuredOutput(adderSchema, { name: "math_addition" })).invoke(
      { toolName: "math_addition" },
      { callbacks: [handler] },
    );
    expect(result).toEqual({ a: 1836281973, b: 19973286 });
    expect(options().ls_structured_output_format).toEqual({ kwargs: { method: "functionCalling" }, schema: toJsonSchema(adderSchema) });
    expect(e.bodies("converse")[0]!.toolConfig.toolChoice).toEqual({ tool: { name: "math_addition" } });
  });

  it("includeRaw: the raw AIMessage beside the parsed value", async () => {
    const result = await ADD_PROMPT.pipe(e.model().withStructuredOutput(adderSchema, { name: "math_addition", includeRaw: true })).invoke({
      toolName: "math_addition",
    });
    expect(result.raw).toBeInstanceOf(AIMessage);
    expect(result.parsed).toEqual({ a: 1836281973, b: 19973286 });
  });

  it("jsonSchema: Converse's native structured output, parsed from the text", async () => {
    const person = z.object({ name: z.string(), age: z.number() });
    const result = await e.model().withStructuredOutput(person, { method: "jsonSchema", name: "person" }).invoke("name=Ada, age=36");
    expect(result).toEqual({ name: "Ada", age: 36 });
    const body = e.bodies("converse")[0]!;
    expect(body.outputConfig.textFormat.structure.jsonSchema.name).toBe("person");
    expect(body.toolConfig).toBeUndefined();
  });

  it.each([
    ["zod 3", z3.object({ name: z3.string(), age: z3.number() })],
    ["JSON Schema", { title: "person", type: "object", properties: { name: { type: "string" }, age: { type: "number" } }, required: ["name", "age"] }],
  ])("%s schemas work too", async (_kind, schema) => {
    expect(await e.model().withStructuredOutput(schema as never, { name: "person" }).invoke("name=Ada, age=36")).toEqual({ name: "Ada", age: 36 });
  });

  it("a nested schema with a record of unknown values", async () => {
    const complex = z.object({
      decision: z.enum(["UseAPI", "UseFallback"]),
      explanation: z.string(),
      apiDetails: z.object({ serviceName: z.string(), endpointName: z.string(), parameters: z.record(z.string(), z.unknown()), extractionPath: z.string() }),
    });
    const result = await e
      .model()
      .withStructuredOutput(complex, { name: "service_tool" })
      .invoke(`decision=UseAPI, explanation=faster, apiDetails='{"serviceName":"MyService","endpointName":"MyEndpoint","parameters":{"p":1},"extractionPath":"Users/johndoe/data"}'`);
    expect(result).toEqual({
      decision: "UseAPI",
      explanation: "faster",
      apiDetails: { serviceName: "MyService", endpointName: "MyEndpoint", parameters: { p: 1 }, extractionPath: "Users/johndoe/data" },
    });
  });

  it("a value the schema refuses: LangChain's OutputParserException, or parsed null with includeRaw", async () => {
    const strict = z.object({ code: z.string().regex(/^[A-Z]{3}$/) });
    const error = await e.model().withStructuredOutput(strict, { name: "code" }).invoke("code=abc").catch((err: unknown) => err);
    expect(error).toBeInstanceOf(OutputParserException);
    expect((error as OutputParserException).llmOutput).toBe('{"code":"abc"}');
    const raw = await e.model().withStructuredOutput(strict, { name: "code", includeRaw: true }).invoke("code=abc");
    expect(raw.parsed).toBeNull();
    expect((raw.raw as AIMessage).tool_calls![0]!.args).toEqual({ code: "abc" });
  });

  it("jsonMode is refused with a clear error", () => {
    expect(() => e.model().withStructuredOutput(adderSchema, { method: "jsonMode" })).toThrow(/functionCalling" or "jsonSchema/);
  });
});
