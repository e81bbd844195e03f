// The chat recipes' snippets (docs/chat.md) are the files in examples/, verbatim, and those files type-check.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const examplesDir = new URL("examples/", root);
const readme = readFileSync(new URL("docs/chat.md", root), "utf8");

/** ```ts blocks whose first line is `// examples/<file>.ts…`, by file name, in page order. */
function readmeSnippets(): Array<{ file: string; code: string }> {
  const blocks = readme.matchAll(/^```ts\n(\/\/ examples\/([\w-]+\.ts)\b[\s\S]*?)^```$/gm);
  return [...blocks].map((m) => ({ file: m[2]!, code: m[1]! }));
}

const exampleFiles = readdirSync(examplesDir).filter((f) => f.endsWith(".ts")).sort();
const snippets = readmeSnippets();

describe("docs/chat.md snippets", () => {
  it("show every example file exactly once, and nothing else under examples/", () => {
    expect(snippets.map((s) => s.file).sort()).toEqual(exampleFiles);
  });

  it.each(exampleFiles)("examples/%s is what docs/chat.md shows", (file) => {
    const code = readFileSync(new URL(file, examplesDir), "utf8");
    const shown = snippets.find((s) => s.file === file)?.code;
    // On failure: copy the file into the docs/chat.md block (or the block into the file); they must stay equal.
    expect(shown, `docs/chat.md block for examples/${file}`).toBe(code);
  });

  it("type-check against src/ (examples/tsconfig.json maps bedrock-edge to the sources)", async () => {
    const tsc = fileURLToPath(new URL("node_modules/typescript/bin/tsc", root));
    const project = fileURLToPath(new URL("tsconfig.json", examplesDir));
    const run = promisify(execFile)(process.execPath, [tsc, "-p", project, "--noEmit"], { cwd: fileURLToPath(root) });
    await expect(run.then(() => "ok").catch((e: { stdout?: string }) => e.stdout ?? String(e))).resolves.toBe("ok");
  }, 120_000);
});
