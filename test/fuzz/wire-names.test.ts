// Property-based fuzzing of every lookup keyed by a name from the wire: exception types, event and
// message types, error codes, stop reasons, cache TTLs, block kinds, message roles, model IDs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coerceMessages } from "../../src/chat/request/convert-input.js";
import { convertConverseResponse } from "../../src/chat/response/convert-response.js";
import { createStreamConverter } from "../../src/chat/response/convert-stream.js";
import { BaseMessage } from "../../src/chat/messages/messages.js";
import { toUsageMetadata } from "../../src/chat/response/usage.js";
import { decodeFrame } from "../../src/event-stream/decode-frame.js";
import { encodeErrorFrame, encodeEventFrame, encodeExceptionFrame } from "../../src/event-stream/encode.js";
import { EventDecoder } from "../../src/event-stream/event-decoder.js";
import { frameToEvent } from "../../src/event-stream/frame-to-event.js";
import { BedrockError, BedrockInputError, errorFromResponse, exceptionClassFor, StreamDecodeError } from "../../src/errors/index.js";
import { deserializeConverseResponse } from "../../src/wire/serde/deserialize-response.js";
import { modelPath } from "../../src/wire/serde/model-path.js";
import { expectTyped, runs, wireName } from "./arbitraries.js";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** A string fit for an HTTP header value (visible ASCII and spaces, no CR/LF). */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 24 });

describe("wire-name fuzzing", () => {
  it("exceptionClassFor: undefined or a BedrockError subclass, for any code", () => {
    fc.assert(
      fc.property(fc.oneof(wireName, wireName.map((n) => `com.amazonaws.bedrock#${n}`), wireName.map((n) => `${n}:http://x/`)), (code) => {
        const Ctor = exceptionClassFor(code);
        if (Ctor === undefined) return;
        expect(BedrockError.isInstance(new Ctor("m"))).toBe(true);
      }),
      runs(2_000, 800),
    );
  });

  it(":exception-type: a typed error carrying the name, from both decode paths", () => {
    fc.assert(
      fc.property(wireName, fc.string({ maxLength: 30 }), (name, message) => {
        const frame = encodeExceptionFrame(name, message);
        for (const decode of [() => frameToEvent(decodeFrame(frame)), () => new EventDecoder().decode(frame)]) {
          const error = thrown(decode);
          expectTyped(error);
          expect((error as BedrockError).code).toBe(new TextDecoder().decode(new TextEncoder().encode(name)));
        }
      }),
      runs(1_000, 800),
    );
  });

  it(":event-type: one own key, the prototype untouched, nothing inherited from the payload", () => {
    fc.assert(
      fc.property(wireName, fc.jsonValue({ maxDepth: 2 }), (name, payload) => {
        const decoder = new EventDecoder();
        const frame = encodeEventFrame(name, payload);
        // Twice through one decoder: the second decode takes the cached-header path.
        for (const event of [frameToEvent(decodeFrame(frame)), decoder.decode(frame), decoder.decode(frame)]) {
          expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
          expect(Object.keys(event)).toHaveLength(1);
          expect(Object.hasOwn(event, Object.keys(event)[0]!)).toBe(true);
          for (const known of ["messageStart", "messageStop", "metadata", "contentBlockDelta"]) {
            if (Object.keys(event)[0] !== known) expect(Object.hasOwn(event, known)).toBe(false);
          }
        }
      }),
      runs(1_000, 800),
    );
  });

  it(":message-type, :content-type and :error-code: typed errors or an event", () => {
    fc.assert(
      fc.property(wireName, wireName, wireName, (messageType, contentType, code) => {
        const event = encodeEventFrame("x", { a: 1 });
        const withType = decodeFrame(event);
        withType.headers[":message-type"] = { type: "string", value: messageType };
        withType.headers[":content-type"] = { type: "string", value: contentType };
        const error = thrown(() => frameToEvent(withType));
        if (error !== undefined) expectTyped(error);
        else expect(messageType).toBe("event");
        if (messageType !== "event" && messageType !== "exception" && messageType !== "error") {
          expect(error).toBeInstanceOf(StreamDecodeError);
        }
        const errorFrame = thrown(() => frameToEvent(decodeFrame(encodeErrorFrame(code, "m"))));
        expectTyped(errorFrame);
      }),
      runs(1_000, 800),
    );
  });

  it("HTTP error codes (x-amzn-errortype, __type, code): always a BedrockError", async () => {
    await fc.assert(
      fc.asyncProperty(headerText, wireName, fc.constantFrom(400, 403, 404, 408, 418, 424, 429, 500, 503), async (header, type, status) => {
        const withHeader = await errorFromResponse(new Response("{}", { status, headers: { "x-amzn-errortype": header } }));
        expectTyped(withHeader);
        const withBody = await errorFromResponse(new Response(JSON.stringify({ __type: type, code: type, message: "m" }), { status }));
        expectTyped(withBody);
        expect(withBody.status).toBe(status);
      }),
      runs(400, 1_000),
    );
  });

  it("stop reasons and block kinds: passed through by the chat converters, never a throw", () => {
    fc.assert(
      fc.property(wireName, wireName, wireName, fc.jsonValue({ maxDepth: 2 }), (stopReason, kind, deltaKind, value) => {
        const converter = createStreamConverter({ modelId: "m" });
        const chunks = [
          converter.next({ messageStart: { role: "assistant" } }),
          converter.next({ contentBlockStart: { contentBlockIndex: 0, start: { [kind]: value } } } as never),
          converter.next({ contentBlockDelta: { contentBlockIndex: 0, delta: { [deltaKind]: value } } } as never),
          converter.next({ contentBlockStop: { contentBlockIndex: 0 } }),
          converter.next({ messageStop: { stopReason } }),
        ];
        expect(chunks.at(-1)?.response_metadata.stopReason).toBe(stopReason);
        const response = deserializeConverseResponse({
          output: { message: { role: "assistant", content: [{ [kind]: value }, { text: "t" }] } },
          stopReason,
          usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
        });
        expect(convertConverseResponse(response).response_metadata.stopReason).toBe(stopReason);
      }),
      runs(1_000, 1_000),
    );
  });

  it("cache TTLs: only the known ones add token details", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(wireName, fc.nat(100)), { maxLength: 4 }), (details) => {
        const usage = toUsageMetadata({ inputTokens: 1, outputTokens: 1, cacheDetails: details.map(([ttl, inputTokens]) => ({ ttl, inputTokens })) });
        const keys = Object.keys(usage.input_token_details ?? {});
        for (const key of keys) expect(["ephemeral_5m_input_tokens", "ephemeral_1h_input_tokens"]).toContain(key);
        expect(keys.length > 0).toBe(details.some(([ttl]) => ttl === "5m" || ttl === "1h"));
      }),
      runs(1_000, 600),
    );
  });

  it("message roles: a message or a BedrockInputError", () => {
    fc.assert(
      fc.property(wireName, (role) => {
        for (const input of [[[role, "hi"]], [{ role, content: "hi" }], [{ type: role, content: "hi" }]]) {
          let messages: unknown[] = [];
          const error = thrown(() => (messages = coerceMessages(input as never)));
          if (error !== undefined) expect(error).toBeInstanceOf(BedrockInputError);
          else for (const message of messages) expect(message).toBeInstanceOf(BaseMessage);
        }
      }),
      runs(1_000, 600),
    );
  });

  it("model IDs: a BedrockInputError, or a path URL parsing leaves alone", () => {
    fc.assert(
      fc.property(fc.oneof(wireName, fc.string({ unit: "binary" }), fc.constantFrom(".", "..", "./..", "%2e", "a/../b")), (modelId) => {
        const error = thrown(() => modelPath(modelId, "converse"));
        if (error !== undefined) {
          expect(error).toBeInstanceOf(BedrockInputError);
          return;
        }
        const path = modelPath(modelId, "converse");
        expect(new URL(`https://bedrock-runtime.us-east-1.amazonaws.com${path}`).pathname).toBe(path);
        expect(path.split("/")).toHaveLength(4);
      }),
      runs(2_000, 800),
    );
  });
});
