// Bedrock-shaped signing: ARN paths, tokens, scope, body hash, presigning, validation, secrecy.
import { createHash } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { ChecksumConstructor } from "../../src/auth/sha256.js";
import { presignRequest, signRequest, signRequestDetailed, type SigningOptions } from "../../src/auth/index.js";
import { BedrockInputError } from "../../src/errors/index.js";
import { referenceSign } from "./reference-sigv4.js";

const ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN/+=";
const NOW = new Date("2025-03-04T05:06:07.890Z");
const AMZ_DATE = "20250304T050607Z";
const HOST = "bedrock-runtime.us-east-1.amazonaws.com";
const BODY = JSON.stringify({ messages: [{ role: "user", content: [{ text: "I love programming." }] }] });
const BODY_HASH = createHash("sha256").update(BODY).digest("hex");

const base: SigningOptions = { credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET }, region: "us-east-1", now: () => NOW };
const converseUrl = (modelId: string, host = HOST) => `https://${host}/model/${encodeURIComponent(modelId)}/converse`;
const post = (url: string, extra: Record<string, string> = {}) => ({
  method: "POST",
  url,
  headers: { "content-type": "application/json", ...extra },
  body: BODY,
});

describe("Bedrock paths", () => {
  const ARN = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0";

  it("double-encodes an ARN model id: %3A signs as %253A and %2F as %252F", async () => {
    const signed = await signRequestDetailed(post(converseUrl(ARN)), base);
    // Written out by hand from the SigV4 rules, independent of any signer.
    expect(signed.canonicalRequest).toBe(
      [
        "POST",
        "/model/arn%253Aaws%253Abedrock%253Aus-east-1%253A123456789012%253Ainference-profile%252Fus.anthropic.claude-3-5-sonnet-20241022-v2%253A0/converse",
        "",
        "content-type:application/json",
        `host:${HOST}`,
        `x-amz-content-sha256:${BODY_HASH}`,
        `x-amz-date:${AMZ_DATE}`,
        "",
        "content-type;host;x-amz-content-sha256;x-amz-date",
        BODY_HASH,
      ].join("\n"),
    );
  });

  it.each([
    ["a full ARN", ARN],
    ["a foundation model id with ':'", "anthropic.claude-3-haiku-20240307-v1:0"],
    ["a cross-region inference profile", "us.amazon.nova-pro-v1:0"],
    ["a plain id", "amazon.titan-text-express-v1"],
  ])("matches an independent SigV4 implementation for %s", async (_label, modelId) => {
    const url = converseUrl(modelId);
    const signed = await signRequestDetailed(post(url), base);
    const ref = referenceSign({
      method: "POST",
      url,
      headers: { "content-type": "application/json", host: HOST, "x-amz-content-sha256": BODY_HASH, "x-amz-date": AMZ_DATE },
      body: BODY,
      accessKeyId: ACCESS_KEY_ID,
      secretAccessKey: SECRET,
      region: "us-east-1",
      service: "bedrock",
      amzDate: AMZ_DATE,
    });
    expect(signed.canonicalRequest).toBe(ref.canonicalRequest);
    expect(signed.stringToSign).toBe(ref.stringToSign);
    expect(signed.headers.get("authorization")).toBe(ref.authorization);
  });

  it("signs query parameters sorted and RFC 3986 encoded, repeated keys by value", async () => {
    const signed = await signRequestDetailed({ method: "GET", url: `https://${HOST}/x?b=2&a=1&a=0&sp=a%20b&t=%7E~*` }, base);
    expect(signed.canonicalRequest.split("\n")[2]).toBe("a=0&a=1&b=2&sp=a%20b&t=~~%2A");
  });
});

describe("headers and scope", () => {
  it("adds x-amz-security-token and signs it when there is a session token", async () => {
    const signed = await signRequestDetailed(post(converseUrl("m")), { ...base, credentials: { ...base.credentials, sessionToken: TOKEN } });
    expect(signed.headers.get("x-amz-security-token")).toBe(TOKEN);
    expect(signed.canonicalRequest).toContain(`\nx-amz-security-token:${TOKEN}\n`);
    expect(signed.headers.get("authorization")).toContain("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token,");
  });

  it("sends no token header without a session token", async () => {
    const headers = await signRequest(post(converseUrl("m")), base);
    expect(headers.has("x-amz-security-token")).toBe(false);
  });

  it("scopes to bedrock (not bedrock-runtime) by default and to the given region/service", async () => {
    const byDefault = await signRequest(post(converseUrl("m")), base);
    expect(byDefault.get("authorization")).toContain(`Credential=${ACCESS_KEY_ID}/20250304/us-east-1/bedrock/aws4_request,`);
    const other = await signRequestDetailed(post(converseUrl("m")), { ...base, region: "eu-west-3", service: "custom" });
    expect(other.stringToSign.split("\n")[2]).toBe("20250304/eu-west-3/custom/aws4_request");
    expect(other.headers.get("authorization")).toContain(`Credential=${ACCESS_KEY_ID}/20250304/eu-west-3/custom/aws4_request,`);
  });

  it("returns the caller's headers plus SigV4's, without host, and leaves user-agent unsigned", async () => {
    const headers = await signRequest(post(converseUrl("m"), { "User-Agent": "bedrock-edge/0.1", Accept: "application/json" }), base);
    expect([...headers.keys()].sort()).toEqual(
      ["accept", "authorization", "content-type", "user-agent", "x-amz-content-sha256", "x-amz-date"].sort(),
    );
    expect(headers.get("x-amz-date")).toBe(AMZ_DATE);
    expect(headers.get("authorization")).toContain("SignedHeaders=accept;content-type;host;x-amz-content-sha256;x-amz-date,");
  });

  it("signs the host fetch will send, port included, for a local endpoint", async () => {
    const signed = await signRequestDetailed(post("http://127.0.0.1:8787/model/m/converse"), base);
    expect(signed.canonicalRequest).toContain("\nhost:127.0.0.1:8787\n");
    expect(signed.headers.has("host")).toBe(false);
  });

  it("ignores a caller-supplied host header in favour of the URL's", async () => {
    const signed = await signRequestDetailed(post(converseUrl("m"), { Host: "evil.example" }), base);
    expect(signed.canonicalRequest).toContain(`\nhost:${HOST}\n`);
  });

  it("accepts a Headers object and normalises methods as fetch does", async () => {
    const signed = await signRequestDetailed({ method: "post", url: new URL(converseUrl("m")), headers: new Headers({ "Content-Type": "application/json" }), body: BODY }, base);
    expect(signed.canonicalRequest.startsWith("POST\n")).toBe(true);
    const patch = await signRequestDetailed({ method: "patch", url: converseUrl("m") }, base);
    expect(patch.canonicalRequest.startsWith("patch\n")).toBe(true);
  });
});

describe("payload hash", () => {
  it("hashes string and Uint8Array bodies alike, in the header and the last line", async () => {
    const fromString = await signRequestDetailed(post(converseUrl("m")), base);
    const fromBytes = await signRequestDetailed({ ...post(converseUrl("m")), body: new TextEncoder().encode(BODY) }, base);
    expect(fromString.headers.get("x-amz-content-sha256")).toBe(BODY_HASH);
    expect(fromString.canonicalRequest.endsWith(`\n${BODY_HASH}`)).toBe(true);
    expect(fromBytes.signature).toBe(fromString.signature);
  });

  it("uses the empty-body hash without a body", async () => {
    const signed = await signRequestDetailed({ method: "GET", url: `https://${HOST}/` }, base);
    expect(signed.canonicalRequest.endsWith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")).toBe(true);
  });

  it("with applyChecksum false, keeps the hash as the last line but sends no header", async () => {
    const signed = await signRequestDetailed(post(converseUrl("m")), { ...base, applyChecksum: false });
    expect(signed.headers.has("x-amz-content-sha256")).toBe(false);
    expect(signed.canonicalRequest.endsWith(`\n${BODY_HASH}`)).toBe(true);
  });

  it("hashes a multi-megabyte body correctly (WebCrypto path)", async () => {
    const big = new Uint8Array(5 * 1024 * 1024).map((_, i) => i % 251);
    const signed = await signRequestDetailed({ method: "POST", url: converseUrl("m"), body: big }, base);
    expect(signed.headers.get("x-amz-content-sha256")).toBe(createHash("sha256").update(big).digest("hex"));
  });
});

describe("independence between calls", () => {
  it("records each call's own steps when many sign at once", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `model-${i}`);
    const results = await Promise.all(ids.map((id) => signRequestDetailed(post(converseUrl(id)), base)));
    results.forEach((r, i) => expect(r.canonicalRequest).toContain(`/model/model-${i}/converse`));
  });

  it("does not mix signing keys of credentials that share a key id (Smithy caches keys)", async () => {
    const a = await signRequest(post(converseUrl("m")), base);
    const b = await signRequest(post(converseUrl("m")), { ...base, credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: `${SECRET}2` } });
    expect(a.get("authorization")).not.toBe(b.get("authorization"));
  });
});

describe("presignRequest", () => {
  it("puts the signature in the query and matches an independent query-mode signature", async () => {
    const url = "https://bedrock.amazonaws.com/?Action=CallWithBearerToken";
    const presigned = await presignRequest({ method: "GET", url }, { ...base, credentials: { ...base.credentials, sessionToken: TOKEN }, expiresIn: 43_200 });
    const params = presigned.url.searchParams;
    expect(params.get("Action")).toBe("CallWithBearerToken");
    expect(params.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
    expect(params.get("X-Amz-Credential")).toBe(`${ACCESS_KEY_ID}/20250304/us-east-1/bedrock/aws4_request`);
    expect(params.get("X-Amz-Date")).toBe(AMZ_DATE);
    expect(params.get("X-Amz-Expires")).toBe("43200");
    expect(params.get("X-Amz-Security-Token")).toBe(TOKEN);
    expect(params.get("X-Amz-SignedHeaders")).toBe("host");
    expect(params.get("X-Amz-Signature")).toBe(presigned.signature);

    // Query mode: everything but the signature is in the query; empty payload hash.
    const unsigned = new URL(presigned.url.href);
    unsigned.searchParams.delete("X-Amz-Signature");
    const ref = referenceSign({
      method: "GET",
      url: unsigned.href,
      headers: { host: "bedrock.amazonaws.com" },
      body: "",
      accessKeyId: ACCESS_KEY_ID,
      secretAccessKey: SECRET,
      region: "us-east-1",
      service: "bedrock",
      amzDate: AMZ_DATE,
    });
    expect(presigned.canonicalRequest).toBe(ref.canonicalRequest);
    expect(presigned.signature).toBe(ref.signature);
    expect([...presigned.headers.keys()]).toEqual([]);
  });
});

describe("validation", () => {
  it.each([
    ["region missing", { region: "" }, "region must be"],
    ["region with a slash", { region: "us-east-1/x" }, "region must be"],
    ["service with a space", { service: "bed rock" }, "service must be"],
    ["credentials without secret", { credentials: { accessKeyId: ACCESS_KEY_ID } }, "credentials.secretAccessKey must be a non-empty string"],
    ["invalid clock", { now: () => new Date(Number.NaN) }, "now() must return a valid Date"],
  ])("%s → BedrockInputError", async (_label, override, message) => {
    const attempt = signRequest(post(converseUrl("m")), { ...base, ...override } as SigningOptions);
    await expect(attempt).rejects.toBeInstanceOf(BedrockInputError);
    await expect(signRequest(post(converseUrl("m")), { ...base, ...override } as SigningOptions)).rejects.toThrow(message);
  });

  it.each([
    ["relative URL", "/model/m/converse", "absolute URL"],
    ["non-http URL", "ftp://example.com/x", "http: or https:"],
  ])("%s → BedrockInputError", async (_label, url, message) => {
    await expect(signRequest({ method: "GET", url }, base)).rejects.toThrow(message);
  });

  it.each([0, -5, 1.5, 604_801])("presign rejects expiresIn %s", async (expiresIn) => {
    await expect(presignRequest({ method: "GET", url: `https://${HOST}/` }, { ...base, expiresIn })).rejects.toThrow("expiresIn must be");
  });
});

describe("secrets never leave in errors", () => {
  const withToken: SigningOptions = { ...base, credentials: { ...base.credentials, sessionToken: TOKEN } };
  const decoder = new TextDecoder();
  /** A hash whose HMACs fail quoting their key, which is the secret or `AWS4` + secret; plain hashes work. */
  const leakyHash = (mode: "throw" | "reject-object" | "throw-always") =>
    class {
      readonly key: string | undefined;
      readonly data: Uint8Array[] = [];
      constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
        this.key = typeof secret === "string" || secret === undefined ? secret : decoder.decode(secret as ArrayBuffer);
      }
      update(chunk: Uint8Array): void {
        this.data.push(chunk);
      }
      digest(): Promise<Uint8Array> {
        if (mode === "throw-always") throw new Error(`hash failed, key ${this.key ?? "none"}`);
        if (this.key === undefined) return Promise.resolve(new Uint8Array(createHash("sha256").update(Buffer.concat(this.data)).digest()));
        if (mode === "throw") throw new Error(`cannot use key ${this.key}`);
        return Promise.reject({ key: this.key, token: TOKEN });
      }
      reset(): void {}
    } as unknown as ChecksumConstructor;

  const failures: Array<[string, () => Promise<unknown>]> = [
    ["a hash that throws quoting the signing key", () => signRequest(post(converseUrl("m")), { ...withToken, sha256: leakyHash("throw") })],
    ["a hash that rejects with an object holding key and token", () => signRequest(post(converseUrl("m")), { ...withToken, sha256: leakyHash("reject-object") })],
    // Every hash fails here; presign's SignatureV4 has then started deriving the key too, which
    // must not leave an unhandled rejection behind (vitest reports those as errors).
    ["a hash that fails for every input (no body)", () => signRequest({ method: "GET", url: `https://${HOST}/` }, { ...withToken, sha256: leakyHash("throw-always") })],
    ["presign with a hash that fails for every input", () => presignRequest({ method: "POST", url: `https://${HOST}/`, body: "x" }, { ...withToken, sha256: leakyHash("throw-always") })],
    ["a header value with the secret and a NUL", () => signRequest(post(converseUrl("m"), { "x-debug": `${SECRET}\u0000` }), withToken)],
    ["the secret pasted into accessKeyId", () => signRequest(post(converseUrl("m")), { ...base, credentials: { accessKeyId: SECRET, secretAccessKey: "" } })],
    ["a clock that throws quoting the token", () => signRequest(post(converseUrl("m")), { ...withToken, now: () => { throw new Error(`clock ${TOKEN}`); } })],
    ["presign with a hash that throws", () => presignRequest({ method: "GET", url: `https://${HOST}/` }, { ...withToken, sha256: leakyHash("throw") })],
  ];

  it("redacts rather than drops a message that quoted the secret", async () => {
    const error = await signRequest(post(converseUrl("m")), { ...withToken, sha256: leakyHash("throw") }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("SigV4 signing failed: cannot use key ***");
  });

  it.each(failures)("%s", async (_label, run) => {
    const error = await run().then(
      () => expect.unreachable("should have failed"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BedrockInputError);
    const views = [String(error), (error as Error).stack ?? "", JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })];
    for (const view of views) {
      expect(view).not.toContain(SECRET);
      expect(view).not.toContain(TOKEN);
    }
  });
});
