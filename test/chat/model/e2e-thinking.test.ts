// Extended thinking over loopback: reasoning streams, signatures replay across turns and with tools.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AIMessage, HumanMessage, ToolMessage } from "../../../src/chat/messages/messages.js";
import { ValidationException } from "../../../src/errors/index.js";
import type { RecordedRequest, ScriptedResponse } from "../../../src/testing/index.js";
import { bodies, collect, essentials, useEmulator } from "./e2e-helpers.js";
import { signatureFor } from "./e2e-model.js";

const e2e = useEmulator();
type Block = Record<string, any>;
type Turn = { role: string; content: Block[] };

/**
 * Bedrock's rule for thinking with tools: the assistant turn whose tool calls the last user turn
 * answers must start with its reasoning, signature intact. Signatures anywhere must be genuine.
 */
function requireSignatures(request: RecordedRequest): ScriptedResponse | undefined {
  const body = request.body as { messages: Turn[]; additionalModelRequestFields?: { thinking?: { type?: string } } };
  if (body.additionalModelRequestFields?.thinking?.type !== "enabled") return undefined;
  const invalid = (message: string): ScriptedResponse => ({ error: { type: "ValidationException", message } });
  for (const turn of body.messages) {
    for (const block of turn.content) {
      const text = block.reasoningContent?.reasoningText;
      if (text && text.signature !== signatureFor(text.text)) return invalid("messages: Invalid `signature` in `thinking` block");
    }
  }
  const last = body.messages[body.messages.length - 1]!;
  const previous = body.messages[body.messages.length - 2];
  if (previous && last.content.some((b) => b.toolResult) && !previous.content[0]?.reasoningContent) {
    return invalid(
      "messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`. When `thinking` is enabled, a final `assistant` message must start with a thinking block.",
    );
  }
  return undefined;
}

const reasoningOf = (message: AIMessage) =>
  (message.content as Block[]).filter((b) => b.type === "reasoning_content").map(({ index: _i, ...b }) => b);

describe("thinking across turns", () => {
  it("returns reasoning with its signature, and sends it back verbatim on the next turn", async () => {
    const model = e2e.chat({ thinking: { type: "enabled", budget_tokens: 2048 } });
    const first = new HumanMessage("Why is the sky blue?");
    const reply = await model.invoke([first]);
    const thought = "Thinking about: Why is the sky blue?";
    expect(reasoningOf(reply)).toEqual([{ type: "reasoning_content", reasoningText: { text: thought, signature: signatureFor(thought) } }]);
    expect(reply.text).toBe("You said: Why is the sky blue?");

    await model.invoke([first, reply, new HumanMessage("And at sunset?")]);
    const sent = bodies(e2e.running)[1]!;
    expect(sent.additionalModelRequestFields).toEqual({ thinking: { type: "enabled", budget_tokens: 2048 } });
    expect((sent.messages as Turn[])[1]).toEqual({
      role: "assistant",
      content: [{ reasoningContent: { reasoningText: { text: thought, signature: signatureFor(thought) } } }, { text: "You said: Why is the sky blue?" }],
    });
  });

  it("streams reasoning as reasoning chunks; the concatenated chunk equals invoke and replays the same way", async () => {
    const model = e2e.chat({ thinking: 1024 });
    const invoked = await model.invoke("Count the stars");
    const { full, chunks } = await collect(await model.stream("Count the stars"));
    expect(essentials(full)).toEqual(essentials(invoked));
    expect(chunks.filter((c) => Array.isArray(c.content) && (c.content as Block[]).some((b) => b.type === "reasoning_content")).length).toBeGreaterThan(2);

    e2e.running.emulator.script(requireSignatures, { times: Infinity });
    const next = await model.invoke([new HumanMessage("Count the stars"), full, new HumanMessage("Roughly?")]);
    expect(next.text).toBe("You said: Roughly?");
    expect((bodies(e2e.running)[2]!.messages as Turn[])[1]!.content).toEqual([
      { reasoningContent: { reasoningText: { text: "Thinking about: Count the stars", signature: signatureFor("Thinking about: Count the stars") } } },
      { text: "You said: Count the stars" },
    ]);
  });
});

describe("thinking with tools", () => {
  const getWeather = { name: "get_weather", description: "Weather for a city", schema: z.object({ city: z.string() }) };

  it.each(["invoke", "stream"] as const)("replays reasoning before the tool call, so Bedrock accepts the tool result (%s)", async (how) => {
    e2e.running.emulator.script(requireSignatures, { times: Infinity });
    const model = e2e.chat({ thinking: 1024 }).bindTools([getWeather]);
    const question = new HumanMessage("get_weather city=Paris");
    const call = how === "invoke" ? await model.invoke([question]) : (await collect(await model.stream([question]))).full;
    expect(call.tool_calls).toEqual([{ name: "get_weather", args: { city: "Paris" }, id: "tooluse_1_0", type: "tool_call" }]);
    expect(reasoningOf(call)).toHaveLength(1);

    const answer = await model.invoke([question, call, new ToolMessage({ content: "Sunny", tool_call_id: "tooluse_1_0" })]);
    expect(answer.text).toBe("Tool results: Sunny");
    const assistant = (bodies(e2e.running)[1]!.messages as Turn[])[1]!;
    expect(assistant.content.map((b) => Object.keys(b)[0])).toEqual(["reasoningContent", "toolUse"]);
  });

  it("a history that lost the reasoning is refused, as Bedrock refuses it", async () => {
    e2e.running.emulator.script(requireSignatures, { times: Infinity });
    const model = e2e.chat({ thinking: 1024 }).bindTools([getWeather]);
    const stripped = new AIMessage({ content: "", tool_calls: [{ id: "t1", name: "get_weather", args: { city: "Paris" } }] });
    await expect(
      model.invoke([new HumanMessage("get_weather city=Paris"), stripped, new ToolMessage({ content: "Sunny", tool_call_id: "t1" })]),
    ).rejects.toThrow(ValidationException);
  });
});

describe("reasoning Bedrock sends without a signature, or redacted", () => {
  const reply = (content: Block[]) => ({
    converse: {
      output: { message: { role: "assistant", content } },
      stopReason: "end_turn",
      usage: { inputTokens: 5, outputTokens: 5, totalTokens: 10 },
      metrics: { latencyMs: 3 },
    },
  });

  it("replays redacted reasoning byte for byte", async () => {
    const redacted = "AQIDBAUGBwg=";
    e2e.running.emulator.script(reply([{ reasoningContent: { redactedContent: redacted } }, { text: "Done." }]));
    const model = e2e.chat({ thinking: 1024 });
    const first = await model.invoke("Hi");
    expect(reasoningOf(first)).toEqual([{ type: "reasoning_content", redactedContent: redacted }]);
    await model.invoke([new HumanMessage("Hi"), first, new HumanMessage("Again")]);
    expect((bodies(e2e.running)[1]!.messages as Turn[])[1]!.content).toEqual([{ reasoningContent: { redactedContent: redacted } }, { text: "Done." }]);
  });

  it("never replays reasoning without a signature (Bedrock would refuse it)", async () => {
    e2e.running.emulator.script(reply([{ reasoningContent: { reasoningText: { text: "unsigned thoughts" } } }, { text: "Answer." }]));
    const model = e2e.chat({ model: "openai.gpt-oss-120b-1:0" });
    const first = await model.invoke("Hi");
    expect(reasoningOf(first)).toEqual([{ type: "reasoning_content", reasoningText: { text: "unsigned thoughts" } }]);
    await model.invoke([new HumanMessage("Hi"), first, new HumanMessage("Again")]);
    expect((bodies(e2e.running)[1]!.messages as Turn[])[1]!.content).toEqual([{ text: "Answer." }]);
  });
});
