import { describe, expect, it } from "vitest";
import { createBedrockEmulator, EmulatorError, type EmulatorOptions } from "../../src/testing/index.js";
import { decodeFrames, MODEL, modelPath, readChunks, signedRequest, streamEvents, userText, UUID } from "./helpers.js";

const SEED = {
  system: [{ text: "You are a helpful assistant that translates English to French. Translate the user sentence." }],
  messages: [{ role: "user", content: [{ text: "I love programming." }] }],
};
const stream = (body: unknown = SEED, model = MODEL) => signedRequest({ path: modelPath(model, "converse-stream"), body });
const converse = (body: unknown = SEED) => signedRequest({ path: modelPath(MODEL, "converse"), body });
const make = (options: EmulatorOptions = {}) => createBedrockEmulator(options);

describe("built-in model over the emulator", () => {
  it("streams the seed translation word by word, framed like Bedrock", async () => {
    const response = await make().fetch(await stream());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.amazon.eventstream");
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
    const frames = decodeFrames(new Uint8Array(await response.arrayBuffer()));
    for (const frame of frames) {
      expect(Object.keys(frame.headers)).toEqual([":event-type", ":content-type", ":message-type"]);
      expect(frame.headers[":message-type"]).toBe("event");
      expect(frame.headers[":content-type"]).toBe("application/json");
    }
    const inputTokens = Math.ceil(SEED.system[0]!.text.length / 4) + Math.ceil("I love programming.".length / 4);
    const outputTokens = Math.ceil("J'adore la programmation.".length / 4);
    expect(frames.map((f) => ({ [f.headers[":event-type"]!]: f.payload }))).toEqual([
      { messageStart: { role: "assistant" } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "J'adore " } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "la " } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "programmation." } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: "end_turn" } },
      { metadata: { usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens }, metrics: { latencyMs: 130 } } },
    ]);
  });

  it("answers Converse with the same content", async () => {
    const response = await make().fetch(await converse());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = await response.json();
    expect(body.output).toEqual({ message: { role: "assistant", content: [{ text: "J'adore la programmation." }] } });
    expect(body.stopReason).toBe("end_turn");
    expect(body.usage.totalTokens).toBe(body.usage.inputTokens + body.usage.outputTokens);
    expect(body.metrics).toEqual({ latencyMs: 130 });
  });

  it("echoes any other text", async () => {
    const response = await make().fetch(await converse(userText("What is 2+2?")));
    const body = await response.json();
    expect(body.output.message.content).toEqual([{ text: "You said: What is 2+2?" }]);
  });

  it("honours stopSequences and maxTokens", async () => {
    const em = make();
    const stopped = await (await em.fetch(await converse({ ...userText("alpha beta gamma"), inferenceConfig: { stopSequences: [" gamma"] } }))).json();
    expect(stopped.output.message.content[0].text).toBe("You said: alpha beta");
    expect(stopped.stopReason).toBe("stop_sequence");
    const capped = await (await em.fetch(await converse({ ...userText("alpha beta gamma"), inferenceConfig: { maxTokens: 2 } }))).json();
    expect(capped.output.message.content[0].text).toBe("You said");
    expect(capped.stopReason).toBe("max_tokens");
    expect(capped.usage.outputTokens).toBe(2);
  });

  it("counts tokens by the documented rule", async () => {
    const request = await signedRequest({ path: modelPath(MODEL, "count-tokens"), body: { input: { converse: SEED } } });
    const body = await (await make().fetch(request)).json();
    expect(body).toEqual({ inputTokens: Math.ceil(SEED.system[0]!.text.length / 4) + 5 });
  });

  it("adds Bedrock's random padding member when asked", async () => {
    const events = await streamEvents(await make({ padding: true }).fetch(await stream()));
    for (const event of events) {
      const payload = Object.values(event)[0];
      expect(payload.p).toMatch(/^[a-zA-Z0-9]+$/);
      expect("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".startsWith(payload.p)).toBe(true);
    }
  });

  it("uses a custom model when given one", async () => {
    const em = make({
      model: () => ({
        content: [{ reasoningContent: { reasoningText: { text: "thinking hard", signature: "c2ln" } } }, { toolUse: { toolUseId: "t1", name: "f", input: { a: 1 } } }],
        stopReason: "tool_use",
        usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 },
        latencyMs: 5,
      }),
    });
    const events = await streamEvents(await em.fetch(await stream()));
    expect(events.slice(1, 5)).toEqual([
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: "thinking " } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: "hard" } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { signature: "c2ln" } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
    ]);
    expect(events[5]).toEqual({ contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: "t1", name: "f" } } } });
    const input = events.filter((e) => e.contentBlockDelta?.delta?.toolUse).map((e) => e.contentBlockDelta.delta.toolUse.input).join("");
    expect(JSON.parse(input)).toEqual({ a: 1 });
    expect(events.at(-2)).toEqual({ messageStop: { stopReason: "tool_use" } });
  });
});

describe("scripted responses", () => {
  const EVENTS = [
    { messageStart: { role: "assistant" } },
    { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Hi" } } },
    { contentBlockStop: { contentBlockIndex: 0 } },
    { messageStop: { stopReason: "end_turn" } },
    { metadata: { usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4, cacheReadInputTokens: 2 }, metrics: { latencyMs: 9 } } },
  ];

  it("streams exactly the scripted events, then falls back to the built-in model", async () => {
    const em = make().script({ stream: EVENTS });
    expect(await streamEvents(await em.fetch(await stream()))).toEqual(EVENTS);
    const next = await streamEvents(await em.fetch(await stream()));
    expect(next[1]).toEqual({ contentBlockDelta: { contentBlockIndex: 0, delta: { text: "J'adore " } } });
    expect(em.requests.map((r) => r.scripted)).toEqual([true, false]);
  });

  it("answers scripts in FIFO order and skips those for other operations", async () => {
    const em = make()
      .script({ converse: { output: { message: { role: "assistant", content: [{ text: "first" }] } }, stopReason: "end_turn" } })
      .script({ stream: EVENTS })
      .script({ converse: { output: { message: { role: "assistant", content: [{ text: "second" }] } }, stopReason: "end_turn" } });
    expect((await (await em.fetch(await converse())).json()).output.message.content[0].text).toBe("first");
    expect((await (await em.fetch(await converse())).json()).output.message.content[0].text).toBe("second");
    expect(await streamEvents(await em.fetch(await stream()))).toEqual(EVENTS);
    expect(em.pending()).toEqual({ scripts: 0, faults: 0 });
  });

  it("uses a matcher only for the requests it answers, and repeats with times", async () => {
    const em = make().script(
      (request) => ((request.body as any).messages[0].content[0].text === "ping" ? { converse: { output: { message: { role: "assistant", content: [{ text: "pong" }] } } } } : undefined),
      { times: 2 },
    );
    const text = async (t: string) => (await (await em.fetch(await converse(userText(t)))).json()).output.message.content[0].text;
    expect(await text("hello")).toBe("You said: hello");
    expect(await text("ping")).toBe("pong");
    expect(await text("ping")).toBe("pong");
    expect(await text("ping")).toBe("You said: ping");
  });

  it("sends scripted status, headers and errors", async () => {
    const em = make()
      .script({ converse: { ok: true }, status: 201, headers: { "x-custom": "yes" } })
      .script({ error: { status: 424, type: "ModelErrorException", message: "The model failed." } });
    const first = await em.fetch(await converse());
    expect(first.status).toBe(201);
    expect(first.headers.get("x-custom")).toBe("yes");
    const second = await em.fetch(await converse());
    expect(second.status).toBe(424);
    expect(second.headers.get("x-amzn-errortype")).toMatch(/^ModelErrorException:/);
    expect(await second.json()).toEqual({ message: "The model failed." });
  });

  it("encodes exception, error and raw steps and honours delays", async () => {
    const raw = new Uint8Array([0, 0, 0, 0]);
    const em = make().script({
      stream: [
        EVENTS[0]!,
        { delayMs: 5 },
        { exception: { type: "modelStreamErrorException", message: "boom", originalStatusCode: 500 } },
        { error: { code: "InternalFailure", message: "oops" } },
        { bytes: raw },
      ],
    });
    const bytes = new Uint8Array(await (await em.fetch(await stream())).arrayBuffer());
    expect(Array.from(bytes.slice(-4))).toEqual([0, 0, 0, 0]);
    const frames = decodeFrames(bytes.slice(0, -4));
    expect(frames[1]!.headers).toEqual({ ":exception-type": "modelStreamErrorException", ":content-type": "application/json", ":message-type": "exception" });
    expect(frames[1]!.payload).toEqual({ message: "boom", originalStatusCode: 500 });
    expect(frames[2]!.headers).toEqual({ ":error-code": "InternalFailure", ":error-message": "oops", ":message-type": "error" });
  });

  it.each([
    ["per-frame", (chunks: Uint8Array[]) => expect(chunks).toHaveLength(EVENTS.length)],
    ["whole", (chunks: Uint8Array[]) => expect(chunks).toHaveLength(1)],
    [7, (chunks: Uint8Array[]) => expect(chunks.slice(0, -1).every((c) => c.length === 7)).toBe(true)],
    ["random", (chunks: Uint8Array[]) => expect(chunks.every((c) => c.length >= 1 && c.length <= 64)).toBe(true)],
  ] as const)("chunks %s and the bytes still decode to the same events", async (chunking, check) => {
    const em = make().script({ stream: EVENTS, chunking });
    const chunks = await readChunks(await em.fetch(await stream()));
    check(chunks);
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const c of chunks) (all.set(c, offset), (offset += c.length));
    expect(decodeFrames(all).map((f) => ({ [f.headers[":event-type"]!]: f.payload }))).toEqual(EVENTS);
  });

  it("repeats random chunking for the same seed", async () => {
    const sizes = async () => {
      const em = make({ seed: 42, chunking: "random" });
      return (await readChunks(await em.fetch(await stream()))).map((c) => c.length);
    };
    expect(await sizes()).toEqual(await sizes());
  });
});

describe("routing and request checks", () => {
  it("records every request with its parsed body and operation", async () => {
    const em = make();
    await em.fetch(await stream());
    const [record] = em.requests;
    expect(record).toMatchObject({ method: "POST", operation: "converse-stream", modelId: MODEL, status: 200, body: SEED, scripted: false });
    expect(record!.headers["x-amz-date"]).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it.each([
    ["an unknown operation", () => signedRequest({ path: `/model/${MODEL}/invoke-magic` }), 404, "UnknownOperationException"],
    ["a model id with a raw slash", () => signedRequest({ path: "/model/a/b/converse" }), 404, "UnknownOperationException"],
    ["malformed JSON", () => signedRequest({ body: "{not json" }), 400, "ValidationException"],
    ["a rule-breaking conversation", () => signedRequest({ body: { messages: [] } }), 400, "ValidationException"],
  ])("answers %s with %i %s", async (_name, request, status, type) => {
    const response = await make().fetch(await request());
    expect(response.status).toBe(status);
    expect(response.headers.get("x-amzn-errortype")?.split(":")[0]).toBe(type);
    expect(typeof (await response.json()).message).toBe("string");
  });

  it("refuses models outside the models option", async () => {
    const em = make({ models: ["only.this-v1:0"] });
    const response = await em.fetch(await converse());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: "The provided model identifier is invalid." });
  });

  it("returns 500 InternalServerException when the model fails", async () => {
    const em = make({ model: () => { throw new Error("no"); } });
    const response = await em.fetch(await converse());
    expect(response.status).toBe(500);
    expect((await response.json()).message).toContain("no");
  });

  it("answers with the AWS error a model throws as EmulatorError", async () => {
    const em = make({
      model: () => {
        throw new EmulatorError({ status: 400, type: "ValidationException", message: "signature missing" });
      },
    });
    const response = await em.fetch(await converse());
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")).toMatch(/^ValidationException:/);
    expect(await response.json()).toEqual({ message: "signature missing" });
  });

  it("serves extra routes before authentication, with the emulator's headers", async () => {
    const em = make({
      routes: [
        (request) =>
          request.headers.get("x-amz-target") === "AWSCognitoIdentityService.GetId"
            ? Response.json({ IdentityId: "us-east-1:abc" }, { headers: { "content-type": "application/x-amz-json-1.1" } })
            : undefined,
      ],
    });
    const response = await em.fetch(new Request("https://cognito.test/", { method: "POST", headers: { "x-amz-target": "AWSCognitoIdentityService.GetId" }, body: "{}" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(await response.json()).toEqual({ IdentityId: "us-east-1:abc" });
    expect((await em.fetch(new Request("https://cognito.test/", { method: "POST", body: "{}" }))).status).toBe(403);
  });

  it("reset clears scripts, faults and records", async () => {
    const em = make().script({ converse: {} }).fault({ type: "throttle" });
    await em.fetch(await signedRequest({ body: { messages: [] } }));
    em.reset();
    expect(em.requests).toHaveLength(0);
    expect(em.pending()).toEqual({ scripts: 0, faults: 0 });
  });
});
