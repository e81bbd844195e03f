// examples/chat-bedrock.ts: ChatBedrock on InvokeModel, the provider's native body (BedrockChat's API).
import { ChatBedrock } from "bedrock-edge";
import { connection } from "./connection.js";

export async function main() {
  const llm = new ChatBedrock({
    model: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
    region: "us-east-1",
    maxTokens: 256,
    modelKwargs: { top_k: 5 }, // merged into the Anthropic Messages body
    ...connection(),
  });

  const aiMsg = await llm.invoke([
    ["system", "You are a helpful assistant that translates English to French. Translate the user sentence."],
    ["human", "I love programming."],
  ]);
  console.log(aiMsg.text); // J'adore la programmation.
  const pieces: string[] = [];
  for await (const chunk of await llm.stream("I love programming.")) if (chunk.text) pieces.push(chunk.text);
  console.log(pieces); // ["J'adore ", "la ", "programmation."]
  return { aiMsg, pieces };
}
