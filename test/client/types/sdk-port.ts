// Type fixture: the README's porting snippet, written exactly as AWS SDK code, must compile with DOM libs.
import { BedrockRuntimeClient, ConverseStreamCommand } from "../../../src/index.js";

const client = new BedrockRuntimeClient({ region: "us-east-1", apiKey: "ABSKexample" });

export async function port(): Promise<string> {
  const { stream } = await client.send(
    new ConverseStreamCommand({
      modelId: "us.amazon.nova-micro-v1:0",
      messages: [{ role: "user", content: [{ text: "hi" }] }],
    }),
  );
  let text = "";
  for await (const event of stream) text += event.contentBlockDelta?.delta?.text ?? "";
  return text;
}

// Where the docs promise a WHATWG stream, it still is one.
export async function asWebStream(): Promise<ReadableStream> {
  const response = await client.converseStream({ modelId: "m", messages: [{ role: "user", content: [{ text: "hi" }] }] });
  const web: ReadableStream = response.stream;
  return web.pipeThrough(new TransformStream());
}
