import { describe, expect, it } from "vitest";
import { createBedrockEmulator, estimateTokens, MEDIA_TOKENS } from "../../../src/testing/index.js";
import { call, OPERATIONS, say, tool, user } from "./helpers.js";

const PNG = "iVBORw0KGgo="; // 8 bytes
const schemaOf = (schema: unknown) => ({ textFormat: { type: "json_schema", structure: { jsonSchema: { schema: JSON.stringify(schema), name: "answer" } } } });
const person = { type: "object", properties: { name: { type: "string" }, age: { type: "integer" }, admin: { type: "boolean" } }, required: ["name", "age"], additionalProperties: false };

/** [case, body, expected text]. */
const TEXT_CASES: Array<[string, unknown, string]> = [
  ["the seed translation", say("I love programming."), "J'adore la programmation."],
  ["an echo", say("What is 2+2?"), "You said: What is 2+2?"],
  ["guardContent counts as text", { messages: [user({ guardContent: { text: { text: "guarded words" } } })] }, "You said: guarded words"],
  ["an image", { messages: [user({ text: "What is this?" }, { image: { format: "png", source: { bytes: PNG } } })] }, "You said: What is this? I see 1 image."],
  [
    "images, documents, a video",
    {
      messages: [
        user(
          { text: "Compare" },
          { image: { format: "png", source: { bytes: PNG } } },
          { image: { format: "jpeg", source: { s3Location: { uri: "s3://b/k.jpg" } } } },
          { document: { name: "report", format: "pdf", source: { bytes: PNG } } },
          { document: { name: "notes", format: "txt", source: { text: "n" } } },
          { video: { format: "mp4", source: { s3Location: { uri: "s3://b/v.mp4" } } } },
        ),
      ],
    },
    "You said: Compare I see 2 images, 2 documents (report, notes) and 1 video.",
  ],
  ["media without text", { messages: [user({ document: { name: "cv", format: "pdf", source: { bytes: PNG } } })] }, "I see 1 document (cv)."],
  ["structured output fills the schema from pairs", { ...say("name=Ada age=36 admin=yes"), outputConfig: schemaOf(person) }, '{"name": "Ada", "age": 36, "admin": true}'],
  ["structured output defaults what is missing", { ...say("nobody"), outputConfig: schemaOf(person) }, '{"name": "", "age": 0}'],
  [
    "a lone string property takes the whole text",
    { ...say("I love programming."), outputConfig: schemaOf({ type: "object", properties: { answer: { type: "string" } }, required: ["answer"] }) },
    '{"answer": "I love programming."}',
  ],
  ["a non-object schema gets its default", { ...say("x"), outputConfig: schemaOf({ type: "array", items: { type: "string" } }) }, "[]"],
];

describe("built-in model: replies", () => {
  describe.each(OPERATIONS)("%s", (operation) => {
    it.each(TEXT_CASES)("%s", async (_name, body, text) => {
      const outcome = await call(createBedrockEmulator(), operation, body);
      expect(outcome.error).toBeUndefined();
      expect(outcome.content).toEqual([{ text }]);
      expect(outcome.stopReason).toBe("end_turn");
    });

    it("fills a forced tool's arguments for structured output the same way", async () => {
      const body = { ...say("name: Grace, age=85"), toolConfig: { tools: [tool("Person", person.properties, person.required)], toolChoice: { tool: { name: "Person" } } } };
      const outcome = await call(createBedrockEmulator(), operation, body);
      expect(outcome.content![0].toolUse.input).toEqual({ name: "Grace", age: 85 });
      expect(outcome.stopReason).toBe("tool_use");
    });

    it("answers with the API key as with SigV4", async () => {
      const outcome = await call(createBedrockEmulator(), operation, say("I love programming."), { auth: "api-key" });
      expect(outcome.content).toEqual([{ text: "J'adore la programmation." }]);
    });
  });

  it("streams structured output JSON in several text deltas", async () => {
    const { events, content } = await call(createBedrockEmulator(), "converse-stream", { ...say("name=Ada age=36"), outputConfig: schemaOf(person) });
    expect(events!.filter((e) => e.contentBlockDelta).length).toBeGreaterThan(2);
    expect(JSON.parse(content![0].text)).toEqual({ name: "Ada", age: 36 });
  });
});

describe("built-in model: usage and metrics", () => {
  const body = {
    system: [{ text: "Be brief." }],
    messages: [user({ text: "Describe" }, { image: { format: "png", source: { bytes: PNG } } }, { document: { name: "d", format: "txt", source: { text: "abcdefgh" } } })],
  };
  const reply = "You said: Describe I see 1 image and 1 document (d).";

  it.each(OPERATIONS)("%s: input by the count rule, output over the reply, latency per word", async (operation) => {
    const outcome = await call(createBedrockEmulator(), operation, body);
    expect(outcome.content).toEqual([{ text: reply }]);
    const inputTokens = estimateTokens("Be brief.") + estimateTokens("Describe") + MEDIA_TOKENS + 2;
    const outputTokens = estimateTokens(reply);
    expect(outcome.usage).toEqual({ inputTokens, outputTokens, totalTokens: inputTokens + outputTokens });
    expect(outcome.metrics).toEqual({ latencyMs: 100 + 10 * reply.split(" ").length });
  });

  it.each(OPERATIONS)("%s: tool input JSON counts as output", async (operation) => {
    const outcome = await call(createBedrockEmulator(), operation, { ...say("search_web cats"), toolConfig: { tools: [tool("search_web", { q: { type: "string" } }, ["q"])] } });
    expect(outcome.usage.outputTokens).toBe(estimateTokens(JSON.stringify({ q: "cats" })));
  });

  it.each(OPERATIONS)("%s: limits cut the reply", async (operation) => {
    const outcome = await call(createBedrockEmulator(), operation, { ...say("alpha beta gamma"), inferenceConfig: { maxTokens: 3 } });
    expect(outcome.content).toEqual([{ text: "You said: al" }]);
    expect(outcome.stopReason).toBe("max_tokens");
    expect(outcome.usage.outputTokens).toBe(3);
  });
});
