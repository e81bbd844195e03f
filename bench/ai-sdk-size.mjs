// Section: bundle size of an AI SDK app's provider, ours against @ai-sdk/amazon-bedrock, alone and with `ai` streamText.
import { fileURLToPath } from "node:url";
import { bundle } from "./size.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
// Ours from dist/ (what npm ships), by path: the size section's alias maps only the main entry.
const OURS = `${root}dist/ai-sdk/index.js`;

export const AI_SDK_SIZE_ENTRIES = [
  {
    name: "bedrock-edge/ai-sdk provider doStream",
    ours: true,
    alone: true,
    code: `import { createAmazonBedrock } from "${OURS}";
export async function run(options, modelId, prompt) {
  const { stream } = await createAmazonBedrock(options)(modelId).doStream({ prompt });
  for await (const part of stream) console.log(part);
}`,
  },
  {
    name: "@ai-sdk/amazon-bedrock provider doStream",
    alone: true,
    code: `import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
export async function run(options, modelId, prompt) {
  const { stream } = await createAmazonBedrock(options)(modelId).doStream({ prompt });
  for await (const part of stream) console.log(part);
}`,
  },
  {
    name: "ai streamText with tools + bedrock-edge/ai-sdk",
    ours: true,
    code: `import { createAmazonBedrock } from "${OURS}";
import { streamText } from "ai";
export async function run(options, modelId, tools, prompt) {
  const result = streamText({ model: createAmazonBedrock(options)(modelId), tools, prompt });
  return result.toUIMessageStreamResponse();
}`,
  },
  {
    name: "ai streamText with tools + @ai-sdk/amazon-bedrock",
    code: `import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";
import { streamText } from "ai";
export async function run(options, modelId, tools, prompt) {
  const result = streamText({ model: createAmazonBedrock(options)(modelId), tools, prompt });
  return result.toUIMessageStreamResponse();
}`,
  },
];

/** One build per entry (sizes are deterministic); the provider-alone ratio is the target's. */
export async function runAiSdkSize() {
  const rows = [];
  for (const entry of AI_SDK_SIZE_ENTRIES) rows.push({ ...entry, ...(await bundle(entry.code)) });
  const ours = rows.find((r) => r.ours && r.alone);
  const theirs = rows.find((r) => !r.ours && r.alone);
  return { rows, providerShare: ours.gzipped / theirs.gzipped };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, providerShare } = await runAiSdkSize();
  for (const row of rows) console.log(row.name.padEnd(52), `${row.minified} min`, `${row.gzipped} gz`);
  console.log("ours / theirs (provider alone, gzip):", providerShare.toFixed(3));
}
