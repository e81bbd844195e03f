// docs/runtimes.md shows the Next.js route handler (examples/nextjs/app/api/chat/route.ts) verbatim, and says how to switch runtimes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROUTE_FILE } from "./route-fixtures.js";

const docs = readFileSync(new URL("../../docs/runtimes.md", import.meta.url), "utf8");
const route = readFileSync(ROUTE_FILE, "utf8");

/** ```ts blocks whose first line names the route file. */
const blocks = [...docs.matchAll(/^```ts\n(\/\/ examples\/nextjs\/app\/api\/chat\/route\.ts\b[\s\S]*?)^```$/gm)].map((m) => m[1]);

describe("docs/runtimes.md and the Next.js route", () => {
  it("shows the route file exactly once, as it is", () => {
    expect(blocks).toHaveLength(1);
    // On failure: copy examples/nextjs/app/api/chat/route.ts into the docs block (or the block into the file).
    expect(blocks[0]).toBe(route);
  });

  it("the block sits in the Vercel section, and the file keeps Next.js's default runtime as a literal", () => {
    const section = docs.slice(docs.indexOf("## Vercel (Next.js route handlers, Node or Edge)"));
    expect(section.slice(0, section.indexOf("\n## ", 4))).toContain(route);
    expect(route).toMatch(/^export const runtime = "nodejs";/m);
  });
});
