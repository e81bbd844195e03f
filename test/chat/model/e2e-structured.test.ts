// Structured output over loopback: functionCalling and jsonSchema, includeRaw, validation failures, thinking.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AIMessage } from "../../../src/chat/messages/messages.js";
import { OutputParserException } from "../../../src/chat/model/output-parser.js";
import { bodies, useEmulator } from "./e2e-helpers.js";

const e2e = useEmulator();
const Joke = z.object({
  setup: z.string().describe("The setup of the joke"),
  punchline: z.string().describe("The punchline to the joke"),
  rating: z.number().optional().describe("How funny the joke is, from 1 to 10"),
});
const joke = { setup: "setup", punchline: "punchline", rating: 7 };

describe.each(["functionCalling", "jsonSchema"] as const)("withStructuredOutput, method %s", (method) => {
  it("returns the parsed, validated object", async () => {
    const structured = e2e.chat().withStructuredOutput(Joke, { name: "Joke", method });
    const result = await structured.invoke("Tell me a joke about cats");
    expect(result).toEqual(joke);
    // Typed from the zod schema:
    const punchline: string = result.punchline;
    expect(punchline).toBe("punchline");
  });

  it("includeRaw returns the message and the parsed object", async () => {
    const result = await e2e.chat().withStructuredOutput(Joke, { name: "Joke", method, includeRaw: true }).invoke("Tell me a joke");
    expect(result.raw).toBeInstanceOf(AIMessage);
    expect(result.parsed).toEqual(joke);
    expect(result.parsingError).toBeUndefined();
  });

  it("a reply that fails validation raises OutputParserException, or comes back with includeRaw", async () => {
    const model = e2e.chat();
    const error = await model
      .withStructuredOutput(Joke, { name: "Joke", method })
      .invoke("Tell me a joke rating=high")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputParserException);
    expect((error as OutputParserException).name).toBe("OutputParserException");
    expect((error as OutputParserException).issues).toEqual([expect.stringMatching(/^rating: /)]);
    expect((error as OutputParserException).llmOutput).toContain('"rating":"high"');

    const raw = await model.withStructuredOutput(Joke, { name: "Joke", method, includeRaw: true }).invoke("Tell me a joke rating=high");
    expect(raw.parsed).toBeNull();
    expect(raw.parsingError).toBeInstanceOf(OutputParserException);
    expect(raw.raw.text + JSON.stringify(raw.raw.tool_calls)).toContain("high");
  });

  it("validates plain JSON Schema structurally", async () => {
    const Person = { title: "Person", type: "object", properties: { name: { type: "string" }, age: { type: "integer" } }, required: ["name", "age"] };
    const structured = e2e.chat().withStructuredOutput(Person, { method });
    expect(await structured.invoke("Who? name=Ada")).toEqual({ name: "Ada", age: 7 });
    await expect(structured.invoke("Who? age=old")).rejects.toThrow(/\$\.age: expected integer, got string/);
  });

  it("streams one parsed value, and batches", async () => {
    const structured = e2e.chat().withStructuredOutput(Joke, { name: "Joke", method });
    const values: unknown[] = [];
    for await (const value of await structured.stream("A joke please")) values.push(value);
    expect(values).toEqual([joke]);
    expect(await structured.batch(["a", "b rating=3"], { maxConcurrency: 1 })).toEqual([joke, { ...joke, rating: 3 }]);
  });
});

describe("structured output request shapes on the wire", () => {
  it("functionCalling forces the tool named after the schema", async () => {
    await e2e.chat().withStructuredOutput(Joke, { name: "Joke" }).invoke("Tell me a joke");
    expect(bodies(e2e.running)[0]!.toolConfig).toEqual({
      tools: [{ toolSpec: { name: "Joke", description: "Joke", inputSchema: { json: expect.objectContaining({ type: "object", required: ["setup", "punchline"] }) } } }],
      toolChoice: { tool: { name: "Joke" } },
    });
  });

  it("jsonSchema sends outputConfig.textFormat with a strict schema and no tools", async () => {
    await e2e.chat().withStructuredOutput(Joke.describe("A joke"), { name: "Joke", method: "jsonSchema" }).invoke("Tell me a joke");
    const body = bodies(e2e.running)[0]!;
    expect(body.toolConfig).toBeUndefined();
    const format = (body.outputConfig as { textFormat: { type: string; structure: { jsonSchema: { schema: string; name: string; description: string } } } }).textFormat;
    expect(format.type).toBe("json_schema");
    expect(format.structure.jsonSchema.name).toBe("Joke");
    expect(format.structure.jsonSchema.description).toBe("A joke");
    expect(JSON.parse(format.structure.jsonSchema.schema)).toMatchObject({ type: "object", additionalProperties: false, required: ["setup", "punchline"] });
  });
});

describe("structured output with extended thinking", () => {
  it("functionCalling: the forced choice becomes auto with a warning; a reply without the call is a parse error", async () => {
    const warned: string[] = [];
    const model = e2e.chat({ thinking: 1024, warn: (m) => void warned.push(m) });
    const result = await model.withStructuredOutput(Joke, { name: "Joke", includeRaw: true }).invoke("Tell me a joke");
    expect((bodies(e2e.running)[0]!.toolConfig as { toolChoice: unknown }).toolChoice).toEqual({ auto: {} });
    expect(warned).toEqual([expect.stringMatching(/tool_choice "Joke" was changed to "auto"/)]);
    expect(result.parsed).toBeNull();
    expect(result.parsingError).toBeInstanceOf(OutputParserException);
    expect(result.parsingError!.message).toMatch(/did not call the tool "Joke"/);
  });

  it("functionCalling still works when the model calls the tool on its own", async () => {
    const result = await e2e.chat({ thinking: 1024 }).withStructuredOutput(Joke, { name: "Joke" }).invoke("Use Joke please");
    expect(result).toEqual(joke);
  });

  it("jsonSchema works alongside reasoning", async () => {
    const result = await e2e.chat({ thinking: 1024 }).withStructuredOutput(Joke, { name: "Joke", method: "jsonSchema", includeRaw: true }).invoke("A joke");
    expect(result.parsed).toEqual(joke);
    expect((result.raw.content as Array<{ type: string }>)[0]!.type).toBe("reasoning_content");
  });
});
