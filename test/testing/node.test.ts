import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/testing/node.js";
import { decodeFrames, MODEL, modelPath, readChunks, signedRequest, toEvents, UUID } from "./helpers.js";

let running: RunningEmulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const send = async (path: string, body?: unknown) => fetch(await signedRequest({ base: running!.url, path, body, omitHost: true }));

describe("startEmulator (Node, loopback HTTP)", () => {
  it("serves a signed ConverseStream over real HTTP, one chunk per frame", async () => {
    running = await startEmulator();
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await send(modelPath(MODEL, "converse-stream"), { messages: [{ role: "user", content: [{ text: "I love programming." }] }] });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.amazon.eventstream");
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
    const chunks = await readChunks(response);
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const c of chunks) (bytes.set(c, offset), (offset += c.length));
    const text = toEvents(decodeFrames(bytes))
      .map((e) => e.contentBlockDelta?.delta?.text ?? "")
      .join("");
    expect(text).toBe("J'adore la programmation.");
    expect(running.emulator.requests[0]!.headers.host).toBe(new URL(running.url).host);
  });

  it("verifies the signature against the raw path of a model ARN", async () => {
    running = await startEmulator();
    const arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123";
    const response = await send(modelPath(arn, "converse"));
    expect(response.status).toBe(200);
    expect(running.emulator.requests[0]!.modelId).toBe(arn);
  });

  it("sends AWS errors with their headers", async () => {
    running = await startEmulator();
    running.emulator.fault({ type: "throttle", retryAfterSeconds: 2 });
    const response = await send(modelPath(MODEL));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(response.headers.get("x-amzn-errortype")).toMatch(/^ThrottlingException/);
    expect(await response.json()).toEqual({ message: "Too many requests, please wait before trying again." });
  });

  it("sends the emulator's Date over HTTP (not Node's own), skewed by a clock-skew fault", async () => {
    running = await startEmulator();
    running.emulator.fault({ type: "clock-skew", offsetMs: -3_600_000 });
    const before = Date.now();
    const response = await send(modelPath(MODEL));
    expect(response.status).toBe(403);
    const dates = response.headers.get("date")!;
    expect(dates).not.toContain("GMT,"); // one Date header, not Node's joined to ours
    const served = Date.parse(dates);
    expect(served).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 3_600_000);
    expect(served).toBeLessThanOrEqual(Date.now() - 3_600_000);
    expect((await response.json()).message).toMatch(/^Signature not yet current: /);
  });

  it("destroys the socket mid-body on a cut fault, so reading the body fails", async () => {
    running = await startEmulator();
    running.emulator.fault({ type: "cut", afterEvents: 2 });
    const response = await send(modelPath(MODEL, "converse-stream"));
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it("drops the connection before answering on a disconnect fault", async () => {
    running = await startEmulator();
    running.emulator.fault({ type: "disconnect" });
    await expect(send(modelPath(MODEL))).rejects.toThrow(TypeError);
    expect((await send(modelPath(MODEL))).status).toBe(200);
  });

  it("answers CORS preflights", async () => {
    running = await startEmulator();
    const response = await fetch(running.url + modelPath(MODEL), {
      method: "OPTIONS",
      headers: { origin: "http://localhost:3000", "access-control-request-method": "POST" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("serves a given emulator and refuses non-loopback hosts", async () => {
    await expect(startEmulator({ host: "0.0.0.0" })).rejects.toThrow(/loopback/);
    const first = await startEmulator();
    running = await startEmulator({ emulator: first.emulator });
    await first.close();
    expect((await send(modelPath(MODEL))).status).toBe(200);
    expect(running.emulator.requests).toHaveLength(1);
  });
});
