// Runs the suite in headless Debian Chromium, driven by playwright-core.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { chromiumBinary } from "../binaries.js";
import { buildSuite } from "../build-suite.js";
import { freshOutDir } from "../paths.js";
import type { RuntimeOutput } from "../runtime-output.js";
import { servePage } from "./page-server.js";

// Quiet, offline, sandbox-less (root in CI) Chromium that never phones home.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launch(baseUrl: string): Promise<RuntimeOutput> {
  const executablePath = chromiumBinary();
  const outDir = freshOutDir("chromium");
  const bundle = await buildSuite({ wrapper: "chromium/page.mjs", outFile: join(outDir, "page.js"), platform: "browser", library: "bundle" });
  // One script for the dedicated, shared and service worker the page starts.
  const worker = await buildSuite({ wrapper: "chromium/worker.mjs", outFile: join(outDir, "worker.js"), platform: "browser", library: "bundle" });
  const page = await servePage(bundle, worker);
  const profile = mkdtempSync(join(tmpdir(), "bedrock-edge-chromium-"));
  const problems: string[] = [];
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    });
    try {
      const tab = context.pages()[0] ?? (await context.newPage());
      tab.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      tab.on("console", (message) => {
        if (message.type() === "error") problems.push(`console: ${message.text()}`);
      });
      await tab.goto(`${page.origin}/?emulator=${encodeURIComponent(baseUrl)}`, { timeout: 30_000 });
      // A string expression, so the test runner's transforms never reach the page.
      await tab.waitForFunction("window.bedrockEdgeRuntimeOutput !== undefined", undefined, { timeout: 30_000 });
      // The page suite, then three workers in turn (each bounded by its own 15 s in workers.mjs).
      const json = (await tab.evaluate("window.bedrockEdgeRuntimeOutput")) as string;
      return JSON.parse(json) as RuntimeOutput;
    } finally {
      await context.close();
    }
  } catch (error) {
    const detail = problems.length > 0 ? `\n${problems.join("\n")}` : "";
    throw new Error(`${(error as Error).message}${detail}`, { cause: error });
  } finally {
    await page.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
