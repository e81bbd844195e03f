// Pay for what you use: what the bare client's ConverseStream path leaves out of a bundle, and what each opt-in brings.
import { describe, expect, it } from "vitest";
import { modulesIn, root } from "../bundle-helpers.js";

const CORE = `import { BedrockClient, converseStream } from "${root}src/index.ts";
export async function run(options, request) {
  for await (const event of await converseStream(new BedrockClient(options), request)) console.log(event);
}`;

const has = (modules: string[], fragment: string) => modules.some((path) => path.includes(fragment));

// Each opt-in feature and a module only it brings.
const OPT_INS: Array<[string, string, string]> = [
  ["request validation", `import { validateRequest } from "${root}src/wire/index.ts"; export const v = validateRequest;`, "src/wire/validate/validate-request.ts"],
  ["AI Gateway", `import { aiGateway } from "${root}src/index.ts"; export const g = aiGateway;`, "src/client/gateway.ts"],
  ["the JavaScript SHA-256", `import { HybridSha256 } from "${root}src/auth/index.ts"; export const h = HybridSha256;`, "src/auth/sha256-js.ts"],
  ["InvokeModel", `import { invokeModel } from "${root}src/index.ts"; export const i = invokeModel;`, "src/client/operations/invoke-model.ts"],
  ["Converse (whole reply)", `import { converse } from "${root}src/index.ts"; export const c = converse;`, "src/client/operations/converse.ts"],
  ["the signing fetch", `import { createSigningFetch } from "${root}src/index.ts"; export const f = createSigningFetch;`, "src/client/signing-fetch.ts"],
];

describe("BedrockClient + converseStream", () => {
  it.each(OPT_INS)("leaves out %s, which its own import brings", async (_name, optIn, module) => {
    const core = await modulesIn(CORE);
    expect(has(core, "src/client/operations/converse-stream.ts")).toBe(true);
    expect(has(core, module), `${module} is on the bare ConverseStream path`).toBe(false);
    expect(has(await modulesIn(`${CORE}\n${optIn}`), module)).toBe(true);
  }, 60_000);

  it("carries no chat, AI SDK, LangChain or emulator code", async () => {
    const core = await modulesIn(CORE);
    for (const folder of ["src/chat/", "src/ai-sdk/", "src/langchain/", "src/testing/"]) expect(has(core, folder), folder).toBe(false);
  });
});
