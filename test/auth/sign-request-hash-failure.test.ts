// signRequest's steps run one after another, so a failing hash rejects the call and leaves nothing running.
import { afterEach, describe, expect, it, vi } from "vitest";
import { HybridSha256, signRequest } from "../../src/auth/index.js";
import { BedrockInputError } from "../../src/errors/index.js";

const URL_ = "https://bedrock-runtime.us-east-1.amazonaws.com/model/m/converse";
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

/**
 * A hash whose `failAt`-th plain digest fails (1: the payload, 2: the canonical request) and whose
 * HMACs (the signing key, then the signature) fail 5 ms later; it counts what was started.
 */
function failingHash(failAt: number | "hmac") {
  const counts = { plain: 0, keyed: 0 };
  const ctor = class {
    readonly keyed: boolean;
    constructor(secret?: unknown) {
      this.keyed = secret !== undefined;
      if (this.keyed) counts.keyed++;
    }
    update() {}
    reset() {}
    async digest(): Promise<Uint8Array> {
      if (this.keyed) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error("hmac failed");
      }
      if (++counts.plain === failAt) throw new Error("hash failed");
      return new Uint8Array(32);
    }
  };
  return { ctor, counts };
}

async function unhandledDuring(run: () => Promise<void>): Promise<unknown[]> {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    await run();
    // Past the failing HMACs' 5 ms, and a macrotask for Node to report unhandled rejections.
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
  return unhandled;
}

describe("a hash failure in signRequest", () => {
  it.each([
    ["the payload hash", 1],
    ["the canonical request's hash", 2],
  ] as const)("in %s rejects the call before the signing key is derived, leaving no unhandled rejection", async (_label, failAt) => {
    const { ctor, counts } = failingHash(failAt);
    const unhandled = await unhandledDuring(async () => {
      const error = await signRequest({ method: "POST", url: URL_, body: "{}" }, { credentials: CREDENTIALS, region: "us-east-1", sha256: ctor }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BedrockInputError);
      expect((error as Error).message).toBe("SigV4 signing failed: hash failed");
    });
    expect(counts).toEqual({ plain: failAt, keyed: 0 });
    expect(unhandled).toEqual([]);
  });

  it("in an HMAC rejects the call once, leaving no unhandled rejection", async () => {
    const { ctor, counts } = failingHash("hmac");
    const unhandled = await unhandledDuring(async () => {
      await expect(signRequest({ method: "POST", url: URL_, body: "{}" }, { credentials: CREDENTIALS, region: "us-east-1", sha256: ctor })).rejects.toThrow(
        "SigV4 signing failed: hmac failed",
      );
    });
    // Smithy's key derivation stops at its first HMAC (the cache key's), and nothing else started.
    expect(counts).toEqual({ plain: 2, keyed: 1 });
    expect(unhandled).toEqual([]);
  });
});

describe("without WebCrypto", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("the default hash rejects naming HybridSha256, which then signs", async () => {
    vi.stubGlobal("crypto", {});
    const request = { method: "POST", url: URL_, body: "{}" };
    const options = { credentials: CREDENTIALS, region: "us-east-1", now: () => new Date("2025-03-04T05:06:07Z") };
    await expect(signRequest(request, options)).rejects.toThrow(/SigV4 signing failed: SHA-256 needs WebCrypto .* pass sha256: HybridSha256/);
    const headers = await signRequest(request, { ...options, sha256: HybridSha256 });
    vi.unstubAllGlobals();
    // The same signature the default produces where WebCrypto exists.
    expect(headers.get("authorization")).toBe((await signRequest(request, options)).get("authorization"));
  });
});
