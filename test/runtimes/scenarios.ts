// The runtime-neutral scenario suite, bundled from the built package and run in every runtime
// against the emulator on loopback. Uses only what every runtime has: fetch, streams, timers.
import { check, checkEqual, runAll, type Scenario, type ScenarioContext, type ScenarioResult } from "./scenario-kit.js";

export const MODEL = "us.anthropic.claude-sonnet-4-20250514-v1:0";
export const SEED = "I love programming.";
export const TRANSLATION = "J'adore la programmation.";
/** The pool the emulator serves (EMULATOR_IDENTITY_POOL_ID in bedrock-edge/testing). */
const IDENTITY_POOL_ID = "us-east-1:00000000-0000-4000-8000-00000000c0de";

/** Temporary credentials from the emulator, as a browser would get them from its backend. */
export async function credentials(baseUrl: string) {
  const response = await fetch(`${baseUrl}/__test/credentials`);
  checkEqual(response.status, 200, "credentials route status");
  return (await response.json()) as { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

async function chat(ctx: ScenarioContext, extra: Record<string, unknown> = {}) {
  return new ctx.lib.ChatBedrockConverse({
    model: MODEL,
    region: "us-east-1",
    endpoint: ctx.baseUrl,
    credentials: await credentials(ctx.baseUrl),
    ...extra,
  });
}

/** The chunks of a chat stream joined with `concat`, checking there were several (word by word). */
async function joinedStream<T extends { concat(other: T): T }>(stream: Promise<AsyncIterable<T>>): Promise<T> {
  let full: T | undefined;
  let count = 0;
  for await (const chunk of await stream) {
    full = full ? full.concat(chunk) : chunk;
    count++;
  }
  check(full, "no chunks");
  check(count > 3, `expected several chunks, got ${count}`);
  return full;
}

export const scenarios: Scenario[] = [
  {
    name: "invoke returns the translation",
    async run(ctx) {
      const model = await chat(ctx);
      const reply = await model.invoke([
        ["system", "Translate the user sentence into French."],
        ["human", SEED],
      ]);
      checkEqual(reply.text, TRANSLATION, "reply text");
      check((reply.usage_metadata?.output_tokens ?? 0) > 0, "usage_metadata.output_tokens missing");
      checkEqual(reply.response_metadata.stopReason, "end_turn", "stopReason");
    },
  },
  {
    name: "a Cognito identity pool provides temporary credentials",
    async run(ctx) {
      const credentials = ctx.lib.fromCognitoIdentityPool({ identityPoolId: IDENTITY_POOL_ID, endpoint: ctx.baseUrl });
      const model = new ctx.lib.ChatBedrockConverse({ model: MODEL, region: "us-east-1", endpoint: ctx.baseUrl, credentials });
      const reply = await model.invoke(SEED);
      checkEqual(reply.text, TRANSLATION, "reply text");
    },
  },
  {
    name: "a short-term API key minted at the edge is accepted",
    async run(ctx) {
      const apiKey = await ctx.lib.createShortTermApiKey(await credentials(ctx.baseUrl), { region: "us-east-1", expiresIn: 900 });
      check(apiKey.startsWith("bedrock-api-key-"), "key prefix");
      const client = new ctx.lib.BedrockRuntime({ region: "us-east-1", endpoint: ctx.baseUrl, apiKey });
      const out = await client.converse({ modelId: MODEL, messages: [{ role: "user", content: [{ text: SEED }] }] });
      checkEqual(out.output?.message?.content?.[0]?.text, TRANSLATION, "reply text");
    },
  },
  {
    name: "converseStream streams to the end",
    async run(ctx) {
      const client = new ctx.lib.BedrockRuntime({
        region: "us-east-1",
        endpoint: ctx.baseUrl,
        credentials: await credentials(ctx.baseUrl),
      });
      const response = await client.converseStream({
        modelId: MODEL,
        messages: [{ role: "user", content: [{ text: SEED }] }],
      });
      let text = "";
      let deltas = 0;
      let sawMetadata = false;
      for await (const event of response) {
        if (event.contentBlockDelta?.delta?.text) {
          text += event.contentBlockDelta.delta.text;
          deltas++;
        }
        if (event.metadata) sawMetadata = true;
      }
      checkEqual(text, TRANSLATION, "streamed text");
      check(deltas >= 3, `expected word-by-word deltas, got ${deltas}`);
      check(sawMetadata, "no metadata event");
    },
  },
  {
    name: "ChatBedrock (InvokeModel) invokes and streams the Anthropic native body",
    async run(ctx) {
      const model = new ctx.lib.ChatBedrock({
        model: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
        region: "us-east-1",
        endpointUrl: ctx.baseUrl,
        credentials: await credentials(ctx.baseUrl),
        maxTokens: 200,
      });
      const reply = await model.invoke([
        ["system", "Translate the user sentence into French."],
        ["human", SEED],
      ]);
      checkEqual(reply.text, TRANSLATION, "ChatBedrock reply text");
      checkEqual(reply.response_metadata.stop_reason, "end_turn", "stop_reason");
      const full = await joinedStream(model.stream(SEED));
      checkEqual(full.text, TRANSLATION, "ChatBedrock concatenated text");
      check((full.usage_metadata?.output_tokens ?? 0) > 0, "ChatBedrock stream usage missing");
    },
  },
  {
    name: "stream chunks concat into the message",
    async run(ctx) {
      const model = await chat(ctx);
      const full = await joinedStream(model.stream(SEED));
      checkEqual(full.text, TRANSLATION, "concatenated text");
      check((full.usage_metadata?.total_tokens ?? 0) > 0, "usage missing on the final chunks");
    },
  },
  {
    name: "a bound tool is called with parsed arguments",
    async run(ctx) {
      const model = (await chat(ctx)).bindTools([
        {
          name: "get_weather",
          description: "Current weather for a city",
          input_schema: {
            type: "object",
            properties: { city: { type: "string" } },
            required: ["city"],
          },
        },
      ]);
      const reply = await model.invoke("What is the weather? Use get_weather with city=Paris");
      checkEqual(reply.tool_calls?.length, 1, "tool call count");
      checkEqual(reply.tool_calls?.[0]?.name, "get_weather", "tool name");
      checkEqual((reply.tool_calls?.[0]?.args as { city?: string }).city, "Paris", "tool argument");
      checkEqual(reply.response_metadata.stopReason, "tool_use", "stopReason");
    },
  },
  {
    name: "structured output is parsed and validated",
    async run(ctx) {
      const schema = {
        title: "Person",
        description: "A person",
        type: "object",
        properties: { name: { type: "string" }, age: { type: "integer" } },
        required: ["name", "age"],
      };
      for (const method of ["functionCalling", "jsonSchema"] as const) {
        const structured = (await chat(ctx)).withStructuredOutput(schema, { method });
        const person = (await structured.invoke("Extract: name=Ada age=36")) as { name: string; age: number };
        checkEqual(person.name, "Ada", `${method} name`);
        checkEqual(person.age, 36, `${method} age`);
      }
    },
  },
  {
    name: "throttling surfaces as ThrottlingException after the retries",
    async run(ctx) {
      const armed = await fetch(`${ctx.baseUrl}/__test/fault`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "throttle", retryAfterSeconds: 0, times: 3 }),
      });
      checkEqual(armed.status, 200, "fault route status");
      await armed.arrayBuffer();
      const client = new ctx.lib.BedrockRuntime({
        region: "us-east-1",
        endpoint: ctx.baseUrl,
        credentials: await credentials(ctx.baseUrl),
        maxRetries: 2,
        random: () => 0,
      });
      let caught: unknown;
      try {
        await client.converse({ modelId: MODEL, messages: [{ role: "user", content: [{ text: SEED }] }] });
      } catch (error) {
        caught = error;
      }
      check(caught instanceof ctx.lib.ThrottlingException, `expected ThrottlingException, got ${String(caught)}`);
      checkEqual(caught.retryable, true, "retryable");
      checkEqual(caught.$metadata.attempts, 3, "attempts");
      check(ctx.lib.BedrockError.isInstance(caught), "isInstance");
    },
  },
  {
    name: "aborting mid-stream stops it with AbortError",
    async run(ctx) {
      const armed = await fetch(`${ctx.baseUrl}/__test/fault`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "drip", delayMs: 25, chunkBytes: 24 }),
      });
      await armed.arrayBuffer();
      const model = await chat(ctx);
      const controller = new AbortController();
      let chunks = 0;
      let caught: unknown;
      try {
        for await (const _chunk of await model.stream(SEED, { signal: controller.signal })) {
          chunks++;
          if (chunks === 1) controller.abort();
        }
      } catch (error) {
        caught = error;
      }
      check(caught instanceof ctx.lib.AbortError, `expected AbortError, got ${String(caught)}`);
      checkEqual(chunks, 1, "chunks before abort");
      // The connection was released: the next call works.
      const reply = await model.invoke(SEED);
      checkEqual(reply.text, TRANSLATION, "reply after abort");
    },
  },
  {
    name: "embeddings and Rerank find the document that shares the question's words",
    async run(ctx) {
      const client = new ctx.lib.BedrockClient({ region: "us-east-1", endpoint: ctx.baseUrl, credentials: await credentials(ctx.baseUrl) });
      const docs = ["The lighthouse keeper climbs the tower at dusk.", "Sourdough bread needs a starter and a long rise.", "Tides follow the moon."];
      const embeddings = new ctx.lib.BedrockEmbeddings({ client, model: "amazon.titan-embed-text-v2:0", dimensions: 256 });
      const vectors = await embeddings.embedDocuments(docs);
      const query = await embeddings.embedQuery("how long does sourdough bread rise");
      checkEqual(vectors.length, 3, "vectors");
      checkEqual(query.length, 256, "dimensions");
      const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
      const scores = vectors.map((v) => cosine(v, query));
      checkEqual(scores.indexOf(Math.max(...scores)), 1, "nearest document");
      const { results } = await ctx.lib.rerank(client, {
        queries: [{ type: "TEXT", textQuery: { text: "how long does sourdough bread rise" } }],
        sources: docs.map((text) => ({ type: "INLINE", inlineDocumentSource: { type: "TEXT", textDocument: { text } } })),
        rerankingConfiguration: {
          type: "BEDROCK_RERANKING_MODEL",
          bedrockRerankingConfiguration: { numberOfResults: 2, modelConfiguration: { modelArn: "arn:aws:bedrock:us-east-1::foundation-model/amazon.rerank-v1:0" } },
        },
      });
      checkEqual(results?.length, 2, "rerank results");
      checkEqual(results?.[0]?.index, 1, "best reranked document");
    },
  },
];

/** Entry point every runtime harness calls. */
export function runScenarios(ctx: ScenarioContext): Promise<ScenarioResult[]> {
  return runAll(scenarios, ctx);
}
