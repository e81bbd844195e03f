// examples/token-usage.ts: token counts of a reply, of a stream, and before sending.
import { ChatBedrockConverse, concat, type AIMessageChunk, type MessageLike } from "bedrock-edge";
import { connection } from "./connection.js";

export async function main() {
  const llm = new ChatBedrockConverse({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    region: "us-east-1",
    ...connection(),
  });
  const input: MessageLike[] = [
    ["system", "You are a helpful assistant that translates English to French. Translate the user sentence."],
    ["human", "I love programming."],
  ];

  const aiMsg = await llm.invoke(input);
  console.log(aiMsg.usage_metadata); // { input_tokens: 28, output_tokens: 7, total_tokens: 35 }: total_tokens is Bedrock's totalTokens

  // A stream reports usage in its last chunk (`streamUsage: false` leaves it out).
  let full: AIMessageChunk | undefined;
  for await (const chunk of await llm.stream(input)) full = full ? concat(full, chunk) : chunk;
  console.log(full?.usage_metadata); // the same figures

  // Before sending: Bedrock's CountTokens where the model has it, else an estimate.
  const counted = await llm.getNumTokensFromMessages(input);
  console.log(counted); // 28
  return { invoked: aiMsg.usage_metadata, streamed: full?.usage_metadata, counted, bedrock: aiMsg.response_metadata.usage };
}
