// Names that come off the wire (:exception-type, :event-type, error codes, header names, TTLs) are
// looked up by own property: Object.prototype's member names behave like any unknown name.
import { describe, expect, it } from "vitest";
import { coerceMessages } from "../../src/chat/request/convert-input.js";
import { toUsageMetadata } from "../../src/chat/response/usage.js";
import { BedrockRuntime } from "../../src/client/bedrock-runtime.js";
import { decodeConverseStream } from "../../src/event-stream/converse-stream.js";
import { decodeFrame } from "../../src/event-stream/decode-frame.js";
import { encodeErrorFrame, encodeEventFrame, encodeExceptionFrame, encodeStreamEvent } from "../../src/event-stream/encode.js";
import { EventDecoder } from "../../src/event-stream/event-decoder.js";
import { frameToEvent } from "../../src/event-stream/frame-to-event.js";
import {
  BedrockError,
  BedrockInputError,
  StreamDecodeError,
  ThrottlingException,
  ValidationException,
  errorFromResponse,
  exceptionClassFor,
} from "../../src/errors/index.js";
import { deserializeStreamEvent } from "../../src/wire/index.js";
import { concat, stringHeaderFrame, thrown } from "./helpers.js";

/** Every own member name of Object.prototype, plus the casings exceptionClassFor tries. */
export const PROTOTYPE_NAMES = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "Constructor",
  "ToString",
];

const utf8 = new TextEncoder();
const frame = stringHeaderFrame;

describe.each(PROTOTYPE_NAMES)("wire name %j", (name) => {
  it("is no exception class", () => {
    expect(exceptionClassFor(name)).toBeUndefined();
    expect(exceptionClassFor(`com.amazon.bedrock#${name}`)).toBeUndefined();
  });

  it("as :exception-type, gives a plain BedrockError carrying the name (not a TypeError)", () => {
    const error = thrown(() => frameToEvent(decodeFrame(encodeExceptionFrame(name, "boom")), { requestId: "r-1" }));
    expect(error).toBeInstanceOf(BedrockError);
    expect((error as BedrockError).name).toBe("BedrockError");
    expect((error as BedrockError).code).toBe(name);
    expect((error as BedrockError).message).toBe("boom");
    expect((error as BedrockError).requestId).toBe("r-1");
    expect((error as BedrockError).retryable).toBe(false);
  });

  it("as :event-type, is an unknown event under its own key, prototype untouched", () => {
    const payload = { messageStop: { stopReason: "end_turn" }, p: "pad" };
    for (const decode of [
      (bytes: Uint8Array) => frameToEvent(decodeFrame(bytes)),
      (bytes: Uint8Array) => new EventDecoder().decode(bytes),
    ]) {
      const event = decode(encodeEventFrame(name, payload)) as Record<string, unknown>;
      expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
      expect(Object.keys(event)).toEqual([name]);
      expect(Object.getOwnPropertyDescriptor(event, name)?.value).toEqual({ messageStop: { stopReason: "end_turn" } });
      // The payload's members must not leak into the event through its prototype.
      expect((event as { messageStop?: unknown }).messageStop).toBeUndefined();
    }
    expect(Object.keys(deserializeStreamEvent(name, 7))).toEqual([name]);
  });

  it("as :message-type, is a StreamDecodeError", () => {
    const error = thrown(() => frameToEvent(decodeFrame(frame({ ":message-type": name, ":event-type": "x" }))));
    expect(error).toBeInstanceOf(StreamDecodeError);
  });

  it("as :content-type, is a StreamDecodeError", () => {
    const bytes = frame({ ":message-type": "event", ":event-type": "x", ":content-type": name }, "{}");
    expect(thrown(() => frameToEvent(decodeFrame(bytes)))).toBeInstanceOf(StreamDecodeError);
  });

  it("as :error-code, gives a BedrockError with that code", () => {
    const error = thrown(() => frameToEvent(decodeFrame(encodeErrorFrame(name, "bad"))));
    expect(error).toBeInstanceOf(BedrockError);
    expect((error as BedrockError).code).toBe(name);
  });

  it("as a header name, is an own header and leaves the headers' prototype alone", () => {
    const decoded = decodeFrame(frame({ [name]: "v", ":message-type": "event", ":event-type": "x" }));
    expect(Object.getPrototypeOf(decoded.headers)).toBe(Object.prototype);
    expect(Object.keys(decoded.headers)).toContain(name);
    expect(Object.getOwnPropertyDescriptor(decoded.headers, name)?.value).toEqual({ type: "string", value: "v" });
    expect(frameToEvent(decoded)).toEqual({ x: {} });
  });

  it("as x-amzn-errortype of an HTTP error, falls back to the status's class", async () => {
    const response = new Response(JSON.stringify({ message: "no" }), { status: 400, headers: { "x-amzn-errortype": name } });
    const error = await errorFromResponse(response);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.code).toBe(name);
    const throttled = await errorFromResponse(new Response(JSON.stringify({ __type: name }), { status: 429 }));
    expect(throttled).toBeInstanceOf(ThrottlingException);
  });

  it("as a cache TTL, adds no token detail", () => {
    const usage = toUsageMetadata({ inputTokens: 1, outputTokens: 1, cacheDetails: [{ ttl: name, inputTokens: 5 }] });
    expect(usage.input_token_details).toBeUndefined();
  });

  it("as a message role or serialized class name, is refused as unknown", () => {
    expect(() => coerceMessages([[name, "hi"]])).toThrow(BedrockInputError);
    expect(() => coerceMessages([{ role: name, content: "hi" }])).toThrow(BedrockInputError);
    expect(() => coerceMessages([{ lc: 1, type: "constructor", id: ["x", name], kwargs: {} }])).toThrow(BedrockInputError);
  });
});

describe("a duplicate __proto__ header", () => {
  it("is caught like any other duplicate", () => {
    // Two headers of the same name cannot be written through an object: build the bytes by hand
    // (decodeFrame reads frames FrameSplitter has checked, so the CRC fields stay zero here).
    const header = (value: string) => {
      const nameBytes = utf8.encode("__proto__");
      const valueBytes = utf8.encode(value);
      return concat([Uint8Array.of(nameBytes.length), nameBytes, Uint8Array.of(7, 0, valueBytes.length), valueBytes]);
    };
    const headers = concat([header("a"), header("b")]);
    const total = 12 + headers.length + 4;
    const bytes = new Uint8Array(total);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, total);
    view.setUint32(4, headers.length);
    bytes.set(headers, 12);
    expect(thrown(() => decodeFrame(bytes))).toBeInstanceOf(StreamDecodeError);
  });
});

describe("through the client", () => {
  const MODEL = "us.amazon.nova-micro-v1:0";
  const request = { modelId: MODEL, messages: [{ role: "user" as const, content: [{ text: "hi" }] }] };
  const credentials = { accessKeyId: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: "secret", sessionToken: "token" };

  it.each(["__proto__", "constructor", "__defineGetter__"])(
    "a first frame with :exception-type %j fails once, typed, without retries",
    async (name) => {
      let calls = 0;
      const fetch = async () => {
        calls++;
        return new Response(encodeExceptionFrame(name, "odd") as Uint8Array<ArrayBuffer>, { status: 200, headers: { "content-type": "application/vnd.amazon.eventstream" } });
      };
      const client = new BedrockRuntime({ region: "us-east-1", credentials, fetch, random: () => 0 });
      const error = await client.converseStream(request).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BedrockError);
      expect((error as BedrockError).code).toBe(name);
      expect(calls).toBe(1);
    },
  );

  it("an event named __proto__ mid-stream is passed on as an unknown event", async () => {
    const body = concat([
      encodeStreamEvent({ messageStart: { role: "assistant" } }),
      encodeEventFrame("__proto__", { messageStop: { stopReason: "tool_use" } }),
      encodeStreamEvent({ messageStop: { stopReason: "end_turn" } }),
      encodeStreamEvent({ metadata: { usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 } } }),
    ]);
    const events: Array<Record<string, unknown>> = [];
    const stream = new Response(body as Uint8Array<ArrayBuffer>).body!;
    for await (const event of decodeConverseStream(stream)) events.push(event as Record<string, unknown>);
    expect(events.map((e) => Object.keys(e)[0])).toEqual(["messageStart", "__proto__", "messageStop", "metadata"]);
    expect(events.filter((e) => e.messageStop !== undefined)).toHaveLength(1);
  });
});
