// Tool calling over loopback: single, parallel, streamed, tool_choice, malformed arguments, round trips.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AIMessage, HumanMessage, ToolMessage } from "../../../src/chat/messages/messages.js";
import { bodies, collect, essentials, useEmulator } from "./e2e-helpers.js";

const e2e = useEmulator();
const getWeather = { name: "get_weather", description: "Current weather for a city", schema: z.object({ city: z.string() }) };
const getTime = {
  type: "function" as const,
  function: { name: "get_time", description: "Local time in a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
};

describe("tool calls", () => {
  it("makes a single call with parsed args, and answers its result", async () => {
    const model = e2e.chat().bindTools([getWeather, getTime]);
    const question = new HumanMessage("What is the weather? get_weather city=Paris");
    const call = await model.invoke([question]);
    expect(call.tool_calls).toEqual([{ name: "get_weather", args: { city: "Paris" }, id: "tooluse_1_0", type: "tool_call" }]);
    expect(call.response_metadata.stopReason).toBe("tool_use");

    const answer = await model.invoke([question, call, new ToolMessage({ content: "Sunny, 24°C", tool_call_id: "tooluse_1_0" })]);
    expect(answer.text).toBe("Tool results: Sunny, 24°C");
    expect(bodies(e2e.running)[1]!.messages).toEqual([
      { role: "user", content: [{ text: "What is the weather? get_weather city=Paris" }] },
      { role: "assistant", content: [{ toolUse: { toolUseId: "tooluse_1_0", name: "get_weather", input: { city: "Paris" } } }] },
      { role: "user", content: [{ toolResult: { toolUseId: "tooluse_1_0", content: [{ text: "Sunny, 24°C" }], status: "success" } }] },
    ]);
  });

  it("makes parallel calls, each with its own args; error results round trip with status", async () => {
    const model = e2e.chat().bindTools([getWeather, getTime]);
    const question = new HumanMessage("get_weather city=Paris; get_weather city=Rome; get_time city=Tokyo");
    const call = await model.invoke([question]);
    expect(call.tool_calls.map((c) => [c.name, c.args])).toEqual([
      ["get_weather", { city: "Paris" }],
      ["get_weather", { city: "Rome" }],
      ["get_time", { city: "Tokyo" }],
    ]);
    const results = call.tool_calls.map(
      (c, i) => new ToolMessage({ content: i === 2 ? "clock broken" : "Sunny", tool_call_id: c.id!, ...(i === 2 && { status: "error" as const }) }),
    );
    const answer = await model.invoke([question, call, ...results]);
    expect(answer.text).toBe("Tool results: Sunny | Sunny | clock broken");
    const lastTurn = (bodies(e2e.running)[1]!.messages as Array<{ content: Array<{ toolResult: { status: string } }> }>)[2]!;
    expect(lastTurn.content.map((b) => b.toolResult.status)).toEqual(["success", "success", "error"]);
  });

  it("streams tool calls: input JSON deltas assemble into the calls invoke returns", async () => {
    const model = e2e.chat().bindTools([getWeather, getTime]);
    const input = "get_weather city=Paris; get_time city=Tokyo";
    const invoked = await model.invoke(input);
    const { full, chunks } = await collect(await model.stream(input));
    expect(essentials(full)).toEqual(essentials(invoked));
    expect(full.tool_calls).toHaveLength(2);
    const argPieces = chunks.flatMap((c) => c.tool_call_chunks.filter((t) => t.index === 0 && t.args));
    expect(argPieces.length).toBeGreaterThan(1);
    expect(argPieces.map((t) => t.args).join("")).toBe('{"city":"Paris"}');
  });

  it.each([
    ["a tool name", "get_time", { tool: { name: "get_time" } }, "get_time"],
    ["any", "any", { any: {} }, "get_weather"],
    ["an OpenAI-style object", { type: "function", function: { name: "get_time" } }, { tool: { name: "get_time" } }, "get_time"],
  ])("tool_choice %s forces the call", async (_name, toolChoice, wire, called) => {
    const reply = await e2e.chat().bindTools([getWeather, getTime], { tool_choice: toolChoice as never }).invoke("Tell me something city=Oslo");
    expect(reply.tool_calls.map((c) => [c.name, c.args])).toEqual([[called, { city: "Oslo" }]]);
    expect((bodies(e2e.running)[0]!.toolConfig as { toolChoice: unknown }).toolChoice).toEqual(wire);
  });

  it("tool_choice auto lets the model answer with text", async () => {
    const reply = await e2e.chat().bindTools([getWeather], { tool_choice: "auto" }).invoke("Hello there");
    expect(reply.tool_calls).toEqual([]);
    expect(reply.text).toBe("You said: Hello there");
  });

  it("sends strict tools when asked", async () => {
    await e2e.chat().bindTools([getWeather], { strict: true }).invoke("get_weather city=Lima");
    const spec = (bodies(e2e.running)[0]!.toolConfig as { tools: Array<{ toolSpec: Record<string, unknown> }> }).tools[0]!.toolSpec;
    expect(spec.strict).toBe(true);
    expect((spec.inputSchema as { json: Record<string, unknown> }).json.additionalProperties).toBe(false);
  });
});

describe("malformed and empty tool input", () => {
  const start = (index: number, name: string, id: string) => ({ contentBlockStart: { contentBlockIndex: index, start: { toolUse: { toolUseId: id, name } } } });
  const delta = (index: number, input: string) => ({ contentBlockDelta: { contentBlockIndex: index, delta: { toolUse: { input } } } });
  const stop = (index: number) => ({ contentBlockStop: { contentBlockIndex: index } });
  const usage = { metadata: { usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 }, metrics: { latencyMs: 5 } } };

  it("a malformed streamed argument string lands in invalid_tool_calls instead of throwing", async () => {
    e2e.running.emulator.script({
      stream: [
        { messageStart: { role: "assistant" } },
        start(0, "get_weather", "t-bad"),
        delta(0, '{"city": "Par'),
        delta(0, "is"),
        stop(0),
        start(1, "get_time", "t-good"),
        delta(1, '{"city":'),
        delta(1, '"Oslo"}'),
        stop(1),
        { messageStop: { stopReason: "tool_use" } },
        usage,
      ],
    });
    const { full } = await collect(await e2e.chat().bindTools([getWeather, getTime]).stream("weather?"));
    expect(full.tool_calls).toEqual([{ name: "get_time", args: { city: "Oslo" }, id: "t-good", type: "tool_call" }]);
    expect(full.invalid_tool_calls).toEqual([
      { name: "get_weather", args: '{"city": "Paris', id: "t-bad", error: expect.any(String), type: "invalid_tool_call" },
    ]);
  });

  it("a malformed input string in a Converse reply lands in invalid_tool_calls", async () => {
    e2e.running.emulator.script({
      converse: {
        output: { message: { role: "assistant", content: [{ toolUse: { toolUseId: "t-bad", name: "get_weather", input: '{"city": ' } }] } },
        stopReason: "tool_use",
        usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
        metrics: { latencyMs: 5 },
      },
    });
    const reply = await e2e.chat().bindTools([getWeather]).invoke("weather?");
    expect(reply.tool_calls).toEqual([]);
    expect(reply.invalid_tool_calls).toMatchObject([{ name: "get_weather", args: '{"city": ', id: "t-bad" }]);
  });

  it("a streamed call without any input delta has args {}", async () => {
    e2e.running.emulator.script({
      stream: [{ messageStart: { role: "assistant" } }, start(0, "get_time", "t-empty"), stop(0), { messageStop: { stopReason: "tool_use" } }, usage],
    });
    const { full } = await collect(await e2e.chat().bindTools([getTime]).stream("time?"));
    expect(full.tool_calls).toEqual([{ name: "get_time", args: {}, id: "t-empty", type: "tool_call" }]);
  });
});

describe("tool history without bound tools", () => {
  it("sends the calls and results as text, with a warning, and Bedrock accepts it", async () => {
    const warned: string[] = [];
    const reply = await e2e.chat({ warn: (m) => void warned.push(m) }).invoke([
      new HumanMessage("get_weather city=Paris"),
      new AIMessage({ content: "", tool_calls: [{ id: "t1", name: "get_weather", args: { city: "Paris" } }] }),
      new ToolMessage({ content: "Sunny", tool_call_id: "t1" }),
      new HumanMessage("Thanks!"),
    ]);
    expect(reply.text).toBe("You said: [Tool output: Sunny] Thanks!");
    expect(warned).toEqual([expect.stringMatching(/no tools are bound; they were sent as text/)]);
    expect(e2e.running.emulator.requests[0]!.status).toBe(200);
  });
});
