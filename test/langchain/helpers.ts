// Shared setup of the LangChain adapter tests: the emulator on loopback, model factories and request bodies.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { ChatBedrockConverse, type ChatBedrockConverseInput } from "../../src/langchain/index.js";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../src/testing/node.js";

export const MODEL = "us.anthropic.claude-sonnet-4-20250514-v1:0";

export interface Emulated {
  running: RunningEmulator;
  /** A LangChain model talking to the emulator with SigV4, no client retries. */
  model(fields?: Partial<ChatBedrockConverseInput>): ChatBedrockConverse;
  /** JSON bodies the emulator received, optionally for one operation ("converse", "converse-stream"). */
  bodies(operation?: string): Array<Record<string, any>>;
}

/** One emulator per test file; its recorded requests, scripts and faults are cleared before each test. */
export function useEmulator(): Emulated {
  const e = {} as Emulated;
  beforeAll(async () => {
    e.running = await startEmulator();
    e.model = (fields = {}) =>
      new ChatBedrockConverse({
        model: MODEL,
        region: "us-east-1",
        endpoint: e.running.url,
        credentials: EMULATOR_CREDENTIALS,
        maxRetries: 0,
        warn: () => {},
        ...fields,
      });
    e.bodies = (operation) =>
      e.running.emulator.requests
        .filter((r) => operation === undefined || r.operation === operation)
        .map((r) => r.body as Record<string, any>);
  });
  beforeEach(() => e.running.emulator.reset());
  afterAll(() => e.running?.close());
  return e;
}
