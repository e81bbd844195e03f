// examples/response-metadata.ts: why the model stopped, how long it took, which request it was.
import { ChatBedrockConverse } from "bedrock-edge";
import { connection } from "./connection.js";

export async function main() {
  const llm = new ChatBedrockConverse({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    region: "us-east-1",
    ...connection(),
  });

  const aiMsg = await llm.invoke("I love programming.");
  console.log(aiMsg.response_metadata);
  // { model_name: "us.anthropic.claude-sonnet-4-5-20250929-v1:0", model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
  //   requestId: "…", stopReason: "end_turn",
  //   metrics: { latencyMs: 130 }, usage: { inputTokens: 5, outputTokens: 7, totalTokens: 12 } }
  console.log(aiMsg.id); // the request ID, as @langchain/aws sets it
  return aiMsg;
}
