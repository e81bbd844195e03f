// Routing by :message-type: events, the typed exception of each Bedrock stream exception, error frames.
import { describe, expect, it } from "vitest";
import { codec } from "../../src/event-stream/codec.js";
import { decodeFrame } from "../../src/event-stream/decode-frame.js";
import { encodeErrorFrame, encodeEventFrame, encodeExceptionFrame } from "../../src/event-stream/encode.js";
import { frameToEvent } from "../../src/event-stream/frame-to-event.js";
import {
  BedrockError,
  InternalServerException,
  ModelStreamErrorException,
  ServiceUnavailableException,
  StreamDecodeError,
  ThrottlingException,
  ValidationException,
} from "../../src/errors/index.js";
import { stringHeaderFrame, thrown } from "./helpers.js";

const route = (bytes: Uint8Array, requestId?: string) => frameToEvent(decodeFrame(bytes), requestId ? { requestId } : {});
const frame = stringHeaderFrame;

describe("event frames", () => {
  it.each([
    ["messageStart", { p: "abcdefgh", role: "assistant" }, { role: "assistant" }],
    ["contentBlockDelta", { contentBlockIndex: 0, delta: { text: "Hi" }, p: "abc" }, { contentBlockIndex: 0, delta: { text: "Hi" } }],
    ["messageStop", { stopReason: "end_turn", p: "a" }, { stopReason: "end_turn" }],
    // Only Bedrock's top-level padding goes; a nested `p` is data.
    ["contentBlockStart", { start: { toolUse: { p: 1, name: "x" } } }, { start: { toolUse: { p: 1, name: "x" } } }],
    ["futureEvent", { some: "field" }, { some: "field" }],
  ])("%s → one-key event", (eventType, payload, expected) => {
    const event = route(encodeEventFrame(eventType, payload));
    expect(event).toEqual({ [eventType]: expected });
    expect(Object.keys(event)).toEqual([eventType]);
  });

  it("an empty body is an empty event", () => {
    expect(route(frame({ ":message-type": "event", ":event-type": "contentBlockStop" }))).toEqual({ contentBlockStop: {} });
  });

  it("accepts a JSON content type with parameters", () => {
    const bytes = frame({ ":message-type": "event", ":event-type": "x", ":content-type": "application/json; charset=utf-8" }, '{"a":1}');
    expect(route(bytes)).toEqual({ x: { a: 1 } });
  });

  it("invalid JSON is a StreamDecodeError with the request id", () => {
    const bytes = frame({ ":message-type": "event", ":event-type": "x", ":content-type": "application/json" }, "{nope");
    const error = thrown(() => route(bytes, "req-1"));
    expect(error).toBeInstanceOf(StreamDecodeError);
    expect(error).toMatchObject({ message: "event x payload is not valid JSON", requestId: "req-1" });
  });
});

describe("exception frames", () => {
  it.each([
    ["throttlingException", ThrottlingException, true],
    ["validationException", ValidationException, false],
    ["internalServerException", InternalServerException, true],
    ["serviceUnavailableException", ServiceUnavailableException, true],
    ["modelStreamErrorException", ModelStreamErrorException, false],
  ] as const)("%s → %o", (exceptionType, Class, retryable) => {
    const error = thrown(() => route(encodeExceptionFrame(exceptionType, "Too many tokens"), "req-9"));
    expect(error).toBeInstanceOf(Class);
    expect(BedrockError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: Class.name, message: "Too many tokens", code: exceptionType, requestId: "req-9", retryable });
  });

  it("modelStreamErrorException keeps originalStatusCode and originalMessage", () => {
    const bytes = frame(
      { ":message-type": "exception", ":exception-type": "modelStreamErrorException", ":content-type": "application/json" },
      JSON.stringify({ message: "Model Stream Error", originalStatusCode: 500, originalMessage: "The model stream failed." }),
    );
    const error = thrown(() => route(bytes));
    expect(error).toBeInstanceOf(ModelStreamErrorException);
    expect(error).toMatchObject({ message: "Model Stream Error", originalStatusCode: 500, originalMessage: "The model stream failed." });
  });

  it.each([
    [500, true, { throttling: false }],
    [429, true, { throttling: false }],
    [400, false, undefined],
    [undefined, false, undefined],
  ] as const)("modelStreamErrorException with originalStatusCode %s: retryable %s, $retryable %o", (original, retryable, trait) => {
    const body = original === undefined ? { message: "Model Stream Error" } : { message: "Model Stream Error", originalStatusCode: original };
    const bytes = frame({ ":message-type": "exception", ":exception-type": "modelStreamErrorException", ":content-type": "application/json" }, JSON.stringify(body));
    const error = thrown(() => route(bytes)) as ModelStreamErrorException;
    expect(error.retryable).toBe(retryable);
    expect(error.$retryable).toEqual(trait);
  });

  it("$retryable follows the AWS SDK's trait: { throttling: true } on a throttle, undefined when not retryable", () => {
    expect((thrown(() => route(encodeExceptionFrame("throttlingException", "slow"))) as BedrockError).$retryable).toEqual({ throttling: true });
    expect((thrown(() => route(encodeExceptionFrame("validationException", "bad"))) as BedrockError).$retryable).toBeUndefined();
  });

  it("an unknown exception type is a BedrockError carrying the type as code", () => {
    const error = thrown(() => route(encodeExceptionFrame("somethingNewException", "new")));
    expect(error).toBeInstanceOf(BedrockError);
    expect(error).not.toBeInstanceOf(StreamDecodeError);
    expect(error).toMatchObject({ name: "BedrockError", code: "somethingNewException", message: "new" });
  });

  it("a non-JSON body becomes the message; an empty one gets a default", () => {
    const text = frame({ ":message-type": "exception", ":exception-type": "throttlingException" }, "slow down");
    expect(thrown(() => route(text))).toMatchObject({ message: "slow down" });
    const empty = frame({ ":message-type": "exception", ":exception-type": "throttlingException" });
    expect(thrown(() => route(empty))).toMatchObject({ message: "throttlingException in the event stream" });
  });
});

describe("error frames and malformed routing", () => {
  it("error → BedrockError with :error-code and :error-message", () => {
    const error = thrown(() => route(encodeErrorFrame("InternalFailure", "boom"), "req-2"));
    expect(error).toBeInstanceOf(BedrockError);
    expect(error).not.toBeInstanceOf(StreamDecodeError);
    expect(error).toMatchObject({ code: "InternalFailure", message: "boom", requestId: "req-2" });
  });

  it.each([
    ["unknown message type", { ":message-type": "gossip" }, 'unknown event-stream :message-type "gossip"'],
    ["no message type", { ":event-type": "x" }, "lacks the :message-type header"],
    ["event without event type", { ":message-type": "event" }, "lacks the :event-type header"],
    ["exception without exception type", { ":message-type": "exception" }, "lacks the :exception-type header"],
    ["error without error code", { ":message-type": "error" }, "lacks the :error-code header"],
  ])("%s → StreamDecodeError", (_name, headers, message) => {
    const error = thrown(() => route(frame(headers)));
    expect(error).toBeInstanceOf(StreamDecodeError);
    expect((error as Error).message).toContain(message);
  });

  it("routing headers must be strings", () => {
    const bytes = codec.encode({
      headers: { ":message-type": { type: "string", value: "event" }, ":event-type": { type: "integer", value: 1 } },
      body: new Uint8Array(0),
    });
    expect(() => route(bytes)).toThrow(":event-type must be a string, got integer");
  });
});
