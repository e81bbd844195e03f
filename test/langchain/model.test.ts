// The LangChain model's own surface: construction (ours and @langchain/aws's fields), tracing params, serialisation with secrets masked.
import { inspect } from "node:util";
import { load } from "@langchain/core/load";
import { StructuredTool } from "@langchain/core/tools";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BedrockRuntime } from "../../src/client/bedrock-runtime.js";
import { BedrockInputError } from "../../src/errors/index.js";
import * as adapter from "../../src/langchain/index.js";
import { ChatBedrockConverse } from "../../src/langchain/index.js";
import { useEmulator } from "./helpers.js";

const e = useEmulator();
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const KEY_ID = "AKIDEXAMPLE";
const TOKEN = "session-token-value";
const API_KEY = "ABSKQmVkcm9ja0FQSUtleS1leGFtcGxl";

// LangChain's standard unit-test constructor arguments.
const standard = { model: "us.anthropic.claude-sonnet-4-20250514-v1:0", region: "us-east-1", temperature: 0, maxTokens: 100, timeout: 60, stopSequences: [], maxRetries: 2 };

class PersonTool extends StructuredTool {
  name = "PersonTool";
  description = "A person";
  schema = z.object({ name: z.string(), age: z.number().int().positive() });
  async _call(input: { name: string }): Promise<string> {
    return JSON.stringify(input);
  }
}

describe("construction", () => {
  it.each([
    ["standard arguments", { ...standard, credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET } }],
    ["an API key", { ...standard, apiKey: "test" }],
    ["streaming", { ...standard, apiKey: "test", streaming: true }],
  ])("with %s", (_name, fields) => {
    const model = new ChatBedrockConverse(fields);
    expect(model.bindTools([new PersonTool()])).toBeDefined();
    expect(model.withStructuredOutput(z.object({ name: z.string() }))).toBeDefined();
    expect(model._llmType()).toBe("chat_bedrock_converse");
    expect(model.getName()).toBe("ChatBedrockConverse");
    expect([model.model, model.region, model.temperature, model.maxTokens]).toEqual([standard.model, "us-east-1", 0, 100]);
  });

  it("@langchain/aws's (model, fields) form", () => {
    const model = new ChatBedrockConverse("amazon.nova-micro-v1:0", { region: "eu-west-1", apiKey: "test" });
    expect([model.model, model.region]).toEqual(["amazon.nova-micro-v1:0", "eu-west-1"]);
  });

  it("reuses a given BedrockRuntime", () => {
    const client = new BedrockRuntime({ region: "us-east-1", apiKey: "test" });
    expect(new ChatBedrockConverse({ model: standard.model, client }).client).toBe(client);
  });

  it.each([
    ["no model", { region: "us-east-1", apiKey: "x" }, /model is required/],
    ["a bad temperature", { ...standard, apiKey: "x", temperature: 3 }, /temperature must be a number from 0 to 1/],
    ["the Node credential chain's profile", { ...standard, profile: "dev" }, /profile: @langchain\/aws options of the AWS SDK's Node client/],
    // defaultHeaders is no longer refused: it maps onto `headers` (see below).
    ["clientOptions", { ...standard, clientOptions: {} }, /clientOptions: @langchain\/aws options of the AWS SDK's Node client/],
    ["headers and defaultHeaders together", { ...standard, apiKey: "x", headers: { a: "b" }, defaultHeaders: { a: "c" } }, /headers and defaultHeaders both given/],
    ["disableStreaming of another kind", { ...standard, apiKey: "x", disableStreaming: "always" }, /disableStreaming must be true, false or "tool_calling"/],
  ])("refuses %s, naming the field", (_name, fields, message) => {
    expect(() => new ChatBedrockConverse(fields as never)).toThrow(BedrockInputError);
    expect(() => new ChatBedrockConverse(fields as never)).toThrow(message);
  });
});

describe("@langchain/aws fields map onto ours", () => {
  it("bedrockApiKey / bedrockApiSecret / bedrockApiSessionToken sign requests as credentials", async () => {
    const { EMULATOR_CREDENTIALS } = await import("../../src/testing/node.js");
    const model = e.model({
      credentials: undefined,
      bedrockApiKey: EMULATOR_CREDENTIALS.accessKeyId,
      bedrockApiSecret: EMULATOR_CREDENTIALS.secretAccessKey,
    });
    expect((await model.invoke("Hello")).text).toBe("You said: Hello");
    expect(e.running.emulator.requests[0]!.auth).toEqual({ kind: "sigv4", accessKeyId: EMULATOR_CREDENTIALS.accessKeyId });
  });

  it("bedrockBearerToken is sent as the Bedrock API key", async () => {
    const { EMULATOR_API_KEY } = await import("../../src/testing/node.js");
    const model = e.model({ credentials: undefined, bedrockBearerToken: EMULATOR_API_KEY });
    expect((await model.invoke("Hello")).text).toBe("You said: Hello");
    expect(e.running.emulator.requests[0]!.auth).toEqual({ kind: "bearer" });
  });

  it("applicationInferenceProfile is where requests go; model stays the traced name", async () => {
    const profile = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123";
    const model = e.model({ applicationInferenceProfile: profile });
    await model.invoke("Hello");
    expect(e.running.emulator.requests[0]!.modelId).toBe(profile);
    expect(model.getLsParams({} as never).ls_model_name).toBe("us.anthropic.claude-sonnet-4-20250514-v1:0");
  });

  it("endpointHost becomes an https endpoint", async () => {
    const urls: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return new Response("{}", { status: 500 });
    };
    const model = new ChatBedrockConverse({ ...standard, maxRetries: 0, apiKey: "x", endpointHost: "bedrock.example.test", fetch });
    expect(model.toJSON()).toMatchObject({ kwargs: { endpoint_host: "bedrock.example.test" } });
    await expect(model.invoke("Hello")).rejects.toThrow();
    expect(urls[0]).toMatch(/^https:\/\/bedrock\.example\.test\/model\//);
  });

  it("cache_control places cache points after the system prompt, the last turn and the tools", async () => {
    await e
      .model()
      .bindTools([new PersonTool()])
      .invoke([["system", "Rules"], ["human", "Hello"]], { cache_control: { type: "ephemeral", ttl: "1h" } });
    const body = e.bodies("converse")[0]!;
    const point = { cachePoint: { type: "default", ttl: "1h" } };
    expect(body.system.at(-1)).toEqual(point);
    expect(body.messages.at(-1).content.at(-1)).toEqual(point);
    expect(body.toolConfig.tools.at(-1)).toEqual(point);
  });
});

describe("tracing params", () => {
  it("getLsParams has every LangSmith key, from the request actually built", () => {
    const model = new ChatBedrockConverse({ ...standard, apiKey: "x" });
    expect(model.getLsParams({} as never)).toEqual({
      ls_provider: "amazon_bedrock",
      ls_model_name: standard.model,
      ls_model_type: "chat",
      ls_temperature: 0,
      ls_max_tokens: 100,
      ls_stop: undefined,
    });
    expect(Object.keys(model.getLsParams({} as never)).sort()).toEqual(["ls_max_tokens", "ls_model_name", "ls_model_type", "ls_provider", "ls_stop", "ls_temperature"]);
    expect(model.getLsParams({ stop: ["\n"], temperature: 0.5 } as never)).toMatchObject({ ls_temperature: 0.5, ls_stop: ["\n"] });
  });

  it("invocationParams: the Converse fields of the call, tools converted and thinking merged", () => {
    const model = new ChatBedrockConverse({ ...standard, apiKey: "x", thinking: 2048, maxTokens: 4096, temperature: 1 });
    expect(model.invocationParams({ tools: [new PersonTool()], tool_choice: "auto", stop: ["END"], requestMetadata: { app: "a" } } as never)).toEqual({
      inferenceConfig: { maxTokens: 4096, temperature: 1, stopSequences: ["END"] },
      additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 2048 } },
      toolConfig: {
        tools: [{ toolSpec: expect.objectContaining({ name: "PersonTool", description: "A person" }) }],
        toolChoice: { auto: {} },
      },
      requestMetadata: { app: "a" },
    });
  });

  it("the traced invocation params are what the emulator received", async () => {
    let traced: Record<string, any> = {};
    const callbacks = [{ handleChatModelStart: (_l: unknown, _m: unknown, _r: unknown, _p: unknown, extra?: Record<string, any>) => void (traced = extra?.invocation_params) }];
    await e.model({ temperature: 0.3 }).invoke("Hello", { callbacks, stop: ["x"] });
    const { modelId: _m, messages: _messages, ...sent } = e.bodies("converse")[0]!;
    expect(traced).toEqual(sent);
  });

  it("getNumTokens is the documented local estimate (no tokenizer download)", async () => {
    const model = new ChatBedrockConverse({ ...standard, apiKey: "x" });
    expect(await model.getNumTokens("12345678")).toBe(2);
    expect(await model.getNumTokens([{ type: "text", text: "1234" }, { type: "image_url", image_url: "data:," }])).toBe(1);
  });
});

describe("serialisation", () => {
  const fields = {
    ...standard,
    credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET, sessionToken: TOKEN },
    guardrailConfig: { guardrailIdentifier: "g1", guardrailVersion: "1" },
    fetch: globalThis.fetch,
    warn: () => {},
  };

  it("toJSON keeps the settings and writes secret references in place of the secrets", () => {
    const json = new ChatBedrockConverse(fields).toJSON();
    expect(json).toEqual({
      lc: 1,
      type: "constructor",
      id: ["bedrock_edge", "langchain", "ChatBedrockConverse"],
      kwargs: {
        model: standard.model,
        region: "us-east-1",
        temperature: 0,
        max_tokens: 100,
        timeout: 60,
        stop_sequences: [],
        max_retries: 2,
        guardrail_config: { guardrailIdentifier: "g1", guardrailVersion: "1" },
        credentials: {
          accessKeyId: { lc: 1, type: "secret", id: ["AWS_ACCESS_KEY_ID"] },
          secretAccessKey: { lc: 1, type: "secret", id: ["AWS_SECRET_ACCESS_KEY"] },
          sessionToken: { lc: 1, type: "secret", id: ["AWS_SESSION_TOKEN"] },
        },
      },
    });
  });

  it.each([
    ["credentials", { credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET, sessionToken: TOKEN } }],
    ["apiKey", { apiKey: API_KEY }],
    ["@langchain/aws secrets", { bedrockApiKey: KEY_ID, bedrockApiSecret: SECRET, bedrockApiSessionToken: TOKEN }],
    ["bedrockBearerToken", { bedrockBearerToken: API_KEY }],
  ])("%s appear in no JSON, inspection or binding output", (_name, secrets) => {
    const model = new ChatBedrockConverse({ model: standard.model, region: "us-east-1", ...secrets });
    const shown = [
      JSON.stringify(model),
      inspect(model, { depth: 20, showHidden: true }),
      JSON.stringify(model.bindTools([new PersonTool()])),
      inspect(model.withConfig({ temperature: 0.1 }), { depth: 20 }),
      JSON.stringify(model.lc_kwargs),
    ].join("\n");
    for (const secret of [SECRET, TOKEN, API_KEY]) expect(shown).not.toContain(secret);
  });

  it("a credentials provider is left out of the JSON (it cannot be serialised)", () => {
    const model = new ChatBedrockConverse({ model: standard.model, region: "us-east-1", credentials: async () => ({ accessKeyId: KEY_ID, secretAccessKey: SECRET }) });
    expect(model.toJSON()).toEqual({ lc: 1, type: "constructor", id: ["bedrock_edge", "langchain", "ChatBedrockConverse"], kwargs: { model: standard.model, region: "us-east-1" } });
  });

  it("load() rebuilds a working model, the secrets coming from secretsMap", async () => {
    const { EMULATOR_CREDENTIALS } = await import("../../src/testing/node.js");
    const original = e.model({ credentials: { ...EMULATOR_CREDENTIALS }, temperature: 0.4 });
    const text = JSON.stringify(original);
    expect(text).not.toContain(EMULATOR_CREDENTIALS.secretAccessKey);
    const loaded = await load<ChatBedrockConverse>(text, {
      secretsMap: { AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey },
      optionalImportsMap: { "bedrock_edge/langchain": adapter },
    });
    expect(loaded).toBeInstanceOf(ChatBedrockConverse);
    expect([loaded.model, loaded.temperature]).toEqual([original.model, 0.4]);
    expect((await loaded.invoke("Hello")).text).toBe("You said: Hello");
    expect(e.bodies("converse")[0]!.inferenceConfig).toEqual({ temperature: 0.4 });
  });
});

describe("langchain-aws's parameters through the LangChain model", () => {
  it("defaultHeaders (@langchain/aws) is `headers`; lc_kwargs and inspection show no header value", () => {
    const model = e.model({ defaultHeaders: { "x-api-token": "Bearer gateway-token-value" } });
    const shown = [JSON.stringify(model.lc_kwargs), JSON.stringify(model), inspect(model, { depth: 20, showHidden: true })].join("\n");
    expect(shown).not.toContain("gateway-token-value");
    expect(e.model({ headers: { "x-a": "b" } })).toBeDefined();
  });

  it('disableStreaming "tool_calling": LangChain streams without tools, one Converse chunk with tools', async () => {
    const model = e.model({ disableStreaming: "tool_calling" });
    expect(model.disableStreaming).toBe(false);
    const plain: unknown[] = [];
    for await (const chunk of await model.stream("Hello")) plain.push(chunk);
    const withTools: unknown[] = [];
    for await (const chunk of await model.bindTools([new PersonTool()]).stream("PersonTool name=Ada age=36")) withTools.push(chunk);
    expect(e.running.emulator.requests.map((r) => r.operation)).toEqual(["converse-stream", "converse"]);
    expect(plain.length).toBeGreaterThan(1);
    expect(withTools).toHaveLength(1);
  });

  it("disableStreaming: true is LangChain's own switch (stream() invokes)", async () => {
    const model = e.model({ disableStreaming: true });
    expect(model.disableStreaming).toBe(true);
    for await (const _chunk of await model.stream("Hello")) void _chunk;
    expect(e.running.emulator.requests.map((r) => r.operation)).toEqual(["converse"]);
  });

  it("system and rawBlocks reach the request", async () => {
    await e.model({ system: "You are terse." }).invoke([["system", "Answer in French."], ["human", "Hello"]]);
    const raw = [{ role: "user" as const, content: [{ text: "Raw hello" }] }];
    await e.model({ rawBlocks: raw }).invoke("not sent");
    const [first, second] = e.bodies("converse");
    expect(first!.system).toEqual([{ text: "You are terse." }, { text: "Answer in French." }]);
    expect(second!.messages).toEqual(raw);
  });
});
