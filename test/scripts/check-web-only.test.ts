// The web-only check must catch Node APIs slipping into src/ (and accept what is allowed).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const script = join(dirname(fileURLToPath(import.meta.url)), "../../scripts/check-web-only.mjs");
let tree: string | undefined;

function check(files: Record<string, string>) {
  tree = mkdtempSync(join(tmpdir(), "web-only-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
  return spawnSync(process.execPath, [script, tree], { encoding: "utf8" });
}

afterEach(() => {
  if (tree) rmSync(tree, { recursive: true, force: true });
  tree = undefined;
});

describe("scripts/check-web-only.mjs", () => {
  it.each([
    ["a node: import", 'import { readFile } from "node:fs/promises";\n', /node: import/],
    ["a dynamic node: import", 'const fs = await import("node:fs");\n', /node: import/],
    ["a bare builtin import", 'import { createHash } from "crypto";\n', /bare Node builtin/],
    ["Buffer", 'export const b = Buffer.from("x");\n', /Buffer/],
    ["process.env outside runtime.ts", "export const r = process.env.AWS_REGION;\n", /unguarded process/],
  ])("fails on %s", (_name, code, reason) => {
    const run = check({ "src/bad.ts": code });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).toContain("src/bad.ts:1");
  });

  it("passes Web-API code, comments that mention Node, the guarded runtime seam and the Node launcher", () => {
    const run = check({
      "src/ok.ts": '// Unlike Buffer.from, this uses TextEncoder; see node:buffer docs.\nexport const u = new TextEncoder().encode("x");\n',
      "src/runtime.ts": "export const env = (n: string) => (globalThis as any).process?.env?.[n];\nexport const v = process.env.X;\n",
      "src/testing/node.ts": 'import { createServer } from "node:http";\n',
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
