// modelRefusal: what particular models refuse, in Bedrock's words; and the emulator answering so, through the client.
import { describe, expect, it } from "vitest";
import { BedrockRuntime } from "../../../src/client/index.js";
import { ValidationException } from "../../../src/errors/index.js";
import { modelRefusal } from "../../../src/testing/validate/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../../src/testing/index.js";

const messages = [{ role: "user", content: [{ text: "What is the weather in Paris?" }] }];
const tools = [{ toolSpec: { name: "get_weather", inputSchema: { json: { type: "object", properties: { city: { type: "string" } } } } } }];
// Bedrock's words, from real answers (not from our emulator): Converse, langchain-aws #447 (botocore
// traceback); ConverseStream, LibreChat #6351; toolChoice.any, strands-agents harness-sdk #1241 and
// aws-samples/bedrock-access-gateway #92; the Mistral ID rule, anomalyco/opencode PR #48843 (live run).
const NO_TOOLS = "This model doesn't support tool use.";
const NO_TOOLS_STREAMING = "This model doesn't support tool use in streaming mode.";
const badId = (id: string) => `The model returned the following errors: Tool call id was ${id} but must be a-z, A-Z, 0-9, with a length of 9.`;
const toolHistory = (id: string) => [
  ...messages,
  { role: "assistant", content: [{ toolUse: { toolUseId: id, name: "get_weather", input: {} } }] },
  { role: "user", content: [{ toolResult: { toolUseId: id, content: [{ text: "sunny" }] } }] },
];
// Quoted from live calls in several projects' notes (Nova Sonic on ConverseStream, imported models on Converse).
const NOT_CHAT = "This action doesn't support the model that you provided. Try again with a supported text or chat model.";
const NO_ANY = "This model doesn't support the toolConfig.toolChoice.any field. Remove toolConfig.toolChoice.any and try again.";

describe("modelRefusal", () => {
  const rows: Array<[string, string, "converse" | "converse-stream", Record<string, unknown>, string | undefined]> = [
    ["R1 with tools (Converse)", "us.deepseek.r1-v1:0", "converse", { messages, toolConfig: { tools } }, NO_TOOLS],
    ["R1 with tools (ConverseStream)", "deepseek.r1-v1:0", "converse-stream", { messages, toolConfig: { tools } }, NO_TOOLS_STREAMING],
    ["R1 through an inference-profile ARN", "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.deepseek.r1-v1:0", "converse", { messages, toolConfig: { tools } }, NO_TOOLS],
    ["R1 without tools", "us.deepseek.r1-v1:0", "converse", { messages }, undefined],
    ["R1 with only a cache point in tools", "us.deepseek.r1-v1:0", "converse", { messages, toolConfig: { tools: [{ cachePoint: { type: "default" } }] } }, undefined],
    ["DeepSeek V3 with tools", "us.deepseek.v3-v1:0", "converse", { messages, toolConfig: { tools } }, undefined],
    ["Llama with toolChoice any", "us.meta.llama3-3-70b-instruct-v1:0", "converse", { messages, toolConfig: { tools, toolChoice: { any: {} } } }, NO_ANY],
    ["Llama 4 with toolChoice any, streaming", "us.meta.llama4-maverick-17b-instruct-v1:0", "converse-stream", { messages, toolConfig: { tools, toolChoice: { any: {} } } }, NO_ANY],
    ["Llama with toolChoice auto", "us.meta.llama3-3-70b-instruct-v1:0", "converse", { messages, toolConfig: { tools, toolChoice: { auto: {} } } }, undefined],
    ["Claude with toolChoice any", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "converse", { messages, toolConfig: { tools, toolChoice: { any: {} } } }, undefined],
    ["Mistral with a short tool-use ID", "us.mistral.pixtral-large-2502-v1:0", "converse", { messages: toolHistory("a"), toolConfig: { tools } }, badId("a")],
    ["Mistral with 9 alphanumerics", "mistral.mistral-large-2402-v1:0", "converse-stream", { messages: toolHistory("abc123XYZ"), toolConfig: { tools } }, undefined],
    ["Mistral with Bedrock's own ID", "mistral.mistral-small-2402-v1:0", "converse", { messages: toolHistory("tooluse_YvliyMSPxtIa3KFrupoNyV"), toolConfig: { tools } }, undefined],
    ["Claude with a short tool-use ID", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "converse", { messages: toolHistory("a"), toolConfig: { tools } }, undefined],
    ["Titan Text Embeddings v2 on Converse", "amazon.titan-embed-text-v2:0", "converse", { messages }, NOT_CHAT],
    ["Cohere Embed v4 behind a profile, streaming", "us.cohere.embed-v4:0", "converse-stream", { messages }, NOT_CHAT],
    ["a rerank model", "amazon.rerank-v1:0", "converse", { messages }, NOT_CHAT],
    ["Nova Canvas (images)", "amazon.nova-canvas-v1:0", "converse", { messages }, NOT_CHAT],
    ["Nova Reel (video)", "amazon.nova-reel-v1:1", "converse-stream", { messages }, NOT_CHAT],
    ["Nova Lite is a chat model", "us.amazon.nova-lite-v1:0", "converse", { messages }, undefined],
    ["Titan Text is a text model", "amazon.titan-text-express-v1", "converse", { messages }, undefined],
    ["a hostile toolConfig", "us.meta.llama3-3-70b-instruct-v1:0", "converse", { messages, toolConfig: { tools: "x", toolChoice: null } }, undefined],
  ];
  it.each(rows)("%s", (_, modelId, operation, body, expected) => {
    expect(modelRefusal(modelId, operation, body)).toBe(expected);
  });
});

describe("the emulator refuses as Bedrock does; the client reports it", () => {
  const client = (emulator: ReturnType<typeof createBedrockEmulator>) =>
    new BedrockRuntime({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch, maxRetries: 0 });

  it("R1 with tools: ValidationException on converse and converseStream, with AWS's words", async () => {
    const emulator = createBedrockEmulator();
    const bedrock = client(emulator);
    const request = { modelId: "us.deepseek.r1-v1:0", messages, toolConfig: { tools } } as never;
    const a = await bedrock.converse(request).catch((e: unknown) => e);
    const b = await bedrock.converseStream(request).catch((e: unknown) => e);
    expect(a).toBeInstanceOf(ValidationException);
    expect((a as Error).message).toBe(NO_TOOLS);
    expect(b).toBeInstanceOf(ValidationException);
    expect((b as Error).message).toBe(NO_TOOLS_STREAMING);
    expect(emulator.requests.map((r) => [r.status, r.operation])).toEqual([
      [400, "converse"],
      [400, "converse-stream"],
    ]);
  });

  it("Llama with toolChoice any: ValidationException; auto goes through", async () => {
    const emulator = createBedrockEmulator();
    const bedrock = client(emulator);
    const modelId = "us.meta.llama3-3-70b-instruct-v1:0";
    const error = await bedrock.converse({ modelId, messages, toolConfig: { tools, toolChoice: { any: {} } } } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toBe(NO_ANY);
    const ok = await bedrock.converse({ modelId, messages, toolConfig: { tools, toolChoice: { auto: {} } } } as never);
    expect(ok.stopReason).toBeDefined();
  });

  it("an embedding model: Converse refused with AWS's words, InvokeModel on it answers", async () => {
    const emulator = createBedrockEmulator();
    const bedrock = client(emulator);
    const modelId = "amazon.titan-embed-text-v2:0";
    const error = await bedrock.converse({ modelId, messages } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toBe(NOT_CHAT);
    const ok = await bedrock.invokeModel({ modelId, body: JSON.stringify({ inputText: "hello" }), contentType: "application/json" });
    expect(JSON.parse(new TextDecoder().decode(ok.body)).embedding).toHaveLength(1024);
  });
});
