// The bare BedrockClient and its standalone operations: same wire behaviour as BedrockRuntime, validation only when asked for.
import { describe, expect, it } from "vitest";
import {
  aiGateway,
  BedrockClient,
  BedrockRuntime,
  converse,
  converseStream,
  countTokens,
  ValidationException,
} from "../../src/index.js";
import { BedrockInputError } from "../../src/errors/index.js";
import { Sha256, type ChecksumConstructor } from "../../src/auth/index.js";
import { validateRequest } from "../../src/wire/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";

const MODEL = "us.amazon.nova-micro-v1:0";
const messages = [{ role: "user" as const, content: [{ text: "I love programming." }] }];

/** A fetch into `emulator` that keeps each URL it was given. */
function recordingFetch(emulator: ReturnType<typeof createBedrockEmulator>) {
  const urls: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    urls.push(request.url);
    return emulator.fetch(request);
  }) as typeof globalThis.fetch;
  return { urls, fetch };
}

function setUp(extra: Partial<ConstructorParameters<typeof BedrockClient>[0]> = {}) {
  const emulator = createBedrockEmulator();
  const { urls, fetch } = recordingFetch(emulator);
  const client = new BedrockClient({ region: "us-east-1", endpoint: "https://bedrock.test", credentials: EMULATOR_CREDENTIALS, fetch, random: () => 0, ...extra });
  return { emulator, urls, client };
}

// Bedrock itself refuses this (inferenceConfig.temperature must be a number): the emulator answers as it does.
const malformed = { modelId: MODEL, messages, inferenceConfig: { temperature: "hot" as unknown as number } };

describe("BedrockClient with the standalone operations", () => {
  it("converse, converseStream and countTokens answer as BedrockRuntime's methods do", async () => {
    const { client, emulator } = setUp();
    const runtime = new BedrockRuntime({ region: "us-east-1", endpoint: "https://bedrock.test", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch });
    const bare = await converse(client, { modelId: MODEL, messages });
    const full = await runtime.converse({ modelId: MODEL, messages });
    expect(bare.output).toEqual(full.output);
    expect(bare.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });

    let text = "";
    const stream = await converseStream(client, { modelId: MODEL, messages });
    for await (const event of stream) text += event.contentBlockDelta?.delta?.text ?? "";
    expect(text).toBe("J'adore la programmation.");

    const tokens = await countTokens(client, { modelId: MODEL, input: { converse: { messages } } });
    expect(tokens.inputTokens).toBeGreaterThan(0);
    expect(emulator.requests.map((r) => [r.operation, r.status])).toEqual([
      ["converse", 200],
      ["converse", 200],
      ["converse-stream", 200],
      ["count-tokens", 200],
    ]);
  });

  it("sends a request unchecked by default: Bedrock's own ValidationException comes back", async () => {
    const { client, emulator } = setUp();
    const error = await converse(client, malformed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as ValidationException).status).toBe(400);
    expect(emulator.requests).toHaveLength(1);
  });

  it("with validate: validateRequest, refuses it before any request, naming the field", async () => {
    const { client, emulator } = setUp({ validate: validateRequest });
    await expect(converse(client, malformed)).rejects.toThrow(BedrockInputError);
    await expect(converseStream(client, malformed)).rejects.toThrow(/inferenceConfig\.temperature/);
    expect(emulator.requests).toHaveLength(0);
  });

  it("BedrockRuntime validates by default, and validate: false sends as the bare client does", async () => {
    const emulator = createBedrockEmulator();
    const base = { region: "us-east-1", endpoint: "https://bedrock.test", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch, maxRetries: 0 };
    await expect(new BedrockRuntime(base).converse(malformed)).rejects.toThrow(BedrockInputError);
    expect(emulator.requests).toHaveLength(0);
    await expect(new BedrockRuntime({ ...base, validate: false }).converse(malformed)).rejects.toThrow(ValidationException);
    expect(emulator.requests).toHaveLength(1);
    expect(() => new BedrockRuntime({ ...base, validate: "yes" as unknown as boolean })).toThrow(/validate must be a boolean/);
  });

  it("still refuses what it cannot send at all before any request: no object, no model ID, bad call options", async () => {
    const { client, emulator } = setUp();
    await expect(converse(client, null as never)).rejects.toThrow(BedrockInputError);
    await expect(converseStream(client, { messages } as never)).rejects.toThrow(/modelId is required/);
    await expect(converse(client, { modelId: "..", messages })).rejects.toThrow(BedrockInputError);
    await expect(converse(client, { modelId: MODEL, messages }, { timeout: -1 })).rejects.toThrow(/timeout/);
    expect(emulator.requests).toHaveLength(0);
  });

  it("an operation given something other than a BedrockClient says so", async () => {
    await expect(converse({} as BedrockClient, { modelId: MODEL, messages })).rejects.toThrow(/client must be a BedrockClient/);
    const runtime = new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS });
    await expect(converse(runtime as unknown as BedrockClient, { modelId: MODEL, messages })).rejects.toThrow(BedrockInputError);
    expect(runtime.client).toBeInstanceOf(BedrockClient);
  });

  it("takes a gateway built by aiGateway(), and refuses the plain object it cannot read", async () => {
    const gateway = { accountId: "0123456789abcdef0123456789abcdef", gatewayId: "my-gateway", baseUrl: "https://gateway.test" };
    const emulator = createBedrockEmulator({ gateway: {} });
    const { urls, fetch } = recordingFetch(emulator);
    const client = new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch, gateway: aiGateway(gateway) });
    await converse(client, { modelId: MODEL, messages });
    expect(urls).toEqual([`https://gateway.test/v1/${gateway.accountId}/my-gateway/aws-bedrock/bedrock-runtime/us-east-1/model/us.amazon.nova-micro-v1%3A0/converse`]);
    expect(() => new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, gateway: gateway as never })).toThrow(/aiGateway/);
    expect(() => aiGateway({ ...gateway, gatewayId: "../x" })).toThrow(/gateway\.gatewayId/);
  });

  it("signs with the sha256 it is given", async () => {
    let made = 0;
    const Counting = class extends (Sha256 as unknown as new (secret?: unknown) => object) {
      constructor(secret?: unknown) {
        super(secret);
        made++;
      }
    } as unknown as ChecksumConstructor;
    const { client, emulator } = setUp({ sha256: Counting });
    await converse(client, { modelId: MODEL, messages });
    expect(made).toBeGreaterThan(0);
    expect(emulator.requests[0]?.status).toBe(200);
    expect(() => new BedrockClient({ region: "us-east-1", sha256: "sha" as never })).toThrow(/sha256/);
  });
});
