// examples/prompt-caching.ts: a cache point after a long system prompt; the second call reads it from the cache.
import { ChatBedrockConverse, HumanMessage, SystemMessage } from "bedrock-edge";
import { connection } from "./connection.js";

// Bedrock caches prefixes of at least 1,024 tokens on Claude models; this glossary is longer than that.
const glossary = Array.from({ length: 150 }, (_, i) => `Term ${i + 1}: "widget-${i + 1}" is translated as "gadget-${i + 1}".`).join("\n");

export async function main() {
  const llm = new ChatBedrockConverse({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    region: "us-east-1",
    ...connection(),
  });

  const system = new SystemMessage({
    content: [
      { type: "text", text: `You translate English to French. Follow this glossary.\n${glossary}` },
      ChatBedrockConverse.createCachePoint(), // { cachePoint: { type: "default" } }; createCachePoint("1h") for a longer TTL
    ],
  });
  const first = await llm.invoke([system, new HumanMessage("I love programming.")]);
  console.log(first.usage_metadata?.input_token_details);
  // { cache_read: 0, cache_creation: 0, ephemeral_5m_input_tokens: 1958, ephemeral_1h_input_tokens: 0 }: writes sit in their TTL bucket

  const second = await llm.invoke([system, new HumanMessage("Good morning.")]);
  console.log(second.usage_metadata?.input_token_details); // { cache_read: 1958, cache_creation: 0 }
  return { first, second };
}
