// The stream idle timer exists only while someone waits for bytes: a converseStream result that is
// never read holds no timer, so Node can exit; once the consumer pulls, the timeout still fires.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BedrockRuntime } from "../../src/client/bedrock-runtime.js";
import { decodeConverseStream } from "../../src/event-stream/converse-stream.js";
import { encodeStreamEvent } from "../../src/event-stream/encode.js";
import { TimeoutError } from "../../src/errors/index.js";
import { bodyFrom } from "./helpers.js";

const MODEL = "us.amazon.nova-micro-v1:0";
const REQUEST = { modelId: MODEL, messages: [{ role: "user" as const, content: [{ text: "hi" }] }] };
const CREDENTIALS = { accessKeyId: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: "secret", sessionToken: "token" };
const FIRST = encodeStreamEvent({ messageStart: { role: "assistant" } });
const SECOND = encodeStreamEvent({ contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Hi" } } });

/** A fetch whose 200 response sends `chunks`, then never sends or closes again. */
function hangingFetch(chunks: Uint8Array[]) {
  return async () =>
    new Response(bodyFrom(chunks, { hang: true }).stream as ReadableStream<Uint8Array<ArrayBuffer>>, {
      status: 200,
      headers: { "content-type": "application/vnd.amazon.eventstream" },
    });
}

describe("idle timer with fake timers", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("converseStream resolved but unread: no timer is pending", async () => {
    const client = new BedrockRuntime({ region: "us-east-1", credentials: CREDENTIALS, fetch: hangingFetch([FIRST]) });
    const response = await client.converseStream(REQUEST);
    expect(response.$metadata.httpStatusCode).toBe(200);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("once the consumer pulls past the first event, a silent body still times out", async () => {
    const client = new BedrockRuntime({
      region: "us-east-1",
      credentials: CREDENTIALS,
      fetch: hangingFetch([FIRST, SECOND]),
      streamIdleTimeout: 60_000,
    });
    const response = await client.converseStream(REQUEST);
    const iterator = response[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: { messageStart: { role: "assistant" } } });
    expect((await iterator.next()).value).toEqual({ contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Hi" } } });
    const third = iterator.next().then(
      () => undefined,
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await third).toBeInstanceOf(TimeoutError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("decodeConverseStream guards the very first read too", async () => {
    const events = decodeConverseStream(bodyFrom([], { hang: true }).stream, { idleTimeoutMs: 5_000 });
    const first = events.next().then(
      () => undefined,
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await first).toBeInstanceOf(TimeoutError);
  });

  it("after handing out the first event, the generator holds no timer until the next pull", async () => {
    const events = decodeConverseStream(bodyFrom([FIRST], { hang: true }).stream, { idleTimeoutMs: 5_000 });
    await events.next();
    expect(vi.getTimerCount()).toBe(0);
    const next = events.next().then(
      () => undefined,
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await next).toBeInstanceOf(TimeoutError);
  });
});

describe("idle timer in a real Node process", () => {
  it("a process that never reads its converseStream result exits promptly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bedrock-edge-idle-"));
    try {
      const entry = join(dir, "entry.ts");
      const index = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
      const encode = fileURLToPath(new URL("../../src/event-stream/encode.ts", import.meta.url));
      // The child gets the default 60 s streamIdleTimeout and a body that sends one frame, then hangs.
      writeFileSync(
        entry,
        `import { BedrockRuntime } from ${JSON.stringify(index)};
import { encodeStreamEvent } from ${JSON.stringify(encode)};
const first = encodeStreamEvent({ messageStart: { role: "assistant" } });
let sent = false;
const body = new ReadableStream({ pull(c) { if (!sent) c.enqueue(first); sent = true; } }, { highWaterMark: 0 });
const fetch = async () => new Response(body, { status: 200 });
const client = new BedrockRuntime({ region: "us-east-1", credentials: ${JSON.stringify(CREDENTIALS)}, fetch });
const response = await client.converseStream(${JSON.stringify(REQUEST)});
console.log("started", response.$metadata.httpStatusCode);
`,
      );
      const out = join(dir, "entry.mjs");
      await build({ entryPoints: [entry], outfile: out, bundle: true, platform: "node", format: "esm", logLevel: "silent" });
      const started = Date.now();
      const child = spawnSync(process.execPath, [out], { encoding: "utf8", timeout: 15_000 });
      const elapsed = Date.now() - started;
      expect(child.error, "the child was killed after 15 s").toBeUndefined();
      expect(child.stderr).toBe("");
      expect(child.stdout.trim()).toBe("started 200");
      expect(child.status).toBe(0);
      expect(elapsed).toBeLessThan(15_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
