// Smithy restJson1 event-stream compliance: every client-side `response` event with bytes.
import { describe, expect, it } from "vitest";
import { codec } from "../../src/event-stream/codec.js";
import { decodeFrame } from "../../src/event-stream/decode-frame.js";
import { FrameSplitter } from "../../src/event-stream/frame-splitter.js";
import { frameToEvent } from "../../src/event-stream/frame-to-event.js";
import { BedrockError, StreamDecodeError } from "../../src/errors/index.js";
import { chunksOf, fromBase64, plainValue, readJson } from "./helpers.js";

type TypedValue = Partial<Record<"string" | "boolean" | "byte" | "short" | "integer" | "long" | "blob" | "timestamp", unknown>>;
interface EventCase {
  type: "request" | "response";
  headers?: Record<string, TypedValue>;
  body?: string;
  bodyMediaType?: string;
  bytes?: string;
}
interface TestCase {
  id: string;
  appliesTo?: "client" | "server";
  events?: EventCase[];
  expectation?: { failure?: { errorId?: string } };
}
const file = readJson<{ operations: { operation: string; cases: TestCase[] }[] }>(
  "eventstream/smithy-restjson1/event-stream-tests.json",
);

// The only client failure that is not about the frame: restJson1 sends required output members
// as HTTP headers of the initial response. ConverseStream's output has only the stream.
const NOT_APPLICABLE: Record<string, string> = {
  MissingRequiredInitialResponseOutput: "needs a required non-stream output member; ConverseStream has none",
  DuplexMissingRequiredInitialResponseOutput: "needs a required non-stream output member; ConverseStream has none",
};

const clientEvents = file.operations.flatMap(({ operation, cases }) =>
  cases
    .filter((c) => c.appliesTo !== "server")
    .flatMap((c) =>
      (c.events ?? [])
        .filter((e) => e.type === "response" && e.bytes !== undefined)
        .map((e, i) => ({ name: `${operation}/${c.id}${i ? `#${i}` : ""}`, id: c.id, testCase: c, event: e })),
    ),
);
const successes = clientEvents.filter((e) => !e.testCase.expectation?.failure);
const failures = clientEvents.filter((e) => e.testCase.expectation?.failure && !NOT_APPLICABLE[e.id]);

/** The vectors' typed header value in our decoded (plain) form. */
function expectedHeader(typed: TypedValue): { type: string; value: unknown } {
  const [kind, value] = Object.entries(typed)[0]!;
  switch (kind) {
    case "blob":
      return { type: "binary", value };
    case "timestamp":
      return { type: "timestamp", value: Date.parse(value as string) };
    case "integer":
      return { type: "integer", value };
    default:
      return { type: kind, value };
  }
}

function decodeOne(base64: string) {
  const bytes = fromBase64(base64);
  const splitter = new FrameSplitter();
  const frames = chunksOf(bytes, 1).flatMap((c) => splitter.push(c));
  splitter.end();
  expect(frames).toHaveLength(1);
  return decodeFrame(frames[0]!);
}

describe("smithy restJson1: selection", () => {
  it("finds the documented client-side events", () => {
    expect(successes.filter((e) => e.name.startsWith("OutputStream/"))).toHaveLength(15);
    expect(successes.filter((e) => e.name.startsWith("DuplexStream/"))).toHaveLength(15);
    expect(failures.map((e) => e.id).filter((id) => !id.startsWith("Duplex")).sort()).toEqual([
      "ClientErrorOutput",
      "ClientUnexpectedErrorOutput",
      "MalformedEventTypeOutput",
      "MalformedMessageTypeOutput",
      "MissingEventTypeOutput",
      "MissingMessageTypeOutput",
    ]);
  });
});

describe("smithy restJson1: success decodes", () => {
  it.each(successes.map((e) => [e.name, e] as const))("%s", (_name, { event }) => {
    const frame = decodeOne(event.bytes!);
    expect(frame).toEqual(codec.decode(fromBase64(event.bytes!)));
    for (const [name, typed] of Object.entries(event.headers ?? {})) {
      const header = frame.headers[name];
      expect(header, name).toBeDefined();
      expect({ type: header!.type, value: plainValue(header!) }, name).toEqual(expectedHeader(typed));
    }
    const text = new TextDecoder().decode(frame.body);
    const eventType = (event.headers![":event-type"] as { string: string }).string;
    if (event.body === undefined) {
      expect(frame.body).toHaveLength(0);
      expect(frameToEvent(frame)).toEqual({ [eventType]: {} });
    } else if (event.bodyMediaType === "application/json") {
      expect(JSON.parse(text)).toEqual(JSON.parse(event.body));
      expect(frameToEvent(frame)).toEqual({ [eventType]: JSON.parse(event.body) });
    } else {
      expect(text).toBe(event.body);
      // Every ConverseStream event is JSON; a text or blob payload is refused, not guessed at.
      expect(() => frameToEvent(frame)).toThrow(new RegExp(`event ${eventType} has unsupported :content-type`));
    }
  });
});

describe("smithy restJson1: client failures", () => {
  const expected: Record<string, (error: unknown) => void> = {
    // Modeled error named by :exception-type ("error" is not a Bedrock exception, so the base class, with the code).
    ClientErrorOutput: (error) => {
      expect(error).toBeInstanceOf(BedrockError);
      expect(error).not.toBeInstanceOf(StreamDecodeError);
      expect(error).toMatchObject({ code: "error", message: "foo" });
    },
    ClientUnexpectedErrorOutput: (error) => {
      expect(error).toBeInstanceOf(BedrockError);
      expect(error).not.toBeInstanceOf(StreamDecodeError);
      expect(error).toMatchObject({ code: "internal-error", message: "An unknown error occurred." });
    },
    MissingMessageTypeOutput: (error) => {
      expect(error).toBeInstanceOf(StreamDecodeError);
      expect((error as Error).message).toMatch("lacks the :message-type header");
    },
    MalformedMessageTypeOutput: (error) => {
      expect(error).toBeInstanceOf(StreamDecodeError);
      expect((error as Error).message).toMatch(":message-type must be a string, got binary");
    },
    MissingEventTypeOutput: (error) => {
      expect(error).toBeInstanceOf(StreamDecodeError);
      expect((error as Error).message).toMatch("lacks the :event-type header");
    },
    MalformedEventTypeOutput: (error) => {
      expect(error).toBeInstanceOf(StreamDecodeError);
      expect((error as Error).message).toMatch(":event-type must be a string, got binary");
    },
  };

  it.each(failures.map((e) => [e.name, e] as const))("%s", (_name, { id, event }) => {
    const check = expected[id.replace(/^Duplex/, "")];
    expect(check, `no expectation for ${id}`).toBeDefined();
    const frame = decodeOne(event.bytes!);
    let error: unknown;
    try {
      frameToEvent(frame);
    } catch (e) {
      error = e;
    }
    check!(error);
  });

  it.each(Object.entries(NOT_APPLICABLE))("%s does not apply: %s", (id) => {
    // The event itself is well formed; the failure it tests lives in the initial HTTP response.
    const event = clientEvents.find((e) => e.id === id)!.event;
    expect(frameToEvent(decodeOne(event.bytes!))).toEqual({ headers: {} });
  });
});
