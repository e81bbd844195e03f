// Finds the runtime executables that npm installed, with or without their install scripts.
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { repoRoot } from "./paths.js";

const require = createRequire(join(repoRoot, "package.json"));

/** Thrown when a runtime is not installed: the suite fails on it rather than skipping. */
export class MissingRuntimeError extends Error {
  override name = "MissingRuntimeError";
}

const packageDir = (name: string): string | undefined => {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
};

// npm without install scripts leaves a small stub (a shell or JS launcher) where the
// postinstall would have copied the native binary, so check the file's magic bytes.
const isNativeExecutable = (path: string): boolean => {
  if (!existsSync(path) || !statSync(path).isFile()) return false;
  const head = Buffer.alloc(4);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  const elf = head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
  const machO = [0xfeedfacf, 0xcffaedfe].includes(head.readUInt32BE(0));
  return elf || machO || head.subarray(0, 2).toString("latin1") === "MZ";
};

function firstNative(runtime: string, candidates: Array<[pkg: string, file: string]>): string {
  for (const [pkg, file] of candidates) {
    const dir = packageDir(pkg);
    if (dir !== undefined && isNativeExecutable(join(dir, file))) return join(dir, file);
  }
  const tried = candidates.map(([pkg, file]) => `${pkg}/${file}`).join(", ");
  throw new MissingRuntimeError(`${runtime} is not installed (looked for ${tried}); run \`npm ci\``);
}

const arch = process.arch;
const exe = process.platform === "win32" ? ".exe" : "";

/** Deno ships per-platform packages such as @deno/linux-x64-glibc; its postinstall copies the binary to deno/deno. */
export function denoBinary(): string {
  const platform = process.platform === "win32" ? "win32" : process.platform;
  const suffix = process.platform === "linux" ? "-glibc" : "";
  return firstNative("deno", [
    [`@deno/${platform}-${arch}${suffix}`, `deno${exe}`],
    ["deno", `deno${exe}`],
  ]);
}

/** Bun ships @oven/bun-<os>-<arch>; its postinstall moves that binary to bun/bin/bun.exe. */
export function bunBinary(): string {
  const bunArch = arch === "arm64" ? "aarch64" : "x64";
  const os = process.platform === "win32" ? "windows" : process.platform;
  return firstNative("bun", [
    [`@oven/bun-${os}-${bunArch}`, `bin/bun${exe}`],
    [`@oven/bun-${os}-${bunArch}-musl`, `bin/bun${exe}`],
    ["bun", "bin/bun.exe"],
  ]);
}

/** The workerd package resolves its own platform binary and knows the newest compatibility date it supports. */
export function workerd(): { binary: string; compatibilityDate: string; version: string } {
  let mod: { default: string; compatibilityDate: string; version: string };
  try {
    mod = require("workerd") as typeof mod;
  } catch (error) {
    throw new MissingRuntimeError(`workerd is not installed: ${(error as Error).message}`);
  }
  if (!isNativeExecutable(mod.default)) {
    throw new MissingRuntimeError(`workerd binary missing at ${mod.default}; run \`npm ci\``);
  }
  return { binary: mod.default, compatibilityDate: mod.compatibilityDate, version: mod.version };
}

/** Debian's chromium (scripts/install-chromium.sh); CHROMIUM_PATH overrides. */
export function chromiumBinary(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new MissingRuntimeError(`chromium not found at ${path}; run scripts/install-chromium.sh`);
  }
  return path;
}
