// Packaging: nothing of the AI SDK in the main entry, the provider bundles for edge runtimes, the subpath export is declared.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { bundle, externalImports, root, sourceFiles } from "../bundle-helpers.js";

describe("packaging of bedrock-edge/ai-sdk", () => {
  it("the main entry's bundle holds nothing of the AI SDK", async () => {
    const meta = await bundle("src/index.ts");
    expect(Object.keys(meta.inputs).filter((path) => path.includes("@ai-sdk") || path.includes("node_modules/ai/") || path.includes("src/ai-sdk"))).toEqual([]);
    expect(externalImports(meta)).toEqual([]);
  });

  it("the provider takes only types from @ai-sdk/provider: its bundle has no AI SDK code and no Node built-in", async () => {
    const meta = await bundle("src/ai-sdk/index.ts");
    expect(externalImports(meta)).toEqual([]);
    expect(Object.keys(meta.inputs).filter((path) => path.includes("node_modules/@ai-sdk/") || path.includes("node_modules/ai/"))).toEqual([]);
    expect(Object.keys(meta.inputs).some((path) => path.includes("src/ai-sdk/language-model.ts"))).toBe(true);
  });

  it("every import of @ai-sdk/provider in src/ is `import type`", () => {
    const files = sourceFiles(join(root, "src"));
    const importers = files.filter((file) => /from\s+"@ai-sdk\//.test(readFileSync(file, "utf8"))).map((file) => relative(root, file));
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((file) => !file.startsWith("src/ai-sdk/"))).toEqual([]);
    const valueImports = files.flatMap((file) => readFileSync(file, "utf8").match(/^import\s+(?!type\b)[^;]*from\s+"@ai-sdk\/[^"]+"/gm) ?? []);
    expect(valueImports).toEqual([]);
  });

  it("package.json: the ./ai-sdk export and @ai-sdk/provider as an optional peer", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.exports["./ai-sdk"]).toEqual({ types: "./dist/ai-sdk/index.d.ts", import: "./dist/ai-sdk/index.js", default: "./dist/ai-sdk/index.js" });
    expect(pkg.peerDependencies["@ai-sdk/provider"]).toBe("^3.0.0");
    expect(pkg.peerDependenciesMeta["@ai-sdk/provider"]).toEqual({ optional: true });
    expect(pkg.dependencies["@ai-sdk/provider"]).toBeUndefined();
  });
});
