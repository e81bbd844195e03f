// examples/batch.ts: several conversations at once, at most two in flight, replies in input order.
import { ChatBedrockConverse, type MessageLike } from "bedrock-edge";
import { connection } from "./connection.js";

export async function main() {
  const llm = new ChatBedrockConverse({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    region: "us-east-1",
    ...connection(),
  });

  const translate = (sentence: string): MessageLike[] => [
    ["system", "You are a helpful assistant that translates English to French. Translate the user sentence."],
    ["human", sentence],
  ];
  const replies = await llm.batch([translate("I love programming."), translate("Good morning.")], { maxConcurrency: 2 });
  for (const reply of replies) console.log(reply.text);
  return replies;
}
