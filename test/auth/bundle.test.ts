// Pay for what you use: importing signRequest bundles neither SignatureV4, any Smithy module, nor the pure-JS SHA-256.
import { describe, expect, it } from "vitest";
import { modulesIn } from "../bundle-helpers.js";

const CLASS_ONLY = ["signature-v4/dist-es/SignatureV4.js", "signature-v4/dist-es/HeaderFormatter.js", "eventstream-codec", "transport/httpRequest.js"];
const JS_HASH = "src/auth/sha256-js.ts";
const has = (modules: string[], fragment: string) => modules.some((path) => path.includes(fragment));

describe("what signing pulls into a bundle", () => {
  it("signRequest alone: our spec steps and WebCrypto, no Smithy module and not the JS hash", async () => {
    const modules = await modulesIn(`export { signRequest } from "./src/auth/index.ts";`);
    expect(CLASS_ONLY.filter((fragment) => has(modules, fragment))).toEqual([]);
    expect(has(modules, JS_HASH)).toBe(false);
    // Our own steps replaced Smithy's functions, whose imports pulled @smithy/core's whole serde index (≈1.3 KiB gzip).
    expect(modules.filter((path) => path.includes("@smithy/"))).toEqual([]);
    expect(has(modules, "src/auth/canonical-request.ts")).toBe(true);
  });

  it("presignRequest brings the class, and HybridSha256 the JS hash, only when imported", async () => {
    expect(has(await modulesIn(`export { presignRequest } from "./src/auth/index.ts";`), "signature-v4/dist-es/SignatureV4.js")).toBe(true);
    expect(has(await modulesIn(`export { signRequest, HybridSha256 } from "./src/auth/index.ts";`), JS_HASH)).toBe(true);
  });

  it("the bare client (BedrockClient) has neither", async () => {
    const modules = await modulesIn(`import { BedrockClient } from "./src/index.ts"; export const run = (o: never) => new BedrockClient(o);`);
    expect(has(modules, "signature-v4/dist-es/SignatureV4.js")).toBe(false);
    expect(has(modules, JS_HASH)).toBe(false);
    expect(has(modules, "src/auth/sign-request.ts")).toBe(true);
    expect(modules.filter((path) => path.includes("@smithy/"))).toEqual([]);
  });

  it("BedrockRuntime carries the JS hash (its default, for the speed of short signing steps), not the class", async () => {
    const modules = await modulesIn(`import { BedrockRuntime } from "./src/index.ts"; export const run = (o: never) => new BedrockRuntime(o);`);
    expect(has(modules, "signature-v4/dist-es/SignatureV4.js")).toBe(false);
    expect(has(modules, JS_HASH)).toBe(true);
  });
});
