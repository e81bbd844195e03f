// Loopback tests of what goes in and comes back: images and documents, guardrails, prompt caching.
import { describe, expect, it } from "vitest";
import { ChatBedrockConverse } from "../../../src/chat/model/chat-model.js";
import { HumanMessage, SystemMessage, type AIMessage } from "../../../src/chat/messages/messages.js";
import { MEDIA_TOKENS } from "../../../src/testing/index.js";
import { bodies, collect, useEmulator } from "./e2e-helpers.js";

const e2e = useEmulator();
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const PDF = "JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK";

describe("image and document input", () => {
  it("sends images (data URL and Anthropic-style) and documents as Converse blocks", async () => {
    const message = new HumanMessage({
      content: [
        { type: "text", text: "Describe these." },
        { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
        { type: "image", source: { type: "base64", media_type: "image/jpeg", data: PNG } },
        { type: "file", source_type: "base64", mime_type: "application/pdf", data: PDF, metadata: { name: "report" } },
        { type: "document", document: { format: "csv", name: "table", source: { bytes: btoa("a,b\n1,2\n") } } },
      ],
    });
    const reply = await e2e.chat().invoke([message]);
    expect(reply.text).toBe("You said: Describe these.");
    const request = e2e.running.emulator.requests[0]!;
    expect(request.status).toBe(200);
    expect((request.body as { messages: Array<{ content: unknown[] }> }).messages[0]!.content).toEqual([
      { text: "Describe these." },
      { image: { format: "png", source: { bytes: PNG } } },
      { image: { format: "jpeg", source: { bytes: PNG } } },
      { document: { format: "pdf", name: "report", source: { bytes: PDF } } },
      { document: { format: "csv", name: "table", source: { bytes: btoa("a,b\n1,2\n") } } },
    ]);
    // The emulator bills each image a flat MEDIA_TOKENS, so both images are in the input count.
    expect(reply.usage_metadata!.input_tokens).toBeGreaterThan(2 * MEDIA_TOKENS);
  });

  it("streams a reply about an image", async () => {
    const { full } = await collect(
      await e2e.chat().stream([new HumanMessage({ content: [{ type: "image_url", image_url: `data:image/png;base64,${PNG}` }, { type: "text", text: "What is it?" }] })]),
    );
    expect(full.text).toBe("You said: What is it?");
  });
});

describe("guardrails", () => {
  const guardrailConfig = { guardrailIdentifier: "gr-abc123", guardrailVersion: "DRAFT", trace: "enabled" as const };
  const trace = {
    guardrail: {
      inputAssessment: {
        "gr-abc123": { topicPolicy: { topics: [{ name: "Investments", type: "DENY", action: "BLOCKED" }] } },
      },
    },
  };
  const blocked = "Sorry, the model cannot answer this question.";
  const usage = { inputTokens: 12, outputTokens: 9, totalTokens: 21 };

  it("passes guardrailConfig with trace, and shows an intervention in stopReason and trace (invoke)", async () => {
    e2e.running.emulator.script({
      converse: {
        output: { message: { role: "assistant", content: [{ text: blocked }] } },
        stopReason: "guardrail_intervened",
        usage,
        metrics: { latencyMs: 5 },
        trace,
      },
    });
    const reply = await e2e.chat({ guardrailConfig }).invoke("Which stocks should I buy?");
    expect(reply.text).toBe(blocked);
    expect(reply.response_metadata.stopReason).toBe("guardrail_intervened");
    expect(reply.response_metadata.trace).toEqual(trace);
    expect(bodies(e2e.running)[0]!.guardrailConfig).toEqual(guardrailConfig);
  });

  it("shows an intervention in the streamed chunks' metadata; streamProcessingMode goes to ConverseStream", async () => {
    e2e.running.emulator.script({
      stream: [
        { messageStart: { role: "assistant" } },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { text: blocked } } },
        { contentBlockStop: { contentBlockIndex: 0 } },
        { messageStop: { stopReason: "guardrail_intervened" } },
        { metadata: { usage, metrics: { latencyMs: 5 }, trace } },
      ],
    });
    const model = e2e.chat({ guardrailConfig: { ...guardrailConfig, streamProcessingMode: "async" } });
    const { full } = await collect(await model.stream("Which stocks should I buy?"));
    expect(full.text).toBe(blocked);
    expect(full.response_metadata.stopReason).toBe("guardrail_intervened");
    expect(full.response_metadata.trace).toEqual(trace);
    expect(bodies(e2e.running)[0]!.guardrailConfig).toEqual({ ...guardrailConfig, streamProcessingMode: "async" });
  });

  it("guards only the last turn with guardLastTurnOnly, and passes guardContent blocks through", async () => {
    const model = e2e.chat({ guardrailConfig, guardLastTurnOnly: true });
    const reply = await model.invoke([
      new SystemMessage({ content: [{ guardContent: { text: { text: "Policy: no advice." } } }] }),
      ["human", "Earlier question"],
      ["ai", "Earlier answer"],
      ["human", "Newest question"],
    ]);
    expect(reply.text).toBe("You said: Newest question");
    const body = bodies(e2e.running)[0]!;
    expect(body.system).toEqual([{ guardContent: { text: { text: "Policy: no advice." } } }]);
    expect(body.messages).toEqual([
      { role: "user", content: [{ text: "Earlier question" }] },
      { role: "assistant", content: [{ text: "Earlier answer" }] },
      { role: "user", content: [{ guardContent: { text: { text: "Newest question" } } }] },
    ]);
  });
});

describe("prompt caching", () => {
  const system = new SystemMessage("You are a meticulous assistant. ".repeat(40));
  const details = (m: AIMessage) => m.usage_metadata!.input_token_details ?? {};

  it("cachePoints: the first call writes the cache, the next turn reads what it wrote", async () => {
    const model = e2e.chat({ cachePoints: true });
    const q1 = new HumanMessage("First question about caching.");
    const first = await model.invoke([system, q1]);
    const written = (first.response_metadata.usage as { cacheWriteInputTokens: number }).cacheWriteInputTokens;
    expect(written).toBeGreaterThan(0);
    // The write sits in its TTL bucket only; cache_creation is 0 (langchain-aws PR #1098, langchain-anthropic).
    expect(details(first)).toEqual({ cache_read: 0, cache_creation: 0, ephemeral_5m_input_tokens: written, ephemeral_1h_input_tokens: 0 });

    const second = await model.invoke([system, q1, first, new HumanMessage("A follow-up.")]);
    expect(details(second).cache_read).toBe(written);
    const usage = second.response_metadata.usage as { inputTokens: number; cacheReadInputTokens: number; cacheWriteInputTokens: number };
    // LangChain counts cached tokens as input too.
    expect(second.usage_metadata!.input_tokens).toBe(usage.inputTokens + usage.cacheReadInputTokens + usage.cacheWriteInputTokens);
    const sent = bodies(e2e.running)[1]! as { system: unknown[]; messages: Array<{ content: unknown[] }> };
    expect(sent.system.at(-1)).toEqual({ cachePoint: { type: "default" } });
    expect(sent.messages.map((m) => m.content.at(-1))).toEqual([
      { cachePoint: { type: "default" } },
      { text: first.text },
      { cachePoint: { type: "default" } },
    ]);
  });

  it("a 1h TTL shows in the TTL breakdown; a hand-placed createCachePoint() works too", async () => {
    const model = e2e.chat();
    const cachedSystem = new SystemMessage({
      content: [{ type: "text", text: "You answer in haiku. ".repeat(40) }, ChatBedrockConverse.createCachePoint("1h")],
    });
    const first = await model.invoke([cachedSystem, new HumanMessage("Spring?")]);
    expect(details(first).ephemeral_1h_input_tokens).toBeGreaterThan(0);
    const again = await model.invoke([cachedSystem, new HumanMessage("Autumn?")]);
    expect(details(again).cache_read).toBe(details(first).ephemeral_1h_input_tokens);
    expect(details(again).cache_creation).toBe(0);
  });
});
