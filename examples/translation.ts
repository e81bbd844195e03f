// examples/translation.ts: one call with a system prompt (LangChain's translation example).
import { ChatBedrockConverse } from "bedrock-edge";
import { connection } from "./connection.js";

export async function main() {
  const llm = new ChatBedrockConverse({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    region: "us-east-1",
    temperature: 0,
    ...connection(),
  });

  const aiMsg = await llm.invoke([
    ["system", "You are a helpful assistant that translates English to French. Translate the user sentence."],
    ["human", "I love programming."],
  ]);
  console.log(aiMsg.text); // J'adore la programmation.
  return aiMsg;
}
