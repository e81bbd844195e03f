// Packs bedrock-edge as npm would publish it and installs the tarball into a throwaway project, offline.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const sharedModules = realpathSync(join(repoRoot, "node_modules"));

interface PackageJson {
  exports: Record<string, unknown>;
}

/** Every subpath the package exports except `./package.json`, as the specifier a consumer writes. */
export function exportedEntries(): string[] {
  const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as PackageJson;
  return Object.keys(pkg.exports)
    .filter((subpath) => subpath !== "./package.json")
    .map((subpath) => (subpath === "." ? "bedrock-edge" : `bedrock-edge/${subpath.slice(2)}`));
}

/** `npm pack` into a fresh temp folder; returns the tarball's path. dist/ must be built. */
export function packTarball(): { dir: string; tarball: string } {
  if (!existsSync(join(repoRoot, "dist/index.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  const dir = mkdtempSync(join(tmpdir(), "bedrock-edge-pack-"));
  const out = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], {
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [packed] = JSON.parse(out) as Array<{ filename: string }>;
  if (packed === undefined) throw new Error(`npm pack reported nothing: ${out}`);
  return { dir, tarball: join(dir, packed.filename) };
}

export interface ConsumerProject {
  dir: string;
  remove(): void;
}

/**
 * A project whose node_modules holds bedrock-edge extracted from the tarball, and every other
 * package as a symlink into the shared install (so nothing is fetched). `@types` is linked only
 * when asked, so a consumer without Node's types really has none to find.
 */
export function consumerProject(tarball: string, options: { nodeTypes: boolean }): ConsumerProject {
  const dir = mkdtempSync(join(tmpdir(), "bedrock-edge-consumer-"));
  const modules = join(dir, "node_modules");
  const own = join(modules, "bedrock-edge");
  mkdirSync(own, { recursive: true });
  // npm tarballs hold one top folder, `package/`.
  execFileSync("tar", ["-xzf", tarball, "-C", own, "--strip-components=1"]);
  for (const name of readdirSync(sharedModules)) {
    if (name.startsWith(".") || name === "bedrock-edge") continue;
    if (name === "@types" && !options.nodeTypes) continue;
    symlinkSync(join(sharedModules, name), join(modules, name));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
