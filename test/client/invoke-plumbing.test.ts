// The new operations share the others' plumbing: hooks name them, the gateway and partitions route them, ARNs name the region.
import { describe, expect, it } from "vitest";
import { BedrockClient, BedrockRuntime, aiGateway, applyGuardrail, invokeModel, invokeModelWithResponseStream } from "../../src/index.js";
import type { ClientHooks } from "../../src/client/index.js";
import type { ApplyGuardrailRequest } from "../../src/wire/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";

const CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0";
const body = { anthropic_version: "bedrock-2023-05-31", max_tokens: 64, messages: [{ role: "user", content: "hi" }] };
const guard: ApplyGuardrailRequest = { guardrailIdentifier: "gr-1", guardrailVersion: "1", source: "INPUT", content: [{ text: { text: "hi" } }] };

function recording(options: { region?: string; gateway?: boolean } = {}) {
  const emulator = createBedrockEmulator({ region: options.region ?? "us-east-1", ...(options.gateway ? { gateway: {} } : {}) });
  const urls: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    urls.push(request.url);
    return emulator.fetch(request);
  }) as typeof globalThis.fetch;
  return { emulator, urls, fetch };
}

describe("hooks", () => {
  it("report InvokeModel, InvokeModelWithResponseStream and ApplyGuardrail by their AWS names", async () => {
    const events: Array<[string, string, string]> = [];
    const hooks: ClientHooks = {
      onRequest: (e) => events.push(["request", e.operation, e.modelId]),
      onResponse: (e) => events.push(["response", e.operation, String(e.status)]),
      onStreamEnd: (e) => events.push(["end", e.operation, e.outcome]),
    };
    const { fetch } = recording();
    const client = new BedrockRuntime({ region: "us-east-1", endpoint: "https://bedrock.test", credentials: EMULATOR_CREDENTIALS, fetch, hooks });
    await client.invokeModel({ modelId: CLAUDE, body });
    for await (const _ of await client.invokeModelWithResponseStream({ modelId: CLAUDE, body }));
    await client.applyGuardrail(guard);
    expect(events).toEqual([
      ["request", "InvokeModel", CLAUDE],
      ["response", "InvokeModel", "200"],
      ["request", "InvokeModelWithResponseStream", CLAUDE],
      ["response", "InvokeModelWithResponseStream", "200"],
      ["end", "InvokeModelWithResponseStream", "completed"],
      ["request", "ApplyGuardrail", "gr-1"],
      ["response", "ApplyGuardrail", "200"],
    ]);
  });
});

describe("routing", () => {
  it("through AI Gateway, signed for Bedrock's own path (the emulator verifies it)", async () => {
    const { fetch, urls } = recording({ gateway: true });
    const gateway = aiGateway({ accountId: "0123456789abcdef0123456789abcdef", gatewayId: "gw", baseUrl: "https://gateway.test" });
    const client = new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch, gateway });
    await invokeModel(client, { modelId: CLAUDE, body });
    for await (const _ of await invokeModelWithResponseStream(client, { modelId: CLAUDE, body }));
    await applyGuardrail(client, guard);
    const base = "https://gateway.test/v1/0123456789abcdef0123456789abcdef/gw/aws-bedrock/bedrock-runtime/us-east-1";
    expect(urls).toEqual([
      `${base}/model/${encodeURIComponent(CLAUDE)}/invoke`,
      `${base}/model/${encodeURIComponent(CLAUDE)}/invoke-with-response-stream`,
      `${base}/guardrail/gr-1/version/1/apply`,
    ]);
  });

  it("to the partition's endpoint, the region taken from a guardrail ARN", async () => {
    const { fetch, urls } = recording({ region: "cn-north-1" });
    const client = new BedrockClient({ credentials: EMULATOR_CREDENTIALS, fetch });
    const arn = "arn:aws-cn:bedrock:cn-north-1:123456789012:guardrail/gr-1";
    const out = await applyGuardrail(client, { ...guard, guardrailIdentifier: arn });
    expect(out.action).toBe("NONE");
    expect(urls).toEqual([`https://bedrock-runtime.cn-north-1.amazonaws.com.cn/guardrail/${encodeURIComponent(arn)}/version/1/apply`]);
  });
});

describe("types", () => {
  it("event.chunk?.bytes reads without a cast, as with the SDK", async () => {
    const { fetch } = recording();
    const client = new BedrockRuntime({ region: "us-east-1", endpoint: "https://bedrock.test", credentials: EMULATOR_CREDENTIALS, fetch });
    const response = await client.invokeModelWithResponseStream({ modelId: CLAUDE, body });
    const types: string[] = [];
    for await (const event of response.body) {
      const bytes: Uint8Array | undefined = event.chunk?.bytes;
      types.push(JSON.parse(new TextDecoder().decode(bytes)).type);
    }
    expect(types.at(-1)).toBe("message_stop");
  });
});
