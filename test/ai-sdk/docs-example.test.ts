// The Worker example of docs/ai-sdk.md runs as written (global fetch routed to the emulator).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it, vi } from "vitest";
import { createBedrockEmulator, EMULATOR_API_KEY } from "../../src/testing/index.js";

const doc = readFileSync(fileURLToPath(new URL("../../docs/ai-sdk.md", import.meta.url)), "utf8");

afterEach(() => vi.unstubAllGlobals());

it("docs/ai-sdk.md: the Worker answers a UI message stream", async () => {
  const example = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).find((code) => code.includes("export default"));
  expect(example).toContain('from "bedrock-edge/ai-sdk"');
  const dir = fileURLToPath(new URL("./.out/docs/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}worker.ts`;
  writeFileSync(file, example!);
  const emulator = createBedrockEmulator();
  vi.stubGlobal("fetch", emulator.asFetch);
  const worker = (await import(/* @vite-ignore */ file)).default as { fetch(r: Request, env: object): Promise<Response> };
  const response = await worker.fetch(new Request("https://app.test/", { method: "POST", body: JSON.stringify({ prompt: "I love programming." }) }), {
    BEDROCK_API_KEY: EMULATOR_API_KEY,
  });
  const body = await response.text();
  expect(response.headers.get("content-type")).toBe("text/event-stream");
  const text = body
    .split("\n")
    .filter((l) => l.startsWith("data: {"))
    .map((l) => JSON.parse(l.slice(6)) as { type: string; delta?: string })
    .filter((c) => c.type === "text-delta")
    .map((c) => c.delta)
    .join("");
  expect(text).toBe("J'adore la programmation.");
  expect(emulator.requests.map((r) => [r.modelId, r.auth.kind, r.path])).toEqual([["us.amazon.nova-micro-v1:0", "bearer", "/model/us.amazon.nova-micro-v1%3A0/converse-stream"]]);
});
