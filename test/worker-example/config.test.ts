// wrangler.toml as deployed and as `npm start` reads it, and the workerd config generated from it.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { workerdBinary } from "../../worker-example/local/run-worker.mjs";
import { bindingEnvName, workerdConfig } from "../../worker-example/local/workerd-config.mjs";
import { parseToml, readWranglerToml } from "../../worker-example/local/wrangler-toml.mjs";

const WRANGLER_TOML = new URL("../../wrangler.toml", import.meta.url);

describe("wrangler.toml", () => {
  const toml = readWranglerToml(WRANGLER_TOML);

  it("points at the example Worker", () => {
    expect(toml.main).toBe("worker-example/src/index.ts");
    expect(existsSync(new URL(`../../${toml.main}`, import.meta.url))).toBe(true);
  });

  it("asks for no compatibility flags (no nodejs_compat)", () => {
    expect(toml.compatibilityFlags).toEqual([]);
  });

  it("uses a compatibility date the pinned workerd supports, so npm start runs what deploys", () => {
    expect(toml.compatibilityDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(toml.compatibilityDate <= workerdBinary().compatibilityDate).toBe(true);
  });

  it("sets model and region defaults as vars, and no secrets", () => {
    expect(toml.vars).toEqual({
      BEDROCK_MODEL_ID: "us.amazon.nova-micro-v1:0",
      AWS_REGION: "us-east-1",
      SYSTEM_PROMPT: "You are a helpful assistant that translates English to French. Translate the user sentence.",
      BEDROCK_ENDPOINT: "",
    });
  });

  it("builds dist/ before wrangler bundles (the Worker imports bedrock-edge from it)", () => {
    expect(parseToml(readFileSync(WRANGLER_TOML, "utf8")).build).toEqual({ command: "npm run build --silent", watch_dir: "src" });
  });
});

describe("parseToml", () => {
  it.each<[string, string, Record<string, Record<string, unknown>>]>([
    ["strings, numbers, booleans", 'a = "x"\nb = 3\nc = true\nd = \'lit\\n\'', { "": { a: "x", b: 3, c: true, d: "lit\\n" } }],
    ["escapes in basic strings", 'a = "say \\"hi\\"\\n"', { "": { a: 'say "hi"\n' } }],
    ["comments, also after values and with # inside strings", '# c\na = "x # not a comment" # c\n', { "": { a: "x # not a comment" } }],
    ["sections", 'name = "w"\n[vars]\nK = "v"\n[build]\ncommand = "make"', { "": { name: "w" }, vars: { K: "v" }, build: { command: "make" } }],
    ["string arrays", 'f = ["a", "b",]\ng = []', { "": { f: ["a", "b"], g: [] } }],
    ["CRLF lines", 'a = "x"\r\nb = "y"\r\n', { "": { a: "x", b: "y" } }],
  ])("reads %s", (_name, text, expected) => {
    expect(parseToml(text)).toEqual(expected);
  });

  it.each([
    ["an inline table", "a = { b = 1 }", /line 1: unsupported value/],
    ["a dotted key", 'a.b = "x"', /line 1: cannot read/],
    ["an array of tables", '[[rules]]\ntype = "Text"', /line 1: cannot read/],
  ])("refuses %s loudly rather than misreading it", (_name, text, message) => {
    expect(() => parseToml(text)).toThrow(message);
  });
});

describe("workerdConfig", () => {
  const config = workerdConfig({
    moduleFile: "worker.mjs",
    compatibilityDate: "2026-10-23",
    bindingNames: ["AWS_REGION", "AWS_SECRET_ACCESS_KEY"],
    address: "127.0.0.1:0",
  });

  it("binds every value from the environment, so secrets never reach the config file", () => {
    expect(config).toContain(`(name = "AWS_SECRET_ACCESS_KEY", fromEnvironment = "${bindingEnvName("AWS_SECRET_ACCESS_KEY")}")`);
    expect(bindingEnvName("AWS_REGION")).toBe("BEDROCK_EDGE_WORKER_AWS_REGION");
  });

  it("sets the date, no flags, and an outbound network that reaches public hosts and loopback", () => {
    expect(config).toContain('compatibilityDate = "2026-10-23"');
    expect(config).toContain("compatibilityFlags = []");
    expect(config).toContain('network = (allow = ["public", "local"], tlsOptions = (trustBrowserCas = true))');
    expect(config).toContain('globalOutbound = "outbound"');
  });

  it("refuses binding names that are not identifiers", () => {
    expect(() => workerdConfig({ moduleFile: "w.mjs", compatibilityDate: "2026-10-23", bindingNames: ['A") ,(x'], address: "127.0.0.1:0" })).toThrow(
      /not a valid identifier/,
    );
  });
});
