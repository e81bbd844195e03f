// Redaction: credentials print masked; error scrubbing removes secrets from messages and causes.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { RedactedCredentials, maskAccessKeyId, redactCredentials, redactSecrets, scrubError } from "../../src/auth/redact.js";
import { BedrockError, BedrockInputError, ThrottlingException } from "../../src/errors/index.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN";

describe("maskAccessKeyId", () => {
  it.each([
    ["AKIAIOSFODNN7EXAMPLE", "AKIA****PLE"],
    ["AKIDEXAMPLE", "AKID****PLE"],
    ["ASIA1234567890", "ASIA****890"],
    ["short", "****"],
    ["", "****"],
  ])("%s → %s", (id, masked) => {
    expect(maskAccessKeyId(id)).toBe(masked);
  });
});

describe("redactCredentials", () => {
  const creds = redactCredentials({
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    secretAccessKey: SECRET,
    sessionToken: TOKEN,
    expiration: new Date("2030-01-01T00:00:00Z"),
  });

  it("keeps every field readable by name", () => {
    expect(creds.accessKeyId).toBe("AKIAIOSFODNN7EXAMPLE");
    expect(creds.secretAccessKey).toBe(SECRET);
    expect(creds.sessionToken).toBe(TOKEN);
    expect(creds.expiration?.toISOString()).toBe("2030-01-01T00:00:00.000Z");
  });

  it("shows a masked view in JSON", () => {
    expect(JSON.parse(JSON.stringify(creds))).toEqual({
      accessKeyId: "AKIA****PLE",
      secretAccessKey: "***",
      sessionToken: "***",
      expiration: "2030-01-01T00:00:00.000Z",
    });
  });

  it.each([
    ["util.inspect", () => inspect(creds, { showHidden: true, depth: 5 })],
    ["String()", () => String(creds)],
    ["template literal", () => `${creds}`],
    ["nested in an object", () => JSON.stringify({ config: { credentials: creds } })],
    ["Deno's inspect hook", () => (creds as unknown as Record<symbol, () => string>)[Symbol.for("Deno.customInspect")]!()],
  ])("%s shows neither the secret, the token nor the full key id", (_label, print) => {
    const text = print();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("AKIAIOSFODNN7EXAMPLE");
  });

  // The key id is an identifier (it travels in clear in every Authorization header), so it
  // stays an own property; the secret and token are prototype getters that copies do not reach.
  it.each([
    ["spread copy", () => JSON.stringify({ ...creds })],
    ["Object.entries", () => JSON.stringify(Object.entries(creds))],
    ["Object.assign", () => JSON.stringify(Object.assign({}, creds))],
  ])("%s carries neither the secret nor the token", (_label, print) => {
    const text = print();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
  });

  it("omits sessionToken from the view when there is none", () => {
    expect(JSON.parse(JSON.stringify(redactCredentials({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET })))).toEqual({
      accessKeyId: "AKIA****PLE",
      secretAccessKey: "***",
    });
  });

  it("wraps only once", () => {
    expect(redactCredentials(creds)).toBe(creds);
    expect(creds).toBeInstanceOf(RedactedCredentials);
  });
});

describe("redactSecrets / scrubError", () => {
  it("replaces every occurrence and ignores empty or missing secrets", () => {
    expect(redactSecrets(`a ${SECRET} b ${SECRET} ${TOKEN}`, [SECRET, TOKEN, "", undefined])).toBe("a *** b *** ***");
  });

  it("passes a clean BedrockError through unchanged", () => {
    const error = new ThrottlingException("slow down");
    expect(scrubError(error, [SECRET], "signing failed")).toBe(error);
  });

  it("wraps other clean errors, keeping them as cause", () => {
    const error = new TypeError("bad input");
    const scrubbed = scrubError(error, [SECRET], "signing failed");
    expect(scrubbed).toBeInstanceOf(BedrockInputError);
    expect(scrubbed.message).toBe("signing failed: bad input");
    expect(scrubbed.cause).toBe(error);
  });

  it.each([
    ["an Error message", new Error(`key was AWS4${SECRET}`)],
    ["a BedrockError message", new BedrockError(`token ${TOKEN}`)],
    ["a cause deep in the chain", new Error("outer", { cause: new Error("middle", { cause: new Error(SECRET) }) })],
    ["a thrown string", `AWS4${SECRET}`],
    ["a thrown plain object", { key: SECRET }],
  ])("removes secrets found in %s, dropping the cause", (_label, error) => {
    const scrubbed = scrubError(error, [SECRET, TOKEN], "signing failed");
    expect(scrubbed).toBeInstanceOf(BedrockError);
    expect(scrubbed.cause).toBeUndefined();
    for (const text of [scrubbed.message, String(scrubbed.stack), JSON.stringify(scrubbed), inspect(scrubbed, { depth: 10 })]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
  });
});
