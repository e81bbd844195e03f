import { describe, expect, it } from "vitest";
import { defaultEndpoint, joinUrl, parseEndpoint, validateOptions } from "../../src/client/options.js";
import { BedrockInputError } from "../../src/errors/exceptions.js";

describe("validateOptions", () => {
  it.each([
    [{ region: "us-east-1" }],
    [{ region: "eu-central-2", maxRetries: 0, timeout: 10 }],
    [{ endpoint: "http://127.0.0.1:8787", fetch: () => Promise.resolve(new Response()) }],
    [{ apiKey: "key", streamIdleTimeout: 5 }],
    [{ credentials: async () => ({ accessKeyId: "a", secretAccessKey: "b" }) }],
  ])("accepts %j", (options) => {
    expect(() => validateOptions(options as never)).not.toThrow();
  });

  it.each([
    [{ region: "US_EAST_1" }, /region must look like/],
    [{ region: 42 }, /region must look like/],
    [{ endpoint: "not a url" }, /endpoint must be an absolute URL/],
    [{ endpoint: "ftp://example.com" }, /endpoint must use http/],
    [{ endpoint: "https://user:pw@example.com" }, /user info/],
    [{ fetch: "nope" }, /fetch must be a function/],
    [{ apiKey: "" }, /apiKey must be a non-empty string/],
    [{ maxRetries: -1 }, /maxRetries must be a non-negative integer/],
    [{ maxRetries: 1.5 }, /maxRetries/],
    [{ timeout: 0 }, /timeout must be a positive/],
    [{ streamIdleTimeout: Number.NaN }, /streamIdleTimeout/],
    [{ credentials: "AKIA..." }, /credentials must be/],
  ])("rejects %j", (options, message) => {
    let error: unknown;
    try {
      validateOptions(options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BedrockInputError);
    expect((error as Error).message).toMatch(message);
  });

  it("never echoes a secret-looking value at length", () => {
    const secret = "x".repeat(200);
    try {
      validateOptions({ region: secret } as never);
    } catch (e) {
      expect((e as Error).message.length).toBeLessThan(120);
    }
  });
});

describe("endpoints", () => {
  it.each([
    ["us-east-1", "https://bedrock-runtime.us-east-1.amazonaws.com/"],
    ["cn-north-1", "https://bedrock-runtime.cn-north-1.amazonaws.com.cn/"],
    ["us-gov-west-1", "https://bedrock-runtime.us-gov-west-1.amazonaws.com/"],
  ])("default endpoint for %s", (region, url) => {
    expect(defaultEndpoint(region).href).toBe(url);
  });

  it.each([
    ["http://127.0.0.1:8787", "/model/x/converse", "http://127.0.0.1:8787/model/x/converse"],
    ["http://127.0.0.1:8787/", "/model/x/converse", "http://127.0.0.1:8787/model/x/converse"],
    ["https://proxy.example/bedrock/", "/model/a%3Ab/converse", "https://proxy.example/bedrock/model/a%3Ab/converse"],
  ])("joinUrl(%s, %s)", (base, path, expected) => {
    expect(joinUrl(parseEndpoint(base), path)).toBe(expected);
  });
});
