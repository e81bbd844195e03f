// Turns one runtime's run into vitest tests: one per scenario, named after the runtime.
import { describe, expect, it } from "vitest";
import type { RuntimeOutput } from "./runtime-output.js";
import { runInRuntime, type RuntimeName } from "./runtimes.js";

/**
 * Runs the suite while the file is collected (top-level await), so each scenario becomes a
 * test of its own. A runtime that is missing or crashes fails the file; it never skips.
 */
export async function defineRuntimeSuite(runtime: RuntimeName): Promise<void> {
  let output: RuntimeOutput | undefined;
  let failure: unknown;
  try {
    output = await runInRuntime(runtime);
  } catch (error) {
    failure = error;
  }

  describe(runtime, () => {
    if (output === undefined) {
      it("runs the scenario suite", () => {
        throw failure;
      });
      return;
    }
    const { engine, results } = output;
    it(`runs scenarios in ${engine}`, () => {
      expect(results.length, "scenarios reported").toBeGreaterThan(0);
    });
    for (const result of results) {
      it(result.name, () => {
        if (!result.ok) throw new Error(`[${runtime}] ${result.name}: ${result.error ?? "failed"}`);
      });
    }
  });
}
