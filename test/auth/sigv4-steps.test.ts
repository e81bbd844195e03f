// SigV4's steps one at a time: each fed the AWS suite's expected input and compared with its expected output.
import { describe, expect, it } from "vitest";
import { canonicalUri } from "../../src/auth/canonical-request.js";
import { createSignature } from "../../src/auth/signature.js";
import { Sha256 } from "../../src/auth/sha256.js";
import { amzDate, createStringToSign, credentialScope } from "../../src/auth/string-to-sign.js";
import { SUITE, loadAwsCAuthCases, loadBotocoreCases } from "./sigv4-suite.js";

describe("canonicalUri", () => {
  it.each([
    ["/", "/"],
    ["", ""],
    ["/model/m/converse", "/model/m/converse"],
    // Already-encoded segments are encoded once more (every service but S3).
    ["/model/arn%3Aaws%3Abedrock%2Fx/converse", "/model/arn%253Aaws%253Abedrock%252Fx/converse"],
    ["/a b/~-._!*'()", "/a%20b/~-._%21%2A%27%28%29"],
    // Normalised: empty and '.' segments dropped, '..' removes the one before, a trailing slash kept.
    ["//a//b//", "/a/b/"],
    ["/a/./b/../c", "/a/c"],
    ["/../..", "/"],
    ["/./", "/"],
  ])("%j → %j", (path, expected) => {
    expect(canonicalUri(path)).toBe(expected);
  });
});

describe("amzDate and credentialScope", () => {
  it("writes ISO 8601 basic format in UTC, without milliseconds", () => {
    expect(amzDate(new Date("2025-03-04T05:06:07.890Z"))).toBe("20250304T050607Z");
    expect(amzDate(SUITE.date)).toBe("20150830T123600Z");
  });

  it("scopes to the request's UTC date", () => {
    expect(credentialScope("20150830T123600Z", "us-east-1", "service")).toBe("20150830/us-east-1/service/aws4_request");
  });
});

// Steps 2 to 4 do not depend on how a request reaches the signer, so every case applies,
// including those whose canonical request a fetch request cannot reproduce.
describe.each(loadAwsCAuthCases())("aws-c-auth $name, from its canonical request", (c) => {
  const credentials = { accessKeyId: c.context.credentials.access_key_id, secretAccessKey: c.context.credentials.secret_access_key };
  const longDate = amzDate(new Date(c.context.timestamp));
  const scope = credentialScope(longDate, c.context.region, c.context.service);

  it.each(["header", "query"])("%s signing: string to sign, then signature", async (mode) => {
    const stringToSign = await createStringToSign(Sha256, longDate, scope, c.read(`${mode}-canonical-request.txt`));
    expect(stringToSign).toBe(c.read(`${mode}-string-to-sign.txt`));
    expect(await createSignature(Sha256, credentials, longDate, c.context.region, c.context.service, stringToSign)).toBe(c.read(`${mode}-signature.txt`));
  });
});

describe.each(loadBotocoreCases())("botocore $name, from its canonical request", (c) => {
  it("string to sign, then the signature in its Authorization header", async () => {
    const longDate = amzDate(SUITE.date);
    const stringToSign = await createStringToSign(Sha256, longDate, credentialScope(longDate, SUITE.region, SUITE.service), c.creq);
    expect(stringToSign).toBe(c.sts);
    const credentials = { accessKeyId: SUITE.accessKeyId, secretAccessKey: SUITE.secretAccessKey };
    const signature = await createSignature(Sha256, credentials, longDate, SUITE.region, SUITE.service, stringToSign);
    expect(c.authz.endsWith(`Signature=${signature}`)).toBe(true);
  });
});
