import { describe, expect, it } from "vitest";
import { inspect } from "node:util";
import { ChatBedrockConverse, type ChatBedrockConverseInput } from "../../../src/chat/model/chat-model.js";
import { BedrockRuntime } from "../../../src/client/bedrock-runtime.js";
import { BedrockInputError } from "../../../src/errors/index.js";
import { API_KEY, MODEL, recordingModel } from "./model-helpers.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const base: ChatBedrockConverseInput = { model: MODEL, region: "us-east-1", apiKey: API_KEY, fetch: async () => new Response("{}") };

describe("constructor validation (BedrockInputError naming the field, before any network call)", () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ["no model", { model: undefined }, /^model is required/],
    ["blank model", { model: "  " }, /^model is required/],
    ["model and modelId disagree", { modelId: "other" }, /model and modelId name different models/],
    ["temperature above 1", { temperature: 1.5 }, /^temperature must be a number from 0 to 1, got 1\.5/],
    ["topP negative", { topP: -0.1 }, /^topP must be a number from 0 to 1/],
    ["maxTokens not an integer", { maxTokens: 10.5 }, /^maxTokens must be a positive integer, got 10\.5/],
    ["maxTokens zero", { maxTokens: 0 }, /^maxTokens must be a positive integer/],
    ["stopSequences not an array", { stopSequences: "END" }, /^stopSequences must be an array, got "END"/],
    ["empty stop sequence", { stopSequences: ["a", ""] }, /^stopSequences\[1\] must be a non-empty string/],
    ["additionalModelRequestFields not an object", { additionalModelRequestFields: [1] }, /^additionalModelRequestFields must be an object/],
    ["response field path without slash", { additionalModelResponseFieldPaths: ["stop"] }, /^additionalModelResponseFieldPaths\[0\] must be a JSON Pointer/],
    ["guardrail without version", { guardrailConfig: { guardrailIdentifier: "g" } }, /^guardrailConfig\.guardrailVersion must be a non-empty string/],
    ["guardrail bad trace", { guardrailConfig: { guardrailIdentifier: "g", guardrailVersion: "1", trace: "on" } }, /^guardrailConfig\.trace must be one of "enabled", "disabled", "enabled_full"/],
    ["performanceConfig bad latency", { performanceConfig: { latency: "fast" } }, /^performanceConfig\.latency must be one of "standard", "optimized"/],
    ["serviceTier unknown", { serviceTier: "gold" }, /^serviceTier must be one of "priority", "default", "flex", "reserved"/],
    ["serviceTier object unknown", { serviceTier: { type: "gold" } }, /^serviceTier\.type must be one of/],
    ["requestMetadata non-string", { requestMetadata: { n: 1 } }, /^requestMetadata\.n must be a string/],
    ["thinking budget too small", { thinking: 100 }, /^thinking must be a budget of at least 1024 tokens/],
    ["thinking without budget", { thinking: { type: "enabled" } }, /^thinking\.budget_tokens must be an integer of at least 1024/],
    ["thinking bad type", { thinking: { type: "on" } }, /^thinking\.type must be one of "enabled", "adaptive", "disabled"/],
    ["cachePoints bad ttl", { cachePoints: { ttl: "2h" } }, /^cachePoints\.ttl must be one of "5m", "1h"/],
    ["cachePoints bad spot", { cachePoints: { where: ["header"] } }, /^cachePoints\.where\[0\] must be one of "system"/],
    ["streamUsage not boolean", { streamUsage: "yes" }, /^streamUsage must be a boolean/],
    ["guardLastTurnOnly not boolean", { guardLastTurnOnly: 1 }, /^guardLastTurnOnly must be a boolean/],
    ["bad region", { region: "mars" }, /^region must look like "us-east-1"/],
    ["bad endpoint", { endpoint: "not a url" }, /^endpoint must be an absolute URL/],
    ["negative maxRetries", { maxRetries: -1 }, /^maxRetries must be a non-negative integer/],
    ["client is not a client", { client: {} as never, region: undefined, apiKey: undefined, fetch: undefined }, /^client must be a BedrockRuntime/],
    [
      "client with connection options",
      { client: new BedrockRuntime({ region: "us-east-1", apiKey: API_KEY }), fetch: undefined, apiKey: undefined },
      /^region configures a new client/,
    ],
  ])("%s", (_name, fields, message) => {
    let calls = 0;
    const fetch = async () => (calls++, new Response("{}"));
    const error = (() => {
      try {
        new ChatBedrockConverse({ ...base, fetch, ...fields } as ChatBedrockConverseInput);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BedrockInputError);
    expect((error as Error).message).toMatch(message);
    expect(calls).toBe(0);
  });

  it("requires a region up front unless a model ARN names one", () => {
    const saved = { AWS_REGION: process.env.AWS_REGION, AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION };
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    try {
      expect(() => new ChatBedrockConverse({ ...base, region: undefined })).toThrow(/^region is required/);
      const arn = "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-sonnet-4-20250514-v1:0";
      expect(new ChatBedrockConverse({ ...base, region: undefined, model: arn }).region).toBe("eu-west-1");
    } finally {
      for (const [key, value] of Object.entries(saved)) if (value !== undefined) process.env[key] = value;
    }
  });

  it("validates call options, with the field named, before sending", async () => {
    const { model, bodies } = recordingModel();
    await expect(model.invoke("Hi", { temperature: 2 })).rejects.toThrow(/^temperature must be a number from 0 to 1/);
    await expect(model.invoke("Hi", { stop: [""] })).rejects.toThrow(/^stop\[0\] must be a non-empty string/);
    await expect(model.invoke("Hi", { maxConcurrency: 0 })).rejects.toThrow(/^maxConcurrency must be a positive integer/);
    await expect(model.invoke("Hi", { signal: {} as AbortSignal })).rejects.toThrow(/^signal must be an AbortSignal/);
    await expect(model.invoke("Hi", { tools: "get_weather" as never })).rejects.toThrow(/^tools must be an array/);
    await expect(model.invoke("Hi", { guardrailConfig: { trace: "enabled" } })).rejects.toThrow(/^guardrailConfig\.guardrailIdentifier must be a non-empty string/);
    expect(() => model.withConfig({ maxTokens: -5 })).toThrow(/^maxTokens must be a positive integer/);
    expect(bodies).toEqual([]);
  });

  it("accepts modelId as an alias and reuses a given client", async () => {
    const client = new BedrockRuntime({ region: "us-east-1", apiKey: API_KEY, fetch: async () => new Response("{}") });
    const model = new ChatBedrockConverse({ modelId: MODEL, client });
    expect(model.model).toBe(MODEL);
    expect(model.modelId).toBe(MODEL);
    expect(model.client).toBe(client);
    expect(model.withConfig({ temperature: 0 }).client).toBe(client);
  });
});

describe("serialisation: settings shown, secrets masked", () => {
  const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET, sessionToken: "SESSIONTOKENVALUE" };

  it("toJSON shows settings and bound options, never credentials or API keys", () => {
    const model = new ChatBedrockConverse({
      model: MODEL,
      region: "us-east-1",
      credentials,
      endpoint: "http://127.0.0.1:9999",
      temperature: 0.3,
      guardrailConfig: { guardrailIdentifier: "gr", guardrailVersion: "1" },
      performanceConfig: { latency: "optimized" },
    }).bindTools([{ name: "get_weather", parameters: { type: "object", properties: {} } }], { tool_choice: "auto" });
    expect(model.toJSON()).toEqual({
      model: MODEL,
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9999",
      auth: "sigv4",
      credentials: "[redacted]",
      temperature: 0.3,
      guardrailConfig: { guardrailIdentifier: "gr", guardrailVersion: "1" },
      performanceConfig: { latency: "optimized" },
      bound: { tools: ["get_weather"], tool_choice: "auto" },
    });
    for (const text of [JSON.stringify(model), inspect(model, { depth: 10 }), String(model)]) {
      for (const secret of [SECRET, "SESSIONTOKENVALUE", "AKIDEXAMPLE"]) expect(text).not.toContain(secret);
    }
  });

  it("masks an API key", () => {
    const model = new ChatBedrockConverse({ model: MODEL, region: "us-east-1", apiKey: API_KEY });
    const json = JSON.stringify(model);
    expect(JSON.parse(json)).toMatchObject({ auth: "bearer", apiKey: "[redacted]" });
    expect(json).not.toContain(API_KEY);
    expect(inspect(model)).not.toContain(API_KEY);
  });
});

describe("ChatBedrockConverse.createCachePoint", () => {
  it.each([
    [undefined, { cachePoint: { type: "default" } }],
    ["5m", { cachePoint: { type: "default", ttl: "5m" } }],
    ["1h", { cachePoint: { type: "default", ttl: "1h" } }],
  ] as const)("ttl %s", (ttl, expected) => {
    expect(ChatBedrockConverse.createCachePoint(ttl)).toEqual(expected);
  });

  it("refuses an unknown TTL", () => {
    expect(() => ChatBedrockConverse.createCachePoint("2h" as never)).toThrow(/ttl must be "5m" or "1h"/);
  });
});
