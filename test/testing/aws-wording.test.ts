// AWS's exact words, byte for byte: signature mismatch (canonical request echoed, session token included),
// clock skew both ways, missing authorization, throttling and unavailability, in HTTP answers and stream frames.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createBedrockEmulator,
  EMULATOR_CREDENTIALS,
  EMULATOR_SESSION_CREDENTIALS,
  type EmulatorOptions,
} from "../../src/testing/index.js";
import { ENDPOINT, MODEL, modelPath, signedRequest, streamEvents, userText } from "./helpers.js";

const NOW = Date.UTC(2026, 11, 3, 7, 10, 0); // 20261203T071000Z
const at = (offsetMs: number) => new Date(NOW + offsetMs);
const emulator = (options: EmulatorOptions = {}) => createBedrockEmulator({ now: () => NOW, ...options });
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const MIN = 60_000;

async function answer(response: Response) {
  const text = await response.text();
  return { status: response.status, errorType: response.headers.get("x-amzn-errortype"), text, body: JSON.parse(text) };
}

describe("signature mismatch", () => {
  it("echoes the canonical request, session token included, and the string to sign in AWS's layout", async () => {
    const wrongSecret = { ...EMULATOR_SESSION_CREDENTIALS, secretAccessKey: "not-the-secret" };
    const body = JSON.stringify(userText("Hello"));
    const request = await signedRequest({ date: at(0), credentials: wrongSecret, body });
    const got = await answer(await emulator().fetch(request));

    // Written out by hand from the SigV4 rules, not from the emulator's own code.
    const payloadHash = sha256(body);
    const token = EMULATOR_SESSION_CREDENTIALS.sessionToken;
    const canonical = [
      "POST",
      "/model/us.amazon.nova-micro-v1%253A0/converse",
      "",
      "content-type:application/json",
      "host:bedrock-runtime.us-east-1.amazonaws.com",
      `x-amz-content-sha256:${payloadHash}`,
      "x-amz-date:20261203T071000Z",
      `x-amz-security-token:${token}`,
      "",
      "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token",
      payloadHash,
    ].join("\n");
    const stringToSign = ["AWS4-HMAC-SHA256", "20261203T071000Z", "20261203/us-east-1/bedrock/aws4_request", sha256(canonical)].join("\n");
    const expected =
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details." +
      `\n\nThe Canonical String for this request should have been\n'${canonical}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`;

    expect(got.status).toBe(403);
    expect(got.errorType).toBe("InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.coral.service/");
    expect(got.body).toEqual({ message: expected });
    expect(got.text).toContain(`x-amz-security-token:${token}\\n`);
    // The secret itself is never part of what AWS echoes.
    expect(got.text).not.toContain(EMULATOR_SESSION_CREDENTIALS.secretAccessKey);
    expect(got.text).not.toContain("not-the-secret");
  });

  it("shows no token line when the request carried none", async () => {
    const request = await signedRequest({ date: at(0), credentials: { ...EMULATOR_CREDENTIALS, secretAccessKey: "wrong" } });
    const { body } = await answer(await emulator().fetch(request));
    expect(body.message).toContain("\nx-amz-date:20261203T071000Z\n\ncontent-type;host;x-amz-content-sha256;x-amz-date\n");
    expect(body.message).not.toContain("x-amz-security-token");
  });
});

describe("clock skew", () => {
  it.each([
    ["10 minutes old", -10 * MIN, "Signature expired: 20261203T070000Z is now earlier than 20261203T070500Z (20261203T071000Z - 5 min.)"],
    ["10 minutes ahead", 10 * MIN, "Signature not yet current: 20261203T072000Z is still later than 20261203T071500Z (20261203T071000Z + 5 min.)"],
  ])("rejects an x-amz-date %s with AWS's exact words", async (_name, offset, message) => {
    const got = await answer(await emulator().fetch(await signedRequest({ date: at(offset) })));
    expect(got.status).toBe(403);
    expect(got.errorType).toBe("InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.coral.service/");
    expect(got.text).toBe(JSON.stringify({ message }));
  });

  it.each([
    [-5 * MIN, 200],
    [-5 * MIN - 1000, 403],
    [5 * MIN, 200],
    [5 * MIN + 1000, 403],
  ])("treats a skew of %i ms as %i (the 5-minute edge is inside)", async (offset, status) => {
    expect((await emulator().fetch(await signedRequest({ date: at(offset) }))).status).toBe(status);
  });
});

describe("other AWS answers, byte for byte", () => {
  const bare = () => new Request(ENDPOINT + modelPath(MODEL), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });

  it.each<[string, () => EmulatorOptions, () => Promise<Request>, number, string, string]>([
    [
      "no Authorization header",
      () => ({}),
      async () => bare(),
      403,
      "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/",
      '{"Message":"Authorization header is missing"}',
    ],
    [
      "an unknown access key",
      () => ({}),
      () => signedRequest({ date: at(0), credentials: { accessKeyId: "AKIDUNKNOWN", secretAccessKey: "x" } }),
      403,
      "UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/",
      '{"message":"The security token included in the request is invalid."}',
    ],
    [
      "expired temporary credentials",
      () => ({ credentials: { ...EMULATOR_SESSION_CREDENTIALS, expiration: at(-1) } }),
      () => signedRequest({ date: at(0), credentials: EMULATOR_SESSION_CREDENTIALS }),
      403,
      "ExpiredTokenException:http://internal.amazon.com/coral/com.amazon.coral.service/",
      '{"message":"The security token included in the request is expired"}',
    ],
  ])("%s", async (_name, options, request, status, errorType, text) => {
    const response = await emulator(options()).fetch(await request());
    expect(response.status).toBe(status);
    expect(response.headers.get("x-amzn-errortype")).toBe(errorType);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.text()).toBe(text);
  });

  it("throttles with 429, Bedrock's namespace and wording, and no Retry-After unless asked", async () => {
    const em = emulator().fault({ type: "throttle" }).fault({ type: "throttle", retryAfterSeconds: 2 });
    const first = await em.fetch(await signedRequest({ date: at(0) }));
    expect(first.status).toBe(429);
    expect(first.headers.get("x-amzn-errortype")).toBe("ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/");
    expect(first.headers.get("retry-after")).toBeNull();
    expect(await first.text()).toBe('{"message":"Too many requests, please wait before trying again."}');
    const second = await em.fetch(await signedRequest({ date: at(0) }));
    expect(second.headers.get("retry-after")).toBe("2");
  });

  it("answers 503 ServiceUnavailableException in Bedrock's words", async () => {
    const response = await emulator().fault({ type: "server-error", status: 503 }).fetch(await signedRequest({ date: at(0) }));
    expect(response.status).toBe(503);
    expect(response.headers.get("x-amzn-errortype")).toBe("ServiceUnavailableException:http://internal.amazon.com/coral/com.amazon.bedrock/");
    expect(await response.text()).toBe('{"message":"Bedrock is unable to process your request."}');
  });

  it.each([
    ["throttlingException", "Too many requests, please wait before trying again."],
    ["serviceUnavailableException", "Bedrock is unable to process your request."],
    ["modelStreamErrorException", "The model stream failed."],
  ])("words a mid-stream %s frame like Bedrock when the fault gives no message", async (exceptionType, message) => {
    const em = emulator().fault({ type: "exception-frame", afterEvents: 1, exceptionType });
    const events = await streamEvents(await em.fetch(await signedRequest({ date: at(0), path: modelPath(MODEL, "converse-stream") })));
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({ [exceptionType]: { message } });
  });
});
