// Profiles through ChatBedrockConverse over loopback: what the emulator received, and the warnings given.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AIMessage, HumanMessage, ToolMessage } from "../../../src/chat/messages/messages.js";
import { BedrockInputError } from "../../../src/errors/index.js";
import { toCoreInput } from "../../../src/langchain/options.js";
import { bodies, collect, useEmulator } from "../model/e2e-helpers.js";

const e2e = useEmulator();
const OPUS_47 = "global.anthropic.claude-opus-4-7";
const APP_ARN = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5";
type Block = Record<string, any>;

function recorder() {
  const messages: string[] = [];
  return { warn: (m: string) => void messages.push(m), messages };
}

describe("sampling parameters on Opus 4.7 (langchain-aws #1094 / PR #1095)", () => {
  it.each(["invoke", "stream"] as const)("are dropped before sending, with one warning (%s)", async (how) => {
    const { warn, messages } = recorder();
    const model = e2e.chat({ model: OPUS_47, temperature: 0.2, topP: 0.9, maxTokens: 200, warn });
    if (how === "invoke") await model.invoke("Hi");
    else await collect(await model.stream("Hi"));
    expect(bodies(e2e.running)[0]!.inferenceConfig).toEqual({ maxTokens: 200 });
    expect(messages).toEqual(["temperature, topP dropped: Claude Opus 4.7 refuses sampling parameters (CH02)"]);
  });

  it("profile: false sends them as given, with no warning", async () => {
    const { warn, messages } = recorder();
    await e2e.chat({ model: OPUS_47, temperature: 0.2, profile: false, warn }).invoke("Hi");
    expect(bodies(e2e.running)[0]!.inferenceConfig).toEqual({ temperature: 0.2 });
    expect(messages).toEqual([]);
  });

  it("a call's profile override wins over the table", async () => {
    await e2e.chat({ model: OPUS_47, temperature: 0.2 }).invoke("Hi", { profile: { rejectsSamplingParameters: false } });
    expect(bodies(e2e.running)[0]!.inferenceConfig).toEqual({ temperature: 0.2 });
  });

  it("an application inference profile ARN is adjusted once baseModelId names the model", async () => {
    const { warn, messages } = recorder();
    await e2e.chat({ model: APP_ARN, temperature: 0.2, warn }).invoke("Hi");
    expect(bodies(e2e.running)[0]!.inferenceConfig).toEqual({ temperature: 0.2 });
    await e2e.chat({ model: APP_ARN, baseModelId: "anthropic.claude-opus-4-7", temperature: 0.2, warn }).invoke("Hi");
    expect(bodies(e2e.running)[1]!.inferenceConfig).toBeUndefined();
    expect(e2e.running.emulator.requests[1]!.modelId).toBe(APP_ARN);
    expect(messages).toEqual(["temperature dropped: Claude Opus 4.7 refuses sampling parameters (CH02)"]);
  });

  it("the LangChain adapter's applicationInferenceProfile takes `model` as the base model", () => {
    const core = toCoreInput({ model: "anthropic.claude-opus-4-7", applicationInferenceProfile: APP_ARN, region: "us-east-1" });
    expect(core).toMatchObject({ model: APP_ARN, baseModelId: "anthropic.claude-opus-4-7" });
  });
});

describe("reasoningEffort over the wire", () => {
  it("Nova 2: reasoningConfig in additionalModelRequestFields", async () => {
    await e2e.chat({ model: "us.amazon.nova-2-lite-v1:0", reasoningEffort: "medium" }).invoke("Hi");
    expect(bodies(e2e.running)[0]!.additionalModelRequestFields).toEqual({ reasoningConfig: { type: "enabled", maxReasoningEffort: "medium" } });
  });

  it("Opus 4.7: adaptive thinking + output_config.effort; a call's effort wins over the constructor's", async () => {
    await e2e.chat({ model: OPUS_47, reasoningEffort: "low" }).invoke("Hi", { reasoningEffort: "high" });
    expect(bodies(e2e.running)[0]!.additionalModelRequestFields).toEqual({ thinking: { type: "adaptive" }, output_config: { effort: "high" } });
  });

  it("Sonnet 4 thinking from effort turns a forced tool choice into auto, with the thinking warning", async () => {
    const { warn, messages } = recorder();
    const weather = { name: "get_weather", description: "Weather", schema: z.object({ city: z.string() }) };
    await e2e.chat({ reasoningEffort: "low", maxTokens: 4000, warn }).bindTools([weather], { tool_choice: "get_weather" }).invoke("Hi");
    const body = bodies(e2e.running)[0]!;
    expect(body.additionalModelRequestFields).toEqual({ thinking: { type: "enabled", budget_tokens: 1024 } });
    expect((body.toolConfig as Block).toolChoice).toEqual({ auto: {} });
    expect(messages).toEqual(['tool_choice "get_weather" was changed to "auto": Bedrock refuses it with extended thinking (CH11)']);
  });

  it("a bad effort is a BedrockInputError naming the field, before any request", async () => {
    expect(() => e2e.chat({ reasoningEffort: "extreme" as never })).toThrow(/^reasoningEffort must be one of "low", "medium", "high"/);
    await expect(e2e.chat().invoke("Hi", { profile: { rejectsEverything: true } as never })).rejects.toThrow(/^profile\.rejectsEverything is not a profile field$/);
    expect(e2e.running.emulator.requests).toHaveLength(0);
  });
});

describe("structured output on a model that refuses native output (vercel/ai PR #17919)", () => {
  const Joke = z.object({ setup: z.string(), punchline: z.string() });

  it("jsonSchema falls back to the forced json_output tool, with a warning, and still parses", async () => {
    const { warn, messages } = recorder();
    const joke = await e2e.chat({ model: OPUS_47, warn }).withStructuredOutput(Joke, { name: "Joke", method: "jsonSchema" }).invoke("A joke");
    expect(joke).toEqual({ setup: "setup", punchline: "punchline" });
    const body = bodies(e2e.running)[0]!;
    expect(body.outputConfig).toBeUndefined();
    expect(body.toolConfig).toMatchObject({ tools: [{ toolSpec: { name: "json_output" } }], toolChoice: { tool: { name: "json_output" } } });
    expect(messages).toEqual(['outputConfig.textFormat replaced by forced tool "json_output": Claude Opus 4.7 refuses it (CH05)']);
  });

  it("functionCalling strict is dropped with a warning", async () => {
    const { warn, messages } = recorder();
    await e2e.chat({ model: "anthropic.claude-opus-4-8", warn }).withStructuredOutput(Joke, { name: "Joke", strict: true }).invoke("A joke");
    expect(((bodies(e2e.running)[0]!.toolConfig as Block).tools[0].toolSpec as Block).strict).toBeUndefined();
    expect(messages).toEqual(["strict dropped from tools Joke: Claude Opus 4.8 refuses it (CH07)"]);
  });
});

describe("union-typed parameters (langchain-aws PR #1114)", () => {
  it("more than 16 across the tools is a BedrockInputError before sending", async () => {
    const fields = (prefix: string, n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, z.string().nullable()]));
    const a = { name: "a", description: "A", schema: z.object(fields("a", 10)) };
    const b = { name: "b", description: "B", schema: z.object(fields("b", 7)) };
    const model = e2e.chat().bindTools([a, b]);
    const error = await model.invoke("Hi").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BedrockInputError);
    expect((error as Error).message).toMatch(/^toolConfig\.tools: 17 union-typed parameters; .* at most 16/);
    expect(e2e.running.emulator.requests).toHaveLength(0);
  });
});

describe("signature-only ('omitted') reasoning of Claude 4.7+ (strands-agents PR #2704, litellm PR #38809)", () => {
  // Trailing space and base64 punctuation: any trim or re-encoding would show.
  const signature = "EqQBCkYIBxgCKkA+/sig== ";
  const usage = { inputTokens: 5, outputTokens: 5, totalTokens: 10 };

  it("invoke: kept and replayed byte-exact as { text: '', signature }", async () => {
    e2e.running.emulator.script({
      converse: {
        output: { message: { role: "assistant", content: [{ reasoningContent: { reasoningText: { text: "", signature } } }, { text: "Answer." }] } },
        stopReason: "end_turn",
        usage,
        metrics: { latencyMs: 3 },
      },
    });
    const model = e2e.chat({ model: OPUS_47, thinking: { type: "adaptive" } });
    const first = await model.invoke("Hi");
    expect((first.content as Block[])[0]).toEqual({ type: "reasoning_content", reasoningText: { text: "", signature } });
    await model.invoke([new HumanMessage("Hi"), first, new HumanMessage("Again")]);
    expect((bodies(e2e.running)[1]!.messages as Block[])[1]!.content).toEqual([{ reasoningContent: { reasoningText: { text: "", signature } } }, { text: "Answer." }]);
  });

  it("stream: a signature-only delta becomes a replayable block", async () => {
    e2e.running.emulator.script({
      stream: [
        { messageStart: { role: "assistant" } },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { signature } } } },
        { contentBlockStop: { contentBlockIndex: 0 } },
        { contentBlockDelta: { contentBlockIndex: 1, delta: { text: "Answer." } } },
        { contentBlockStop: { contentBlockIndex: 1 } },
        { messageStop: { stopReason: "end_turn" } },
        { metadata: { usage, metrics: { latencyMs: 3 } } },
      ],
    });
    const model = e2e.chat({ model: OPUS_47, thinking: { type: "adaptive" } });
    const { full } = await collect(await model.stream("Hi"));
    expect(full.text).toBe("Answer.");
    await model.invoke([new HumanMessage("Hi"), full, new HumanMessage("Again")]);
    expect((bodies(e2e.running)[1]!.messages as Block[])[1]!.content).toEqual([{ reasoningContent: { reasoningText: { text: "", signature } } }, { text: "Answer." }]);
  });
});

describe("models that take no tools, or no forced choice, against an emulator that refuses as Bedrock does", () => {
  const weather = { name: "get_weather", description: "Weather in a city", schema: z.object({ city: z.string() }) };

  it.each(["invoke", "stream"] as const)("DeepSeek R1 with bound tools: a BedrockInputError before any request (%s)", async (how) => {
    const model = e2e.chat({ model: "us.deepseek.r1-v1:0" }).bindTools([weather]);
    const run = how === "invoke" ? model.invoke("Weather in Paris?") : model.stream("Weather in Paris?").then(collect);
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BedrockInputError);
    expect((error as Error).message).toMatch(/^toolConfig\.tools: DeepSeek R1 does not support tool use/);
    expect(e2e.running.emulator.requests).toHaveLength(0);
  });

  it("with the check overridden, Bedrock's own refusal comes back (the emulator answers as AWS)", async () => {
    const model = e2e.chat({ model: "us.deepseek.r1-v1:0", profile: { supportsToolUse: true }, maxRetries: 0 }).bindTools([weather]);
    const error = await model.invoke("Weather in Paris?").catch((e: unknown) => e);
    expect((error as Error).name).toBe("ValidationException");
    expect((error as Error).message).toBe("This model doesn't support tool use.");
    expect(e2e.running.emulator.requests.map((r) => r.status)).toEqual([400]);
  });

  it("Llama: tool_choice any is changed to auto with a warning, and the emulator, which refuses any, answers", async () => {
    const { warn, messages } = recorder();
    const reply = await e2e.chat({ model: "us.meta.llama3-3-70b-instruct-v1:0", warn }).bindTools([weather], { tool_choice: "any" }).invoke("Use get_weather for Paris.");
    expect((bodies(e2e.running)[0]!.toolConfig as Block).toolChoice).toEqual({ auto: {} });
    expect(messages).toEqual([expect.stringMatching(/^tool_choice "any" was changed to "auto": Meta Llama 3\.1\+ \/ 4 accepts only "auto"$/)]);
    expect(e2e.running.emulator.requests.map((r) => r.status)).toEqual([200]);
    expect(reply.tool_calls?.[0]?.name).toBe("get_weather");
  });
});

describe("Mistral tool-use IDs against an emulator that refuses as Bedrock does (opencode PR #48843)", () => {
  const weather = { name: "get_weather", description: "Weather in a city", schema: z.object({ city: z.string() }) };
  const conversation = [
    new HumanMessage("Use get_weather for Paris."),
    new AIMessage({ content: "", tool_calls: [{ id: "a", name: "get_weather", args: { city: "Paris" } }] }),
    new ToolMessage({ content: "sunny", tool_call_id: "a" }),
  ];
  const MISTRAL = "us.mistral.pixtral-large-2502-v1:0";

  it("a history with short IDs is rewritten (call and result alike) and answered, with one warning", async () => {
    const { warn, messages } = recorder();
    await e2e.chat({ model: MISTRAL, warn }).bindTools([weather]).invoke(conversation);
    const sent = bodies(e2e.running)[0]!.messages as Block[];
    const id = sent[1]!.content[0].toolUse.toolUseId;
    expect(id).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(sent[2]!.content[0].toolResult.toolUseId).toBe(id);
    expect(e2e.running.emulator.requests.map((r) => r.status)).toEqual([200]);
    expect(messages).toEqual(["1 tool-use ID(s) rewritten to 9 letters and digits: Mistral refuses others (CH09)"]);
  });

  it("with the rewrite turned off, Bedrock's refusal comes back in its words", async () => {
    const model = e2e.chat({ model: MISTRAL, profile: { shortToolUseIds: false }, maxRetries: 0 }).bindTools([weather]);
    const error = await model.invoke(conversation).catch((e: unknown) => e);
    expect((error as Error).name).toBe("ValidationException");
    expect((error as Error).message).toBe("The model returned the following errors: Tool call id was a but must be a-z, A-Z, 0-9, with a length of 9.");
  });
});
