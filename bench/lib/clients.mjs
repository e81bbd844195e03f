// Each contender's ConverseStream call, built the way its docs show, over an injected fetch or a real endpoint.
import { createRequire } from "node:module";
import { BedrockRuntime } from "../../dist/index.js";
import { ChatBedrockConverse } from "../../dist/chat/model/chat-model.js";
import { BedrockRuntimeClient, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { streamText } from "ai";
import { ChatBedrockConverse as LangChainChatBedrockConverse } from "@langchain/aws";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
// The AWS SDK's own fetch handler, taken from the SDK's dependencies (it takes a custom fetch).
const sdkRequire = createRequire(createRequire(import.meta.url).resolve("@aws-sdk/client-bedrock-runtime"));
const { FetchHttpHandler } = sdkRequire("@smithy/fetch-http-handler");
// Over a real socket the SDK would pick HTTP/2 for ConverseStream; the emulator speaks HTTP/1.1.
const { NodeHttpHandler } = sdkRequire("@smithy/node-http-handler");

export const MODEL_ID = "us.amazon.nova-micro-v1:0";
export const REGION = "us-east-1";
export const PROMPT = "I love programming.";
const REQUEST = { modelId: MODEL_ID, messages: [{ role: "user", content: [{ text: PROMPT }] }] };
const AI_PROMPT = [{ role: "user", content: [{ type: "text", text: PROMPT }] }];

/**
 * `{ name, stream() }` per contender: `stream()` sends one request and resolves to an async
 * iterable of what that client yields; `text(item)` reads a text delta out of one item.
 * `target` is `{ fetch }` (in-process) or `{ endpoint }` (a real server); `credentials` are SigV4 keys.
 */
export function contenders(target, credentials) {
  const viaFetch = target.fetch !== undefined;
  const sdkClient = () =>
    new BedrockRuntimeClient({
      region: REGION,
      // A copy: the SDK writes bookkeeping onto the credentials object it is given.
      credentials: { ...credentials },
      maxAttempts: 1,
      ...(viaFetch
        ? { requestHandler: new FetchHttpHandler({ customFetch: target.fetch }) }
        : { endpoint: target.endpoint, requestHandler: new NodeHttpHandler() }),
    });
  const aiProvider = () =>
    createAmazonBedrock({
      region: REGION,
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(viaFetch ? { fetch: target.fetch } : { baseURL: target.endpoint }),
    });
  const ours = {
    region: REGION,
    credentials,
    maxRetries: 0,
    ...(viaFetch ? { fetch: target.fetch } : { endpoint: target.endpoint }),
  };

  const list = [
    {
      name: "bedrock-edge BedrockRuntime",
      ours: true,
      create() {
        const client = new BedrockRuntime(ours);
        return () => client.converseStream(REQUEST);
      },
      text: (e) => e.contentBlockDelta?.delta?.text,
    },
    {
      name: "@aws-sdk/client-bedrock-runtime",
      sdk: true,
      create() {
        const client = sdkClient();
        return async () => (await client.send(new ConverseStreamCommand(REQUEST))).stream;
      },
      text: (e) => e.contentBlockDelta?.delta?.text,
    },
    {
      name: "@ai-sdk/amazon-bedrock (doStream)",
      aiSdk: true,
      create() {
        const model = aiProvider()(MODEL_ID);
        return async () => streamIterable((await model.doStream({ prompt: AI_PROMPT })).stream);
      },
      text: (part) => (part.type === "text-delta" ? part.delta : undefined),
    },
    {
      name: "ai streamText + @ai-sdk/amazon-bedrock",
      create() {
        const model = aiProvider()(MODEL_ID);
        return async () => streamText({ model, prompt: PROMPT, maxRetries: 0 }).fullStream;
      },
      text: (part) => (part.type === "text-delta" ? part.text : undefined),
    },
    {
      name: "bedrock-edge ChatBedrockConverse",
      ours: true,
      chat: true,
      create() {
        const model = new ChatBedrockConverse({ model: MODEL_ID, ...ours });
        return () => model.stream(PROMPT);
      },
      text: (chunk) => (typeof chunk.content === "string" && chunk.content !== "" ? chunk.content : undefined),
    },
    {
      name: "@langchain/aws ChatBedrockConverse",
      chat: true,
      create() {
        const model = new LangChainChatBedrockConverse({ model: MODEL_ID, region: REGION, client: sdkClient() });
        return () => model.stream(PROMPT);
      },
      text: (chunk) => (typeof chunk.content === "string" && chunk.content !== "" ? chunk.content : undefined),
    },
  ];
  return list;
}

/** A ReadableStream as an async iterable, for runtimes without ReadableStream[Symbol.asyncIterator]. */
async function* streamIterable(stream) {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Consumes one whole stream; returns how many items it yielded. Drops each item at once. */
export async function drain(iterable) {
  let count = 0;
  for await (const _ of iterable) count++;
  return count;
}
