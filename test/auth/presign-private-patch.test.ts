// auth/presign-request.ts wraps SignatureV4's private getSigningKey: pinned exactly, and these checks fail loudly if it moves.
// (signRequest no longer uses the class; sign-request-hash-failure.test.ts covers its failures.)
import { readFileSync } from "node:fs";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { presignRequest } from "../../src/auth/index.js";

const root = new URL("../../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { dependencies: Record<string, string> };
const installed = JSON.parse(readFileSync(new URL("node_modules/@smithy/signature-v4/package.json", root), "utf8")) as { version: string };

describe("the private getSigningKey patch", () => {
  it("pins @smithy/signature-v4 to one exact version, the one installed", () => {
    expect(pkg.dependencies["@smithy/signature-v4"]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed.version).toBe(pkg.dependencies["@smithy/signature-v4"]);
  });

  it("still finds getSigningKey on a SignatureV4 instance (else the patch silently stops applying)", () => {
    const signer = new SignatureV4({
      service: "bedrock",
      region: "us-east-1",
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
      sha256: class {
        update() {}
        async digest() {
          return new Uint8Array(32);
        }
      },
    });
    expect(typeof (signer as unknown as { getSigningKey?: unknown }).getSigningKey).toBe("function");
  });

  it("a payload hash that fails rejects presignRequest and leaves no unhandled rejection behind", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      // presign starts deriving the signing key (HMACs, failing later) and then hashes the
      // payload, which fails at once: SignatureV4 has then abandoned the key's promise.
      const failing = class {
        readonly keyed: boolean;
        constructor(secret?: unknown) {
          this.keyed = secret !== undefined;
        }
        update() {}
        reset() {}
        async digest(): Promise<Uint8Array> {
          if (this.keyed) {
            await new Promise((resolve) => setTimeout(resolve, 5));
            throw new Error("hmac failed");
          }
          throw new Error("hash failed");
        }
      };
      await expect(
        presignRequest(
          { method: "POST", url: "https://bedrock.amazonaws.com/?Action=CallWithBearerToken", body: new Uint8Array(1) },
          { credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, region: "us-east-1", sha256: failing },
        ),
      ).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
