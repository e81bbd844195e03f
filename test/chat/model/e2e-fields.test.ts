// langchain-aws's constructor fields over loopback: system, rawBlocks, disableStreaming, outputConfig, headers, timeout/maxRetries.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HumanMessage, SystemMessage } from "../../../src/chat/messages/messages.js";
import { BedrockRuntime } from "../../../src/client/bedrock-runtime.js";
import { EMULATOR_CREDENTIALS } from "../../../src/testing/node.js";
import { bodies, collect, useEmulator } from "./e2e-helpers.js";

const e2e = useEmulator();
const getWeather = { name: "get_weather", description: "Current weather for a city", schema: z.object({ city: z.string() }) };
const operations = () => e2e.running.emulator.requests.map((r) => r.operation);

describe("system (langchain-aws `system`)", () => {
  it("goes before the system messages' blocks, on invoke and stream", async () => {
    const model = e2e.chat({ system: ["You are terse.", { cachePoint: { type: "default" } }] });
    await model.invoke([new SystemMessage("Answer in French."), new HumanMessage("Hello")]);
    await collect(await model.stream([new HumanMessage("Hello")]));
    const [invoked, streamed] = bodies(e2e.running);
    expect(invoked!.system).toEqual([{ text: "You are terse." }, { cachePoint: { type: "default" } }, { text: "Answer in French." }]);
    expect(streamed!.system).toEqual([{ text: "You are terse." }, { cachePoint: { type: "default" } }]);
  });
});

describe("rawBlocks (langchain-aws `raw_blocks`)", () => {
  it("are the conversation as given; the call's messages, system messages and `system` are not sent", async () => {
    const raw = [{ role: "user" as const, content: [{ guardContent: { text: { text: "Check only this" } } }, { text: "Hello there" }] }];
    const model = e2e.chat({ rawBlocks: raw, system: "ignored", guardLastTurnOnly: true });
    const reply = await model.invoke([new SystemMessage("also ignored"), new HumanMessage("not sent")]);
    expect(reply.text).toContain("Hello there");
    const [body] = bodies(e2e.running);
    expect(body!.messages).toEqual(raw);
    expect(body!.system).toBeUndefined();
  });
});

describe("disableStreaming (LangChain's, with langchain-aws's \"tool_calling\")", () => {
  it("true: stream() calls Converse and yields the reply as one chunk equal to invoke's", async () => {
    const model = e2e.chat({ disableStreaming: true });
    const invoked = await model.invoke("Hello");
    const { chunks, full } = await collect(await model.stream("Hello"));
    expect(chunks).toHaveLength(1);
    expect(full.text).toBe(invoked.text);
    expect(full.usage_metadata).toEqual(invoked.usage_metadata);
    expect(full.response_metadata.model_name).toBe(invoked.response_metadata.model_name);
    expect(operations()).toEqual(["converse", "converse"]);
  });

  it("true also wins over streaming: true", async () => {
    await e2e.chat({ disableStreaming: true, streaming: true }).invoke("Hello");
    expect(operations()).toEqual(["converse"]);
  });

  it('"tool_calling": streams without tools, calls Converse when tools are bound (tool calls intact)', async () => {
    const model = e2e.chat({ disableStreaming: "tool_calling" });
    await collect(await model.stream("Hello"));
    const { chunks, full } = await collect(await model.bindTools([getWeather]).stream("get_weather city=Paris"));
    expect(operations()).toEqual(["converse-stream", "converse"]);
    expect(chunks).toHaveLength(1);
    expect(full.tool_calls).toEqual([{ name: "get_weather", args: { city: "Paris" }, id: expect.any(String), type: "tool_call" }]);
  });

  it("streamUsage: false leaves usage out of the one chunk too", async () => {
    const { full } = await collect(await e2e.chat({ disableStreaming: true, streamUsage: false }).stream("Hello"));
    expect(full.usage_metadata).toBeUndefined();
  });
});

describe("outputConfig on the constructor (langchain-aws `output_config`)", () => {
  it("is sent with every call; a call's null removes it", async () => {
    const outputConfig = {
      textFormat: {
        type: "json_schema" as const,
        structure: { jsonSchema: { schema: JSON.stringify({ type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false }), name: "A" } },
      },
    };
    const model = e2e.chat({ outputConfig });
    await model.invoke("Give me JSON");
    await model.invoke("Plain", { outputConfig: null });
    const [first, second] = bodies(e2e.running);
    expect(first!.outputConfig).toEqual(outputConfig);
    expect(second!.outputConfig).toBeUndefined();
  });
});

describe("timeout and maxRetries (langchain-aws PR #947) are the client's, per model", () => {
  it("maxRetries retries a throttled call that many times", async () => {
    e2e.running.emulator.fault({ type: "throttle", times: 2 });
    const reply = await e2e.chat({ maxRetries: 2 }).invoke("Hello");
    expect(reply.text).not.toBe("");
    expect(e2e.running.emulator.requests).toHaveLength(3);
  });
});

describe("headers (langchain-aws `default_headers`)", () => {
  it("reach Bedrock with every request, signed with the rest", async () => {
    const model = e2e.chat({ headers: { "x-app-name": "edge-demo" } });
    await model.invoke("Hello");
    await collect(await model.stream("Hello"));
    for (const request of e2e.running.emulator.requests) {
      expect(request.headers["x-app-name"]).toBe("edge-demo");
      expect(request.headers.authorization).toMatch(/SignedHeaders=[^,]*x-app-name/);
    }
  });
});
