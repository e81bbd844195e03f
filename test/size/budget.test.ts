// Size budgets: each of our entries, bundled by `npm run bench`'s own bundle(), must fit the committed budget.
// Deterministic (esbuild, then gzip -9), not a timing. Raise a budget only with a reason in budget.json.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ourEntries } from "../../bench/lib/our-entries.mjs";
import { bundle } from "../../bench/size.mjs";
import { root } from "../bundle-helpers.js";

interface Budget {
  gzip: number;
  why?: string;
}
const budgets = JSON.parse(readFileSync(new URL("./budget.json", import.meta.url), "utf8")).budgets as Record<string, Budget>;

const entries = ourEntries(root);

describe("size budgets (test/size/budget.json)", () => {
  it("every entry has a budget and every budget an entry", () => {
    expect(Object.keys(budgets).sort()).toEqual(entries.map((e) => e.id).sort());
  });

  it.each(entries.map((e) => [e.id, e] as const))("%s fits its budget", async (id, entry) => {
    const size = (await bundle(entry.code)).gzipped;
    const budget = budgets[id];
    expect(budget, `no budget for ${id}`).toBeDefined();
    expect(size, `${entry.name}: ${size} B gzip, budget ${budget!.gzip} B`).toBeLessThanOrEqual(budget!.gzip);
  }, 60_000);
});
