// The AWS SigV4 test suites (aws-c-auth v4 and botocore's aws4_testsuite), header and query signing.
import { describe, expect, it } from "vitest";
import { presignRequest, signRequestDetailed, type SigningOptions } from "../../src/auth/index.js";
import {
  SUITE,
  headerRecord,
  loadAwsCAuthCases,
  loadBotocoreCases,
  parseRequestText,
  toSignable,
  type AwsCAuthCase,
  type BotocoreCase,
} from "./sigv4-suite.js";

// Why each case cannot apply to a signer of WHATWG requests. The tests below also run these
// cases and require them to mismatch, so this list always equals the set of failing cases:
// a regression elsewhere fails, and a case that starts passing must be moved out of here.
const RAW_TARGET =
  "the request-target holds raw bytes fetch cannot send: WHATWG URL percent-encodes them, so the path on the wire is already encoded and the double encoding AWS applies to it gives a different canonical URI";
const NEEDS_UNNORMALIZED = "needs normalize=false; Bedrock signs normalized paths (as SignatureV4 with uriEscapePath does)";
const DOT_SEGMENTS = `${NEEDS_UNNORMALIZED}, and WHATWG URL already resolves '.' and '..' segments`;

const AWS_C_AUTH_NOT_APPLICABLE: Record<string, string> = {
  "get-relative-unnormalized": DOT_SEGMENTS,
  "get-relative-relative-unnormalized": DOT_SEGMENTS,
  "get-slash-dot-slash-unnormalized": DOT_SEGMENTS,
  "get-slash-pointless-dot-unnormalized": DOT_SEGMENTS,
  "get-slash-unnormalized": NEEDS_UNNORMALIZED,
  "get-slashes-unnormalized": NEEDS_UNNORMALIZED,
  "get-space-normalized": RAW_TARGET,
  "get-space-unnormalized": RAW_TARGET,
  "get-utf8": RAW_TARGET,
  "post-sts-header-after":
    "omit_session_token: the token is added after signing; our signer always signs x-amz-security-token, as Bedrock clients do (post-sts-header-before covers signing it)",
};

const BOTOCORE_NOT_APPLICABLE: Record<string, string> = {
  "get-utf8": RAW_TARGET,
  "normalize-path/get-space": RAW_TARGET,
};

function optionsFor(c: AwsCAuthCase): SigningOptions {
  const { credentials, region, service, timestamp, sign_body } = c.context;
  return {
    credentials: {
      accessKeyId: credentials.access_key_id,
      secretAccessKey: credentials.secret_access_key,
      ...(credentials.token !== undefined ? { sessionToken: credentials.token } : {}),
    },
    region,
    service,
    now: () => new Date(timestamp),
    // sign_body adds a signed x-amz-content-sha256 header (README: "What the context flags mean").
    applyChecksum: sign_body,
  };
}

/** Headers as fetch would hold them: normalised through WHATWG Headers, without `host`. */
function fetchHeaders(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(new Headers(record));
}

const awsCAuthCases = loadAwsCAuthCases();

describe("aws-c-auth v4 suite", () => {
  it("has the 38 cases the README lists, and the skip list names only real cases", () => {
    expect(awsCAuthCases).toHaveLength(38);
    const names = new Set(awsCAuthCases.map((c) => c.name));
    for (const name of Object.keys(AWS_C_AUTH_NOT_APPLICABLE)) expect(names).toContain(name);
  });

  describe.each(awsCAuthCases)("$name", (c) => {
    const reason = AWS_C_AUTH_NOT_APPLICABLE[c.name];

    it(reason === undefined ? "header signing matches" : `header signing does not apply: ${reason}`, async () => {
      const signed = await signRequestDetailed(toSignable(c.request), optionsFor(c));
      const expected = {
        canonicalRequest: c.read("header-canonical-request.txt"),
        stringToSign: c.read("header-string-to-sign.txt"),
        signature: c.read("header-signature.txt"),
      };
      const actual = { canonicalRequest: signed.canonicalRequest, stringToSign: signed.stringToSign, signature: signed.signature };
      if (reason !== undefined) {
        expect(actual.signature).not.toBe(expected.signature);
        return;
      }
      expect(actual).toEqual(expected);
      // Header multiset comparison: the signed request's headers, host aside (fetch sets it).
      const signedRequest = parseRequestText(c.read("header-signed-request.txt"));
      expect(Object.fromEntries(signed.headers)).toEqual(fetchHeaders(headerRecord(signedRequest, ["host"])));
    });

    it(reason === undefined ? "query signing matches" : `query signing does not apply: ${reason}`, async () => {
      const presigned = await presignRequest(toSignable(c.request), { ...optionsFor(c), expiresIn: c.context.expiration_in_seconds });
      const expected = {
        canonicalRequest: c.read("query-canonical-request.txt"),
        stringToSign: c.read("query-string-to-sign.txt"),
        signature: c.read("query-signature.txt"),
      };
      const actual = { canonicalRequest: presigned.canonicalRequest, stringToSign: presigned.stringToSign, signature: presigned.signature };
      if (reason !== undefined) {
        expect(actual.signature).not.toBe(expected.signature);
        return;
      }
      expect(actual).toEqual(expected);
      // Query parameters compared as a set of decoded pairs, ignoring order (README).
      const signedRequest = parseRequestText(c.read("query-signed-request.txt"));
      const expectedUrl = new URL(`https://example.amazonaws.com${signedRequest.target}`);
      const pairs = (url: URL) => [...url.searchParams].map(([k, v]) => `${k}=${v}`).sort();
      expect(pairs(presigned.url)).toEqual(pairs(expectedUrl));
      expect(presigned.url.pathname).toBe(expectedUrl.pathname);
      expect(Object.fromEntries(presigned.headers)).toEqual(fetchHeaders(headerRecord(signedRequest, ["host"])));
    });
  });
});

/** botocore's copy has no context file: token from the .req header, else from the .creq. */
function botocoreToken(c: BotocoreCase): string | undefined {
  const fromReq = c.request.headers.find(([name]) => name.toLowerCase() === "x-amz-security-token")?.[1];
  return fromReq ?? /^x-amz-security-token:(.*)$/m.exec(c.creq)?.[1];
}

const botocoreCases = loadBotocoreCases();

describe("botocore aws4_testsuite (header signing)", () => {
  it("has the 34 cases the README lists, and the skip list names only real cases", () => {
    expect(botocoreCases).toHaveLength(34);
    const names = new Set(botocoreCases.map((c) => c.name));
    for (const name of Object.keys(BOTOCORE_NOT_APPLICABLE)) expect(names).toContain(name);
  });

  it.each(botocoreCases)("$name", async (c) => {
    const token = botocoreToken(c);
    const signed = await signRequestDetailed(toSignable(c.request, ["x-amz-security-token"]), {
      credentials: { accessKeyId: SUITE.accessKeyId, secretAccessKey: SUITE.secretAccessKey, ...(token ? { sessionToken: token } : {}) },
      region: SUITE.region,
      service: SUITE.service,
      now: () => SUITE.date,
      // This copy never adds x-amz-content-sha256: the body hash is only the last line.
      applyChecksum: false,
    });
    if (BOTOCORE_NOT_APPLICABLE[c.name] !== undefined) {
      expect(signed.headers.get("authorization")).not.toBe(c.authz);
      return;
    }
    expect({ creq: signed.canonicalRequest, sts: signed.stringToSign, authz: signed.headers.get("authorization") }).toEqual({
      creq: c.creq,
      sts: c.sts,
      authz: c.authz,
    });
  });
});
