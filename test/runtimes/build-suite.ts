// Bundles one runtime's wrapper with the scenario suite and the built package (dist/).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { assertBuilt, repoRoot, runtimesDir } from "./paths.js";

export interface SuiteBuild {
  /** The runtime's wrapper under test/runtimes/<runtime>/. */
  wrapper: string;
  outFile: string;
  platform: "browser" | "node" | "neutral";
  format?: "esm" | "iife";
  /** Extra export conditions, as the runtime's own bundler sets them (e.g. wrangler's "workerd"). */
  conditions?: string[];
  /**
   * "bundle": `bedrock-edge` is inlined from dist/ (what a Worker, edge function or page ships).
   * "runtime": left as an import for the runtime's own resolver to load dist/ (Node, Deno).
   */
  library: "bundle" | "runtime";
  /** Leave every npm package as an import (for Node-side hosts such as edge-runtime's). */
  externalPackages?: boolean;
}

type ExportsMap = Record<string, string | { import?: string; default?: string }>;

// Maps `bedrock-edge` and its subpaths to dist/ through the package's own "exports".
const builtPackage: Plugin = {
  name: "bedrock-edge-dist",
  setup(pluginBuild) {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { exports: ExportsMap };
    pluginBuild.onResolve({ filter: /^bedrock-edge(\/.*)?$/ }, (args) => {
      const subpath = `.${args.path.slice("bedrock-edge".length)}`;
      const target = pkg.exports[subpath];
      const file = typeof target === "string" ? target : (target?.import ?? target?.default);
      if (file === undefined) return { errors: [{ text: `bedrock-edge does not export "${subpath}"` }] };
      return { path: join(repoRoot, file) };
    });
  },
};

/** Writes the bundle and returns its path. Fails on anything a runtime could not load. */
export async function buildSuite(options: SuiteBuild): Promise<string> {
  assertBuilt();
  const bundleLibrary = options.library === "bundle";
  await build({
    entryPoints: [join(runtimesDir, options.wrapper)],
    outfile: options.outFile,
    bundle: true,
    format: options.format ?? "esm",
    platform: options.platform,
    target: "es2022",
    conditions: options.conditions ?? [],
    mainFields: options.platform === "node" ? ["module", "main"] : ["browser", "module", "main"],
    external: bundleLibrary ? [] : ["bedrock-edge", "bedrock-edge/*"],
    plugins: bundleLibrary ? [builtPackage] : [],
    packages: options.externalPackages ? "external" : "bundle",
    logLevel: "silent",
    legalComments: "none",
  });
  return options.outFile;
}
