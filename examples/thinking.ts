// examples/thinking.ts: extended thinking, and a second turn that sends the signed reasoning back.
import { ChatBedrockConverse, HumanMessage, type AIMessage } from "bedrock-edge";
import { connection } from "./connection.js";

/** The reasoning texts of a reply. */
const reasoningOf = (message: AIMessage): string[] =>
  typeof message.content === "string"
    ? []
    : message.content.flatMap((block) => (block.type === "reasoning_content" && "reasoningText" in block ? [block.reasoningText.text ?? ""] : []));

export async function main() {
  const llm = new ChatBedrockConverse({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    region: "us-east-1",
    maxTokens: 4096,
    thinking: { type: "enabled", budget_tokens: 2048 }, // sent as additionalModelRequestFields.thinking
    ...connection(),
  });

  const question = new HumanMessage("What is 17 times 23?");
  const first = await llm.invoke([question]);
  console.log(reasoningOf(first), first.text);

  // The reply keeps its reasoning signature; Bedrock checks it when the reply comes back as history.
  const second = await llm.invoke([question, first, new HumanMessage("Now add 9 to that.")]);
  console.log(reasoningOf(second), second.text);
  return { first, second };
}
