// Bundles one of our entries as a Worker would (esbuild, browser, workerd/worker/browser conditions) and reads what went in.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";

export const root = fileURLToPath(new URL("../", import.meta.url));

/** The metafile of `entry` (relative to the repository) bundled for an edge runtime. */
export async function bundle(entry: string, options: { external?: string[] } = {}): Promise<Metafile> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    ...options,
  });
  return result.metafile;
}

/** The modules that put code into the bundle of `code` (ES module source importing from the repository), as a Worker build would. */
export async function modulesIn(code: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

/** Imports the bundle left outside it (node built-ins, externals). */
export const externalImports = (meta: Metafile) => Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));

/** Every `.ts` file under `dir`. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}
