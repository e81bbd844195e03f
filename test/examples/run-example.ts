// Runs one docs/chat.md example's main() against a fresh emulator on loopback, capturing what it prints.
import { vi } from "vitest";
import type { RecordedRequest } from "../../src/testing/index.js";
import { startEmulator } from "../../src/testing/node.js";

export interface ExampleRun<T> {
  /** What main() returned. */
  result: T;
  /** console.log calls, one argument list each. */
  printed: unknown[][];
  /** Requests the emulator received, oldest first. */
  requests: RecordedRequest[];
}

type Dict = Record<string, any>;

/**
 * Imports examples/<name>.ts and runs its main(). The path is computed so the root typecheck does
 * not follow it: examples import `bedrock-edge`, which resolves to dist/ (built by `npm test`
 * before vitest runs); examples/tsconfig.json type-checks them against src/ instead.
 * Each run gets its own emulator, so prompt-cache state never leaks between examples.
 */
export async function runExample<T = Dict>(name: string): Promise<ExampleRun<T>> {
  const running = await startEmulator();
  const previous = process.env.BEDROCK_EMULATOR_URL;
  process.env.BEDROCK_EMULATOR_URL = running.url;
  const printed: unknown[][] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args));
  try {
    const module = (await import(`../../examples/${name}.ts`)) as { main(): Promise<T> };
    const result = await module.main();
    return { result, printed, requests: [...running.emulator.requests] };
  } finally {
    log.mockRestore();
    if (previous === undefined) delete process.env.BEDROCK_EMULATOR_URL;
    else process.env.BEDROCK_EMULATOR_URL = previous;
    await running.close();
  }
}

/** The parsed JSON bodies of the recorded requests. */
export const bodiesOf = (requests: readonly RecordedRequest[]): Dict[] => requests.map((r) => r.body as Dict);
