// fromCognitoIdentityPool against a scripted fetch: wire shapes, identity caching, errors, validation.
import { describe, expect, it } from "vitest";
import { fromCognitoIdentityPool, type CognitoIdentityPoolOptions } from "../../src/auth/index.js";
import { expectNoSecret } from "../client/stand-in.js";
import {
  AccessDeniedException,
  BedrockError,
  BedrockInputError,
  InternalServerException,
  NetworkError,
  ResourceNotFoundException,
  ThrottlingException,
  ValidationException,
} from "../../src/errors/index.js";

const POOL = "us-west-2:11111111-2222-4333-8444-555555555555";
const IDENTITY = "us-west-2:aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const EXPIRATION = 1_752_555_600; // 2025-07-15T05:00:00Z in epoch seconds, as JSON 1.1 sends it
const TOKEN = "eyJhbGciOiJSUzI1NiJ9.secret-login-token.signature";

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

type Reply = { status?: number; body: unknown; headers?: Record<string, string> } | Error;

/** A fetch that records each call and answers from a queue. */
function scripted(...replies: Reply[]) {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    sent.push({
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: JSON.parse(await request.text()),
    });
    const reply = replies.shift();
    if (!reply) throw new Error("no scripted reply left");
    if (reply instanceof Error) throw reply;
    return new Response(JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { "content-type": "application/x-amz-json-1.1", ...reply.headers },
    });
  };
  return { fetch, sent };
}

const credentialsReply = (n = 1): Reply => ({
  body: {
    IdentityId: IDENTITY,
    Credentials: {
      AccessKeyId: `ASIAEXAMPLE${n}`,
      SecretKey: `secret-${n}`,
      SessionToken: `session-token-${n}`,
      Expiration: EXPIRATION + n,
    },
  },
});
const idReply: Reply = { body: { IdentityId: IDENTITY } };

describe("GetId then GetCredentialsForIdentity", () => {
  it("sends unsigned JSON 1.1 calls to the pool's regional endpoint and returns dated credentials", async () => {
    const { fetch, sent } = scripted(idReply, credentialsReply());
    const credentials = await fromCognitoIdentityPool({ identityPoolId: POOL, fetch })();

    expect(sent.map((s) => [s.url, s.headers["x-amz-target"], s.headers["content-type"]])).toEqual([
      ["https://cognito-identity.us-west-2.amazonaws.com/", "AWSCognitoIdentityService.GetId", "application/x-amz-json-1.1"],
      ["https://cognito-identity.us-west-2.amazonaws.com/", "AWSCognitoIdentityService.GetCredentialsForIdentity", "application/x-amz-json-1.1"],
    ]);
    expect(sent.every((s) => s.headers.authorization === undefined)).toBe(true);
    expect(sent[0]!.body).toEqual({ IdentityPoolId: POOL });
    expect(sent[1]!.body).toEqual({ IdentityId: IDENTITY });
    expect(credentials.accessKeyId).toBe("ASIAEXAMPLE1");
    expect(credentials.secretAccessKey).toBe("secret-1");
    expect(credentials.sessionToken).toBe("session-token-1");
    expect(credentials.expiration).toBeInstanceOf(Date);
    expect(credentials.expiration!.getTime()).toBe((EXPIRATION + 1) * 1000);
    expect(JSON.stringify(credentials)).not.toContain("secret-1");
  });

  it("caches the identity id: later calls only fetch credentials", async () => {
    const { fetch, sent } = scripted(idReply, credentialsReply(1), credentialsReply(2));
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL, fetch });
    await provider();
    const second = await provider();
    expect(second.accessKeyId).toBe("ASIAEXAMPLE2");
    expect(sent.map((s) => s.headers["x-amz-target"]!.split(".")[1])).toEqual(["GetId", "GetCredentialsForIdentity", "GetCredentialsForIdentity"]);
  });

  it("shares one GetId between concurrent first calls", async () => {
    const { fetch, sent } = scripted(idReply, credentialsReply(1), credentialsReply(2));
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL, fetch });
    await Promise.all([provider(), provider()]);
    expect(sent.filter((s) => s.headers["x-amz-target"]!.endsWith("GetId"))).toHaveLength(1);
  });

  it("sends Logins (resolving functions each call), AccountId and CustomRoleArn where they belong", async () => {
    const { fetch, sent } = scripted(idReply, credentialsReply(1), credentialsReply(2));
    let n = 0;
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL,
      logins: { "accounts.google.com": () => `google-${++n}`, "graph.facebook.com": "fb" },
      accountId: "123456789012",
      customRoleArn: "arn:aws:iam::123456789012:role/Reader",
      fetch,
    });
    await provider();
    await provider();
    expect(sent[0]!.body).toEqual({
      IdentityPoolId: POOL,
      Logins: { "accounts.google.com": "google-1", "graph.facebook.com": "fb" },
      AccountId: "123456789012",
    });
    expect(sent[1]!.body).toEqual({
      IdentityId: IDENTITY,
      Logins: { "accounts.google.com": "google-1", "graph.facebook.com": "fb" },
      CustomRoleArn: "arn:aws:iam::123456789012:role/Reader",
    });
    expect((sent[2]!.body.Logins as Record<string, string>)["accounts.google.com"]).toBe("google-2");
  });

  it("uses an explicit region and endpoint", async () => {
    const { fetch, sent } = scripted(idReply, credentialsReply());
    await fromCognitoIdentityPool({ identityPoolId: POOL, region: "eu-west-1", fetch })();
    expect(sent[0]!.url).toBe("https://cognito-identity.eu-west-1.amazonaws.com/");
    const other = scripted(idReply, credentialsReply());
    await fromCognitoIdentityPool({ identityPoolId: POOL, endpoint: "http://127.0.0.1:9999/", fetch: other.fetch })();
    expect(other.sent[0]!.url).toBe("http://127.0.0.1:9999/");
  });

  it("accepts Expiration as a numeric string or an ISO date", async () => {
    for (const value of [String(EXPIRATION), new Date(EXPIRATION * 1000).toISOString()]) {
      const reply = credentialsReply() as { body: { Credentials: Record<string, unknown> } };
      reply.body.Credentials.Expiration = value;
      const { fetch } = scripted(idReply, reply);
      const credentials = await fromCognitoIdentityPool({ identityPoolId: POOL, fetch })();
      expect(credentials.expiration!.getTime()).toBe(EXPIRATION * 1000);
    }
  });
});

describe("Cognito errors", () => {
  const cases: Array<[string, number, Function, boolean]> = [
    ["NotAuthorizedException", 400, AccessDeniedException, false],
    ["ResourceNotFoundException", 400, ResourceNotFoundException, false],
    ["TooManyRequestsException", 400, ThrottlingException, true],
    ["InternalErrorException", 500, InternalServerException, true],
    ["InvalidParameterException", 400, ValidationException, false],
    ["ExternalServiceException", 400, BedrockError, false],
  ];
  for (const [type, status, Class, retryable] of cases) {
    it(`maps ${type} to ${Class.name} with code ${type}`, async () => {
      const { fetch } = scripted({ status, body: { __type: type, message: `The message (${TOKEN})` } });
      const error = (await fromCognitoIdentityPool({ identityPoolId: POOL, logins: { idp: TOKEN }, fetch })().catch((e) => e)) as BedrockError;
      expect(error).toBeInstanceOf(Class);
      expect(error.code).toBe(type);
      expect(error.status).toBe(status);
      expect(error.retryable).toBe(retryable);
      expect(error.message).toContain(`GetId failed with ${type}`);
      expect(error.message).not.toContain(TOKEN);
    });
  }

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])("an error type named %s is a plain BedrockError, not a crash", async (type) => {
    const { fetch } = scripted({ status: 400, body: { __type: type, message: "odd" } });
    const error = await fromCognitoIdentityPool({ identityPoolId: POOL, fetch })().catch((e) => e);
    expect(BedrockError.isInstance(error)).toBe(true);
    expect(error.constructor).toBe(BedrockError);
    expect(error.code).toBe(type);
  });

  it("reads the type from x-amzn-errortype and a namespaced __type", async () => {
    const a = scripted({ status: 400, body: {}, headers: { "x-amzn-errortype": "NotAuthorizedException:http://internal.amazon.com/coral/" } });
    const b = scripted({ status: 400, body: { __type: "com.amazonaws.cognito.identity.model#ResourceNotFoundException", Message: "gone" } });
    expect(await fromCognitoIdentityPool({ identityPoolId: POOL, fetch: a.fetch })().catch((e) => e)).toBeInstanceOf(AccessDeniedException);
    const error = await fromCognitoIdentityPool({ identityPoolId: POOL, fetch: b.fetch })().catch((e) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.message).toMatch(/: gone$/);
  });

  it("forgets the identity after ResourceNotFoundException, and runs GetId again", async () => {
    const { fetch, sent } = scripted(
      idReply,
      { status: 400, body: { __type: "ResourceNotFoundException", message: "Identity not found." } },
      idReply,
      credentialsReply(),
    );
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL, fetch });
    await expect(provider()).rejects.toBeInstanceOf(ResourceNotFoundException);
    await provider();
    expect(sent.map((s) => s.headers["x-amz-target"]!.split(".")[1])).toEqual(["GetId", "GetCredentialsForIdentity", "GetId", "GetCredentialsForIdentity"]);
  });

  it("keeps the identity after throttling", async () => {
    const { fetch, sent } = scripted(idReply, { status: 400, body: { __type: "TooManyRequestsException", message: "slow down" } }, credentialsReply());
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL, fetch });
    await expect(provider()).rejects.toBeInstanceOf(ThrottlingException);
    await provider();
    expect(sent).toHaveLength(3);
  });

  it("retries GetId on the next call after it failed", async () => {
    const { fetch, sent } = scripted(new TypeError("network down"), idReply, credentialsReply());
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL, fetch });
    await expect(provider()).rejects.toBeInstanceOf(NetworkError);
    await provider();
    expect(sent).toHaveLength(3);
  });

  it("refuses responses that lack credentials or an expiration", async () => {
    const noExpiry = credentialsReply() as { body: { Credentials: Record<string, unknown> } };
    delete noExpiry.body.Credentials.Expiration;
    for (const [reply, what] of [
      [{ body: { IdentityId: IDENTITY } }, /no Credentials/],
      [noExpiry, /no valid Expiration/],
    ] as const) {
      const { fetch } = scripted(idReply, reply);
      await expect(fromCognitoIdentityPool({ identityPoolId: POOL, fetch })()).rejects.toThrow(what);
    }
    const { fetch } = scripted({ body: {} });
    await expect(fromCognitoIdentityPool({ identityPoolId: POOL, fetch })()).rejects.toThrow(/no IdentityId/);
  });
});

describe("input validation, before any call", () => {
  const cases: Array<[string, Partial<CognitoIdentityPoolOptions>, RegExp]> = [
    ["missing pool id", { identityPoolId: undefined }, /identityPoolId/],
    ["pool id without region", { identityPoolId: "11111111-2222-4333-8444-555555555555" }, /identityPoolId/],
    ["pool id with capitals in the GUID", { identityPoolId: "us-east-1:ABCDEF" }, /identityPoolId/],
    ["pool prefix that is no region", { identityPoolId: "mypool:1234" }, /region .*identityPoolId/],
    ["bad explicit region", { region: "US_EAST" }, /region/],
    ["empty login token", { logins: { "accounts.google.com": "" } }, /logins\["accounts.google.com"\]/],
    ["customRoleArn that is no ARN", { customRoleArn: "Reader" }, /customRoleArn/],
    ["accountId with letters", { accountId: "acct-1" }, /accountId/],
    ["endpoint not a URL", { endpoint: "not a url" }, /endpoint/],
    ["endpoint with ftp:", { endpoint: "ftp://example.com/" }, /endpoint/],
  ];
  for (const [label, patch, message] of cases) {
    it(`refuses ${label}`, () => {
      const fetch = (() => {
        throw new Error("must not be called");
      }) as unknown as typeof globalThis.fetch;
      expect(() => fromCognitoIdentityPool({ identityPoolId: POOL, fetch, ...patch } as CognitoIdentityPoolOptions)).toThrow(BedrockInputError);
      expect(() => fromCognitoIdentityPool({ identityPoolId: POOL, fetch, ...patch } as CognitoIdentityPoolOptions)).toThrow(message);
    });
  }

  it("refuses a login function that resolves to nothing, without calling Cognito", async () => {
    const { fetch, sent } = scripted();
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL, logins: { idp: async () => "" }, fetch });
    await expect(provider()).rejects.toBeInstanceOf(BedrockInputError);
    expect(sent).toHaveLength(0);
  });
});

describe("Cognito errors hold no secret in any view", () => {
  it("masks the login token and the credentials handed out earlier, everywhere", async () => {
    const { fetch } = scripted(
      idReply,
      credentialsReply(1),
      {
        status: 400,
        body: { __type: "NotAuthorizedException", message: `Token ${TOKEN} no longer valid; old secret-1 / session-token-1` },
      },
    );
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL, logins: { idp: () => TOKEN }, fetch });
    await provider();
    const error = await provider().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect((error as BedrockError).name).toBe("NotAuthorizedException"); // the AWS code, as the SDK names it
    expect((error as Error).message).toBe("Cognito Identity GetCredentialsForIdentity failed with NotAuthorizedException: Token *** no longer valid; old *** / ***");
    expectNoSecret(error, [TOKEN, "secret-1", "session-token-1"]);
  });

  it("masks the login token in a failed fetch's text", async () => {
    const { fetch } = scripted(new TypeError(`could not send ${TOKEN}`));
    const error = await fromCognitoIdentityPool({ identityPoolId: POOL, logins: { idp: TOKEN }, fetch })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expectNoSecret(error, [TOKEN]);
  });
});
