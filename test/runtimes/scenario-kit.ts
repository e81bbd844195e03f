// Types and a tiny runner for the runtime-neutral scenario suite (no Node, no vitest inside).
import type * as BedrockEdge from "../../src/index.js";

/**
 * What every runtime hands the suite. `lib` is the built package (`dist/`), loaded the
 * way that runtime loads it; the type comes from the sources only for the checker.
 */
export interface ScenarioContext {
  /** The emulator's origin on loopback, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  lib: typeof BedrockEdge;
}

export interface ScenarioResult {
  name: string;
  ok: boolean;
  error?: string;
}

export interface Scenario {
  name: string;
  run(ctx: ScenarioContext): Promise<void>;
}

/** Runs scenarios one after another and turns each outcome into plain JSON. */
export async function runAll(scenarios: readonly Scenario[], ctx: ScenarioContext): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    try {
      await scenario.run(ctx);
      results.push({ name: scenario.name, ok: true });
    } catch (error) {
      results.push({ name: scenario.name, ok: false, error: describeError(error) });
    }
  }
  return results;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.name}: ${error.cause.message})` : "";
  return `${error.name}: ${error.message}${cause}`;
}

/** Assertion that works in every runtime (no node:assert in workerd or browsers). */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function checkEqual<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
