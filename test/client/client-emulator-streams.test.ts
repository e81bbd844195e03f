// BedrockRuntime against the emulator over real loopback HTTP: stream faults, abort, and the built-in model streaming.
import { describe, expect, it } from "vitest";
import { BedrockRuntime } from "../../src/index.js";
import {
  AbortError,
  NetworkError,
  StreamDecodeError,
  InternalServerException,
  ValidationException,
  TimeoutError,
} from "../../src/errors/index.js";
import type { ConverseStreamOutput } from "../../src/wire/index.js";
import { collect, MODEL, seed, textOf, useLoopback } from "./loopback.js";

const loop = useLoopback();
const client = loop.client;

describe("stream faults", () => {
  it("a cut mid-frame raises a truncation error after the delivered events", async () => {
    loop.server().emulator.fault({ type: "cut", afterEvents: 2, mode: "end" });
    const response = await client().converseStream({ modelId: MODEL, messages: [seed] });
    const seen: ConverseStreamOutput[] = [];
    const error = await (async () => {
      for await (const e of response) seen.push(e);
    })().catch((e) => e);
    expect(error).toBeInstanceOf(StreamDecodeError);
    expect(error.message).toMatch(/truncated|ended/);
    expect(seen).toHaveLength(2);
  });

  it("a reset mid-frame raises a typed error after the delivered events", async () => {
    loop.server().emulator.script({
      stream: [
        { messageStart: { role: "assistant" } },
        { delayMs: 30 },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "J'adore " } } },
        { delayMs: 30 },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "la " } } },
        { contentBlockStop: { contentBlockIndex: 0 } },
        { messageStop: { stopReason: "end_turn" } },
      ],
      chunking: "per-frame",
      fault: { type: "cut", afterEvents: 2, mode: "reset" },
    });
    const response = await client().converseStream({ modelId: MODEL, messages: [seed] });
    const seen: ConverseStreamOutput[] = [];
    const error = await (async () => {
      for await (const e of response) seen.push(e);
    })().catch((e) => e);
    expect(error).toSatisfy((e: unknown) => e instanceof StreamDecodeError || e instanceof NetworkError);
    expect(seen).toHaveLength(2);
    expect(response.$metadata.attempts).toBe(1);
  });

  it("a corrupted CRC raises a StreamDecodeError stating expected vs actual", async () => {
    loop.server().emulator.fault({ type: "corrupt-crc", afterEvents: 1, which: "message" });
    const response = await client().converseStream({ modelId: MODEL, messages: [seed] });
    const seen: ConverseStreamOutput[] = [];
    const error = await (async () => {
      for await (const e of response) seen.push(e);
    })().catch((e) => e);
    expect(seen).toHaveLength(1); // the frame before the corrupt one is delivered
    expect(error).toBeInstanceOf(StreamDecodeError);
    expect(error.message).toMatch(/expected 0x[0-9a-f]{8}, actual 0x[0-9a-f]{8}/i);
  });

  it("a slow drip still decodes exactly", async () => {
    loop.server().emulator.fault({ type: "drip", delayMs: 1, chunkBytes: 7 });
    const response = await client().converseStream({ modelId: MODEL, messages: [seed] });
    expect(textOf(await collect(response))).toBe("J'adore la programmation.");
  });

  it("a stalled stream ends with a TimeoutError after streamIdleTimeout", async () => {
    loop.server().emulator.script({
      stream: [
        { messageStart: { role: "assistant" } },
        { delayMs: 2_000 },
        { messageStop: { stopReason: "end_turn" } },
      ],
      chunking: "per-frame",
    });
    const response = await client({ streamIdleTimeout: 200 }).converseStream({ modelId: MODEL, messages: [seed] });
    const error = await collect(response).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("times out an attempt whose response never starts, and retries it", async () => {
    loop.server().emulator.fault({ type: "drip", delayMs: 1_000, chunkBytes: 1 });
    const c = client({ timeout: 300, maxRetries: 1 });
    // First attempt: headers arrive but the first event needs ~100 s of drip: the attempt times out
    // while waiting for the first event, then the retry is served normally.
    const response = await c.converseStream({ modelId: MODEL, messages: [seed] });
    expect(textOf(await collect(response))).toBe("J'adore la programmation.");
    expect(response.$metadata.attempts).toBe(2);
  });
});

describe("abort", () => {
  it("aborting mid-stream raises AbortError and releases the connection", async () => {
    loop.server().emulator.fault({ type: "drip", delayMs: 20, chunkBytes: 16 });
    const controller = new AbortController();
    const response = await client().converseStream({ modelId: MODEL, messages: [seed] }, { signal: controller.signal });
    const seen: ConverseStreamOutput[] = [];
    const error = await (async () => {
      for await (const e of response) {
        seen.push(e);
        if (seen.length === 1) controller.abort();
      }
    })().catch((e) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(1);
    // The emulator keeps serving: the connection was released, not wedged.
    const again = await client().converse({ modelId: MODEL, messages: [seed] });
    expect(again.stopReason).toBe("end_turn");
  });

  it("an already-aborted signal fails before sending", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      client().converse({ modelId: MODEL, messages: [seed] }, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(loop.server().emulator.requests).toHaveLength(0);
  });

  it("aborting during a retry wait stops the retries", async () => {
    loop.server().emulator.fault({ type: "throttle", retryAfterSeconds: 2, times: Infinity });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await expect(
      client().converse({ modelId: MODEL, messages: [seed] }, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(loop.server().emulator.requests).toHaveLength(1);
  });

  it("breaking out of the loop cancels the body", async () => {
    loop.server().emulator.fault({ type: "drip", delayMs: 10, chunkBytes: 8 });
    const response = await client().converseStream({ modelId: MODEL, messages: [seed] });
    for await (const _ of response) break;
    const again = await client().converse({ modelId: MODEL, messages: [seed] });
    expect(again.stopReason).toBe("end_turn");
  });
});

describe("the server error is retried as InternalServerException when it never recovers", () => {
  it("surfaces the last error", async () => {
    loop.server().emulator.fault({ type: "server-error", status: 500, times: Infinity });
    const error = await client({ maxRetries: 1 }).converse({ modelId: MODEL, messages: [seed] }).catch((e) => e);
    expect(error).toBeInstanceOf(InternalServerException);
    expect(error.$metadata.attempts).toBe(2);
  });
});

describe("built-in model streams over loopback", () => {
  const tools = {
    tools: [
      {
        toolSpec: {
          name: "get_weather",
          description: "Weather for a city",
          inputSchema: { json: { type: "object", properties: { city: { type: "string" }, days: { type: "integer" } }, required: ["city"] } },
        },
      },
    ],
  };

  it("streams tool use as partial JSON input deltas that join into the arguments", async () => {
    const response = await client().converseStream({
      modelId: MODEL,
      messages: [{ role: "user", content: [{ text: "Call get_weather with city=Paris, days=3" }] }],
      toolConfig: tools,
    });
    const events = await collect(response);
    const start = events.find((e) => e.contentBlockStart?.start?.toolUse)?.contentBlockStart!;
    expect(start.start!.toolUse!.name).toBe("get_weather");
    expect(start.start!.toolUse!.toolUseId).toMatch(/^tooluse_[\w-]{22}$/);
    const pieces = events
      .filter((e) => e.contentBlockDelta?.contentBlockIndex === start.contentBlockIndex && e.contentBlockDelta?.delta?.toolUse)
      .map((e) => e.contentBlockDelta!.delta!.toolUse!.input);
    expect(pieces.length).toBeGreaterThan(1);
    // Each piece alone is not valid JSON (cut mid-token); together they are.
    expect(() => JSON.parse(pieces[0]!)).toThrow();
    expect(JSON.parse(pieces.join(""))).toEqual({ city: "Paris", days: 3 });
    expect(events.find((e) => e.messageStop)?.messageStop?.stopReason).toBe("tool_use");
  });

  it("streams reasoning deltas then a signature, and accepts the signed turn back", async () => {
    const thinking = { thinking: { type: "enabled", budget_tokens: 2048 } };
    const c = client();
    const first = await collect(
      await c.converseStream({
        modelId: MODEL,
        messages: [seed],
        additionalModelRequestFields: thinking,
        inferenceConfig: { maxTokens: 4096 },
      }),
    );
    const reasoning = first
      .filter((e) => e.contentBlockDelta?.contentBlockIndex === 0)
      .map((e) => e.contentBlockDelta!.delta!.reasoningContent!);
    const text = reasoning.map((r) => r.text ?? "").join("");
    const signature = reasoning.find((r) => r.signature)?.signature;
    expect(text.length).toBeGreaterThan(0);
    expect(signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(reasoning.at(-1)!.signature).toBe(signature); // the signature comes last
    expect(textOf(first)).toBe("J'adore la programmation.");

    const history = [
      seed,
      {
        role: "assistant" as const,
        content: [{ reasoningContent: { reasoningText: { text, signature: signature! } } }, { text: "J'adore la programmation." }],
      },
      { role: "user" as const, content: [{ text: "Thanks" }] },
    ];
    const second = await c.converse({ modelId: MODEL, messages: history, additionalModelRequestFields: thinking, inferenceConfig: { maxTokens: 4096 } });
    expect(second.stopReason).toBe("end_turn");

    const tampered = structuredClone(history);
    (tampered[1]!.content[0] as { reasoningContent: { reasoningText: { signature: string } } }).reasoningContent.reasoningText.signature = "AAAA";
    await expect(
      c.converse({ modelId: MODEL, messages: tampered, additionalModelRequestFields: thinking, inferenceConfig: { maxTokens: 4096 } }),
    ).rejects.toBeInstanceOf(ValidationException);
  });

  it("reports cache writes, then cache reads, in stream usage", async () => {
    const longSystem = "You are a meticulous translator. ".repeat(200); // well over 1024 tokens at 4 chars each
    const request = {
      modelId: MODEL,
      system: [{ text: longSystem }, { cachePoint: { type: "default" as const } }],
      messages: [seed],
    };
    const usageOf = async () => (await collect(await client().converseStream(request))).find((e) => e.metadata)!.metadata!.usage!;
    const first = await usageOf();
    expect(first.cacheWriteInputTokens).toBeGreaterThan(1000);
    expect(first.cacheReadInputTokens ?? 0).toBe(0);
    const second = await usageOf();
    expect(second.cacheReadInputTokens).toBe(first.cacheWriteInputTokens);
    expect(second.cacheWriteInputTokens ?? 0).toBe(0);
    expect(second.inputTokens).toBe(first.inputTokens);
  });
});
