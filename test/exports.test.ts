// Pins every package entry's public surface: a change to what an entry exports shows up as a diff of test/exports/*.txt.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = new URL("../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as {
  exports: Record<string, string | { types: string; import: string }>;
};
const entries = Object.entries(pkg.exports).filter((e): e is [string, { types: string; import: string }] => typeof e[1] === "object");

/** Every name an entry's declaration file exports (types and values). */
function declaredNames(typesPath: string): string[] {
  const file = fileURLToPath(new URL(typesPath, root));
  const program = ts.createProgram([file], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  return checker.getExportsOfModule(moduleSymbol).map((symbol) => symbol.name);
}

describe.each(entries)("entry %s", (name, target) => {
  it("exports what test/exports pins (a change to the public surface is a visible diff)", async () => {
    const runtime = Object.keys(await import(new URL(target.import, root).href)).sort();
    const declared = new Set(declaredNames(target.types));
    // Every value the JavaScript exports is declared; names only declared are types.
    expect(runtime.filter((n) => !declared.has(n))).toEqual([]);
    const values = new Set(runtime);
    const lines = [...declared].sort().map((n) => `${values.has(n) ? "value" : "type "} ${n}`);
    const file = name === "." ? "root" : name.slice(2).replaceAll("/", "-");
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot(`exports/${file}.txt`);
  });
});

// Raised from 60 to 69: the bare client's standalone operations; InvokeModel, InvokeModelWithResponseStream and
// ApplyGuardrail (a function and a command each; their stream's class is a type only); createSigningFetch;
// ChatBedrock (its adapters and resolveProvider are not on the root); BedrockEmbeddings and rerank.
// 70: toErrorResponse, the safe JSON error answer for routes that do not stream.
// 76 (+6): StartAsyncInvoke, GetAsyncInvoke and ListAsyncInvokes, a function and a command each.
it("the root entry stays small: at most 76 runtime values", async () => {
  expect(Object.keys(await import(new URL("dist/index.js", root).href)).length).toBeLessThanOrEqual(76);
});
