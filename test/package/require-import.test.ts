// Every entry of the packed package loads with require() and with import() in a child Node process.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumerProject, exportedEntries, packTarball, type ConsumerProject } from "./packed-package.js";

type Loaded = Record<string, { keys: string[] } | { error: string }>;

// One child per loader: each prints {entry: keys | error} for every entry, so one broken
// entry (top-level await, a missing "default" condition) shows by name.
const REQUIRE_ALL = `
const out = {};
for (const entry of JSON.parse(process.argv[2])) {
  try { out[entry] = { keys: Object.keys(require(entry)).sort() }; }
  catch (e) { out[entry] = { error: (e.code ? e.code + ": " : "") + e.message.split("\\n")[0] }; }
}
process.stdout.write(JSON.stringify(out));
`;
const IMPORT_ALL = `
const out = {};
for (const entry of JSON.parse(process.argv[2])) {
  try { out[entry] = { keys: Object.keys(await import(entry)).sort() }; }
  catch (e) { out[entry] = { error: (e.code ? e.code + ": " : "") + e.message.split("\\n")[0] }; }
}
process.stdout.write(JSON.stringify(out));
`;

const entries = exportedEntries();
let packDir: string;
let project: ConsumerProject;
let required: Loaded;
let imported: Loaded;

function run(file: string): Loaded {
  const stdout = execFileSync(process.execPath, [file, JSON.stringify(entries)], {
    cwd: project.dir,
    encoding: "utf8",
    // require(esm) prints an ExperimentalWarning on Node 20; it is not what we test.
    env: { ...process.env, NODE_NO_WARNINGS: "1", NODE_OPTIONS: "" },
  });
  return JSON.parse(stdout) as Loaded;
}

beforeAll(() => {
  const packed = packTarball();
  packDir = packed.dir;
  project = consumerProject(packed.tarball, { nodeTypes: false });
  writeFileSync(join(project.dir, "require-all.cjs"), REQUIRE_ALL);
  writeFileSync(join(project.dir, "import-all.mjs"), IMPORT_ALL);
  required = run("require-all.cjs");
  imported = run("import-all.mjs");
}, 120_000);

afterAll(() => {
  project?.remove();
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

describe("the packed tarball, installed in a temp project", () => {
  it("exports the entries this test expects", () => {
    expect(entries).toEqual([
      "bedrock-edge",
      "bedrock-edge/auth",
      "bedrock-edge/event-stream",
      "bedrock-edge/wire",
      "bedrock-edge/errors",
      "bedrock-edge/testing",
      "bedrock-edge/testing/node",
      "bedrock-edge/langchain",
      "bedrock-edge/ai-sdk",
    ]);
  });

  for (const entry of entries) {
    it(`${entry}: import() loads it`, () => {
      expect(imported[entry]).toHaveProperty("keys");
      expect((imported[entry] as { keys: string[] }).keys.length).toBeGreaterThan(0);
    });
    it(`${entry}: require() loads it, with the same exports as import()`, () => {
      expect(required[entry]).toEqual(imported[entry]);
    });
  }
});
