// wrangler.toml as deployed and as `npm start` reads it, and the workerd config generated from it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  it("asks for no compatibility flags (the date's defaults, nodejs_compat on from 2026-08-04)", () => {
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
      ALLOWED_ORIGINS: "",
      AI_GATEWAY_ACCOUNT_ID: "",
      AI_GATEWAY_ID: "",
    });
  });

  it("binds a Workers rate limiter for /chat (10 requests a minute per client)", () => {
    expect(toml.rateLimits).toEqual([{ name: "CHAT_RATE_LIMITER", namespaceId: "1001", limit: 10, period: 60 }]);
  });

  it("builds dist/ before wrangler bundles (the Worker imports bedrock-edge from it)", () => {
    expect(parseToml(readFileSync(WRANGLER_TOML, "utf8")).build).toEqual({ command: "npm run build --silent", watch_dir: "src" });
  });
});

describe("parseToml", () => {
  it.each<[string, string, ReturnType<typeof parseToml>]>([
    ["strings, numbers, booleans", 'a = "x"\nb = 3\nc = true\nd = \'lit\\n\'', { "": { a: "x", b: 3, c: true, d: "lit\\n" } }],
    ["escapes in basic strings", 'a = "say \\"hi\\"\\n"', { "": { a: 'say "hi"\n' } }],
    ["comments, also after values and with # inside strings", '# c\na = "x # not a comment" # c\n', { "": { a: "x # not a comment" } }],
    ["sections", 'name = "w"\n[vars]\nK = "v"\n[build]\ncommand = "make"', { "": { name: "w" }, vars: { K: "v" }, build: { command: "make" } }],
    ["string arrays", 'f = ["a", "b",]\ng = []', { "": { f: ["a", "b"], g: [] } }],
    ["CRLF lines", 'a = "x"\r\nb = "y"\r\n', { "": { a: "x", b: "y" } }],
    ["flat inline tables", 'a = { b = 1, c = "x, y" }\nd = {}', { "": { a: { b: 1, c: "x, y" }, d: {} } }],
    [
      "arrays of tables",
      '[[ratelimits]]\nname = "A"\n[[ratelimits]]\nname = "B"\n[vars]\nK = "v"',
      { "": {}, ratelimits: [{ name: "A" }, { name: "B" }], vars: { K: "v" } },
    ],
  ])("reads %s", (_name, text, expected) => {
    expect(parseToml(text)).toEqual(expected);
  });

  // Inline tables and [[arrays]] are read now ([[ratelimits]] needs them); what stays refused is below.
  it.each([
    ["a nested inline table", "a = { b = { c = 1 } }", /line 1: nested inline tables/],
    ["a dotted key", 'a.b = "x"', /line 1: cannot read/],
    ["a dotted table header (a sub-table this reader would misplace)", '[[ratelimits]]\n[ratelimits.simple]\nlimit = 1', /line 2: cannot read/],
    ["a table and an array of tables of one name", '[x]\n[[x]]', /line 2: \[\[x\]\] after \[x\]/],
  ])("refuses %s loudly rather than misreading it", (_name, text, message) => {
    expect(() => parseToml(text)).toThrow(message);
  });
});

describe("readWranglerToml [[ratelimits]]", () => {
  const BASE = 'main = "w.ts"\ncompatibility_date = "2026-10-23"\n[[ratelimits]]\n';
  const read = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), "wrangler-toml-"));
    try {
      writeFileSync(join(dir, "wrangler.toml"), BASE + text);
      return readWranglerToml(join(dir, "wrangler.toml"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it("reads name, namespace and the simple limit", () => {
    expect(read('name = "RL"\nnamespace_id = 7\nsimple = { limit = 3, period = 10 }').rateLimits).toEqual([
      { name: "RL", namespaceId: "7", limit: 3, period: 10 },
    ]);
  });

  it.each([
    ["a period Cloudflare refuses", 'name = "RL"\nnamespace_id = "1"\nsimple = { limit = 3, period = 30 }', /period must be 10 or 60/],
    ["no limit", 'name = "RL"\nnamespace_id = "1"\nsimple = { period = 60 }', /limit must be a positive integer/],
    ["a namespace that is not an integer", 'name = "RL"\nnamespace_id = "one"\nsimple = { limit = 3, period = 60 }', /namespace_id must be an integer/],
    ["a name that is not an identifier", 'name = "rate-limit"\nnamespace_id = "1"\nsimple = { limit = 3, period = 60 }', /name must be an identifier/],
  ])("refuses %s", (_name, text, message) => {
    expect(() => read(text)).toThrow(message);
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

  it("stands in for each rate limit binding with a service Worker carrying its limit and period", () => {
    const withLimits = workerdConfig({
      moduleFile: "worker.mjs",
      compatibilityDate: "2026-10-23",
      bindingNames: [],
      address: "127.0.0.1:0",
      rateLimits: [{ name: "CHAT_RATE_LIMITER", limit: 10, period: 60 }],
      rateLimitModule: "ratelimit.mjs",
    });
    expect(withLimits).toContain('(name = "CHAT_RATE_LIMITER", service = "ratelimit-CHAT_RATE_LIMITER")');
    expect(withLimits).toContain('(name = "ratelimit-CHAT_RATE_LIMITER", worker = (');
    expect(withLimits).toContain('bindings = [(name = "LIMIT", text = "10"), (name = "PERIOD", text = "60")]');
    expect(() => workerdConfig({ moduleFile: "w.mjs", compatibilityDate: "2026-10-23", bindingNames: [], address: "x", rateLimits: [{ name: "A", limit: 1, period: 10 }] })).toThrow(
      /rateLimitModule/,
    );
  });

  it("refuses binding names that are not identifiers", () => {
    expect(() => workerdConfig({ moduleFile: "w.mjs", compatibilityDate: "2026-10-23", bindingNames: ['A") ,(x'], address: "127.0.0.1:0" })).toThrow(
      /not a valid identifier/,
    );
  });
});
