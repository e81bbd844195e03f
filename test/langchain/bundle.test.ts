// Packaging: @langchain/core stays out of the main entry, the adapter bundles for edge runtimes, the subpath export is declared.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { bundle, externalImports, root, sourceFiles } from "../bundle-helpers.js";

describe("packaging", () => {
  it("the main entry's bundle holds nothing of LangChain", async () => {
    const meta = await bundle("src/index.ts");
    expect(Object.keys(meta.inputs).filter((path) => path.includes("@langchain") || path.includes("src/langchain"))).toEqual([]);
    expect(externalImports(meta)).toEqual([]);
  });

  it("only src/langchain/ imports @langchain/core", () => {
    const importers = sourceFiles(join(root, "src"))
      .filter((file) => /from\s+"@langchain\//.test(readFileSync(file, "utf8")))
      .map((file) => relative(root, file));
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((file) => !file.startsWith("src/langchain/"))).toEqual([]);
  });

  it("bedrock-edge/langchain bundles for workerd and browsers with no Node built-in", async () => {
    const meta = await bundle("src/langchain/index.ts");
    expect(externalImports(meta)).toEqual([]);
    expect(Object.keys(meta.inputs).some((path) => path.includes("node_modules/@langchain/core/"))).toBe(true);
  });

  it("with @langchain/core left to the app, the adapter imports only @langchain/core", async () => {
    const meta = await bundle("src/langchain/index.ts", { external: ["@langchain/core", "@langchain/core/*"] });
    expect(new Set(externalImports(meta).map((path) => path.split("/").slice(0, 2).join("/")))).toEqual(new Set(["@langchain/core"]));
  });

  it("package.json: the ./langchain export and @langchain/core as an optional peer", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.exports["./langchain"]).toEqual({ types: "./dist/langchain/index.d.ts", import: "./dist/langchain/index.js", default: "./dist/langchain/index.js" });
    expect(pkg.peerDependencies["@langchain/core"]).toMatch(/^\^1\./);
    expect(pkg.peerDependenciesMeta["@langchain/core"]).toEqual({ optional: true });
    expect(pkg.dependencies["@langchain/core"]).toBeUndefined();
  });
});
