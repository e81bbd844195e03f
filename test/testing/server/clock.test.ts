// The server clock: Date and x-amzn-requestid on every kind of answer, and the "clock-skew" fault both ways.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createBedrockEmulator,
  EMULATOR_SESSION_CREDENTIALS,
  type BedrockEmulator,
  type EmulatorOptions,
} from "../../../src/testing/index.js";
import { httpDate } from "../../../src/testing/server/clock.js";
import { ENDPOINT, MODEL, modelPath, signedRequest, UUID, userText } from "../helpers.js";

const NOW = Date.UTC(2026, 11, 3, 7, 10, 0);
const MIN = 60_000;
const at = (offsetMs: number) => new Date(NOW + offsetMs);
const emulator = (options: EmulatorOptions = {}) => createBedrockEmulator({ now: () => NOW, ...options });
const converse = (offset = 0) => signedRequest({ date: at(offset) });
const stream = () => signedRequest({ date: at(0), path: modelPath(MODEL, "converse-stream") });

describe("httpDate", () => {
  it.each([
    [Date.UTC(2026, 11, 3, 7, 10, 0), "Thu, 03 Dec 2026 07:10:00 GMT"],
    [Date.UTC(1994, 10, 6, 8, 49, 37), "Sun, 06 Nov 1994 08:49:37 GMT"], // RFC 7231's own example
    [Date.UTC(2025, 0, 1, 0, 0, 0, 999), "Wed, 01 Jan 2025 00:00:00 GMT"],
  ])("formats %i as IMF-fixdate", (ms, text) => {
    expect(httpDate(ms)).toBe(text);
  });
});

describe("Date and x-amzn-requestid on every answer", () => {
  const preflight = () =>
    new Request(ENDPOINT + modelPath(MODEL), { method: "OPTIONS", headers: { origin: "http://localhost", "access-control-request-method": "POST" } });
  const cognito = () =>
    new Request("https://cognito-identity.us-east-1.amazonaws.com/", {
      method: "POST",
      headers: { "x-amz-target": "AWSCognitoIdentityService.GetId", "content-type": "application/x-amz-json-1.1" },
      body: JSON.stringify({ IdentityPoolId: "us-east-1:00000000-0000-4000-8000-00000000c0de" }),
    });
  const kinds: Array<[string, (em: BedrockEmulator) => Promise<Response>, number, EmulatorOptions?]> = [
    ["a Converse answer", async (em) => em.fetch(await converse()), 200],
    ["a ConverseStream answer", async (em) => em.fetch(await stream()), 200],
    ["a CountTokens answer", async (em) => em.fetch(await signedRequest({ date: at(0), path: modelPath(MODEL, "count-tokens"), body: { input: { converse: userText("hi") } } })), 200],
    ["a validation error", async (em) => em.fetch(await signedRequest({ date: at(0), body: { messages: [] } })), 400],
    ["an authentication error", async (em) => em.fetch(new Request(ENDPOINT + modelPath(MODEL), { method: "POST", body: "{}" })), 403],
    ["a skew error", async (em) => em.fetch(await converse(-10 * MIN)), 403],
    ["an unknown operation", async (em) => em.fetch(await signedRequest({ date: at(0), path: `/model/${MODEL}/nope` })), 404],
    ["a throttle fault", async (em) => em.fault({ type: "throttle" }).fetch(await converse()), 429],
    ["a server-error fault", async (em) => em.fault({ type: "server-error", status: 503 }).fetch(await converse()), 503],
    ["a scripted error", async (em) => em.script({ error: { status: 424, type: "ModelErrorException", message: "x" } }).fetch(await converse()), 424],
    ["a CORS preflight", async (em) => em.fetch(preflight()), 200],
    ["a preflight with CORS off", async (em) => em.fetch(preflight()), 403, { cors: false }],
    ["an extra route (Cognito)", async (em) => em.fetch(cognito()), 200, { cognito: {} }],
  ];

  it.each(kinds)("on %s", async (_name, send, status, options) => {
    const em = emulator(options);
    const response = await send(em);
    expect(response.status).toBe(status);
    expect(response.headers.get("date")).toBe("Thu, 03 Dec 2026 07:10:00 GMT");
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
    expect(response.headers.get("x-amzn-requestid")).toBe(em.requests.at(-1)!.requestId);
    await response.body?.cancel();
  });
});

describe('the "clock-skew" fault', () => {
  it("runs the server clock ahead: a client with the right clock looks 10 minutes behind", async () => {
    const em = emulator().fault({ type: "clock-skew", offsetMs: 10 * MIN });
    const response = await em.fetch(await converse());
    expect(response.status).toBe(403);
    expect(response.headers.get("date")).toBe("Thu, 03 Dec 2026 07:20:00 GMT");
    expect(await response.json()).toEqual({
      message: "Signature expired: 20261203T071000Z is now earlier than 20261203T071500Z (20261203T072000Z - 5 min.)",
    });
  });

  it("runs the server clock behind: a client with the right clock looks 10 minutes ahead", async () => {
    const em = emulator().fault({ type: "clock-skew", offsetMs: -10 * MIN });
    const response = await em.fetch(await converse());
    expect(response.status).toBe(403);
    expect(response.headers.get("date")).toBe("Thu, 03 Dec 2026 07:00:00 GMT");
    expect(await response.json()).toEqual({
      message: "Signature not yet current: 20261203T071000Z is still later than 20261203T070500Z (20261203T070000Z + 5 min.)",
    });
  });

  it.each([10 * MIN, -10 * MIN])("lasts until reset, and a client that signs by the Date header gets through (offset %i)", async (offsetMs) => {
    const em = emulator().fault({ type: "clock-skew", offsetMs });
    const refused = await em.fetch(await converse());
    const serverClock = Date.parse(refused.headers.get("date")!);
    expect(serverClock).toBe(NOW + offsetMs);
    expect((await em.fetch(await signedRequest({ date: new Date(serverClock) }))).status).toBe(200);
    expect((await em.fetch(await converse())).status).toBe(403);
    expect(em.pending().faults).toBe(1);
    expect(em.requests.map((r) => [r.clockOffsetMs, r.receivedAt])).toEqual(Array(3).fill([offsetMs, NOW + offsetMs]));
    em.reset();
    const after = await em.fetch(await converse());
    expect([after.status, after.headers.get("date")]).toEqual([200, httpDate(NOW)]);
    expect(em.requests[0]!.clockOffsetMs).toBeUndefined();
  });

  it("hits only `times` requests and only the listed operations when told", async () => {
    const em = emulator()
      .fault({ type: "clock-skew", offsetMs: 10 * MIN, times: 1, operations: ["converse-stream"] })
      .fault({ type: "clock-skew", offsetMs: -10 * MIN, times: 1 });
    const first = await em.fetch(await converse()); // the second fault: converse is not listed by the first
    expect(first.headers.get("date")).toBe(httpDate(NOW - 10 * MIN));
    const second = await em.fetch(await stream());
    expect(second.headers.get("date")).toBe(httpDate(NOW + 10 * MIN));
    const third = await em.fetch(await converse());
    expect([third.status, third.headers.get("date")]).toEqual([200, httpDate(NOW)]);
    expect(em.pending().faults).toBe(0);
  });

  it("moves credential expiry with the server clock", async () => {
    const credentials = { ...EMULATOR_SESSION_CREDENTIALS, expiration: at(5 * MIN) };
    const em = emulator({ credentials }).fault({ type: "clock-skew", offsetMs: 10 * MIN });
    const response = await em.fetch(await signedRequest({ date: at(10 * MIN), credentials }));
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toMatch(/^ExpiredTokenException:/);
  });

  it("is applied before other faults, which still hit the same request", async () => {
    const em = emulator().fault({ type: "throttle" }).fault({ type: "clock-skew", offsetMs: 2 * MIN });
    const response = await em.fetch(await converse());
    expect(response.status).toBe(429);
    expect(response.headers.get("date")).toBe(httpDate(NOW + 2 * MIN));
    expect(em.requests[0]).toMatchObject({ fault: "throttle", clockOffsetMs: 2 * MIN });
  });

  it.each([Number.NaN, Infinity, undefined])("refuses offsetMs %s", (offsetMs) => {
    expect(() => emulator().fault({ type: "clock-skew", offsetMs: offsetMs as number })).toThrow(TypeError);
  });
});

describe("the docs/testing.md clock-skew snippet", () => {
  it("runs as written", async () => {
    const readme = readFileSync(new URL("../../../docs/testing.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("### The server clock"));
    const code = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
    const body = code.replace(/^import .*$/m, "");
    const run = new Function("createBedrockEmulator", `${body}\nreturn emulator;`) as (create: typeof createBedrockEmulator) => BedrockEmulator;
    const faults: unknown[] = [];
    const em = run((options) => {
      const real = createBedrockEmulator(options);
      const fault = real.fault.bind(real);
      real.fault = (f) => (faults.push(f), fault(f));
      return real;
    });
    expect(faults).toEqual([
      { type: "clock-skew", offsetMs: 600_000 },
      { type: "clock-skew", offsetMs: -600_000, times: 1 },
    ]);
    expect(em.pending().faults).toBe(0);
  });
});
