// createShortTermApiKey: the token generators' format, and a signature an independent signer reproduces.
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { escapeUri } from "@smithy/core/protocols";
import { describe, expect, it } from "vitest";
import { createShortTermApiKey, MAX_SHORT_TERM_API_KEY_SECONDS } from "../../src/auth/index.js";
import { BedrockInputError } from "../../src/errors/index.js";
import { referenceSign } from "./reference-sigv4.js";

const LONG_TERM = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const SESSION = {
  accessKeyId: "ASIAIOSFODNN7EXAMPLE",
  secretAccessKey: "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
  sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE+token/with=chars",
};
const NOW = new Date("2025-07-15T05:00:00Z");
const now = () => NOW;

function decode(token: string): string {
  expect(token.startsWith("bedrock-api-key-")).toBe(true);
  return atob(token.slice("bedrock-api-key-".length));
}

describe("token format", () => {
  it("is bedrock-api-key- + base64 of the presigned URL without https://, then &Version=1", async () => {
    const token = await createShortTermApiKey(LONG_TERM, { region: "us-west-2", expiresIn: 3600, now });
    const url = decode(token);
    expect(url).toBe(
      "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256" +
        "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20250715%2Fus-west-2%2Fbedrock%2Faws4_request" +
        `&X-Amz-Date=20250715T050000Z&X-Amz-Expires=3600&X-Amz-Signature=${/X-Amz-Signature=([0-9a-f]{64})/.exec(url)![1]}` +
        "&X-Amz-SignedHeaders=host&Version=1",
    );
    expect(token).toMatch(/^bedrock-api-key-[A-Za-z0-9+/]+=*$/);
  });

  it("defaults to 12 hours, Bedrock's limit", async () => {
    const url = decode(await createShortTermApiKey(LONG_TERM, { region: "us-east-1", now }));
    expect(new URL(`https://${url}`).searchParams.get("X-Amz-Expires")).toBe(String(MAX_SHORT_TERM_API_KEY_SECONDS));
    expect(MAX_SHORT_TERM_API_KEY_SECONDS).toBe(43200);
  });

  it("carries the session token of temporary credentials, and never the secret", async () => {
    const token = await createShortTermApiKey(SESSION, { region: "eu-west-1", expiresIn: 900, now });
    const url = decode(token);
    expect(new URL(`https://${url}`).searchParams.get("X-Amz-Security-Token")).toBe(SESSION.sessionToken);
    expect(url).not.toContain(SESSION.secretAccessKey);
    expect(url).not.toContain(encodeURIComponent(SESSION.secretAccessKey));
  });

  it("accepts a credentials provider, called once per key", async () => {
    let calls = 0;
    const provider = async () => (calls++, LONG_TERM);
    const a = await createShortTermApiKey(provider, { region: "us-east-1", expiresIn: 60, now });
    const b = await createShortTermApiKey(LONG_TERM, { region: "us-east-1", expiresIn: 60, now });
    expect(calls).toBe(1);
    expect(a).toBe(b);
  });
});

describe("signature", () => {
  for (const [label, credentials] of [["long-term", LONG_TERM], ["session", SESSION]] as const) {
    it(`verifies with an independent SigV4 implementation (${label})`, async () => {
      const token = await createShortTermApiKey(credentials, { region: "us-west-2", expiresIn: 7200, now });
      const url = new URL(`https://${decode(token)}`);
      const signature = url.searchParams.get("X-Amz-Signature");
      url.searchParams.delete("X-Amz-Signature");
      url.searchParams.delete("Version");
      const reference = referenceSign({
        method: "POST",
        url: url.href,
        headers: { host: "bedrock.amazonaws.com" },
        body: "",
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        region: "us-west-2",
        service: "bedrock",
        amzDate: "20250715T050000Z",
      });
      expect(signature).toBe(reference.signature);
    });

    it(`matches the JS token generator's recipe byte for byte (${label})`, async () => {
      // aws-bedrock-token-generator-js: SignatureV4.presign of POST / ?Action=CallWithBearerToken with
      // only `host`, formatted with sorted, RFC 3986-escaped query keys.
      const signer = new SignatureV4({ credentials, region: "us-west-2", service: "bedrock", sha256: Sha256 });
      const presigned = await signer.presign(
        {
          method: "POST",
          protocol: "https:",
          hostname: "bedrock.amazonaws.com",
          path: "/",
          query: { Action: "CallWithBearerToken" },
          headers: { host: "bedrock.amazonaws.com" },
        },
        { signingDate: NOW, expiresIn: 43200 },
      );
      const signedQuery = presigned.query ?? {};
      const query = Object.keys(signedQuery)
        .sort()
        .map((k) => `${escapeUri(k)}=${escapeUri(String(signedQuery[k]))}`)
        .join("&");
      const expected = `bedrock-api-key-${btoa(`bedrock.amazonaws.com/?${query}&Version=1`)}`;
      expect(await createShortTermApiKey(credentials, { region: "us-west-2", now })).toBe(expected);
    });
  }
});

describe("input validation", () => {
  const cases: Array<[string, () => Promise<string>, RegExp]> = [
    ["expiresIn 0", () => createShortTermApiKey(LONG_TERM, { region: "us-east-1", expiresIn: 0 }), /expiresIn/],
    ["expiresIn over 12 hours", () => createShortTermApiKey(LONG_TERM, { region: "us-east-1", expiresIn: 43201 }), /expiresIn .*43200/],
    ["fractional expiresIn", () => createShortTermApiKey(LONG_TERM, { region: "us-east-1", expiresIn: 1.5 }), /expiresIn/],
    ["no region", () => createShortTermApiKey(LONG_TERM, {} as never), /region/],
    ["bad region", () => createShortTermApiKey(LONG_TERM, { region: "us east" }), /region/],
    ["missing secret", () => createShortTermApiKey({ accessKeyId: "AKIDEXAMPLE" } as never, { region: "us-east-1" }), /secretAccessKey/],
  ];
  for (const [label, run, message] of cases) {
    it(`refuses ${label} with BedrockInputError`, async () => {
      const error = await run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BedrockInputError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain(LONG_TERM.secretAccessKey);
    });
  }
});
