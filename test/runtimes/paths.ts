// Where the repository, the built package and the per-runtime build output live.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const runtimesDir = fileURLToPath(new URL("./", import.meta.url));
export const distEntry = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

/**
 * A clean output folder for one runtime. It sits inside the repository (and is
 * git-ignored) so Node and Bun resolve `bedrock-edge` by package self-reference.
 */
export function freshOutDir(runtime: string): string {
  const dir = fileURLToPath(new URL(`./.out/${runtime}/`, import.meta.url));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The scenarios run against the package as built, so `dist/` must exist. */
export function assertBuilt(): void {
  if (!existsSync(distEntry)) {
    throw new Error(`${distEntry} is missing: run \`npm run build\` before the runtime suite`);
  }
}
