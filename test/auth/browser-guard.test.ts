// Long-term keys in a browser page are refused unless dangerouslyAllowBrowser; the probe is the real one, fed stubbed globals.
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

/** Makes Node look like a browser page to isBrowserLike: window + document, and no process.versions.node. */
function pretendBrowser() {
  // Node loads its fetch classes lazily and reads process.versions.node when it does: load them first.
  void new Request("https://example.invalid/", { method: "POST", body: "", headers: new Headers() });
  void new Response(null);
  vi.stubGlobal("window", {});
  vi.stubGlobal("document", {});
  const node = Object.getOwnPropertyDescriptor(process.versions, "node")!;
  delete (process.versions as Record<string, string | undefined>).node;
  return () => Object.defineProperty(process.versions, "node", node);
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
