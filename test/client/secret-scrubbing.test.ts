// Server text that quotes a credential (AWS's signature-mismatch message, stream exceptions) reaches no error view.
import { describe, expect, it } from "vitest";
import { BedrockRuntime } from "../../src/client/bedrock-runtime.js";
import type { BedrockRuntimeOptions } from "../../src/client/options.js";
import { encodeErrorFrame } from "../../src/event-stream/encode.js";
import {
  BedrockError,
  ModelStreamErrorException,
  NetworkError,
  ThrottlingException,
  UnrecognizedClientException,
  ValidationException,
} from "../../src/errors/index.js";
import {
  MODEL,
  SEED,
  SESSION,
  awsError,
  encodeExceptionFrame,
  expectNoSecret,
  messageStartFrame,
  printedViews,
  signatureMismatch,
  standIn,
  streamReply,
} from "./stand-in.js";

const API_KEY = "ABSKQmVkcm9ja0FQSUtleS1TdGFuZEluS2V5Rm9yVGVzdHM=";

function sigv4Client(fetch: typeof globalThis.fetch, credentials: BedrockRuntimeOptions["credentials"] = SESSION) {
  return new BedrockRuntime({ region: "us-east-1", credentials, fetch, random: () => 0 });
}

const secretsOf = (c: { secretAccessKey: string; sessionToken?: string }) => [c.secretAccessKey, c.sessionToken!];

describe("AWS's signature-mismatch answer", () => {
  it("quotes the session token, and the error shows it nowhere", async () => {
    const quoted: string[] = [];
    const { fetch, requests } = standIn(async (request) => {
      const response = await signatureMismatch(request);
      quoted.push(await response.clone().text());
      return response;
    });
    const error = await sigv4Client(fetch).converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
    // The stand-in really quoted the token, so this test can fail.
    expect(quoted[0]).toContain(`x-amz-security-token:${SESSION.sessionToken}`);
    expect(requests).toHaveLength(1); // 403 is not retried
    expect(error).toBeInstanceOf(UnrecognizedClientException);
    const err = error as BedrockError;
    expect(err.name).toBe("InvalidSignatureException");
    expect(err.code).toBe("InvalidSignatureException");
    expect(err.status).toBe(403);
    // A short message first; the canonical request AWS quotes is kept, scrubbed, in `details`.
    expect(err.message).toBe(
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    );
    expect(err.details).toContain("The Canonical String for this request should have been");
    expect(err.details).toContain("x-amz-security-token:***");
    expect(err.details).toContain("The String-to-Sign should have been");
    expect(err.$response?.body).toContain("x-amz-security-token:***");
    expect(err.$response?.statusCode).toBe(403);
    expect(err.cause).toBeUndefined(); // neither the Response nor the body is kept
    expectNoSecret(error, secretsOf(SESSION));
  });

  it("scrubs the credentials a provider resolved, refresh after refresh", async () => {
    let n = 0;
    const provider = async () => ({
      accessKeyId: "ASIAQEXAMPLEPROVIDER",
      secretAccessKey: `providerSecret${++n}/abcdefghijkl`,
      sessionToken: `providerToken${n}+abcdefghijklmnopqrstuvwxyz`,
      expiration: new Date(Date.now() + 60_000), // inside the refresh window: every call refreshes
    });
    const { fetch } = standIn((request) => signatureMismatch(request));
    const client = sigv4Client(fetch, provider);
    for (let i = 1; i <= 3; i++) {
      const error = await client.converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
      expect((error as BedrockError).details).toContain("x-amz-security-token:***");
      expectNoSecret(error, [`providerSecret${i}/abcdefghijkl`, `providerToken${i}+abcdefghijklmnopqrstuvwxyz`]);
    }
  });

  it("scrubs a secret that sits in the body's non-JSON excerpt, however it is cut", async () => {
    // The token straddles the 300-character cut of the excerpt.
    const text = `<html>${"x".repeat(260)} token=${SESSION.sessionToken}</html>`;
    const { fetch } = standIn(() => new Response(text, { status: 403, headers: { date: new Date().toUTCString() } }));
    const error = await sigv4Client(fetch).converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BedrockError);
    expectNoSecret(error, [SESSION.sessionToken, SESSION.sessionToken.slice(0, 12)]);
  });

  it("scrubs a JSON-escaped secret (`\\/`) from the message", async () => {
    const escaped = JSON.stringify({ message: `token ${SESSION.sessionToken}` }).replaceAll("/", "\\/");
    const { fetch } = standIn(() => new Response(escaped, { status: 400, headers: { "x-amzn-errortype": "ValidationException" } }));
    const error = await sigv4Client(fetch).converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toBe("token ***");
    expectNoSecret(error, secretsOf(SESSION));
  });
});

describe("encoded echoes of the token (issue 18)", () => {
  const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(2, "0");
  const token = SESSION.sessionToken;
  const lowerPercent = token.replace(/[^A-Za-z0-9]/g, (c) => `%${hex(c)}`);
  const jsonEscaped = token.replace(/[^A-Za-z0-9]/g, (c) => `\\u00${hex(c)}`);

  it.each([
    ["text/plain", `x-amz-security-token=${lowerPercent}`],
    ["application/xml", `<Message>token ${token.replaceAll("/", "\\/")}</Message>`],
    ["text/html", `<p>${token.replaceAll("/", "&#x2F;").replaceAll("+", "&plus;")}</p>`],
    ["application/json", JSON.stringify({ message: `token ${encodeURIComponent(encodeURIComponent(token))}` })],
  ])("a 403 %s body", async (contentType, body) => {
    const { fetch } = standIn(
      () => new Response(body, { status: 403, headers: { "content-type": contentType, "x-amzn-errortype": "InvalidSignatureException" } }),
    );
    const error = await sigv4Client(fetch).converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnrecognizedClientException);
    expectNoSecret(error, [token, token.slice(0, 15), lowerPercent, lowerPercent.slice(0, 15)]);
  });

  it("an exception frame whose bytes arrive one at a time", async () => {
    const bytes = encodeExceptionFrame("modelStreamErrorException", `echo ${jsonEscaped}`);
    const chunks = [messageStartFrame(), ...Array.from(bytes, (b) => Uint8Array.of(b))];
    const { fetch } = standIn(() => streamReply(chunks));
    const response = await sigv4Client(fetch).converseStream({ modelId: MODEL, messages: [SEED] });
    const error = await (async () => {
      for await (const _ of response);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelStreamErrorException);
    expect((error as Error).message).toBe("echo ***");
    expectNoSecret(error, [token.slice(0, 15), jsonEscaped.slice(0, 15)]);
  });
});

describe("API keys in server text", () => {
  it("masks the key (and a short-term key's inner token) in an HTTP error", async () => {
    const inner = `bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Security-Token=${encodeURIComponent(SESSION.sessionToken)}&Version=1`;
    const shortTerm = `bedrock-api-key-${btoa(inner)}`;
    for (const apiKey of [API_KEY, shortTerm]) {
      const { fetch } = standIn(() =>
        awsError(403, "AccessDeniedException", `Key ${apiKey} refused; token ${SESSION.sessionToken}; url ${inner}`),
      );
      const client = new BedrockRuntime({ region: "us-east-1", apiKey, fetch });
      const error = await client.converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/^Key \*\*\* refused/);
      expectNoSecret(error, apiKey === API_KEY ? [API_KEY] : [shortTerm, SESSION.sessionToken, encodeURIComponent(SESSION.sessionToken), inner]);
    }
  });

  it("masks header values fetch quotes in its TypeError, keeping no dirty cause", async () => {
    const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get("authorization");
      throw new TypeError(`Headers.append: "${auth}" is an invalid header value.`);
    }) as typeof globalThis.fetch;
    const client = new BedrockRuntime({ region: "us-east-1", apiKey: API_KEY, fetch, maxRetries: 0 });
    const error = await client.converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain("is an invalid header value");
    expect((error as Error).cause).toBeInstanceOf(Error);
    expectNoSecret(error, [API_KEY]);
  });

  it("keeps a clean fetch error as the cause, untouched", async () => {
    const original = new TypeError("fetch failed");
    const fetch = (async () => {
      throw original;
    }) as typeof globalThis.fetch;
    const client = new BedrockRuntime({ region: "us-east-1", apiKey: API_KEY, fetch, maxRetries: 0 });
    const error = (await client.converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e)) as Error;
    expect(error.cause).toBe(original);
  });
});

describe("stream exceptions", () => {
  const leak = `the request carried ${SESSION.sessionToken} and ${SESSION.secretAccessKey}`;

  it("scrubs an exception frame mid-stream, with its originalMessage", async () => {
    const frame = encodeExceptionFrame("modelStreamErrorException", leak);
    const { fetch } = standIn(() => streamReply([messageStartFrame(), frame]));
    const response = await sigv4Client(fetch).converseStream({ modelId: MODEL, messages: [SEED] });
    const events: unknown[] = [];
    const error = await (async () => {
      for await (const event of response) events.push(event);
    })().catch((e: unknown) => e);
    expect(events).toHaveLength(1);
    expect(error).toBeInstanceOf(ModelStreamErrorException);
    expect((error as Error).message).toBe("the request carried *** and ***");
    expectNoSecret(error, secretsOf(SESSION));
  });

  it("scrubs an exception frame read through .stream", async () => {
    const { fetch } = standIn(() => streamReply([messageStartFrame(), encodeExceptionFrame("validationException", leak)]));
    const response = await sigv4Client(fetch).converseStream({ modelId: MODEL, messages: [SEED] });
    const reader = response.stream.getReader();
    await reader.read();
    const error = await reader.read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expectNoSecret(error, secretsOf(SESSION));
  });

  it("scrubs an :error-message frame mid-stream", async () => {
    const { fetch } = standIn(() => streamReply([messageStartFrame(), encodeErrorFrame("InternalFailure", leak)]));
    const response = await sigv4Client(fetch).converseStream({ modelId: MODEL, messages: [SEED] });
    const error = await (async () => {
      for await (const _ of response);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BedrockError);
    expect((error as BedrockError).code).toBe("InternalFailure");
    expectNoSecret(error, secretsOf(SESSION));
  });

  it("scrubs a retryable exception in the first frame, on every attempt", async () => {
    const { fetch, requests } = standIn(() => streamReply([encodeExceptionFrame("throttlingException", leak)]));
    const client = new BedrockRuntime({ region: "us-east-1", credentials: SESSION, fetch, random: () => 0, maxRetries: 1 });
    const error = await client.converseStream({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
    expect(requests).toHaveLength(2);
    expect(error).toBeInstanceOf(ThrottlingException);
    expectNoSecret(error, secretsOf(SESSION));
  });
});

describe("printedViews (the check itself)", () => {
  it("finds a secret in a nested cause", () => {
    const error = new BedrockError("outer", { cause: new Error("inner", { cause: new Error(`deep ${SESSION.sessionToken}`) }) });
    expect(printedViews(error).some((view) => view.includes(SESSION.sessionToken))).toBe(true);
  });
});
