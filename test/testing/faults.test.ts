import { describe, expect, it } from "vitest";
import { codec } from "../../src/event-stream/codec.js";
import { createBedrockEmulator, FAULT_TYPES, type Fault } from "../../src/testing/index.js";
import { decodeFrames, MODEL, modelPath, readChunks, signedRequest, streamEvents } from "./helpers.js";

const stream = () => signedRequest({ path: modelPath(MODEL, "converse-stream") });
const converse = () => signedRequest({ path: modelPath(MODEL, "converse") });

/** The built-in model's reply to the default "Hello" request has 7 frames. */
const FULL_FRAMES = 7;

describe("fault types", () => {
  it.each(["throtle", "timeout", undefined, 429])("an unknown type (%s) is refused, naming the valid ones", (type) => {
    const em = createBedrockEmulator();
    expect(() => em.fault({ type } as unknown as Fault)).toThrow(
      new TypeError("fault.type must be one of throttle, server-error, error, disconnect, exception-frame, cut, corrupt-crc, drip, clock-skew"),
    );
    expect(em.pending().faults).toBe(0);
  });

  it("every listed type is accepted", () => {
    const em = createBedrockEmulator();
    for (const type of FAULT_TYPES) em.fault({ type, afterEvents: 0, delayMs: 1, offsetMs: 0, status: 500, errorType: "X", message: "m" } as Fault);
    expect(em.pending().faults).toBe(FAULT_TYPES.length);
  });
});

describe("HTTP faults", () => {
  it("throttles the next N requests with 429, Retry-After and a JSON message, then answers", async () => {
    const em = createBedrockEmulator().fault({ type: "throttle", times: 2, retryAfterSeconds: 3 });
    for (let i = 0; i < 2; i++) {
      const response = await em.fetch(await converse());
      expect(response.status).toBe(429);
      expect(response.headers.get("x-amzn-errortype")).toMatch(/^ThrottlingException:/);
      expect(response.headers.get("retry-after")).toBe("3");
      expect(await response.json()).toEqual({ message: "Too many requests, please wait before trying again." });
    }
    expect((await em.fetch(await converse())).status).toBe(200);
    expect(em.requests.map((r) => [r.status, r.fault])).toEqual([[429, "throttle"], [429, "throttle"], [200, undefined]]);
  });

  it("keeps a script queued while throttled requests are retried", async () => {
    const em = createBedrockEmulator().fault({ type: "throttle" }).script({ converse: { scripted: true } });
    expect((await em.fetch(await converse())).status).toBe(429);
    expect(await (await em.fetch(await converse())).json()).toEqual({ scripted: true });
  });

  it.each([
    [500, "InternalServerException"],
    [503, "ServiceUnavailableException"],
  ] as const)("answers %i %s", async (status, type) => {
    const em = createBedrockEmulator().fault({ type: "server-error", status });
    const response = await em.fetch(await stream());
    expect(response.status).toBe(status);
    expect(response.headers.get("x-amzn-errortype")?.split(":")[0]).toBe(type);
    expect(typeof (await response.json()).message).toBe("string");
  });

  it("answers any AWS error with the error fault", async () => {
    const em = createBedrockEmulator().fault({ type: "error", status: 429, errorType: "ModelNotReadyException", message: "warming up" });
    const response = await em.fetch(await converse());
    expect([response.status, response.headers.get("x-amzn-errortype")?.split(":")[0]]).toEqual([429, "ModelNotReadyException"]);
  });

  it("rejects like a dropped connection on disconnect", async () => {
    const em = createBedrockEmulator().fault({ type: "disconnect" });
    await expect(em.fetch(await converse())).rejects.toThrow(TypeError);
    expect(em.requests[0]!.fault).toBe("disconnect");
  });

  it("lets a fault target one operation and Infinity times", async () => {
    const em = createBedrockEmulator().fault({ type: "server-error", operations: ["converse-stream"], times: Infinity });
    expect((await em.fetch(await converse())).status).toBe(200);
    expect((await em.fetch(await stream())).status).toBe(500);
    expect((await em.fetch(await stream())).status).toBe(500);
    expect(em.pending().faults).toBe(1);
  });

  it("hits only authenticated, valid requests", async () => {
    const em = createBedrockEmulator().fault({ type: "throttle" });
    expect((await em.fetch(await signedRequest({ body: { messages: [] } }))).status).toBe(400);
    expect((await em.fetch(await converse())).status).toBe(429);
  });
});

describe("body faults", () => {
  it("sends an exception frame after K events and ends the stream", async () => {
    const em = createBedrockEmulator().fault({ type: "exception-frame", afterEvents: 2, exceptionType: "throttlingException", message: "slow down" });
    const frames = decodeFrames(new Uint8Array(await (await em.fetch(await stream())).arrayBuffer()));
    expect(frames).toHaveLength(3);
    expect(frames[2]!.headers[":message-type"]).toBe("exception");
    expect(frames[2]!.headers[":exception-type"]).toBe("throttlingException");
    expect(frames[2]!.payload).toEqual({ message: "slow down" });
  });

  it("defaults the mid-stream exception to modelStreamErrorException, and only streams take it", async () => {
    const em = createBedrockEmulator().fault({ type: "exception-frame", afterEvents: 0 });
    expect((await em.fetch(await converse())).status).toBe(200);
    const events = await streamEvents(await em.fetch(await stream()));
    expect(events).toEqual([{ modelStreamErrorException: { message: "The model stream failed." } }]);
  });

  it("cuts the connection in the middle of frame K+1 (reset)", async () => {
    const em = createBedrockEmulator().fault({ type: "cut", afterEvents: 3 });
    const response = await em.fetch(await stream());
    const reader = response.body!.getReader();
    const received: Uint8Array[] = [];
    const error = await (async () => {
      for (;;) {
        try {
          const { done, value } = await reader.read();
          if (done) return undefined;
          received.push(value);
        } catch (e) {
          return e;
        }
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(received).toHaveLength(4);
    expect(decodeFrames(received.slice(0, 3).reduce(join))).toHaveLength(3);
    const half = received[3]!;
    const declared = new DataView(half.buffer, half.byteOffset).getUint32(0);
    expect(half.length).toBe(Math.floor(declared / 2));
  });

  it("ends the body cleanly after half a frame with mode end", async () => {
    const em = createBedrockEmulator().fault({ type: "cut", afterEvents: 1, mode: "end" });
    const bytes = new Uint8Array(await (await em.fetch(await stream())).arrayBuffer());
    expect(() => decodeFrames(bytes)).toThrow();
    expect(decodeFrames(bytes.subarray(0, new DataView(bytes.buffer).getUint32(0)))).toHaveLength(1);
  });

  it("cuts a Converse JSON body in half", async () => {
    const em = createBedrockEmulator().fault({ type: "cut", afterEvents: 5 });
    await expect((await em.fetch(await converse())).text()).rejects.toThrow(TypeError);
  });

  it.each(["message", "prelude"] as const)("corrupts the %s CRC of frame K+1", async (which) => {
    const em = createBedrockEmulator().fault({ type: "corrupt-crc", afterEvents: 1, which });
    const chunks = await readChunks(await em.fetch(await stream()));
    expect(chunks).toHaveLength(FULL_FRAMES);
    expect(() => codec.decode(chunks[0]!)).not.toThrow();
    expect(() => codec.decode(chunks[1]!)).toThrow(/checksum|CRC/i);
    expect(() => codec.decode(chunks[2]!)).not.toThrow();
  });

  it("drips the body in 1-byte chunks with a delay between them", async () => {
    const em = createBedrockEmulator().fault({ type: "drip", delayMs: 1 });
    const chunks = await readChunks(await em.fetch(await stream()));
    expect(chunks.every((c) => c.length === 1)).toBe(true);
    expect(decodeFrames(chunks.reduce(join))).toHaveLength(FULL_FRAMES);
  });

  it("applies a fault given in a script to that response only", async () => {
    const em = createBedrockEmulator().script({ fault: { type: "exception-frame", afterEvents: 1 } });
    expect(await streamEvents(await em.fetch(await stream()))).toHaveLength(2);
    expect(await streamEvents(await em.fetch(await stream()))).toHaveLength(FULL_FRAMES);
  });

  it("stops pending delays when the reader cancels", async () => {
    const em = createBedrockEmulator().script({ stream: [{ messageStart: { role: "assistant" } }, { delayMs: 60_000 }, { messageStop: { stopReason: "end_turn" } }] });
    const reader = (await em.fetch(await stream())).body!.getReader();
    await reader.read();
    const pending = reader.read();
    await reader.cancel();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });
});

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
