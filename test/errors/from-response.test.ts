// errorFromResponse: the class by code or status, `name` as the AWS SDK gives it, and the redact hook.
import { describe, expect, it } from "vitest";
import {
  AccessDeniedException,
  BedrockError,
  InternalServerException,
  ThrottlingException,
  UnrecognizedClientException,
  ValidationException,
  awsErrorName,
  errorFromResponse,
} from "../../src/errors/index.js";

const reply = (status: number, code: string | undefined, message = "m") =>
  new Response(JSON.stringify({ message }), { status, headers: code ? { "x-amzn-errortype": code } : {} });

describe("errorFromResponse names", () => {
  const SUFFIX = ":http://internal.amazon.com/coral/com.amazon.coral.service/";
  it.each([
    // [status, x-amzn-errortype, class, name]
    [403, `InvalidSignatureException${SUFFIX}`, UnrecognizedClientException, "InvalidSignatureException"],
    [403, `ExpiredTokenException${SUFFIX}`, UnrecognizedClientException, "ExpiredTokenException"],
    [403, `IncompleteSignatureException${SUFFIX}`, UnrecognizedClientException, "IncompleteSignatureException"],
    [403, `MissingAuthenticationTokenException${SUFFIX}`, UnrecognizedClientException, "MissingAuthenticationTokenException"],
    [403, `UnrecognizedClientException${SUFFIX}`, UnrecognizedClientException, "UnrecognizedClientException"],
    [403, "com.amazon.coral.service#ExpiredTokenException", UnrecognizedClientException, "ExpiredTokenException"],
    [500, "InternalFailure", InternalServerException, "InternalFailure"],
    [429, "throttlingException", ThrottlingException, "ThrottlingException"],
    [400, "BrandNewException", ValidationException, "BrandNewException"], // class by status
    [418, "BrandNewException", BedrockError, "BrandNewException"],
    [403, undefined, AccessDeniedException, "AccessDeniedException"],
    [418, undefined, BedrockError, "BedrockError"],
    [400, "not a name!", ValidationException, "ValidationException"],
  ])("HTTP %i %s → %o named %s", async (status, code, Class, name) => {
    const error = await errorFromResponse(reply(status, code));
    expect(error).toBeInstanceOf(Class);
    expect(error.name).toBe(name);
    expect(JSON.parse(JSON.stringify(error)).name).toBe(name);
    if (code) expect(error.code).toBe(code.split(":")[0]);
  });
});

describe("awsErrorName", () => {
  it.each([
    ["InvalidSignatureException", "InvalidSignatureException"],
    ["InvalidSignatureException:http://internal.amazon.com/coral/x/", "InvalidSignatureException"],
    ["aws.protocoltests#fooError", "FooError"],
    ["", undefined],
    [undefined, undefined],
    ["two words", undefined],
  ])("%j → %j", (code, name) => {
    expect(awsErrorName(code)).toBe(name);
  });
});

describe("errorFromResponse redact", () => {
  const hide = (text: string) => text.split("SECRETVALUE").join("***");

  it("redacts the message, the code and the non-JSON excerpt before it is cut", async () => {
    const json = await errorFromResponse(new Response(JSON.stringify({ message: "a SECRETVALUE b" }), { status: 400 }), { redact: hide });
    expect(json.message).toBe("a *** b");
    const html = `${"x".repeat(295)}SECRETVALUE`; // the 300-character cut falls inside the secret
    const excerpt = await errorFromResponse(new Response(html, { status: 502 }), { redact: hide });
    expect(excerpt.message).toBe(`${"x".repeat(295)}***`);
    const coded = await errorFromResponse(reply(400, "SECRETVALUE"), { redact: hide });
    expect(coded.code).toBe("***");
  });

  it("without it, keeps the server's text as sent", async () => {
    const error = await errorFromResponse(reply(400, "ValidationException", "a SECRETVALUE b"));
    expect(error.message).toBe("a SECRETVALUE b");
  });
});

describe("errorFromResponse fields", () => {
  it("keeps status, headers and the redacted body as $response (not enumerable), and never the Response", async () => {
    const response = new Response(JSON.stringify({ message: "bad s3cret" }), {
      status: 400,
      headers: { "x-amzn-errortype": "ValidationException", "x-amzn-requestid": "r-1" },
    });
    const error = await errorFromResponse(response, { redact: (t) => t.split("s3cret").join("***") });
    expect(error.$response).toEqual({ statusCode: 400, headers: expect.objectContaining({ "x-amzn-requestid": "r-1" }), body: '{"message":"bad ***"}', url: "" });
    expect(Object.keys(error)).not.toContain("$response");
    expect(error.message).toBe("bad ***");
  });

  it("re-serialises a JSON body, so an escaped secret (\\/) is redacted too", async () => {
    const response = new Response('{"message":"k=ab\\/cd"}', { status: 403 });
    const error = await errorFromResponse(response, { redact: (t) => t.split("ab/cd").join("***") });
    expect(error.$response?.body).toBe('{"message":"k=***"}');
  });

  it("a message of several paragraphs: the first is the message, the rest `details`", async () => {
    const error = await errorFromResponse(reply(403, "InvalidSignatureException", "Short first line.\n\nThe Canonical String …\n'POST\n/'"));
    expect(error.message).toBe("Short first line.");
    expect(error.details).toBe("The Canonical String …\n'POST\n/'");
  });

  it("a region-scope refusal names the region the client signed for", async () => {
    const error = await errorFromResponse(reply(403, "InvalidSignatureException", "Credential should be scoped to a valid region, not 'eu-west-1'. "), { region: "eu-west-1" });
    expect(error.message).toBe("Credential should be scoped to a valid region, not 'eu-west-1'. (signed for region 'eu-west-1'; set `region` to the endpoint's)");
  });
});
