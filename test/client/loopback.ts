// Shared setup of the client's loopback tests: one emulator per file on 127.0.0.1, reset before each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { BedrockRuntime } from "../../src/index.js";
import type { ConverseStreamOutput } from "../../src/wire/index.js";
import { EMULATOR_CREDENTIALS } from "../../src/testing/index.js";
import { startEmulator } from "../../src/testing/node.js";

export type Server = Awaited<ReturnType<typeof startEmulator>>;
export type ClientOptions = Partial<ConstructorParameters<typeof BedrockRuntime>[0]>;

export const MODEL = "us.amazon.nova-micro-v1:0";
export const seed = { role: "user" as const, content: [{ text: "I love programming." }] };

/** Starts the emulator for the file; `server()` is the running one, `client()` a client pointed at it. */
export function useLoopback(defaults: ClientOptions = { credentials: EMULATOR_CREDENTIALS }) {
  let running: Server | undefined;
  beforeAll(async () => {
    running = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(() => {
    running?.emulator.reset();
  });
  const server = (): Server => running!;
  const client = (extra: ClientOptions = {}) =>
    new BedrockRuntime({ region: "us-east-1", endpoint: server().url, random: () => 0 /* no backoff waits */, ...defaults, ...extra });
  return { server, client };
}

export async function collect(iterable: AsyncIterable<ConverseStreamOutput>) {
  const events: ConverseStreamOutput[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

export const textOf = (events: ConverseStreamOutput[]) => events.map((e) => e.contentBlockDelta?.delta?.text ?? "").join("");
