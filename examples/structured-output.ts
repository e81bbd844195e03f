// examples/structured-output.ts: validated objects from a zod schema, by tool call or Converse's native JSON output.
import { z } from "zod";
import { ChatBedrockConverse } from "bedrock-edge";
import { connection } from "./connection.js";

const Contact = z
  .object({
    name: z.string().describe("Full name"),
    email: z.string().describe("Email address"),
    age: z.number().int().optional().describe("Age in years, if given"),
  })
  .describe("A person's contact details");

const card = "name: Ada Lovelace\nemail: ada@example.com\nage: 36";

export async function main() {
  const llm = new ChatBedrockConverse({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    region: "us-east-1",
    ...connection(),
  });

  // Default method: the schema becomes a tool the model must call.
  const extractor = llm.withStructuredOutput(Contact, { name: "Contact" });
  const contact = await extractor.invoke(`Extract the contact from this card:\n${card}`);
  console.log(contact); // { name: "Ada Lovelace", email: "ada@example.com", age: 36 }

  // Converse's native structured output (outputConfig.textFormat), with the raw message alongside.
  const native = llm.withStructuredOutput(Contact, { name: "Contact", method: "jsonSchema", includeRaw: true });
  const { parsed, raw } = await native.invoke(`Extract the contact from this card:\n${card}`);
  console.log(parsed, raw.usage_metadata);
  return { contact, parsed };
}
