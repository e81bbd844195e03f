// The runtimes the suite runs in, by name, and one call that runs it in any of them.
import { launch as bun } from "./bun/launch.js";
import { launch as chromium } from "./chromium/launch.js";
import { launch as deno } from "./deno/launch.js";
import { launch as edgeRuntime } from "./edge-runtime/launch.js";
import { startEmulatorServer } from "./emulator-server.js";
import { launch as node } from "./node/launch.js";
import type { RuntimeOutput } from "./runtime-output.js";
import { launch as workerd } from "./workerd/launch.js";

const launchers = {
  workerd,
  deno,
  bun,
  "edge-runtime": edgeRuntime,
  chromium,
  node,
} satisfies Record<string, (baseUrl: string) => Promise<RuntimeOutput>>;

export type RuntimeName = keyof typeof launchers;
export const runtimeNames = Object.keys(launchers) as RuntimeName[];

/** Starts an emulator, runs the whole suite inside `runtime` against it, and stops it. */
export async function runInRuntime(runtime: RuntimeName): Promise<RuntimeOutput> {
  const emulator = await startEmulatorServer();
  try {
    return await launchers[runtime](emulator.url);
  } finally {
    await emulator.close();
  }
}
