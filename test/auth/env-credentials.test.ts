// Environment fallbacks: credentials, region and API key, read through an injected reader.
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiKeyFromEnv, credentialsFromEnv, regionFromEnv } from "../../src/auth/env-credentials.js";
import { BedrockInputError } from "../../src/errors/index.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const envOf = (vars: Record<string, string>) => (name: string) => vars[name];

describe("credentialsFromEnv", () => {
  it("reads key id, secret and session token", () => {
    const c = credentialsFromEnv(envOf({ AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: "tok" }));
    expect([c?.accessKeyId, c?.secretAccessKey, c?.sessionToken]).toEqual(["AKIAIOSFODNN7EXAMPLE", SECRET, "tok"]);
  });

  it("leaves sessionToken out when unset", () => {
    const c = credentialsFromEnv(envOf({ AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: SECRET }));
    expect(c?.sessionToken).toBeUndefined();
  });

  it("returns undefined when neither key is set (browsers, Workers)", () => {
    expect(credentialsFromEnv(envOf({}))).toBeUndefined();
  });

  it.each([
    [{ AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE" }, "AWS_SECRET_ACCESS_KEY is not"],
    [{ AWS_SECRET_ACCESS_KEY: SECRET }, "AWS_ACCESS_KEY_ID is not"],
  ])("throws naming the missing variable when only one is set (%o)", (vars, message) => {
    const attempt = () => credentialsFromEnv(envOf(vars));
    expect(attempt).toThrow(BedrockInputError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(inspect(error)).not.toContain(SECRET);
    }
  });

  it.each([
    [{ AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE\n", AWS_SECRET_ACCESS_KEY: SECRET }, "AWS_ACCESS_KEY_ID"],
    [{ AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: `${SECRET}\r\n` }, "AWS_SECRET_ACCESS_KEY"],
    [{ AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: "tok en" }, "AWS_SESSION_TOKEN"],
  ])("refuses a value that cannot travel in a header, naming the variable (%#)", (vars, name) => {
    const attempt = () => credentialsFromEnv(envOf(vars));
    expect(attempt).toThrow(BedrockInputError);
    expect(attempt).toThrow(`${name} must not contain whitespace or control characters`);
    try {
      attempt();
    } catch (error) {
      expect(inspect(error)).not.toContain(SECRET);
    }
  });

  it("returns credentials that print redacted", () => {
    const c = credentialsFromEnv(envOf({ AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: SECRET }));
    expect(JSON.stringify(c)).not.toContain(SECRET);
    expect(inspect(c)).not.toContain(SECRET);
  });
});

describe("regionFromEnv / apiKeyFromEnv", () => {
  it.each([
    [{ AWS_REGION: "eu-west-3", AWS_DEFAULT_REGION: "us-east-1" }, "eu-west-3"],
    [{ AWS_DEFAULT_REGION: "us-east-1" }, "us-east-1"],
    [{}, undefined],
  ])("region from %o is %s", (vars, region) => {
    expect(regionFromEnv(envOf(vars))).toBe(region);
  });

  it("reads AWS_BEARER_TOKEN_BEDROCK", () => {
    expect(apiKeyFromEnv(envOf({ AWS_BEARER_TOKEN_BEDROCK: "ABSKexample" }))).toBe("ABSKexample");
    expect(apiKeyFromEnv(envOf({}))).toBeUndefined();
  });
});

describe("default reader (runtime.ts readEnv)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("reads process.env in Node, treating empty values as unset", () => {
    vi.stubEnv("AWS_REGION", "ap-south-1");
    vi.stubEnv("AWS_DEFAULT_REGION", "us-west-2");
    expect(regionFromEnv()).toBe("ap-south-1");
    vi.stubEnv("AWS_REGION", "");
    expect(regionFromEnv()).toBe("us-west-2");
    vi.stubEnv("AWS_BEARER_TOKEN_BEDROCK", "ABSKfromenv");
    expect(apiKeyFromEnv()).toBe("ABSKfromenv");
  });
});
