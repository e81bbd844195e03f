// Our bundles that the size bench reports and the size-budget test (test/size/) pins: what an app imports and calls.
// `root` is the repository path; ours are bundled from dist/ (what npm ships).
export function ourEntries(root) {
  return [
    {
      id: "wire-core-stream",
      group: "a",
      name: "bedrock-edge BedrockClient + converseStream",
      code: `import { BedrockClient, converseStream } from "${root}dist/index.js";
export async function run(options, request) {
  const client = new BedrockClient(options);
  for await (const event of await converseStream(client, request)) console.log(event);
}`,
    },
    {
      id: "invoke-model-stream",
      group: "a",
      name: "bedrock-edge BedrockClient + invokeModelWithResponseStream",
      code: `import { BedrockClient, invokeModelWithResponseStream } from "${root}dist/index.js";
export async function run(options, request) {
  const client = new BedrockClient(options);
  const response = await invokeModelWithResponseStream(client, request);
  for await (const event of response.body) console.log(event);
}`,
    },
    {
      id: "wire-runtime-stream",
      group: "a",
      name: "bedrock-edge BedrockRuntime.converseStream",
      code: `import { BedrockRuntime } from "${root}dist/index.js";
export async function run(options, request) {
  const client = new BedrockRuntime(options);
  for await (const event of await client.converseStream(request)) console.log(event);
}`,
    },
    {
      id: "chat-stream-tools",
      group: "b",
      name: "bedrock-edge ChatBedrockConverse.bindTools().stream",
      code: `import { ChatBedrockConverse } from "${root}dist/index.js";
export async function run(fields, tools, input) {
  const model = new ChatBedrockConverse(fields).bindTools(tools);
  for await (const chunk of await model.stream(input)) console.log(chunk);
}`,
    },
    {
      id: "chat-bedrock-anthropic-stream",
      group: "b",
      name: "bedrock-edge ChatBedrock (InvokeModel) Anthropic stream",
      code: `import { ChatBedrock } from "${root}dist/index.js";
export async function run(fields, input) {
  const model = new ChatBedrock({ ...fields, model: "anthropic.claude-3-5-haiku-20241022-v1:0" });
  for await (const chunk of await model.stream(input)) console.log(chunk);
}`,
    },
    {
      id: "ai-sdk-provider-stream",
      group: "ai-sdk",
      name: "bedrock-edge/ai-sdk provider doStream",
      code: `import { createAmazonBedrock } from "${root}dist/ai-sdk/index.js";
export async function run(options, modelId, prompt) {
  const { stream } = await createAmazonBedrock(options)(modelId).doStream({ prompt });
  for await (const part of stream) console.log(part);
}`,
    },
    {
      id: "embeddings-titan",
      group: "embeddings",
      name: "bedrock-edge BedrockEmbeddings.embedQuery (Titan Text v2)",
      code: `import { BedrockEmbeddings } from "${root}dist/index.js";
export async function run(fields, text) {
  console.log(await new BedrockEmbeddings(fields).embedQuery(text));
}`,
    },
  ];
}
