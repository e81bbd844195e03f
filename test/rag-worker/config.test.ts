// The RAG example's wrangler.toml and local workerd config: the [[vectorize]] binding, flags passed to both Workers,
// no secret written to disk, and the Worker type-checking with no Node types (Web and Worker APIs only).
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { exampleDir, ragWorkerdConfig, vectorizeBinding } from "../../examples/rag-worker/local/run.mjs";
import { readWranglerToml } from "../../worker-example/local/wrangler-toml.mjs";

const wranglerToml = join(exampleDir, "wrangler.toml");

describe("examples/rag-worker/wrangler.toml", () => {
  it("binds the Vectorize index as VECTORIZE, sets the date's default flags, and its vars match the Worker's defaults", () => {
    expect(vectorizeBinding(wranglerToml)).toBe("VECTORIZE");
    const toml = readWranglerToml(wranglerToml);
    expect(toml).toMatchObject({ main: "src/index.ts", compatibilityDate: "2026-10-23", compatibilityFlags: [] });
    expect(toml.vars).toEqual({
      AWS_REGION: "us-east-1",
      CHAT_MODEL_ID: "us.amazon.nova-micro-v1:0",
      EMBEDDING_MODEL_ID: "amazon.titan-embed-text-v2:0",
      EMBEDDING_DIMENSIONS: "1024",
      RERANK_MODEL_ID: "cohere.rerank-v3-5:0",
      BEDROCK_ENDPOINT: "",
    });
  });
});

describe("ragWorkerdConfig", () => {
  const config = ragWorkerdConfig({
    compatibilityDate: "2026-10-23",
    compatibilityFlags: ["no_nodejs_compat", "no_nodejs_compat_v2"],
    bindingNames: ["AWS_REGION", "AWS_SECRET_ACCESS_KEY"],
    vectorize: "VECTORIZE",
    dimensions: "1024",
    address: "127.0.0.1:0",
  });

  it("gives both Workers the flags, binds the stand-in as a service, and reads secrets from the environment only", () => {
    expect(config.match(/compatibilityFlags = \["no_nodejs_compat", "no_nodejs_compat_v2"\]/g)).toHaveLength(2);
    expect(config).toContain('(name = "VECTORIZE", service = "vectorize")');
    expect(config).toContain('(name = "AWS_SECRET_ACCESS_KEY", fromEnvironment = "BEDROCK_EDGE_WORKER_AWS_SECRET_ACCESS_KEY")');
    expect(config).toContain('bindings = [(name = "DIMENSIONS", text = "1024")]');
  });

  it("refuses names and dimensions that would break the config", () => {
    const base = { compatibilityDate: "2026-10-23", compatibilityFlags: [], bindingNames: [], vectorize: "VECTORIZE", dimensions: "1024", address: "127.0.0.1:0" };
    expect(() => ragWorkerdConfig({ ...base, vectorize: 'X", service = "main' })).toThrow(/not an identifier/);
    expect(() => ragWorkerdConfig({ ...base, dimensions: '1"' })).toThrow(/EMBEDDING_DIMENSIONS/);
  });
});

describe("examples/rag-worker/tsconfig.json", () => {
  it("type-checks the Worker without Node types, against the built package", async () => {
    const root = join(exampleDir, "../..");
    const run = promisify(execFile)(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(exampleDir, "tsconfig.json")], { cwd: root });
    await expect(run.then(() => "ok").catch((e: { stdout?: string }) => e.stdout ?? String(e))).resolves.toBe("ok");
  }, 60_000);
});
