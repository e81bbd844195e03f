// Size budgets: each of our entries, bundled as `npm run bench` bundles it, must fit the committed budget.
// Deterministic (esbuild, then gzip -9), not a timing. Raise a budget only with a reason in budget.json.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { ourEntries } from "../../bench/lib/our-entries.mjs";
import { root } from "../bundle-helpers.js";

interface Budget {
  gzip: number;
  why?: string;
}
const budgets = JSON.parse(readFileSync(new URL("./budget.json", import.meta.url), "utf8")).budgets as Record<string, Budget>;

/** The bench's method: browser, ESM, minified, gzip -9. */
async function gzippedSize(code: string): Promise<number> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).byteLength;
}

const entries = ourEntries(root);

describe("size budgets (test/size/budget.json)", () => {
  it("every entry has a budget and every budget an entry", () => {
    expect(Object.keys(budgets).sort()).toEqual(entries.map((e) => e.id).sort());
  });

  it.each(entries.map((e) => [e.id, e] as const))("%s fits its budget", async (id, entry) => {
    const size = await gzippedSize(entry.code);
    const budget = budgets[id];
    expect(budget, `no budget for ${id}`).toBeDefined();
    expect(size, `${entry.name}: ${size} B gzip, budget ${budget!.gzip} B`).toBeLessThanOrEqual(budget!.gzip);
  }, 60_000);
});
