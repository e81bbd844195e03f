// signRequestDetailed (our steps over Smithy's functions) against @smithy/signature-v4's SignatureV4 class, case by case.
import { Sha256 as JsSha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { signRequestDetailed, type SignedRequest } from "../../src/auth/sign-request.js";
import { headersForFetch, toSmithyRequest, type SignableRequest, type SmithyHttpRequest } from "../../src/auth/signable-request.js";
import { SUITE, loadAwsCAuthCases, loadBotocoreCases, toSignable } from "./sigv4-suite.js";

const TOKEN = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN/+=";

/** SignatureV4 with its canonical request and string to sign recorded, hashing with @aws-crypto's SHA-256. */
class RecordingSignatureV4 extends SignatureV4 {
  canonicalRequest = "";
  stringToSign = "";
  protected override createCanonicalRequest(request: SmithyHttpRequest, headers: Record<string, string>, payloadHash: string): string {
    return (this.canonicalRequest = super.createCanonicalRequest(request, headers, payloadHash));
  }
  protected override async createStringToSign(longDate: string, scope: string, canonicalRequest: string, algorithm: string): Promise<string> {
    return (this.stringToSign = await super.createStringToSign(longDate, scope, canonicalRequest, algorithm));
  }
}

interface Variant {
  region: string;
  service: string;
  date: Date;
  sessionToken?: string;
  applyChecksum: boolean;
}

async function signWithClass(request: SignableRequest, v: Variant) {
  const signer = new RecordingSignatureV4({
    credentials: { accessKeyId: SUITE.accessKeyId, secretAccessKey: SUITE.secretAccessKey, ...(v.sessionToken ? { sessionToken: v.sessionToken } : {}) },
    region: v.region,
    service: v.service,
    sha256: JsSha256,
    uriEscapePath: true,
    applyChecksum: v.applyChecksum,
  });
  const signed = await signer.sign(toSmithyRequest(request), { signingDate: v.date });
  return {
    headers: Object.fromEntries(headersForFetch(signed.headers)),
    canonicalRequest: signer.canonicalRequest,
    stringToSign: signer.stringToSign,
    signature: /Signature=([0-9a-f]{64})$/.exec(signed.headers.authorization ?? "")?.[1],
  };
}

function ours(signed: SignedRequest) {
  return { headers: Object.fromEntries(signed.headers), canonicalRequest: signed.canonicalRequest, stringToSign: signed.stringToSign, signature: signed.signature };
}

async function expectSameAsClass(request: SignableRequest, v: Variant): Promise<void> {
  const signed = await signRequestDetailed(request, {
    credentials: { accessKeyId: SUITE.accessKeyId, secretAccessKey: SUITE.secretAccessKey, ...(v.sessionToken ? { sessionToken: v.sessionToken } : {}) },
    region: v.region,
    service: v.service,
    now: () => v.date,
    applyChecksum: v.applyChecksum,
  });
  const expected = await signWithClass(request, v);
  expect(expected.signature).toMatch(/^[0-9a-f]{64}$/);
  expect(ours(signed)).toEqual(expected);
}

// Each request signed four ways: with and without a session token, with and without x-amz-content-sha256.
const VARIANTS = [
  { label: "no token, checksum", sessionToken: undefined, applyChecksum: true },
  { label: "no token, no checksum", sessionToken: undefined, applyChecksum: false },
  { label: "token, checksum", sessionToken: TOKEN, applyChecksum: true },
  { label: "token, no checksum", sessionToken: TOKEN, applyChecksum: false },
];

// Every case, including those sigv4-conformance.test.ts lists as not applicable to the AWS
// expected files: those are about what fetch can send, and both signers sign the same request.
describe.each(loadAwsCAuthCases())("aws-c-auth $name: same headers and steps as SignatureV4", (c) => {
  it.each(VARIANTS)("$label", async ({ sessionToken, applyChecksum }) => {
    const token = sessionToken ?? c.context.credentials.token;
    await expectSameAsClass(toSignable(c.request), {
      region: c.context.region,
      service: c.context.service,
      date: new Date(c.context.timestamp),
      applyChecksum,
      ...(token !== undefined ? { sessionToken: token } : {}),
    });
  });
});

describe.each(loadBotocoreCases())("botocore $name: same headers and steps as SignatureV4", (c) => {
  it.each(VARIANTS)("$label", async ({ sessionToken, applyChecksum }) => {
    await expectSameAsClass(toSignable(c.request), {
      region: SUITE.region,
      service: SUITE.service,
      date: SUITE.date,
      applyChecksum,
      ...(sessionToken !== undefined ? { sessionToken } : {}),
    });
  });
});

describe("Bedrock-shaped and edge requests: same headers and steps as SignatureV4", () => {
  const HOST = "bedrock-runtime.us-east-1.amazonaws.com";
  const ARN = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0";
  const body = JSON.stringify({ messages: [{ role: "user", content: [{ text: "héllo" }] }] });
  const requests: Array<[string, SignableRequest]> = [
    ["an ARN model id (double encoding)", { method: "POST", url: `https://${HOST}/model/${encodeURIComponent(ARN)}/converse-stream`, headers: { "content-type": "application/json" }, body }],
    ["a byte body", { method: "POST", url: `https://${HOST}/model/m/converse`, body: new TextEncoder().encode(body) }],
    ["a 5 MB body", { method: "POST", url: `https://${HOST}/model/m/converse`, body: new Uint8Array(5 * 1024 * 1024).map((_, i) => i % 251) }],
    ["an empty string body", { method: "POST", url: `https://${HOST}/model/m/converse`, body: "" }],
    ["a local endpoint with a port", { method: "POST", url: "http://127.0.0.1:8787/model/m/converse", body }],
    ["caller headers the signer generates (authorization, x-amz-date, date)", { method: "GET", url: `https://${HOST}/`, headers: { Authorization: "x", "X-Amz-Date": "y", Date: "Mon, 07 Dec 2026 00:00:00 GMT" } }],
    ["unsignable headers (user-agent, proxy-*, sec-*, hop-by-hop)", { method: "GET", url: `https://${HOST}/`, headers: { "User-Agent": "ua", "Proxy-Authorization": "p", "Sec-Fetch-Mode": "cors", Connection: "keep-alive", "X-Amzn-Trace-Id": "t", Accept: "*/*" } }],
    ["the caller's own x-amz-content-sha256", { method: "POST", url: `https://${HOST}/model/m/converse`, headers: { "X-Amz-Content-Sha256": "UNSIGNED-PAYLOAD" }, body }],
    ["the caller's own x-amz-security-token", { method: "POST", url: `https://${HOST}/model/m/converse`, headers: { "x-amz-security-token": "caller" }, body }],
    ["values needing trimming and repeated query keys", { method: "GET", url: `https://${HOST}/x?b=2&a=1&a=0&sp=a%20b&t=%7E~*&e=&X-Amz-Signature=s`, headers: { "x-multi": "  a   b  ", "x-tab": "a\tb" } }],
    ["dot segments, trailing and doubled slashes", { method: "GET", url: `https://${HOST}/a/./b/../c//d/` }],
    ["a lower-case extension method", { method: "patch", url: `https://${HOST}/p` }],
  ];
  describe.each(requests)("%s", (_label, request) => {
    it.each(VARIANTS)("$label", async ({ sessionToken, applyChecksum }) => {
      await expectSameAsClass(request, {
        region: "eu-west-3",
        service: "bedrock",
        date: new Date("2025-03-04T05:06:07.890Z"),
        applyChecksum,
        ...(sessionToken !== undefined ? { sessionToken } : {}),
      });
    });
  });
});
