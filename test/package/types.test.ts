// The packed package's declarations type-check with skipLibCheck off in browser, Workers and Node projects.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumerProject, exportedEntries, packTarball } from "./packed-package.js";
import { runTsc, typeConsumers } from "./type-consumers.js";

let packDir: string | undefined;
let tarball: string;

beforeAll(() => {
  ({ dir: packDir, tarball } = packTarball());
}, 60_000);
afterAll(() => {
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

describe("published types (tsc, skipLibCheck: false, the packed tarball)", () => {
  it("every entry is checked by at least one consumer, and each non-Node entry without Node's types", () => {
    const all = exportedEntries();
    const withoutNode = new Set(typeConsumers.filter((c) => !c.nodeTypesInstalled).flatMap((c) => c.entries(all)));
    const checked = new Set(typeConsumers.flatMap((c) => c.entries(all)));
    expect([...checked].sort()).toEqual([...all].sort());
    expect(all.filter((e) => !withoutNode.has(e))).toEqual(["bedrock-edge/testing/node"]);
  });

  for (const consumer of typeConsumers) {
    it(consumer.name, () => {
      const project = consumerProject(tarball, { nodeTypes: consumer.nodeTypesInstalled });
      try {
        const run = runTsc(project.dir, consumer, consumer.entries(exportedEntries()));
        expect(run.output, "tsc errors").toBe("");
        expect(run.status).toBe(0);
        // The program really read our declarations (and, without Node, none of Node's).
        expect(run.files.filter((f) => f.includes("/node_modules/bedrock-edge/dist/")).length).toBeGreaterThan(0);
        for (const types of consumer.types) {
          const folder = types === "node" ? "/@types/node/" : `/${types}/`;
          expect(run.files.some((f) => f.includes(folder)), `${types} loaded`).toBe(true);
        }
        const nodeTypeFiles = run.files.filter((f) => f.includes("/@types/node/"));
        if (consumer.nodeTypesInstalled) expect(nodeTypeFiles.length).toBeGreaterThan(0);
        else expect(nodeTypeFiles).toEqual([]);
      } finally {
        project.remove();
      }
    }, 120_000);
  }
});
