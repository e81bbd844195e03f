// ChatBedrock's fields: model / modelId, provider, endpointUrl as a host or a URL, credentials, settings, copies, redaction.
import { describe, expect, it } from "vitest";
import { BedrockClient, BedrockInputError, BedrockRuntime, ChatBedrock } from "../../../src/index.js";
import { endpointOf } from "../../../src/chat/invoke/chat-bedrock-client.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../../src/testing/index.js";

const MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
const base = { model: MODEL, region: "us-east-1", credentials: EMULATOR_CREDENTIALS };

function recording() {
  const urls: string[] = [];
  const emulator = createBedrockEmulator({ region: "us-east-1" });
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    urls.push(request.url);
    return emulator.asFetch(request);
  };
  return { urls, fetch, emulator };
}

describe("ChatBedrock fields", () => {
  it.each([
    ["bedrock-runtime.us-west-2.amazonaws.com", "https://bedrock-runtime.us-west-2.amazonaws.com"],
    ["bedrock.test/", "https://bedrock.test"],
    ["http://localhost:8080", "http://localhost:8080"],
    ["https://proxy.example/bedrock", "https://proxy.example/bedrock"],
  ])("endpointUrl %s → %s", (given, endpoint) => expect(endpointOf({ endpointUrl: given })).toBe(endpoint));

  it("sends to the endpointUrl host (BedrockChat's form) and the URL (langchain-aws's form)", async () => {
    for (const [endpointUrl, origin] of [["bedrock.test", "https://bedrock.test"], ["http://bedrock.test:8080", "http://bedrock.test:8080"]] as const) {
      const { urls, fetch } = recording();
      await new ChatBedrock({ ...base, endpointUrl, fetch }).invoke("Hi");
      expect(urls[0]).toBe(`${origin}/model/${encodeURIComponent(MODEL)}/invoke`);
    }
  });

  it("without an endpoint, sends to Bedrock's regional host", async () => {
    const { urls, fetch } = recording();
    await new ChatBedrock({ ...base, region: "us-east-1", fetchFn: fetch }).invoke("Hi");
    expect(new URL(urls[0]!).host).toBe("bedrock-runtime.us-east-1.amazonaws.com");
  });

  it("takes BedrockChat's credential fields", async () => {
    const { fetch, emulator } = recording();
    const { accessKeyId, secretAccessKey } = EMULATOR_CREDENTIALS;
    await new ChatBedrock({ model: MODEL, region: "us-east-1", awsAccessKeyId: accessKeyId, awsSecretAccessKey: secretAccessKey, endpointUrl: "bedrock.test", fetch }).invoke("Hi");
    expect(emulator.requests[0]!.status).toBe(200);
    expect(() => new ChatBedrock({ model: MODEL, region: "us-east-1", awsAccessKeyId: accessKeyId })).toThrow(/go together/);
  });

  it("refuses bad fields before any call, naming them", () => {
    expect(() => new ChatBedrock({ region: "us-east-1" })).toThrow(/model is required/);
    expect(() => new ChatBedrock({ ...base, modelId: "meta.llama3-8b-instruct-v1:0" })).toThrow(/model and modelId differ/);
    expect(() => new ChatBedrock({ ...base, maxTokens: 0 })).toThrow(/maxTokens must be a positive integer/);
    expect(() => new ChatBedrock({ ...base, temperature: Number.NaN })).toThrow(/temperature/);
    expect(() => new ChatBedrock({ ...base, modelKwargs: [] as never })).toThrow(/modelKwargs must be an object/);
    expect(() => new ChatBedrock({ ...base, endpointUrl: "a", endpointHost: "b" })).toThrow(/alternatives/);
    expect(() => new ChatBedrock({ ...base, provider: "ai21" as never })).toThrow(BedrockInputError);
    expect(() => new ChatBedrock({ model: "arn:aws:bedrock:us-east-1:123456789012:imported-model/x", credentials: EMULATOR_CREDENTIALS })).toThrow(/provider is required/);
  });

  it("reads model, modelId, provider, region and settings back", () => {
    const chat = new ChatBedrock({ modelId: "us.meta.llama3-2-3b-instruct-v1:0", region: "us-west-2", credentials: EMULATOR_CREDENTIALS, temperature: 0.1, maxTokens: 9, stopSequences: ["x"], modelKwargs: { a: 1 } });
    expect([chat.model, chat.modelId, chat.provider, chat.region]).toEqual(["us.meta.llama3-2-3b-instruct-v1:0", "us.meta.llama3-2-3b-instruct-v1:0", "meta", "us-west-2"]);
    expect([chat.temperature, chat.maxTokens, chat.stopSequences, chat.modelKwargs]).toEqual([0.1, 9, ["x"], { a: 1 }]);
    expect(chat._llmType()).toBe("bedrock");
  });

  it("a client may be given instead (a BedrockClient, or a BedrockRuntime's), not with connection fields", async () => {
    const emulator = createBedrockEmulator({ region: "us-east-1" });
    const client = new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, endpoint: "https://bedrock.test", fetch: emulator.asFetch });
    expect((await new ChatBedrock({ model: MODEL, client }).invoke("Hi")).text.length).toBeGreaterThan(0);
    const runtime = new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, endpoint: "https://bedrock.test", fetch: emulator.asFetch });
    expect(new ChatBedrock({ model: MODEL, client: runtime as never }).client).toBe(runtime.client);
    expect(() => new ChatBedrock({ model: MODEL, client, region: "us-east-1" })).toThrow(/region configure a new client/);
  });

  it("withConfig binds call options (modelKwargs merged key by key); the original is unchanged", () => {
    const chat = new ChatBedrock({ ...base, modelKwargs: { top_k: 1, a: 1 } });
    const bound = chat.withConfig({ modelKwargs: { top_k: 2 }, maxTokens: 50, stop: ["S"] });
    expect(bound.invocationBody("Hi")).toEqual({
      anthropic_version: "bedrock-2023-05-31",
      messages: [{ role: "user", content: "Hi" }],
      max_tokens: 50,
      stop_sequences: ["S"],
      top_k: 2,
      a: 1,
    });
    expect(chat.invocationBody("Hi")).toEqual({ anthropic_version: "bedrock-2023-05-31", messages: [{ role: "user", content: "Hi" }], max_tokens: 1024, top_k: 1, a: 1 });
    expect(chat.invocationBody("Hi", { thinking: 2000 }).thinking).toEqual({ type: "enabled", budget_tokens: 2000 });
  });

  it("bindTools refuses a tool_choice naming no bound tool, and tools for providers without them", () => {
    const chat = new ChatBedrock(base);
    const tool = { name: "f", description: "F", schema: { type: "object", properties: {} } };
    expect(() => chat.bindTools([tool], { tool_choice: "g" })).toThrow(/not among the bound tools/);
    expect(() => new ChatBedrock({ ...base, model: "cohere.command-r-v1:0" }).bindTools([tool])).toThrow(/Anthropic models only/);
    expect(chat.bindTools([tool], { tool_choice: "none" }).invocationBody("Hi").tool_choice).toEqual({ type: "none" });
    // Thinking set through modelKwargs (BedrockChat's way) downgrades a forced choice too.
    const warnings: string[] = [];
    const thinking = new ChatBedrock({ ...base, modelKwargs: { thinking: { type: "enabled", budget_tokens: 1024 } }, warn: (m) => void warnings.push(m) });
    expect(thinking.bindTools([tool], { tool_choice: "f" }).invocationBody("Hi").tool_choice).toEqual({ type: "auto" });
    expect(warnings).toHaveLength(1);
  });

  it("batch answers each input in order", async () => {
    const emulator = createBedrockEmulator({ region: "us-east-1" });
    const chat = new ChatBedrock({ ...base, endpointUrl: "bedrock.test", fetch: emulator.asFetch });
    const replies = await chat.batch(["one", "two", "three"], {}, { maxConcurrency: 2 });
    expect(replies).toHaveLength(3);
    const bodies = emulator.requests.map((r) => (r.body as { messages: Array<{ content: string }> }).messages[0]!.content).sort();
    expect(bodies).toEqual(["one", "three", "two"]);
  });

  it("toJSON and inspection show secrets as [redacted]", () => {
    const chat = new ChatBedrock({ model: MODEL, region: "us-east-1", awsAccessKeyId: "AKIAEXAMPLE", awsSecretAccessKey: "secret-value", apiKey: undefined });
    const shown = JSON.stringify(chat);
    expect(shown).not.toContain("secret-value");
    expect(shown).not.toContain("AKIAEXAMPLE");
    expect(chat.toJSON()).toMatchObject({ model: MODEL, provider: "anthropic", region: "us-east-1", awsSecretAccessKey: "[redacted]" });
  });

  it("streamUsage: false leaves usage off streamed chunks", async () => {
    const emulator = createBedrockEmulator({ region: "us-east-1" });
    const chat = new ChatBedrock({ ...base, endpointUrl: "bedrock.test", fetch: emulator.asFetch, streamUsage: false });
    for await (const chunk of await chat.stream("Hi")) expect(chunk.usage_metadata).toBeUndefined();
  });

  it("BedrockChat's guardrail fields: headers, and guardrailConfig in the body", async () => {
    const headers: Headers[] = [];
    const emulator = createBedrockEmulator({ region: "us-east-1" });
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      headers.push(request.headers);
      return emulator.asFetch(request);
    };
    const chat = new ChatBedrock({
      ...base,
      endpointUrl: "bedrock.test",
      fetch,
      guardrailIdentifier: "gr-1",
      guardrailVersion: "2",
      trace: "ENABLED",
      guardrailConfig: { tagSuffix: "xyz", streamProcessingMode: "SYNCHRONOUS" },
    });
    await chat.invoke("Hi");
    expect(headers[0]!.get("x-amzn-bedrock-guardrailidentifier")).toBe("gr-1");
    expect(headers[0]!.get("x-amzn-bedrock-guardrailversion")).toBe("2");
    expect(headers[0]!.get("x-amzn-bedrock-trace")).toBe("ENABLED");
    expect((emulator.requests[0]!.body as Record<string, unknown>)["amazon-bedrock-guardrailConfig"]).toEqual({ tagSuffix: "xyz", streamProcessingMode: "SYNCHRONOUS" });
    expect(() => new ChatBedrock({ ...base, guardrailIdentifier: "gr-1" })).toThrow(/go together/);
  });

  it("applicationInferenceProfile: requests go to the ARN, the body follows model", async () => {
    const { urls, fetch } = recording();
    const arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc";
    const chat = new ChatBedrock({ model: "meta.llama3-8b-instruct-v1:0", applicationInferenceProfile: arn, credentials: EMULATOR_CREDENTIALS, endpointUrl: "bedrock.test", fetch });
    expect(chat.region).toBe("us-east-1");
    expect(Object.keys(chat.invocationBody("Hi"))).toEqual(["prompt"]);
    await chat.invoke("Hi").catch(() => undefined);
    expect(new URL(urls[0]!).pathname).toBe(`/model/${encodeURIComponent(arn)}/invoke`);
  });
});
