// `npm start`: stream the seed example's reply. Talks to real Bedrock when AWS credentials or a
// Bedrock API key are in the environment; otherwise starts the local emulator and uses it.
import { BedrockRuntime } from "../dist/index.js";

const prompt = "I love programming.";
const system = "You are a helpful assistant that translates English to French. Translate the user sentence.";
const env = process.env;
const haveAws = Boolean(env.AWS_BEARER_TOKEN_BEDROCK || (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY));

let client;
let stop = async () => {};
let modelId = env.BEDROCK_MODEL_ID ?? "us.amazon.nova-micro-v1:0";
if (haveAws) {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1";
  console.log(`Using Amazon Bedrock in ${region} with model ${modelId} (credentials from the environment).`);
  client = new BedrockRuntime({ region });
} else {
  const { startEmulator, EMULATOR_CREDENTIALS } = await import("../dist/testing/node.js").then(async (node) => ({
    ...node,
    ...(await import("../dist/testing/index.js")),
  }));
  const server = await startEmulator({ port: Number(env.PORT ?? 0) });
  stop = () => server.close();
  console.log(`No AWS credentials in the environment: using the local Bedrock emulator at ${server.url}`);
  client = new BedrockRuntime({ region: "us-east-1", endpoint: server.url, credentials: EMULATOR_CREDENTIALS });
}

console.log(`> ${prompt}`);
const response = await client.converseStream({
  modelId,
  system: [{ text: system }],
  messages: [{ role: "user", content: [{ text: prompt }] }],
  inferenceConfig: { maxTokens: 256, temperature: 0 },
});
process.stdout.write("< ");
for await (const event of response) {
  const text = event.contentBlockDelta?.delta?.text;
  if (text) process.stdout.write(text);
  if (event.metadata?.usage) {
    const u = event.metadata.usage;
    process.stdout.write(`\n(${u.inputTokens} input tokens, ${u.outputTokens} output tokens, request ${response.requestId ?? "n/a"})\n`);
  }
}
await stop();
