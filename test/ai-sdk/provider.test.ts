// createAmazonBedrock end to end on the emulator: settings, auth, headers, errors, abort, reasoning replay.
import { APICallError, type LanguageModelV3, type LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { generateText, streamText } from "ai";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bedrock, createAmazonBedrock, type AmazonBedrockProviderSettings } from "../../src/ai-sdk/index.js";
import { AbortError, BedrockInputError, ModelStreamErrorException, ValidationException } from "../../src/errors/index.js";
import { createBedrockEmulator, EMULATOR_API_KEY, EMULATOR_CREDENTIALS, EMULATOR_SESSION_CREDENTIALS } from "../../src/testing/index.js";

const NOVA = "us.amazon.nova-micro-v1:0";
const CLAUDE = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
const prompt = [{ role: "user" as const, content: [{ type: "text" as const, text: "I love programming." }] }];

function setup(settings: AmazonBedrockProviderSettings = {}) {
  const emulator = createBedrockEmulator();
  const provider = createAmazonBedrock({ region: "us-east-1", ...EMULATOR_CREDENTIALS, baseURL: "https://bedrock.test", fetch: emulator.asFetch, maxRetries: 0, ...settings });
  return { emulator, provider };
}

async function readAll(stream: ReadableStream<LanguageModelV3StreamPart>): Promise<LanguageModelV3StreamPart[]> {
  const parts: LanguageModelV3StreamPart[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parts;
    parts.push(value);
  }
}

const thrown = async (run: () => unknown): Promise<unknown> => {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
};

afterEach(() => vi.unstubAllEnvs());

describe("createAmazonBedrock", () => {
  it("is a ProviderV3 whose models are LanguageModelV3", () => {
    const { provider } = setup();
    const model = provider(NOVA) as LanguageModelV3;
    expect(provider.specificationVersion).toBe("v3");
    expect(model).toMatchObject({ specificationVersion: "v3", provider: "amazon-bedrock", modelId: NOVA });
    expect(provider.languageModel(NOVA).modelId).toBe(NOVA);
    expect(provider.embeddingModel("amazon.titan-embed-text-v2:0")).toMatchObject({ specificationVersion: "v3", maxEmbeddingsPerCall: 1 });
    expect(provider.imageModel("amazon.nova-canvas-v1:0")).toMatchObject({ specificationVersion: "v3", provider: "amazon-bedrock", maxImagesPerCall: 5 });
    expect(provider.image("amazon.titan-image-generator-v2:0").maxImagesPerCall).toBe(1);
    expect(() => provider.image("")).toThrow(BedrockInputError);
  });

  it("the default `bedrock` exists without credentials and fails only when called, before any request", async () => {
    for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_BEARER_TOKEN_BEDROCK"]) vi.stubEnv(name, "");
    vi.stubEnv("AWS_REGION", "us-east-1");
    const fetchSpy = vi.fn(globalThis.fetch);
    vi.stubGlobal("fetch", fetchSpy);
    try {
      const error = await thrown(() => bedrock(NOVA).doGenerate({ prompt }));
      expect(error).toBeInstanceOf(BedrockInputError);
      expect((error as Error).message).toBe(
        "No credentials: pass `apiKey`, `accessKeyId` and `secretAccessKey` (and `sessionToken`), or `credentialProvider` to createAmazonBedrock, or set AWS_BEARER_TOKEN_BEDROCK or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY",
      );
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it.each([
    ["a bad region", { region: "Mars" }, /^region must look like "us-east-1"/],
    ["fetch that is not a function", { fetch: "no" as unknown as typeof fetch }, /^fetch must be a function$/],
    ["an access key without its secret", { accessKeyId: "AKIDEXAMPLE" }, /^secretAccessKey is required when accessKeyId is given$/],
    ["a header that is not a string", { headers: { "x-a": 1 as unknown as string } }, /^headers: the value of "x-a" must be a string$/],
    ["a header with CR/LF", { headers: { "x-a": "v\r\nx-injected: 1" } }, /^headers: the value of "x-a" must be visible ASCII/],
    ["a header the client writes itself", { headers: { Authorization: "Bearer mine" } }, /^headers: "Authorization" is set by the client/],
    ["a gateway with a bad account ID", { gateway: { accountId: "../x", gatewayId: "g" } }, /^gateway\.accountId must be a Cloudflare ID/],
    ["a gateway together with baseURL", { baseURL: "https://x.test", gateway: { accountId: "a1", gatewayId: "g" } }, /^gateway and baseURL are both set/],
    ["a negative maxRetries", { maxRetries: -1 }, /^maxRetries must be a non-negative integer/],
  ])("refuses %s at creation with a BedrockInputError", (_, settings, message) => {
    expect(() => createAmazonBedrock(settings as AmazonBedrockProviderSettings)).toThrow(BedrockInputError);
    expect(() => createAmazonBedrock(settings as AmazonBedrockProviderSettings)).toThrow(message);
  });

  it("a wrong secret fails with AWS's error, and no secret appears in it", async () => {
    const secret = "notTheRightSecretKeyEXAMPLE0123456789abcd";
    const { provider } = setup({ secretAccessKey: secret });
    const error = await thrown(() => provider(NOVA).doGenerate({ prompt }));
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 403, isRetryable: false });
    expect(((error as Error).cause as Error).name).toMatch(/SignatureDoesNotMatch|InvalidSignature|UnrecognizedClient/);
    const { responseBody, requestBodyValues } = error as APICallError;
    for (const text of [String(error), JSON.stringify(error), (error as Error).stack ?? "", responseBody ?? "", JSON.stringify(requestBodyValues)]) {
      expect(text).not.toContain(secret);
    }
  });

  it("authenticates with an API key, a credential provider, or session credentials", async () => {
    const emulator = createBedrockEmulator();
    const base = { region: "us-east-1", baseURL: "https://bedrock.test", fetch: emulator.asFetch };
    let calls = 0;
    const providers = [
      createAmazonBedrock({ ...base, apiKey: EMULATOR_API_KEY }),
      createAmazonBedrock({ ...base, credentialProvider: async () => (calls++, EMULATOR_SESSION_CREDENTIALS) }),
      createAmazonBedrock({ ...base, ...EMULATOR_SESSION_CREDENTIALS }),
    ];
    for (const provider of providers) expect((await generateText({ model: provider(NOVA), prompt: "I love programming." })).text).toBe("J'adore la programmation.");
    expect(emulator.requests.map((r) => r.auth.kind)).toEqual(["bearer", "sigv4", "sigv4"]);
    expect(calls).toBe(1);
  });

  // @ai-sdk/amazon-bedrock 4.0.186 (dist/index.mjs, its SigV4 fetch) hands every request header to
  // aws4fetch's AwsV4Signer, so custom headers are signed there too.
  it("sends provider headers and call headers on one client, signed as @ai-sdk/amazon-bedrock signs them", async () => {
    const { emulator, provider } = setup({ headers: { "x-app": "demo", "x-tier": "base" } });
    const sent: string[][] = [];
    const spy = createAmazonBedrock({
      region: "us-east-1", ...EMULATOR_CREDENTIALS, baseURL: "https://bedrock.test", maxRetries: 0, headers: { "x-app": "demo" },
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        sent.push(/SignedHeaders=([^,]+)/.exec(new Headers(init?.headers).get("authorization") ?? "")![1]!.split(";"));
        return emulator.asFetch(input, init);
      }) as typeof fetch,
    });
    await generateText({ model: provider(NOVA), prompt: "I love programming.", headers: { "x-trace": "t-1", "X-Tier": "call" } });
    await generateText({ model: provider(NOVA), prompt: "I love programming." });
    await generateText({ model: spy(NOVA), prompt: "I love programming.", headers: { "x-trace": "t-2" } });
    // A call header overrides the provider's of the same name; the emulator verified every signature.
    expect(emulator.requests.map((r) => [r.status, r.headers["x-app"], r.headers["x-tier"], r.headers["x-trace"]])).toEqual([
      [200, "demo", "call", "t-1"],
      [200, "demo", "base", undefined],
      [200, "demo", undefined, "t-2"],
    ]);
    expect(sent[0]).toEqual(expect.arrayContaining(["x-app", "x-trace"]));
  });

  it("a bad call header is a BedrockInputError before any request, and its value is not echoed", async () => {
    const { emulator, provider } = setup();
    const error = await thrown(() => provider(NOVA).doGenerate({ prompt, headers: { "x-trace": "secret\r\nx-evil: 1" } }));
    expect(error).toBeInstanceOf(BedrockInputError);
    expect((error as Error).message).toMatch(/^headers: the value of "x-trace" must be visible ASCII/);
    expect((error as Error).message).not.toContain("secret");
    expect(emulator.requests).toHaveLength(0);
  });

  // URL layout per Cloudflare's docs (developers.cloudflare.com/ai-gateway/usage/providers/bedrock/):
  // {base}/v1/{account}/{gateway}/aws-bedrock/bedrock-runtime/{region}/model/…, signed for Bedrock's host.
  it("routes through Cloudflare AI Gateway with `gateway`, signed for Bedrock's own host", async () => {
    const token = "cf-gateway-token-EXAMPLE-0123456789";
    const gateway = { accountId: "0123456789abcdef0123456789abcdef", gatewayId: "my-gateway", token, baseUrl: "https://gateway.test" };
    const emulator = createBedrockEmulator({ gateway: { token } });
    const urls: string[] = [];
    const provider = createAmazonBedrock({
      region: "us-east-1", ...EMULATOR_CREDENTIALS, gateway, maxRetries: 0,
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        urls.push(new Request(input, init).url);
        return emulator.asFetch(input, init);
      }) as typeof fetch,
    });
    expect((await generateText({ model: provider(NOVA), prompt: "I love programming." })).text).toBe("J'adore la programmation.");
    const streamed = streamText({ model: provider(NOVA), prompt: "I love programming." });
    expect(await streamed.text).toBe("J'adore la programmation.");
    const base = `https://gateway.test/v1/${gateway.accountId}/my-gateway/aws-bedrock/bedrock-runtime/us-east-1/model/us.amazon.nova-micro-v1%3A0`;
    expect(urls).toEqual([`${base}/converse`, `${base}/converse-stream`]);
    expect(emulator.requests.map((r) => [r.path, r.status, r.auth.kind])).toEqual([
      ["/model/us.amazon.nova-micro-v1%3A0/converse", 200, "sigv4"],
      ["/model/us.amazon.nova-micro-v1%3A0/converse-stream", 200, "sigv4"],
    ]);
  });

  it("doStream: stream-start with warnings, response metadata with the request ID, raw chunks on request", async () => {
    const { emulator, provider } = setup();
    const { stream } = await provider(NOVA).doStream({ prompt, seed: 3, includeRawChunks: true });
    const parts = await readAll(stream);
    expect(parts[0]).toEqual({ type: "stream-start", warnings: [{ type: "unsupported", feature: "seed" }] });
    expect(parts[1]).toEqual({ type: "response-metadata", modelId: NOVA, id: emulator.requests[0]!.requestId });
    expect(parts.filter((p) => p.type === "raw").map((p) => Object.keys((p as { rawValue: object }).rawValue)[0])).toEqual([
      "messageStart",
      "contentBlockDelta",
      "contentBlockDelta",
      "contentBlockDelta",
      "contentBlockStop",
      "messageStop",
      "metadata",
    ]);
    expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: { unified: "stop", raw: "end_turn" } });
  });

  it("deltas already in hand are joined; deltas that wait on the network are not (no latency added)", async () => {
    const texts = async (drip: boolean) => {
      const { emulator, provider } = setup();
      if (drip) emulator.fault({ type: "drip", delayMs: 5, chunkBytes: 64 });
      const parts = await readAll((await provider(NOVA).doStream({ prompt })).stream);
      return parts.filter((p) => p.type === "text-delta").map((p) => (p as { delta: string }).delta);
    };
    expect(await texts(false)).toEqual(["J'adore la programmation."]);
    expect(await texts(true)).toEqual(["J'adore ", "la ", "programmation."]);
  });

  it("an exception frame mid-stream is a typed error part, then finish reason error", async () => {
    const { emulator, provider } = setup();
    emulator.fault({ type: "exception-frame", afterEvents: 2, exceptionType: "modelStreamErrorException", message: "The model stopped." });
    const parts = await readAll((await provider(NOVA).doStream({ prompt })).stream);
    const error = parts.find((p) => p.type === "error") as { error: unknown };
    expect(error.error).toBeInstanceOf(ModelStreamErrorException);
    expect((error.error as Error).message).toBe("The model stopped.");
    expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: { unified: "error" } });
  });

  it("HTTP errors reject doGenerate and doStream with an APICallError, the AWS-named class as its cause", async () => {
    const { emulator, provider } = setup();
    emulator.fault({ type: "error", status: 400, errorType: "ValidationException", message: "The provided model identifier is invalid.", times: 2 });
    for (const call of [() => provider(NOVA).doGenerate({ prompt }), () => provider(NOVA).doStream({ prompt })]) {
      const error = (await thrown(call)) as APICallError;
      expect(APICallError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        name: "AI_APICallError",
        message: "The provided model identifier is invalid.",
        statusCode: 400,
        isRetryable: false,
        responseBody: '{"message":"The provided model identifier is invalid."}',
        data: { message: "The provided model identifier is invalid." },
      });
      expect(error.url).toMatch(/^https:\/\/bedrock\.test\/model\/us\.amazon\.nova-micro-v1%3A0\/converse(-stream)?$/);
      expect(error.responseHeaders?.["x-amzn-errortype"]).toMatch(/^ValidationException/);
      expect(error.requestBodyValues).toMatchObject({ messages: [{ role: "user" }] });
      expect(error.cause).toBeInstanceOf(ValidationException);
    }
  });

  it("abort: the stream errors with AbortError, and streamText reports an abort", async () => {
    const { emulator, provider } = setup();
    emulator.fault({ type: "drip", delayMs: 20, chunkBytes: 16, times: 2 });
    const controller = new AbortController();
    const { stream } = await provider(NOVA).doStream({ prompt, abortSignal: controller.signal });
    const reader = stream.getReader();
    await reader.read();
    controller.abort();
    const error = await thrown(async () => {
      for (;;) if ((await reader.read()).done) return;
    });
    expect(error).toBeInstanceOf(AbortError);

    const second = new AbortController();
    const result = streamText({ model: provider(NOVA), prompt: "I love programming.", abortSignal: second.signal });
    const types: string[] = [];
    for await (const part of result.fullStream) {
      types.push(part.type);
      if (part.type === "text-delta") second.abort();
    }
    expect(types).toContain("abort");
    expect(types).not.toContain("finish");
  });

  it("reasoning signatures are sent back as they came: a tampered one is refused by Bedrock", async () => {
    const { provider } = setup();
    const providerOptions = { bedrock: { reasoningConfig: { type: "enabled", budgetTokens: 1024 } } };
    const first = await generateText({ model: provider(CLAUDE), providerOptions, prompt: "I love programming." });
    const signature = first.reasoning[0]?.providerMetadata?.bedrock?.signature;
    expect(typeof signature).toBe("string");
    const history = (await first.response).messages;
    const turn = (sig: unknown) => [
      { role: "user" as const, content: "I love programming." },
      ...history.map((m) =>
        m.role === "assistant" && Array.isArray(m.content)
          ? { ...m, content: m.content.map((p) => (p.type === "reasoning" ? { ...p, providerOptions: { bedrock: { signature: sig as string } } } : p)) }
          : m,
      ),
      { role: "user" as const, content: "I love programming." },
    ];
    const ok = await generateText({ model: provider(CLAUDE), providerOptions, messages: turn(signature) });
    expect(ok.text).toBe("J'adore la programmation.");
    const error = await thrown(() => generateText({ model: provider(CLAUDE), providerOptions, messages: turn("AAAA" + String(signature).slice(4)), maxRetries: 0 }));
    expect((error as Error).cause).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toMatch(/Invalid `signature` in `thinking` block/);
  });

  it("redacted reasoning comes out as redactedData and replays as redactedContent", async () => {
    const { emulator, provider } = setup();
    emulator.script({
      converse: {
        output: { message: { role: "assistant", content: [{ reasoningContent: { redactedContent: "AAECAw==" } }, { text: "Hello." }] } },
        stopReason: "end_turn",
        usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
        metrics: { latencyMs: 1 },
      },
    });
    const first = await generateText({ model: provider(NOVA), prompt: "Hi" });
    expect(first.reasoning[0]?.providerMetadata).toEqual({ bedrock: { redactedData: "AAECAw==" } });
    await generateText({ model: provider(NOVA), messages: [{ role: "user", content: "Hi" }, ...first.response.messages, { role: "user", content: "Again" }] });
    const replayed = (emulator.requests[1]!.body as { messages: Array<{ content: unknown[] }> }).messages[1]!.content;
    expect(replayed).toEqual([{ reasoningContent: { redactedContent: "AAECAw==" } }, { text: "Hello." }]);
  });

  it("Mistral: tool-call IDs of other shapes are rewritten to 9 alphanumerics, alike in call and result, and Bedrock accepts them", async () => {
    const { emulator, provider } = setup();
    const mistral = "us.mistral.pixtral-large-2502-v1:0";
    const history = [
      { role: "user" as const, content: [{ type: "text" as const, text: "Weather in Paris?" }] },
      { role: "assistant" as const, content: [{ type: "tool-call" as const, toolCallId: "get_weather:0", toolName: "get_weather", input: { city: "Paris" } }] },
      { role: "tool" as const, content: [{ type: "tool-result" as const, toolCallId: "get_weather:0", toolName: "get_weather", output: { type: "text" as const, value: "sunny" } }] },
    ];
    const tools = [{ type: "function" as const, name: "get_weather", inputSchema: { type: "object" as const, properties: { city: { type: "string" as const } } } }];
    const result = await provider(mistral).doGenerate({ prompt: history, tools });
    const sent = (emulator.requests[0]!.body as { messages: Array<{ content: Array<Record<string, { toolUseId: string }>> }> }).messages;
    const id = sent[1]!.content[0]!.toolUse!.toolUseId;
    expect(id).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(sent[2]!.content[0]!.toolResult!.toolUseId).toBe(id);
    expect(emulator.requests.map((r) => r.status)).toEqual([200]);
    expect(result.warnings).toEqual([]); // silent, as @ai-sdk/amazon-bedrock (vercel/ai PR #11863)
    // Other families keep the IDs as given.
    await provider(NOVA).doGenerate({ prompt: history.map((m) => (m.role === "assistant" || m.role === "tool" ? m : m)), tools });
    const kept = (emulator.requests[1]!.body as { messages: Array<{ content: Array<Record<string, { toolUseId: string }>> }> }).messages;
    expect(kept[1]!.content[0]!.toolUse!.toolUseId).toBe("get_weather:0");
  });
});
