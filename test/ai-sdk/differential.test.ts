// The proof of compatibility: the same `ai` code over @ai-sdk/amazon-bedrock and over bedrock-edge/ai-sdk,
// each against its own fresh emulator, gives the same text, tool calls, usage and finish reasons.
import { createAmazonBedrock as createTheirs } from "@ai-sdk/amazon-bedrock";
import { APICallError } from "@ai-sdk/provider";
import { generateText, jsonSchema, Output, RetryError, stepCountIs, streamText, tool, type LanguageModel, type ModelMessage } from "ai";
import { describe, expect, it } from "vitest";
import { createAmazonBedrock as createOurs } from "../../src/ai-sdk/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS, type BedrockEmulator, type Fault } from "../../src/testing/index.js";

const NOVA = "us.amazon.nova-micro-v1:0";
const CLAUDE = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

type Side = "theirs" | "ours";

interface Setup {
  model: (id: string) => LanguageModel;
  emulator: BedrockEmulator;
}

function setup(side: Side, emulatorOptions: Parameters<typeof createBedrockEmulator>[0] = {}): Setup {
  const emulator = createBedrockEmulator(emulatorOptions);
  const settings = { region: "us-east-1", ...EMULATOR_CREDENTIALS, baseURL: "https://bedrock.test", fetch: emulator.asFetch };
  const provider = side === "ours" ? createOurs({ ...settings, maxRetries: 0 }) : createTheirs(settings);
  return { model: (id) => provider(id), emulator };
}

/** Runs `scenario` on both sides and expects the same result; returns it for further checks. */
async function same<T>(scenario: (s: Setup) => Promise<T>, emulatorOptions?: Parameters<typeof createBedrockEmulator>[0]): Promise<T> {
  const theirs = await scenario(setup("theirs", emulatorOptions));
  const ours = await scenario(setup("ours", emulatorOptions));
  expect(ours).toEqual(theirs);
  return ours;
}

const weather = tool({
  description: "Current weather of a city",
  inputSchema: jsonSchema<{ city: string; unit?: string }>({
    type: "object",
    properties: { city: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
    required: ["city"],
  }),
  execute: async ({ city }) => ({ city, temperature: 21 }),
});
const time = tool({
  description: "Current time in a city",
  inputSchema: jsonSchema<{ city: string }>({ type: "object", properties: { city: { type: "string" } }, required: ["city"] }),
  execute: async ({ city }) => `12:00 in ${city}`,
});

const usageOf = (u: { inputTokens?: number; outputTokens?: number; totalTokens?: number; inputTokenDetails?: unknown }) => ({
  inputTokens: u.inputTokens,
  outputTokens: u.outputTokens,
  totalTokens: u.totalTokens,
  details: u.inputTokenDetails,
});

describe("differential: ai over @ai-sdk/amazon-bedrock and over bedrock-edge/ai-sdk", () => {
  it("generateText: text, usage, finish reason", async () => {
    const result = await same(async ({ model }) => {
      const r = await generateText({ model: model(NOVA), prompt: "I love programming." });
      return { text: r.text, usage: usageOf(r.usage), finish: r.finishReason, raw: r.rawFinishReason };
    });
    expect(result.text).toBe("J'adore la programmation.");
    expect(result.finish).toBe("stop");
  });

  it("streamText: the same text, usage and finish reason", async () => {
    const result = await same(async ({ model }) => {
      const r = streamText({ model: model(NOVA), system: "Be brief.", prompt: "I love programming." });
      let text = "";
      for await (const part of r.fullStream) if (part.type === "text-delta") text += part.text;
      return { text, usage: usageOf(await r.usage), finish: await r.finishReason };
    });
    expect(result.text).toBe("J'adore la programmation.");
  });

  it("streamText with coalesceDeltas off: the very same deltas, one per Bedrock event", async () => {
    const deltas = async (model: LanguageModel) => {
      const out: string[] = [];
      for await (const part of streamText({ model, prompt: "I love programming." }).fullStream) if (part.type === "text-delta") out.push(part.text);
      return out;
    };
    const theirs = setup("theirs");
    const emulator = createBedrockEmulator();
    const ours = createOurs({ region: "us-east-1", ...EMULATOR_CREDENTIALS, baseURL: "https://bedrock.test", fetch: emulator.asFetch, coalesceDeltas: false });
    expect(await deltas(ours(NOVA))).toEqual(await deltas(theirs.model(NOVA)));
    expect(await deltas(ours(NOVA))).toEqual(["J'adore ", "la ", "programmation."]);
  });

  it("streamText with two tools over two steps: calls, results, final text, summed usage", async () => {
    const result = await same(async ({ model }) => {
      const r = streamText({
        model: model(NOVA),
        tools: { get_weather: weather, get_time: time },
        stopWhen: stepCountIs(3),
        prompt: "get weather city=Paris, unit=celsius; get time city=Lyon",
      });
      const inputs: Record<string, string> = {};
      for await (const part of r.fullStream) if (part.type === "tool-input-delta") inputs[part.id] = (inputs[part.id] ?? "") + part.delta;
      const steps = await r.steps;
      return {
        inputs,
        steps: steps.map((s) => ({
          calls: s.toolCalls.map((c) => ({ id: c.toolCallId, name: c.toolName, input: c.input })),
          results: s.toolResults.map((t) => ({ id: t.toolCallId, output: t.output })),
          text: s.text,
          finish: s.finishReason,
          usage: usageOf(s.usage),
        })),
        total: usageOf(await r.totalUsage),
      };
    });
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]!.calls.map((c) => c.input)).toEqual([{ city: "Paris", unit: "celsius" }, { city: "Lyon" }]);
    expect(result.steps[0]!.finish).toBe("tool-calls");
    expect(result.steps[1]!.text).toContain("Tool get_weather returned:");
  });

  it("generateText: tool choice required and a named tool", async () => {
    await same(async ({ model }) => {
      const out = [];
      for (const toolChoice of ["required", { type: "tool", toolName: "get_time" }] as const) {
        const r = await generateText({ model: model(NOVA), tools: { get_weather: weather, get_time: time }, toolChoice, prompt: "Hello there" });
        out.push({ calls: r.toolCalls.map((c) => [c.toolName, c.input]), finish: r.finishReason, usage: usageOf(r.usage) });
      }
      return out;
    });
  });

  it("structured output through a forced json tool: the same object, finish reason stop", async () => {
    const result = await same(async ({ model }) => {
      const r = await generateText({
        model: model(NOVA),
        output: Output.object({
          schema: jsonSchema<{ name: string; age: number }>({ type: "object", properties: { name: { type: "string" }, age: { type: "integer" } }, required: ["name", "age"] }),
        }),
        prompt: "name=Ada, age=36",
      });
      return { output: r.output, finish: r.finishReason, usage: usageOf(r.usage) };
    });
    expect(result.output).toEqual({ name: "Ada", age: 36 });
    expect(result.finish).toBe("stop");
  });

  it("reasoning: the same reasoning text, and the signed turn replays without a ValidationException", async () => {
    const result = await same(async ({ model }) => {
      const providerOptions = { bedrock: { reasoningConfig: { type: "enabled", budgetTokens: 1024 } } };
      const first = streamText({ model: model(CLAUDE), tools: { get_weather: weather }, stopWhen: stepCountIs(2), providerOptions, prompt: "get weather city=Oslo" });
      await first.consumeStream();
      const steps = await first.steps;
      const messages: ModelMessage[] = [{ role: "user", content: "get weather city=Oslo" }, ...(await first.response).messages, { role: "user", content: "I love programming." }];
      const second = await generateText({ model: model(CLAUDE), providerOptions, messages });
      return {
        reasoning: steps.map((s) => s.reasoningText),
        text: steps.map((s) => s.text),
        secondReasoning: second.reasoningText,
        secondText: second.text,
        usage: usageOf(second.usage),
      };
    });
    expect(result.reasoning[0]).toMatch(/^The user wrote "get weather city=Oslo"/);
    expect(result.secondText).toBe("J'adore la programmation.");
  });

  it("cache points: usage counts cache writes, then reads", async () => {
    const long = "Context sentence number one of a long system prompt. ".repeat(120);
    const result = await same(async ({ model }) => {
      const run = () =>
        generateText({
          model: model(NOVA),
          messages: [
            { role: "system", content: long, providerOptions: { bedrock: { cachePoint: { type: "default" } } } },
            { role: "user", content: "I love programming." },
          ],
        });
      const first = await run();
      const second = await run();
      return [usageOf(first.usage), usageOf(second.usage)];
    });
    expect(result[0]!.details).toMatchObject({ cacheWriteTokens: expect.any(Number), cacheReadTokens: 0 });
    expect(result[1]!.details).toMatchObject({ cacheReadTokens: (result[0]!.details as { cacheWriteTokens: number }).cacheWriteTokens });
  });

  it("guardrails: a blocked prompt finishes with content-filter", async () => {
    const result = await same(async ({ model }) => {
      const r = streamText({
        model: model(NOVA),
        providerOptions: { bedrock: { guardrailConfig: { guardrailIdentifier: "gr-1", guardrailVersion: "1", trace: "enabled" } } },
        prompt: "Tell me something forbidden.",
      });
      return { text: await r.text, finish: await r.finishReason, raw: await r.rawFinishReason };
    });
    expect(result.finish).toBe("content-filter");
  });

  it("image and document inputs; length and stop-sequence finishes", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const result = await same(async ({ model }) => {
      const media = await generateText({
        model: model(NOVA),
        messages: [
          {
            role: "user",
            content: [
              { type: "text", text: "I love programming." },
              { type: "image", image: png, mediaType: "image/png" },
              { type: "file", data: new TextEncoder().encode("hello"), mediaType: "text/plain", filename: "report.txt" },
            ],
          },
        ],
      });
      const short = await generateText({ model: model(NOVA), maxOutputTokens: 2, prompt: "I love programming." });
      const stopped = await generateText({ model: model(NOVA), stopSequences: ["la"], prompt: "I love programming." });
      return [media, short, stopped].map((r) => ({ text: r.text, finish: r.finishReason, raw: r.rawFinishReason, usage: usageOf(r.usage) }));
    });
    expect(result[0]!.text).toBe("J'adore la programmation. I see 1 image and 1 document (report).");
    expect(result.slice(1).map((r) => r.finish)).toEqual(["length", "stop"]);
  });

  it("an exception frame mid-stream: an error part, then finish reason error", async () => {
    const fault: Fault = { type: "exception-frame", afterEvents: 3, exceptionType: "modelStreamErrorException", message: "The model stopped." };
    const result = await same(async ({ model, emulator }) => {
      emulator.fault(fault);
      const r = streamText({ model: model(NOVA), prompt: "I love programming.", onError: () => {} });
      const types: string[] = [];
      let text = "";
      for await (const part of r.fullStream) {
        types.push(part.type);
        if (part.type === "text-delta") text += part.text;
      }
      return { text, hasError: types.includes("error"), finish: await r.finishReason };
    });
    // messageStart and two deltas made it out before the exception frame.
    expect(result).toEqual({ text: "J'adore la ", hasError: true, finish: "error" });
  });

  describe("errors and retries: `ai`'s maxRetries governs, each failure an APICallError", () => {
    // Providers at their defaults (ours: no maxRetries setting, so the client itself retries nothing).
    function defaults(side: Side) {
      const emulator = createBedrockEmulator();
      const settings = { region: "us-east-1", ...EMULATOR_CREDENTIALS, baseURL: "https://bedrock.test", fetch: emulator.asFetch };
      return { emulator, provider: side === "ours" ? createOurs(settings) : createTheirs(settings) };
    }
    // retryAfterSeconds 0: `ai` honours Retry-After, so its backoff (2 s, 4 s) is not waited out.
    const throttle = (times: number): Fault => ({ type: "throttle", retryAfterSeconds: 0, times });

    const errorShape = (error: unknown) => {
      const e = (RetryError.isInstance(error) ? error.lastError : error) as APICallError;
      return {
        retryError: RetryError.isInstance(error),
        isApiCallError: APICallError.isInstance(e),
        statusCode: e.statusCode,
        isRetryable: e.isRetryable,
        message: e.message,
        responseBody: e.responseBody,
        retryAfter: e.responseHeaders?.["retry-after"],
      };
    };

    it.each([
      [0, 5, 1],
      [2, 5, 3],
    ])("generateText with maxRetries %i against %i throttles: %i requests, then the same error", async (maxRetries, faults, requests) => {
      const results = [];
      for (const side of ["theirs", "ours"] as const) {
        const { emulator, provider } = defaults(side);
        emulator.fault(throttle(faults));
        const error = await generateText({ model: provider(NOVA), prompt: "I love programming.", maxRetries }).then(() => undefined, (e: unknown) => e);
        results.push({ requests: emulator.requests.length, error: errorShape(error) });
      }
      expect(results[1]).toEqual(results[0]);
      expect(results[1]).toEqual({
        requests,
        error: {
          retryError: maxRetries > 0,
          isApiCallError: true,
          statusCode: 429,
          isRetryable: true,
          message: "Too many requests, please wait before trying again.",
          responseBody: '{"message":"Too many requests, please wait before trying again."}',
          retryAfter: "0",
        },
      });
    });

    it("streamText with maxRetries 2 against one throttle: two requests, then the text", async () => {
      const results = await Promise.all(
        (["theirs", "ours"] as const).map(async (side) => {
          const { emulator, provider } = defaults(side);
          emulator.fault(throttle(1));
          const r = streamText({ model: provider(NOVA), prompt: "I love programming.", maxRetries: 2 });
          return { text: await r.text, requests: emulator.requests.length };
        }),
      );
      expect(results[1]).toEqual(results[0]);
      expect(results[1]).toEqual({ text: "J'adore la programmation.", requests: 2 });
    });

    it("an explicit client maxRetries still adds the client's own attempts under ai's", async () => {
      const emulator = createBedrockEmulator();
      const provider = createOurs({ region: "us-east-1", ...EMULATOR_CREDENTIALS, baseURL: "https://bedrock.test", fetch: emulator.asFetch, maxRetries: 1 });
      emulator.fault(throttle(5));
      await generateText({ model: provider(NOVA), prompt: "Hi", maxRetries: 0 }).catch(() => undefined);
      expect(emulator.requests).toHaveLength(2);
    });
  });
});
