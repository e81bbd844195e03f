// Child process for the AI SDK throughput section: one provider, timing whole 10,000-event streams through `ai` streamText.
import { createAmazonBedrock as createTheirs } from "@ai-sdk/amazon-bedrock";
import { streamText } from "ai";
import { createAmazonBedrock as createOurs } from "../../dist/ai-sdk/index.js";
import { serve } from "../lib/child.mjs";
import { drain } from "../lib/clients.mjs";
import { concat, encodeFrames, randomChunks, replyEvents, streamingFetch } from "../lib/stream-body.mjs";

const [name, events, seed] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const MODEL_ID = "us.amazon.nova-micro-v1:0";

const body = concat(encodeFrames(replyEvents(events)));
const fetch = streamingFetch(randomChunks(body, seed, 1, 4096));
const settings = { region: "us-east-1", ...CREDENTIALS, fetch };
const [kind] = process.argv.slice(5);
// "streamText-per-event": ours with coalesceDeltas off, one stream part per Bedrock event as theirs gives.
const provider = name === "ours" ? createOurs({ ...settings, maxRetries: 0, coalesceDeltas: kind !== "streamText-per-event" }) : createTheirs(settings);
const model = provider(MODEL_ID);

async function* readable(stream) {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

const run =
  kind === "doStream"
    ? async () => drain(readable((await model.doStream({ prompt: [{ role: "user", content: [{ type: "text", text: "I love programming." }] }] })).stream))
    : async () => drain(streamText({ model, prompt: "I love programming.", maxRetries: 0 }).fullStream);

serve(async () => {
  const start = performance.now();
  const items = await run();
  return { ms: performance.now() - start, items };
});
