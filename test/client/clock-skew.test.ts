// Clock skew: AWS refuses a request signed 10 minutes off; the client learns the offset from Date and recovers.
import { describe, expect, it } from "vitest";
import { BedrockRuntime } from "../../src/client/bedrock-runtime.js";
import { CLOCK_SKEW_THRESHOLD_MS, SkewCorrectedClock, isClockSkewError } from "../../src/client/clock-skew.js";
import { BedrockError, UnrecognizedClientException } from "../../src/errors/index.js";
import { MODEL, SEED, SESSION, awsError, standIn, type Recorded } from "./stand-in.js";

const SERVER = Date.UTC(2026, 11, 3, 7, 10, 0); // 20261203T071000Z
const MINUTE = 60_000;

const amz = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
const parseAmz = (v: string) => Date.UTC(+v.slice(0, 4), +v.slice(4, 6) - 1, +v.slice(6, 8), +v.slice(9, 11), +v.slice(11, 13), +v.slice(13, 15));

const OK_BODY = {
  output: { message: { role: "assistant", content: [{ text: "J'adore la programmation." }] } },
  stopReason: "end_turn",
  usage: { inputTokens: 4, outputTokens: 6, totalTokens: 10 },
  metrics: { latencyMs: 12 },
};

/** Answers as AWS does with its clock at `serverMs`: SigV4's 5-minute window, in AWS's words. */
function awsAt(serverMs: number) {
  const refusals: string[] = [];
  const stand = standIn((request: Recorded) => {
    const signed = request.headers.get("x-amz-date")!;
    const at = parseAmz(signed);
    const skew = (message: string) => {
      refusals.push(message);
      return awsError(403, "InvalidSignatureException", message, new Date(serverMs));
    };
    if (at < serverMs - 5 * MINUTE) {
      return skew(`Signature expired: ${signed} is now earlier than ${amz(serverMs - 5 * MINUTE)} (${amz(serverMs)} - 5 min.)`);
    }
    if (at > serverMs + 5 * MINUTE) {
      return skew(`Signature not yet current: ${signed} is still later than ${amz(serverMs + 5 * MINUTE)} (${amz(serverMs)} + 5 min.)`);
    }
    return new Response(JSON.stringify(OK_BODY), {
      headers: { "content-type": "application/json", date: new Date(serverMs).toUTCString(), "x-amzn-requestid": "ok" },
    });
  });
  return { ...stand, refusals };
}

const clientAt = (localMs: number, fetch: typeof globalThis.fetch, extra: Partial<ConstructorParameters<typeof BedrockRuntime>[0]> = {}) =>
  new BedrockRuntime({ region: "us-east-1", credentials: SESSION, fetch, now: () => new Date(localMs), maxRetries: 0, ...extra });

describe("a client whose clock is 10 minutes off", () => {
  it.each([
    ["behind", -10 * MINUTE, "Signature expired: 20261203T070000Z is now earlier than 20261203T070500Z (20261203T071000Z - 5 min.)"],
    ["ahead", +10 * MINUTE, "Signature not yet current: 20261203T072000Z is still later than 20261203T071500Z (20261203T071000Z + 5 min.)"],
  ])("(%s) retries once at once with the server's time, and signs later calls with it", async (_label, off, firstRefusal) => {
    const { fetch, requests, refusals } = awsAt(SERVER);
    const client = clientAt(SERVER + off, fetch); // maxRetries 0: the skew retry is not counted
    const out = await client.converse({ modelId: MODEL, messages: [SEED] });
    expect(out.output?.message?.content?.[0]).toEqual({ text: "J'adore la programmation." });
    expect(out.$metadata.attempts).toBe(2);
    expect(requests.map((r) => r.headers.get("x-amz-date"))).toEqual([amz(SERVER + off), amz(SERVER)]);

    await client.converse({ modelId: MODEL, messages: [SEED] });
    expect(requests).toHaveLength(3);
    expect(requests[2]!.headers.get("x-amz-date")).toBe(amz(SERVER));
    // The first answer was AWS's refusal, word for word.
    expect(refusals).toEqual([firstRefusal]);
  });

  it("gives up after the one skew retry if the server still refuses", async () => {
    let n = 0;
    // A server whose Date keeps moving away: every answer is a skew error.
    const { fetch, requests } = standIn(() => awsError(403, "InvalidSignatureException", "Signature expired: …", new Date(SERVER + ++n * 20 * MINUTE)));
    const error = await clientAt(SERVER, fetch, { maxRetries: 3 }).converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnrecognizedClientException);
    expect((error as BedrockError).name).toBe("InvalidSignatureException");
    expect(requests).toHaveLength(2);
    expect((error as BedrockError).$metadata.attempts).toBe(2);
  });

  it("does not move the clock on a plain bad signature (server time agrees)", async () => {
    const { fetch, requests } = standIn(() => awsError(403, "InvalidSignatureException", "The request signature we calculated does not match…", new Date(SERVER)));
    const error = await clientAt(SERVER + 30_000, fetch).converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnrecognizedClientException);
    expect(requests).toHaveLength(1);
  });

  it.each([
    ["no Date header", (r: Response) => (r.headers.delete("date"), r)],
    ["an Age header (a cached answer)", (r: Response) => (r.headers.set("age", "30"), r)],
    ["an unparsable Date", (r: Response) => (r.headers.set("date", "yesterday-ish"), r)],
  ])("does not retry with %s", async (_label, alter) => {
    const { fetch, requests } = standIn(() => alter(awsError(403, "InvalidSignatureException", "Signature expired: …", new Date(SERVER))));
    await clientAt(SERVER - 10 * MINUTE, fetch).converse({ modelId: MODEL, messages: [SEED] }).catch(() => {});
    expect(requests).toHaveLength(1);
  });

  it("does not retry an error that is not about the clock, even with a far-off Date", async () => {
    const { fetch, requests } = standIn(() => awsError(400, "ValidationException", "bad", new Date(SERVER)));
    await clientAt(SERVER - 10 * MINUTE, fetch).converse({ modelId: MODEL, messages: [SEED] }).catch(() => {});
    expect(requests).toHaveLength(1);
  });

  it("does not retry for an API-key client, which signs nothing", async () => {
    const bearer = standIn(() => awsError(403, "InvalidSignatureException", "Signature expired: …", new Date(SERVER)));
    const client = new BedrockRuntime({ region: "us-east-1", apiKey: "ABSKstandinkey", fetch: bearer.fetch, now: () => new Date(SERVER - 10 * MINUTE) });
    await client.converse({ modelId: MODEL, messages: [SEED] }).catch(() => {});
    expect(bearer.requests).toHaveLength(1);
  });
});

describe("the injected clock", () => {
  it("reaches credential expiry checks", async () => {
    const { fetch } = awsAt(SERVER);
    let calls = 0;
    // Expires 4 minutes after the client's clock: inside the 5-minute refresh window, so each
    // call refreshes. With the system clock (years earlier) it would look fresh and be reused.
    const provider = async () => (calls++, { ...SESSION, expiration: new Date(SERVER + 4 * MINUTE) });
    const client = clientAt(SERVER, fetch, { credentials: provider });
    await client.converse({ modelId: MODEL, messages: [SEED] });
    await client.converse({ modelId: MODEL, messages: [SEED] });
    expect(calls).toBe(2);
  });
});

describe("SkewCorrectedClock.learn", () => {
  const local = Date.UTC(2026, 0, 1);
  it.each([
    ["10 minutes ahead", new Date(local + 10 * MINUTE).toUTCString(), null, 0, true, 10 * MINUTE],
    ["10 minutes behind", new Date(local - 10 * MINUTE).toUTCString(), null, 0, true, -10 * MINUTE],
    ["just under the threshold", new Date(local + CLOCK_SKEW_THRESHOLD_MS - 1000).toUTCString(), null, 0, false, 0],
    ["at the threshold", new Date(local + CLOCK_SKEW_THRESHOLD_MS).toUTCString(), null, 0, true, CLOCK_SKEW_THRESHOLD_MS],
    ["no Date", null, null, 0, false, 0],
    ["with Age", new Date(local + 10 * MINUTE).toUTCString(), "5", 0, false, 0],
    ["an unparsable Date", "soon", null, 0, false, 0],
    ["a reply that took 16 minutes", new Date(local + 10 * MINUTE).toUTCString(), null, 16 * MINUTE, false, 0],
  ] as const)("%s", (_label, date, age, roundTrip, changed, offset) => {
    const clock = new SkewCorrectedClock(() => new Date(local));
    expect(clock.learn(date, age, 0, roundTrip)).toBe(changed);
    expect(clock.offsetMs).toBe(offset);
    expect(clock.now().getTime()).toBe(local + offset);
  });
});

describe("isClockSkewError", () => {
  it.each([
    ["InvalidSignatureException", true],
    ["RequestTimeTooSkewed", true],
    ["RequestExpired", true],
    ["SignatureDoesNotMatch", true],
    ["AuthFailure", true],
    ["RequestInTheFuture", true],
    ["com.amazon.coral.service#InvalidSignatureException", true],
    ["ThrottlingException", false],
    [undefined, false],
  ])("%s → %s", (code, skew) => {
    expect(isClockSkewError(new BedrockError("x", code ? { code } : {}))).toBe(skew);
  });
});
