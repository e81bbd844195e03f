// ChatBedrockConverse refuses what JSON or a URL path cannot carry with a BedrockInputError naming
// the chat-side field, before any network call (and before any JSON.stringify of its own).
import { describe, expect, it } from "vitest";
import { BedrockRuntime } from "../../../src/client/bedrock-runtime.js";
import { ChatBedrockConverse } from "../../../src/chat/model/chat-model.js";
import { AIMessage, HumanMessage, ToolMessage } from "../../../src/chat/messages/messages.js";
import { BedrockInputError } from "../../../src/errors/index.js";
import { convertTools } from "../../../src/chat/tools/convert-tools.js";
import { circular, nested } from "../../hostile-values.js";

const HOSTILE: Array<[string, () => unknown, RegExp]> = [
  ["circular", circular, /refers back to an enclosing object/],
  ["BigInt", () => ({ n: 1n }), /is a BigInt/],
  ["20,000 levels deep", () => nested(20_000), /nests deeper than 500 levels/],
];

function setup() {
  let calls = 0;
  const fetch = async () => {
    calls++;
    return new Response("{}");
  };
  const credentials = { accessKeyId: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: "secret", sessionToken: "token" };
  const client = new BedrockRuntime({ region: "us-east-1", credentials, fetch });
  return { client, calls: () => calls, model: new ChatBedrockConverse({ model: "us.amazon.nova-micro-v1:0", client }) };
}
async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error as Error,
  );
}

describe.each(HOSTILE)("a %s document", (_label, make, problem) => {
  const hi = new HumanMessage("hi");
  const inputs: Array<[string, () => unknown[], RegExp]> = [
    [
      "as tool_calls args (sent as text: no tools bound)",
      () => [hi, new AIMessage({ content: "", tool_calls: [{ id: "t1", name: "lookup", args: make() as Record<string, unknown> }] })],
      /^messages\[1\]\.tool_calls\[0\]\.args/,
    ],
    [
      "as a tool_use block's input",
      () => [hi, new AIMessage({ content: [{ type: "tool_use", id: "t1", name: "lookup", input: make() }] as never })],
      /^messages\[1\]\.content\[0\]\.input/,
    ],
    ["as a json block", () => [new HumanMessage({ content: [{ type: "json", json: make() }] as never })], /^messages\[0\]\.content\[0\]\.json/],
    [
      "as a tool message's object content",
      () => [
        hi,
        new AIMessage({ content: "", tool_calls: [{ id: "t1", name: "lookup", args: {} }] }),
        new ToolMessage({ content: make() as never, tool_call_id: "t1" }),
      ],
      /^messages\[2\]\.content/,
    ],
  ];
  it.each(inputs)("%s: BedrockInputError from invoke and stream, no request", async (_what, messages, path) => {
    const { model, calls } = setup();
    for (const send of [() => model.invoke(messages() as never), () => model.stream(messages() as never)]) {
      const error = await rejection(send());
      expect(error).toBeInstanceOf(BedrockInputError);
      expect(error.message).toMatch(path);
      expect(error.message).toMatch(problem);
    }
    expect(calls()).toBe(0);
  });

  it("as a tool schema: bindTools refuses it", () => {
    const { model } = setup();
    const tool = { name: "lookup", description: "d", schema: { type: "object", properties: { q: make() } } };
    expect(() => model.bindTools([tool])).toThrow(BedrockInputError);
    expect(() => convertTools([tool])).toThrow(/^tools\[0\] schema\.properties\.q/);
    expect(() => convertTools([{ type: "function", function: { name: "f", parameters: { type: "object", x: make() } } }])).toThrow(
      /^tools\[0\]\.function schema\.x/,
    );
  });

  it("as a structured-output schema: withStructuredOutput refuses it", () => {
    const { model } = setup();
    expect(() => model.withStructuredOutput({ title: "T", type: "object", properties: { q: make() } })).toThrow(BedrockInputError);
  });

  it("in additionalModelRequestFields: refused at construction and per call", async () => {
    const { client, model, calls } = setup();
    const fields = { thinking: make() } as never;
    expect(() => new ChatBedrockConverse({ model: "m", client, additionalModelRequestFields: fields })).toThrow(
      /^additionalModelRequestFields\.thinking/,
    );
    const error = await rejection(model.invoke("hi", { additionalModelRequestFields: fields }));
    expect(error).toBeInstanceOf(BedrockInputError);
    expect(error.message).toMatch(problem);
    expect(calls()).toBe(0);
  });
});

describe("model IDs", () => {
  it.each(["\uD800", "..", "."])("%j is refused when the model is built", (id) => {
    const { client } = setup();
    expect(() => new ChatBedrockConverse({ model: id, client })).toThrow(BedrockInputError);
    expect(() => new ChatBedrockConverse({ model: id, client })).toThrow(/^model (must not|contains)/);
  });
});
