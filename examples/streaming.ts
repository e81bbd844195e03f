// examples/streaming.ts: text as the model writes it, and the chunks added up into one message.
import { ChatBedrockConverse, concat, type AIMessageChunk } from "bedrock-edge";
import { connection } from "./connection.js";

export async function main() {
  const llm = new ChatBedrockConverse({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    region: "us-east-1",
    ...connection(),
  });

  const stream = await llm.stream([
    ["system", "You are a helpful assistant that translates English to French. Translate the user sentence."],
    ["human", "I love programming."],
  ]);
  const pieces: string[] = [];
  let full: AIMessageChunk | undefined;
  for await (const chunk of stream) {
    if (chunk.text) pieces.push(chunk.text); // "J'adore ", "la ", "programmation."
    full = full ? concat(full, chunk) : chunk;
  }
  console.log(pieces);
  console.log(full?.text, full?.usage_metadata); // the same text and usage `invoke` returns
  return { pieces, full };
}
