// toSSEResponse's events, headers, errors and cancellation; readSSEEvents / readSSEChunks over any byte split.
import { describe, expect, it, vi } from "vitest";
import { AIMessageChunk } from "../../../src/chat/messages/messages.js";
import { readSSEChunks, readSSEEvents, toSSEResponse, type ChatSSEEvent } from "../../../src/chat/sse/index.js";
import {
  BedrockError,
  BedrockInputError,
  StreamDecodeError,
  ThrottlingException,
  ValidationException,
} from "../../../src/errors/index.js";
import { chunksFrom, collectChunks, concatAll, rechunk, replyView, sseResponse, text } from "./sse-helpers.js";

const usage = { input_tokens: 10, output_tokens: 5, total_tokens: 15 };
const start = new AIMessageChunk({ content: "", response_metadata: { model_name: "m", requestId: "req-1" } });
const stop = (stopReason: string) => new AIMessageChunk({ content: "", response_metadata: { stopReason } });
const usageChunk = new AIMessageChunk({ content: "", usage_metadata: usage });

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

describe("toSSEResponse events", () => {
  it.each<[string, AIMessageChunk[], string]>([
    [
      "text deltas, then usage, then done with the stop reason",
      [start, text("J'adore"), text(" la programmation."), stop("end_turn"), usageChunk],
      sse("delta", { text: "J'adore" }) + sse("delta", { text: " la programmation." }) + sse("usage", usage) + sse("done", { stopReason: "end_turn" }),
    ],
    ["an empty reply is just done", [], sse("done", {})],
    ["empty text adds nothing", [text(""), text("a")], sse("delta", { text: "a" }) + sse("done", {})],
    ["newlines stay inside one data line", [text("line 1\nline 2\r\n")], sse("delta", { text: "line 1\nline 2\r\n" }) + sse("done", {})],
    [
      "reasoning (with its signature) before indexed text",
      [
        new AIMessageChunk({ content: [{ type: "reasoning_content", reasoningText: { text: "Think" }, index: 0 }] }),
        new AIMessageChunk({ content: [{ type: "reasoning_content", reasoningText: { text: "", signature: "sig" }, index: 0 }] }),
        new AIMessageChunk({ content: [{ type: "text", text: "Hi", index: 1 }] }),
      ],
      sse("reasoning", { text: "Think", index: 0 }) +
        sse("reasoning", { text: "", signature: "sig", index: 0 }) +
        sse("delta", { text: "Hi", index: 1 }) +
        sse("done", {}),
    ],
    [
      "redacted reasoning and citations",
      [
        new AIMessageChunk({ content: [{ type: "reasoning_content", redactedContent: "AQID", index: 0 }] }),
        new AIMessageChunk({ content: [{ type: "text", text: "", citations: [{ title: "doc" }], index: 1 }] }),
      ],
      sse("reasoning", { redactedContent: "AQID", index: 0 }) + sse("delta", { text: "", index: 1, citations: [{ title: "doc" }] }) + sse("done", {}),
    ],
    [
      "tool call chunks, one event each",
      [
        new AIMessageChunk({ content: "", tool_call_chunks: [{ name: "get_weather", id: "t1", args: "", index: 1 }] }),
        new AIMessageChunk({ content: "", tool_call_chunks: [{ args: '{"city":', index: 1 }] }),
        new AIMessageChunk({ content: "", tool_call_chunks: [{ args: '"Paris"}', index: 1 }] }),
        stop("tool_use"),
      ],
      sse("tool_call_chunk", { name: "get_weather", id: "t1", args: "", index: 1 }) +
        sse("tool_call_chunk", { args: '{"city":', index: 1 }) +
        sse("tool_call_chunk", { args: '"Paris"}', index: 1 }) +
        sse("done", { stopReason: "tool_use" }),
    ],
    [
      "other blocks whole",
      [new AIMessageChunk({ content: [{ toolResult: { toolUseId: "s1", content: [{ text: "ok" }] }, index: 2 } as never] })],
      sse("block", { block: { toolResult: { toolUseId: "s1", content: [{ text: "ok" }] }, index: 2 } }) + sse("done", {}),
    ],
  ])("%s", async (_name, chunks, expected) => {
    expect(await (await toSSEResponse(chunksFrom(chunks))).text()).toBe(expected);
  });

  it("accepts a promise of the stream, as model.stream() returns", async () => {
    expect(await (await toSSEResponse(Promise.resolve(chunksFrom([text("a")])))).text()).toBe(sse("delta", { text: "a" }) + sse("done", {}));
  });

  it("sets event-stream headers and keeps the caller's status and headers", async () => {
    const response = await toSSEResponse(chunksFrom([]), { status: 201, headers: { "x-request-id": "abc", "cache-control": "no-store" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toBe("abc");
    expect((await toSSEResponse(chunksFrom([]))).headers.get("cache-control")).toBe("no-cache, no-transform");
  });
});

describe("toSSEResponse errors", () => {
  it("ends with an error event after what was sent, and hands the original to onError", async () => {
    const failure = new ThrottlingException("Too many requests, please wait before trying again.", { requestId: "r-9" });
    const onError = vi.fn();
    const response = await toSSEResponse(chunksFrom([text("J'")], failure), { onError });
    expect(response.status).toBe(200);
    const error = { name: "ThrottlingException", message: "Too many requests: try again later", requestId: "r-9" };
    expect(await response.text()).toBe(sse("delta", { text: "J'" }) + sse("error", error));
    expect(onError).toHaveBeenCalledWith(failure);
  });

  // Was an `event: error` after a 200; the status now says what happened (issue 9).
  it("answers a stream that failed to start with its status and a JSON body", async () => {
    const response = await toSSEResponse(Promise.reject(new ValidationException("The provided model identifier is invalid.")));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({ name: "ValidationException", message: "The model service could not accept this request" });
  });

  it.each<[string, unknown, { name: string; message: string }]>([
    ["a TypeError's message is withheld", new TypeError("bad secretAccessKey wJalrXUtnFEMI/K7MDENG"), { name: "TypeError", message: "The reply stream failed" }],
    ["a thrown string", "AKIDEXAMPLE:secret", { name: "Error", message: "The reply stream failed" }],
    ["an odd error name", Object.assign(new Error("x"), { name: "bad name\nwith newline" }), { name: "Error", message: "The reply stream failed" }],
    // Library messages are generic too now unless exposeErrors says otherwise (issue 9).
    ["a library error's message is generic", new BedrockInputError("region is required"), { name: "BedrockInputError", message: "The model service could not accept this request" }],
  ])("%s", async (_name, failure, data) => {
    const midStream = await (await toSSEResponse(chunksFrom([text("a")], failure))).text();
    expect(midStream).toBe(sse("delta", { text: "a" }) + sse("error", data));
    const before = await (await toSSEResponse(chunksFrom([], failure))).text();
    expect(JSON.parse(before)).toEqual(data);
    expect(midStream + before).not.toMatch(/wJalr|AKID|secret|region is required/);
  });
});

describe("toSSEResponse cancellation", () => {
  /** A source that yields one chunk, then waits until released; records what it was told. */
  function pausedSource() {
    const log: string[] = [];
    let wake: (() => void) | undefined;
    const iterator: AsyncIterator<AIMessageChunk> = {
      next: async () => {
        if (log.length === 0) {
          log.push("next");
          return { done: false, value: text("first") };
        }
        log.push("next");
        await new Promise<void>((resolve) => (wake = resolve));
        return { done: false, value: text("late") };
      },
      return: async () => {
        log.push("return");
        wake?.();
        return { done: true, value: undefined };
      },
    };
    return { log, iterable: { [Symbol.asyncIterator]: () => iterator } };
  }

  it("cancelling the body stops the model stream and calls onCancel with the reason", async () => {
    const { log, iterable } = pausedSource();
    const onCancel = vi.fn();
    const reader = (await toSSEResponse(iterable, { onCancel })).body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe(sse("delta", { text: "first" }));
    const pending = reader.read(); // now waiting inside the source
    await vi.waitFor(() => expect(log).toEqual(["next", "next"]));
    await reader.cancel("page closed");
    expect(onCancel).toHaveBeenCalledWith("page closed");
    expect(log).toContain("return");
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  // Replaces "a cancel before the stream started": the Response now exists only once the first event is ready.
  it("waits for the first event before answering, then streams the rest", async () => {
    const { log, iterable } = pausedSource();
    let resolve!: (value: typeof iterable) => void;
    let answered = false;
    const pending = toSSEResponse(new Promise<typeof iterable>((r) => (resolve = r))).then((response) => ((answered = true), response));
    await new Promise((r) => setTimeout(r, 10));
    expect(answered).toBe(false);
    resolve(iterable);
    const reader = (await pending).body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe(sse("delta", { text: "first" }));
    await reader.cancel();
    await vi.waitFor(() => expect(log).toEqual(["next", "return"]));
  });
});

describe("readSSEEvents / readSSEChunks", () => {
  const reply = [start, text("J'adore"), text(" la programmation."), stop("end_turn"), usageChunk];

  it.each([[[1]], [[2, 3]], [[7]], [[64]], [[1, 1000]]])("reads the same events whatever the byte split (%j)", async (sizes) => {
    const bytes = new Uint8Array(await (await toSSEResponse(chunksFrom(reply))).arrayBuffer());
    const events: ChatSSEEvent[] = [];
    for await (const event of readSSEEvents(sseResponse(rechunk(bytes, sizes)))) events.push(event);
    expect(events).toEqual([
      { event: "delta", data: { text: "J'adore" } },
      { event: "delta", data: { text: " la programmation." } },
      { event: "usage", data: usage },
      { event: "done", data: { stopReason: "end_turn" } },
    ]);
  });

  it("rebuilds chunks whose concatenation is the reply", async () => {
    const chunks = await collectChunks(readSSEChunks(toSSEResponse(chunksFrom(reply))));
    expect(replyView(concatAll(chunks))).toEqual({ ...replyView(concatAll(reply)) });
    expect(concatAll(chunks)?.text).toBe("J'adore la programmation.");
  });

  it("reads a bare body stream, CRLF line ends, comments, multi-line data and unknown events", async () => {
    const wire =
      ": hello\r\n\r\nevent: delta\r\ndata: {\"text\":\r\ndata: \"Hi\"}\r\n\r\nevent: future\r\ndata: {}\r\n\r\n" +
      "event: done\r\ndata: {\"stopReason\":\"end_turn\"}\r\n\r\n";
    const events: ChatSSEEvent[] = [];
    for await (const event of readSSEEvents(rechunk(new TextEncoder().encode(wire), [3]))) events.push(event);
    expect(events).toEqual([
      { event: "delta", data: { text: "Hi" } },
      { event: "done", data: { stopReason: "end_turn" } },
    ]);
  });

  it("throws an error event's class from readSSEChunks, after the chunks before it", async () => {
    const failure = new ThrottlingException("Too many requests");
    const seen: string[] = [];
    const error = await (async () => {
      for await (const chunk of readSSEChunks(toSSEResponse(chunksFrom([text("J'")], failure), { exposeErrors: true }))) seen.push(chunk.text);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(["J'"]);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error).toMatchObject({ name: "ThrottlingException", message: "Too many requests", retryable: true });
  });

  it.each<[string, string, string]>([
    ["an AWS exception", "ValidationException", "ValidationException"],
    ["a library error", "TimeoutError", "TimeoutError"],
    ["an unknown name", "TypeError", "TypeError"],
  ])("an error event with %s becomes a BedrockError named after it", async (_n, name, expected) => {
    const body = sse("error", { name, message: "m" });
    const error = await collectChunks(readSSEChunks(sseResponse(body))).catch((e: unknown) => e);
    expect(BedrockError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: expected, message: "m" });
  });

  it.each<[string, string, RegExp]>([
    ["a cut connection (no done event)", sse("delta", { text: "a" }), /ended before its done event/],
    ["a half-written event", sse("delta", { text: "a" }) + "event: done\ndata: {}", /ended before its done event/],
    ["data that is not JSON", "event: delta\ndata: {nope\n\n", /"delta" event does not carry JSON/],
    ["a delta without text", sse("delta", { txt: "a" }), /"delta" event's text must be a string/],
    ["an array as data", "event: usage\ndata: [1]\n\n", /must be a JSON object/],
  ])("fails with StreamDecodeError on %s", async (_name, body, message) => {
    const error = await collectChunks(readSSEChunks(sseResponse(body))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamDecodeError);
    expect((error as Error).message).toMatch(message);
  });

  it("turns an HTTP error response into its typed error", async () => {
    const response = new Response(JSON.stringify({ message: "prompt or messages required" }), {
      status: 400,
      headers: { "content-type": "application/json" },
    });
    const error = await collectChunks(readSSEChunks(response)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toBe("prompt or messages required");
  });

  it("refuses a response that is not an event stream", async () => {
    const error = await collectChunks(readSSEChunks(new Response("<html>", { headers: { "content-type": "text/html" } }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamDecodeError);
    expect((error as Error).message).toMatch(/text\/event-stream/);
  });

  it("stopping early cancels the body, which stops the model stream", async () => {
    const onCancel = vi.fn();
    let released = false;
    async function* endless() {
      try {
        for (let i = 0; ; i++) yield text(`${i} `);
      } finally {
        released = true;
      }
    }
    for await (const chunk of readSSEChunks(toSSEResponse(endless(), { onCancel }))) {
      if (chunk.text === "2 ") break;
    }
    expect(onCancel).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(released).toBe(true));
  });
});
