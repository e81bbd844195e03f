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
