// examples/image-input.ts: an image as a data URL next to the question.
import { ChatBedrockConverse, HumanMessage } from "bedrock-edge";
import { connection } from "./connection.js";

// A 16×16 red PNG. Your own: `data:image/png;base64,${(await readFile("photo.png")).toString("base64")}`.
const redSquare = "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mO4IydHEmIY1TCqYfhqAACaMxgQdrf9VwAAAABJRU5ErkJggg==";

export async function main() {
  const llm = new ChatBedrockConverse({
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    region: "us-east-1",
    ...connection(),
  });

  const message = new HumanMessage({
    content: [
      { type: "text", text: "What colour is this square? Answer in one word." },
      { type: "image_url", image_url: { url: `data:image/png;base64,${redSquare}` } },
    ],
  });
  const reply = await llm.invoke([message]);
  console.log(reply.text); // Red.
  return reply;
}
