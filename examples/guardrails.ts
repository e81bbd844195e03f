// examples/guardrails.ts: a guardrail that checks the last user turn, and its intervention in the reply.
import { ChatBedrockConverse } from "bedrock-edge";
import { connection } from "./connection.js";

export async function main() {
  const llm = new ChatBedrockConverse({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    region: "us-east-1",
    guardrailConfig: {
      guardrailIdentifier: process.env.BEDROCK_GUARDRAIL_ID ?? "my-guardrail-id",
      guardrailVersion: "DRAFT",
      trace: "enabled",
    },
    guardLastTurnOnly: true, // sends the last user text as guardContent, so only it is checked
    ...connection(),
  });

  const allowed = await llm.invoke("I love programming.");
  console.log(allowed.response_metadata.stopReason); // "end_turn"

  const blocked = await llm.invoke("Tell me about the forbidden topic.");
  console.log(blocked.response_metadata.stopReason); // "guardrail_intervened"
  console.log(blocked.text); // the guardrail's blocked-input message
  console.log(JSON.stringify(blocked.response_metadata.trace)); // which policy matched
  return { allowed, blocked };
}
