// examples/tool-calling.ts: bind tools, read the calls, run them, send the results back.
import { z } from "zod";
import { ChatBedrockConverse, HumanMessage, ToolMessage, type BaseMessage } from "bedrock-edge";
import { connection } from "./connection.js";

const GetWeather = {
  name: "GetWeather",
  description: "Get the current weather in a given location",
  schema: z.object({ location: z.string().describe("The city and state, e.g. San Francisco, CA") }),
};
const GetPopulation = {
  name: "GetPopulation",
  description: "Get the current population in a given location",
  schema: z.object({ location: z.string().describe("The city and state, e.g. San Francisco, CA") }),
};

// Stand-ins for real services.
const services: Record<string, (args: { location: string }) => string> = {
  GetWeather: ({ location }) => `24°C and sunny in ${location}`,
  GetPopulation: ({ location }) => `about 8.3 million people in ${location}`,
};

export async function main() {
  const llm = new ChatBedrockConverse({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    region: "us-east-1",
    ...connection(),
  });
  const llmWithTools = llm.bindTools([GetWeather, GetPopulation]);

  const messages: BaseMessage[] = [
    new HumanMessage('Check GetWeather for location="Los Angeles, CA" and GetPopulation for location="New York, NY".'),
  ];
  const aiMsg = await llmWithTools.invoke(messages);
  console.log(aiMsg.tool_calls);
  // [ { name: "GetWeather", args: { location: "Los Angeles, CA" }, id: "tooluse_…", type: "tool_call" },
  //   { name: "GetPopulation", args: { location: "New York, NY" }, id: "tooluse_…", type: "tool_call" } ]

  messages.push(aiMsg);
  for (const call of aiMsg.tool_calls) {
    const result = services[call.name]!(call.args as { location: string });
    messages.push(new ToolMessage({ content: result, tool_call_id: call.id! }));
  }
  const answer = await llmWithTools.invoke(messages);
  console.log(answer.text);
  return { aiMsg, answer };
}
