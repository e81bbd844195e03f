import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkJsonSchema } from "../../../src/chat/tools/json-schema-check.js";
import { AIMessage } from "../../../src/chat/messages/messages.js";
import { jsonFromText, OutputParserException, toolCallArgs, validateWithSchema } from "../../../src/chat/model/output-parser.js";
import { describeSchema } from "../../../src/chat/model/structured-output.js";
import { BedrockError, BedrockInputError } from "../../../src/errors/index.js";
import { recordingModel } from "./model-helpers.js";

describe("checkJsonSchema (plain JSON Schema validation)", () => {
  const person = {
    type: "object",
    properties: {
      name: { type: "string" },
      age: { type: "integer" },
      tags: { type: "array", items: { type: "string" } },
      role: { enum: ["admin", "user"] },
      score: { type: ["number", "null"] },
      kind: { const: "person" },
      address: { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false },
      id: { anyOf: [{ type: "string" }, { type: "integer" }] },
    },
    required: ["name"],
  };
  it.each<[string, unknown, string[]]>([
    ["a valid object", { name: "Ada", age: 36, tags: ["x"], role: "admin", score: null, kind: "person", address: { city: "London" }, id: 3 }, []],
    ["number accepts integers", { name: "Ada", score: 3 }, []],
    ["missing required", {}, ['$: missing required property "name"']],
    ["wrong type", { name: 1 }, ["$.name: expected string, got integer"]],
    ["integer rejects fractions", { name: "A", age: 3.5 }, ["$.age: expected integer, got number"]],
    ["array items", { name: "A", tags: ["x", 2] }, ["$.tags[1]: expected string, got integer"]],
    ["enum", { name: "A", role: "root" }, ['$.role: expected one of ["admin","user"]']],
    ["const", { name: "A", kind: "robot" }, ['$.kind: expected "person"']],
    ["nested required and additionalProperties false", { name: "A", address: { zip: "1" } }, ['$.address: missing required property "city"', '$.address: unexpected property "zip"']],
    ["anyOf", { name: "A", id: true }, ["$.id: matches none of the anyOf schemas"]],
    ["top-level type", [1], ["$: expected object, got array"]],
  ])("%s", (_name, value, problems) => {
    expect(checkJsonSchema(value, person)).toEqual(problems);
  });
});

describe("validateWithSchema", () => {
  it("uses zod's safeParse, returning transformed data", async () => {
    const schema = z.object({ n: z.string().transform((s) => s.length) });
    expect(await validateWithSchema(schema, { n: "abc" }, {}, "")).toEqual({ n: 3 });
    await expect(validateWithSchema(schema, { n: 1 }, {}, '{"n":1}')).rejects.toMatchObject({
      name: "OutputParserException",
      llmOutput: '{"n":1}',
      issues: [expect.stringMatching(/^n: /)],
    });
  });

  it("uses any Standard Schema's validate (sync or async)", async () => {
    const positive = {
      "~standard": {
        version: 1,
        vendor: "custom",
        validate: async (value: unknown) =>
          typeof value === "object" && value !== null && (value as { n: number }).n > 0
            ? { value: { ...(value as object), checked: true } }
            : { issues: [{ message: "n must be positive", path: [{ key: "n" }] }] },
      },
    };
    expect(await validateWithSchema(positive, { n: 2 }, {}, "")).toEqual({ n: 2, checked: true });
    await expect(validateWithSchema(positive, { n: -1 }, {}, "")).rejects.toThrow("The model's output does not match the schema: n: n must be positive");
  });

  it("OutputParserException is a BedrockError", () => {
    const error = new OutputParserException("x", { llmOutput: "y" });
    expect(error).toBeInstanceOf(BedrockError);
    expect(BedrockError.isInstance(error)).toBe(true);
    expect(error.code).toBe("OutputParserException");
  });
});

describe("reading the reply", () => {
  it.each([
    ["bare JSON", '{"a":1}', { a: 1 }],
    ["a json fence", '```json\n{"a":1}\n```', { a: 1 }],
    ["a bare fence with spaces", '  ```\n{"a": [1, 2]}\n```  ', { a: [1, 2] }],
  ])("jsonFromText reads %s", (_name, text, value) => {
    expect(jsonFromText(new AIMessage(text)).value).toEqual(value);
  });

  it("jsonFromText reads text blocks only (not reasoning) and explains bad JSON", () => {
    const message = new AIMessage({ content: [{ type: "reasoning_content", reasoningText: { text: "{no" } }, { type: "text", text: '{"ok":true}' }] });
    expect(jsonFromText(message).value).toEqual({ ok: true });
    expect(() => jsonFromText(new AIMessage("Sure! {oops"))).toThrow(/^The model's reply is not valid JSON/);
  });

  it("toolCallArgs finds the call, reports invalid arguments, or a missing call", () => {
    const ok = new AIMessage({ content: "", tool_calls: [{ name: "other", args: {} }, { name: "Joke", args: { a: 1 }, id: "t" }] });
    expect(toolCallArgs(ok, "Joke")).toEqual({ args: { a: 1 }, raw: '{"a":1}' });
    const bad = new AIMessage({ content: "", invalid_tool_calls: [{ name: "Joke", args: '{"a":', error: "Unexpected end" }] });
    expect(() => toolCallArgs(bad, "Joke")).toThrow(/called Joke with arguments that are not valid JSON/);
    expect(() => toolCallArgs(new AIMessage("Here is a joke"), "Joke")).toThrow(/did not call the tool "Joke"; it answered with text instead/);
  });
});

describe("describeSchema: names and descriptions", () => {
  const json = { type: "object", properties: { a: { type: "string" } } };
  it.each<[string, unknown, string | undefined, { name: string; description?: string }]>([
    ["a zod schema without a name", z.object({ a: z.string() }), undefined, { name: "extract" }],
    ["the name option", z.object({ a: z.string() }), "Thing", { name: "Thing" }],
    ["a zod description", z.object({ a: z.string() }).describe("A thing"), undefined, { name: "extract", description: "A thing" }],
    ["a JSON Schema title and description", { ...json, title: "Person", description: "A person" }, undefined, { name: "Person", description: "A person" }],
    ["a LangChain tool-shaped wrapper", { name: "Wrapped", description: "Wrapped thing", schema: json }, undefined, { name: "Wrapped", description: "Wrapped thing" }],
    ["an OpenAI function", { type: "function", function: { name: "Fn", description: "A fn", parameters: json } }, undefined, { name: "Fn", description: "A fn" }],
  ])("%s", (_name, schema, name, expected) => {
    const described = describeSchema(schema, name);
    expect({ name: described.name, ...(described.description !== undefined && { description: described.description }) }).toEqual(expected);
  });

  it("refuses something that is not a schema", () => {
    expect(() => describeSchema("nope", undefined)).toThrow(BedrockInputError);
    expect(() => describeSchema({ nothing: true }, undefined)).toThrow(/needs a zod schema/);
  });
});

describe("withStructuredOutput request shapes (recorded fetch)", () => {
  const toolReply = (args: unknown) => ({
    output: { message: { role: "assistant", content: [{ toolUse: { toolUseId: "t1", name: "Person", input: args } }] } },
    stopReason: "tool_use",
    usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
    metrics: { latencyMs: 1 },
  });
  const Person = { title: "Person", type: "object", properties: { name: { type: "string" } }, required: ["name"] };
  // The tool's input schema drops the top-level title the toolSpec name already carries (langchain-aws's convert_to_openai_function).
  const { title: _title, ...PersonInput } = Person;

  it.each([
    [
      "functionCalling (default)",
      {},
      {
        toolConfig: {
          tools: [{ toolSpec: { name: "Person", description: "Person", inputSchema: { json: PersonInput } } }],
          toolChoice: { tool: { name: "Person" } },
        },
      },
    ],
    [
      "functionCalling with strict",
      { strict: true },
      {
        toolConfig: {
          tools: [{ toolSpec: { name: "Person", description: "Person", inputSchema: { json: { ...PersonInput, additionalProperties: false } }, strict: true } }],
          toolChoice: { tool: { name: "Person" } },
        },
      },
    ],
    [
      "jsonSchema",
      { method: "jsonSchema" as const },
      {
        outputConfig: {
          textFormat: {
            type: "json_schema",
            structure: { jsonSchema: { schema: JSON.stringify({ ...Person, additionalProperties: false }), name: "Person" } },
          },
        },
      },
    ],
  ])("%s", async (_name, options, expected) => {
    const { model, bodies } = recordingModel({}, (body) =>
      body.outputConfig ? { ...toolReply({}), output: { message: { role: "assistant", content: [{ text: '{"name":"Ada"}' }] } } } : toolReply({ name: "Ada" }),
    );
    expect(await model.withStructuredOutput(Person, options).invoke("Who?")).toEqual({ name: "Ada" });
    expect(bodies).toEqual([{ messages: [{ role: "user", content: [{ text: "Who?" }] }], ...expected }]);
  });

  it("withConfig on the runnable binds call options", async () => {
    const { model, bodies } = recordingModel({}, toolReply({ name: "Ada" }));
    await model.withStructuredOutput(Person).withConfig({ temperature: 0 }).invoke("Who?");
    expect(bodies[0]!.inferenceConfig).toEqual({ temperature: 0 });
  });

  it("refuses an unknown method", () => {
    const { model } = recordingModel();
    expect(() => model.withStructuredOutput(Person, { method: "jsonMode" as never })).toThrow(/method must be "functionCalling" or "jsonSchema"/);
  });
});
