// Long-term keys in a browser page or worker are refused unless dangerouslyAllowBrowser; the probe is the real one, fed stubbed globals.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { assertCredentialsAllowed, guardCredentials, isLongTermAccessKey } from "../../src/auth/index.js";
import { BedrockRuntime } from "../../src/index.js";
import { BedrockInputError } from "../../src/errors/index.js";
import { isBrowserLike } from "../../src/runtime.js";
import { createBedrockEmulator, EMULATOR_API_KEY, EMULATOR_SESSION_CREDENTIALS } from "../../src/testing/index.js";

const LONG_TERM = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const TEMPORARY = { ...LONG_TERM, accessKeyId: "ASIAIOSFODNN7EXAMPLE", sessionToken: "session-token" };
const MODEL = "us.amazon.nova-micro-v1:0";
const seed = { role: "user" as const, content: [{ text: "I love programming." }] };

/** Hides process.versions.node from isBrowserLike; returns the undo. */
function hideNode() {
  // Node loads its fetch classes lazily and reads process.versions.node when it does: load them first.
  void new Request("https://example.invalid/", { method: "POST", body: "", headers: new Headers() });
  void new Response(null);
  const node = Object.getOwnPropertyDescriptor(process.versions, "node")!;
  delete (process.versions as Record<string, string | undefined>).node;
  return () => Object.defineProperty(process.versions, "node", node);
}

/** Makes Node look like a browser page to isBrowserLike: window + document, and no process.versions.node. */
function pretendBrowser() {
  vi.stubGlobal("window", {});
  vi.stubGlobal("document", {});
  return hideNode();
}

/** A stand-in for a worker scope interface that globalThis is an instance of, as in a real worker. */
function scopeOfGlobal(): unknown {
  return class {
    static [Symbol.hasInstance](value: unknown) {
      return value === globalThis;
    }
  };
}

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

/** Makes Node look like a browser worker of the given scope (no window, no document). */
function pretendWorker(scopes: string[], extra: Record<string, unknown> = {}) {
  for (const scope of scopes) vi.stubGlobal(scope, scopeOfGlobal());
  vi.stubGlobal("navigator", { userAgent: CHROME });
  for (const [name, value] of Object.entries(extra)) vi.stubGlobal(name, value);
  return hideNode();
}

describe("isLongTermAccessKey", () => {
  const cases: Array<[string, { accessKeyId: string; sessionToken?: string }, boolean]> = [
    ["AKIA without session token", { accessKeyId: "AKIAIOSFODNN7EXAMPLE" }, true],
    ["AKIA with a session token", { accessKeyId: "AKIAIOSFODNN7EXAMPLE", sessionToken: "t" }, false],
    ["ASIA (STS) with a session token", { accessKeyId: "ASIAIOSFODNN7EXAMPLE", sessionToken: "t" }, false],
    ["the emulator's AKID example key", { accessKeyId: "AKIDEXAMPLE" }, false],
    ["empty session token counts as none", { accessKeyId: "AKIAIOSFODNN7EXAMPLE", sessionToken: "" }, true],
  ];
  for (const [label, credentials, expected] of cases) {
    it(`${label} → ${expected}`, () => expect(isLongTermAccessKey(credentials)).toBe(expected));
  }
});

describe("in a browser page", () => {
  let restore: () => void;
  beforeEach(() => {
    restore = pretendBrowser();
  });
  afterEach(() => {
    restore();
    vi.unstubAllGlobals();
  });

  it("the runtime probe sees a browser", () => {
    expect(isBrowserLike()).toBe(true);
  });

  it("refuses static long-term keys when the client is built, naming the way out and not the key", () => {
    let error: unknown;
    try {
      new BedrockRuntime({ region: "us-east-1", credentials: LONG_TERM });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BedrockInputError);
    const message = (error as Error).message;
    expect(message).toMatch(/dangerouslyAllowBrowser: true/);
    expect(message).toMatch(/fromCognitoIdentityPool/);
    expect(message).not.toContain(LONG_TERM.accessKeyId);
    expect(message).not.toContain(LONG_TERM.secretAccessKey);
  });

  it("refuses a provider's long-term keys at first use, before any request", async () => {
    const fetch = vi.fn();
    const client = new BedrockRuntime({ region: "us-east-1", credentials: async () => LONG_TERM, fetch, maxRetries: 0 });
    await expect(client.converse({ modelId: MODEL, messages: [seed] })).rejects.toBeInstanceOf(BedrockInputError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("lets temporary credentials, API keys and dangerouslyAllowBrowser through", async () => {
    const emulator = createBedrockEmulator({ credentials: [{ ...LONG_TERM }, EMULATOR_SESSION_CREDENTIALS] });
    const common = { region: "us-east-1", fetch: emulator.asFetch, endpoint: "https://bedrock.test" };
    const clients = [
      new BedrockRuntime({ ...common, credentials: EMULATOR_SESSION_CREDENTIALS }),
      new BedrockRuntime({ ...common, credentials: async () => EMULATOR_SESSION_CREDENTIALS }),
      new BedrockRuntime({ ...common, apiKey: EMULATOR_API_KEY }),
      new BedrockRuntime({ ...common, credentials: LONG_TERM, dangerouslyAllowBrowser: true }),
      new BedrockRuntime({ ...common, credentials: async () => LONG_TERM, dangerouslyAllowBrowser: true }),
    ];
    for (const client of clients) {
      const out = await client.converse({ modelId: MODEL, messages: [seed] });
      expect(out.output?.message?.content?.[0]).toEqual({ text: "J'adore la programmation." });
    }
  });

  it("checks dangerouslyAllowBrowser's type", () => {
    expect(() => new BedrockRuntime({ region: "us-east-1", credentials: LONG_TERM, dangerouslyAllowBrowser: "yes" as never })).toThrow(
      /dangerouslyAllowBrowser must be a boolean/,
    );
  });
});

describe("outside a browser", () => {
  it("the probe sees Node, and long-term keys are fine", () => {
    expect(isBrowserLike()).toBe(false);
    expect(() => new BedrockRuntime({ region: "us-east-1", credentials: LONG_TERM })).not.toThrow();
  });

  it("Deno (which has window) is not a browser page", () => {
    const restore = pretendBrowser();
    vi.stubGlobal("Deno", {});
    try {
      expect(isBrowserLike()).toBe(false);
      expect(() => assertCredentialsAllowed(LONG_TERM)).not.toThrow();
    } finally {
      restore();
      vi.unstubAllGlobals();
    }
  });
});

describe("guardCredentials with an injected probe", () => {
  const browser = { isBrowser: () => true };
  it("checks every provider result, so a refresh that turns long-term is refused too", async () => {
    const results = [TEMPORARY, LONG_TERM];
    const guarded = guardCredentials(async () => results.shift()!, browser);
    await expect(guarded()).resolves.toBe(TEMPORARY);
    await expect(guarded()).rejects.toBeInstanceOf(BedrockInputError);
  });

  it("returns static credentials and providers untouched when allowed", () => {
    const provider = async () => LONG_TERM;
    expect(guardCredentials(provider, { ...browser, dangerouslyAllowBrowser: true })).toBe(provider);
    expect(guardCredentials(TEMPORARY, browser)).toBe(TEMPORARY);
  });
});

describe("in a browser worker", () => {
  // What each kind of worker's global is an instance of (WorkerGlobalScope is the base of all three).
  const workers: Array<[string, string[]]> = [
    ["a dedicated worker", ["DedicatedWorkerGlobalScope", "WorkerGlobalScope"]],
    ["a shared worker", ["SharedWorkerGlobalScope", "WorkerGlobalScope"]],
    ["a service worker", ["ServiceWorkerGlobalScope", "WorkerGlobalScope"]],
    ["a worker known only by its base scope", ["WorkerGlobalScope"]],
  ];
  afterEach(() => vi.unstubAllGlobals());

  it.each(workers)("%s is a browser: long-term keys refused, temporary ones and the opt-in accepted", (_kind, scopes) => {
    const restore = pretendWorker(scopes);
    try {
      expect(isBrowserLike()).toBe(true);
      expect(() => new BedrockRuntime({ region: "us-east-1", credentials: LONG_TERM })).toThrow(BedrockInputError);
      expect(() => new BedrockRuntime({ region: "us-east-1", credentials: LONG_TERM })).toThrow(/dangerouslyAllowBrowser: true/);
      expect(() => new BedrockRuntime({ region: "us-east-1", credentials: TEMPORARY })).not.toThrow();
      expect(() => new BedrockRuntime({ region: "us-east-1", credentials: LONG_TERM, dangerouslyAllowBrowser: true })).not.toThrow();
    } finally {
      restore();
    }
  });

  // Servers that borrow a worker scope: Deno's workers, workerd's ServiceWorkerGlobalScope, …
  const servers: Array<[string, string[], Record<string, unknown>]> = [
    ["a Deno worker", ["DedicatedWorkerGlobalScope", "WorkerGlobalScope"], { Deno: {}, navigator: { userAgent: "Deno/2.9.5" } }],
    ["Deno, by its user agent alone", ["DedicatedWorkerGlobalScope"], { navigator: { userAgent: "Deno/2.9.5" } }],
    ["Cloudflare workerd", ["ServiceWorkerGlobalScope", "WorkerGlobalScope"], { navigator: { userAgent: "Cloudflare-Workers" } }],
    ["workerd without global_navigator", ["ServiceWorkerGlobalScope"], { navigator: undefined, WebSocketPair: class {} }],
    ["a Bun worker", ["WorkerGlobalScope"], { Bun: {}, navigator: { userAgent: "Bun/1.4.5" } }],
    ["Vercel's edge-runtime", ["WorkerGlobalScope"], { EdgeRuntime: "edge-runtime" }],
    ["Fastly Compute", ["WorkerGlobalScope"], { fastly: {} }],
  ];
  it.each(servers)("%s is not a browser: long-term keys are fine", (_kind, scopes, extra) => {
    const restore = pretendWorker(scopes, extra);
    try {
      expect(isBrowserLike()).toBe(false);
      expect(() => new BedrockRuntime({ region: "us-east-1", credentials: LONG_TERM })).not.toThrow();
    } finally {
      restore();
    }
  });

  it("a scope class the global is not an instance of, or a prototype-less stand-in, is no worker", () => {
    const restore = hideNode();
    try {
      vi.stubGlobal("WorkerGlobalScope", class {});
      vi.stubGlobal("DedicatedWorkerGlobalScope", () => undefined);
      expect(isBrowserLike()).toBe(false);
    } finally {
      restore();
    }
  });
});
