// The chat-app scenario run in each runtime: streamText with a tool over two steps, answered as
// toUIMessageStreamResponse() (what useChat reads), parsed back into its UI message chunks.
import { jsonSchema, stepCountIs, streamText, tool } from "ai";
import { createAmazonBedrock } from "bedrock-edge/ai-sdk";

// The example key pair of AWS's SigV4 documentation, which the emulator accepts (EMULATOR_CREDENTIALS).
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

export interface ScenarioReport {
  status: number;
  contentType: string | null;
  /** UI message chunk types, in order, runs of one type counted once (how many deltas arrive together varies with timing). */
  types: string[];
  toolInput: unknown;
  toolOutput: unknown;
  text: string;
  finishReason: string;
  usage: { inputTokens?: number | undefined; outputTokens?: number | undefined };
}

export async function runScenario(baseUrl: string): Promise<ScenarioReport> {
  const bedrock = createAmazonBedrock({ region: "us-east-1", ...CREDENTIALS, baseURL: baseUrl, maxRetries: 0 });
  const result = streamText({
    model: bedrock("us.amazon.nova-micro-v1:0"),
    tools: {
      get_weather: tool({
        description: "Current weather of a city",
        inputSchema: jsonSchema<{ city: string }>({ type: "object", properties: { city: { type: "string" } }, required: ["city"] }),
        execute: async ({ city }) => ({ city, temperature: 21 }),
      }),
    },
    stopWhen: stepCountIs(2),
    prompt: "get weather city=Paris",
  });
  const response = result.toUIMessageStreamResponse();
  const body = await response.text();
  const chunks = body
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown> & { type: string });
  const usage = await result.totalUsage;
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    types: chunks.map((c) => c.type).filter((type, i, all) => type !== all[i - 1]),
    toolInput: chunks.find((c) => c.type === "tool-input-available")?.input,
    toolOutput: chunks.find((c) => c.type === "tool-output-available")?.output,
    text: chunks.filter((c) => c.type === "text-delta").map((c) => c.delta).join(""),
    finishReason: await result.finishReason,
    usage: { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens },
  };
}
