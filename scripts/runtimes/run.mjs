#!/usr/bin/env node
// Runs the runtime scenario suite in the named runtimes (or all), building dist/ first.
// Usage: node scripts/runtimes/run.mjs <workerd|deno|bun|edge-runtime|chromium|node|all>... [--no-build]
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const RUNTIMES = ["workerd", "deno", "bun", "edge-runtime", "chromium", "node"];
const root = fileURLToPath(new URL("../../", import.meta.url));

const args = process.argv.slice(2);
const build = !args.includes("--no-build");
const names = args.filter((a) => !a.startsWith("--"));
const selected = names.includes("all") ? RUNTIMES : names;
const unknown = selected.filter((n) => !RUNTIMES.includes(n));
if (selected.length === 0 || unknown.length > 0) {
  if (unknown.length > 0) console.error(`unknown runtime: ${unknown.join(", ")}`);
  console.error(`usage: node scripts/runtimes/run.mjs <${RUNTIMES.join("|")}|all>... [--no-build]`);
  process.exit(2);
}

const run = (command, commandArgs) =>
  spawnSync(command, commandArgs, { cwd: root, stdio: "inherit" }).status ?? 1;

// The suite loads the package as built, never src/, so it must be fresh.
if (build) {
  // Under `npm run`, npm_execpath is npm's own CLI script; run it with this Node.
  const npmCli = process.env.npm_execpath;
  const status = npmCli && existsSync(npmCli)
    ? run(process.execPath, [npmCli, "run", "build", "--silent"])
    : run("npm", ["run", "build", "--silent"]);
  if (status !== 0) process.exit(status);
}

const vitest = fileURLToPath(new URL("../../node_modules/vitest/vitest.mjs", import.meta.url));
const files = selected.map((n) => `test/runtimes/${n}.test.ts`);
process.exit(run(process.execPath, [vitest, "run", ...files]));
