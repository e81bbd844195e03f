// Credentials and API keys that cannot travel in a header: refused by name, before any request.
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BedrockRuntime } from "../../src/client/bedrock-runtime.js";
import { BedrockInputError } from "../../src/errors/index.js";
import { MODEL, SEED, SESSION, standIn } from "./stand-in.js";

const KEY = "ABSKQmVkcm9ja0FQSUtleVN0YW5kSW4";

function refusal(build: () => unknown): BedrockInputError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(BedrockInputError);
    return error as BedrockInputError;
  }
  throw new Error("expected the constructor to throw");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("at construction", () => {
  it.each([
    ["a trailing newline", `${KEY}\n`],
    ["a CR LF inside", `${KEY.slice(0, 10)}\r\n${KEY.slice(10)}`],
    ["a NUL", `${KEY}\u0000`],
    ["a space", `${KEY} x`],
    ["a non-ASCII character", `${KEY}é`],
  ])("refuses an apiKey with %s, naming the field, never the value", (_label, apiKey) => {
    const { fetch, requests } = standIn(() => new Response("{}"));
    const error = refusal(() => new BedrockRuntime({ region: "us-east-1", apiKey, fetch }));
    expect(error.message).toBe("apiKey must not contain whitespace or control characters (only visible ASCII)");
    expect(`${inspect(error)} ${JSON.stringify(error)}`).not.toContain(KEY.slice(0, 10));
    expect(requests).toHaveLength(0);
  });

  it("refuses AWS_BEARER_TOKEN_BEDROCK with a newline, naming the variable", () => {
    vi.stubEnv("AWS_BEARER_TOKEN_BEDROCK", `${KEY}\n`);
    const error = refusal(() => new BedrockRuntime({ region: "us-east-1" }));
    expect(error.message).toMatch(/^AWS_BEARER_TOKEN_BEDROCK must not contain whitespace/);
  });

  it.each([
    ["sessionToken", { ...SESSION, sessionToken: `${SESSION.sessionToken}\n` }],
    ["accessKeyId", { ...SESSION, accessKeyId: `${SESSION.accessKeyId}\r` }],
    ["secretAccessKey", { ...SESSION, secretAccessKey: `${SESSION.secretAccessKey}\u0000` }],
  ])("refuses static credentials whose %s cannot be a header value", (field, credentials) => {
    const error = refusal(() => new BedrockRuntime({ region: "us-east-1", credentials }));
    expect(error.message).toBe(`credentials.${field} must not contain whitespace or control characters (only visible ASCII)`);
    expect(inspect(error)).not.toContain(SESSION.secretAccessKey);
    expect(inspect(error)).not.toContain(SESSION.sessionToken);
  });
});

describe("at resolution", () => {
  it("refuses a provider's token with a newline: one provider call, no request, no retry", async () => {
    let calls = 0;
    const provider = async () => (calls++, { ...SESSION, sessionToken: `${SESSION.sessionToken}\n` });
    const { fetch, requests } = standIn(() => new Response("{}"));
    const client = new BedrockRuntime({ region: "us-east-1", credentials: provider, fetch, random: () => 0 });
    const error = await client.converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BedrockInputError);
    expect((error as Error).message).toBe(
      "credentials provider result.sessionToken must not contain whitespace or control characters (only visible ASCII)",
    );
    expect(calls).toBe(1);
    expect(requests).toHaveLength(0);
  });
});
