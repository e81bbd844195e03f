// Bedrock API keys as `Authorization: Bearer`.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { bearerHeaders } from "../../src/auth/bearer.js";
import { BedrockInputError } from "../../src/errors/index.js";

describe("bearerHeaders", () => {
  it.each(["ABSKQmVkcm9ja0FQSUtleS1leGFtcGxl", "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbg=="])(
    "sends %s as Authorization: Bearer",
    (key) => {
      const headers = new Headers(bearerHeaders(key));
      expect(headers.get("authorization")).toBe(`Bearer ${key}`);
      expect([...headers.keys()]).toEqual(["authorization"]);
    },
  );

  it.each([
    ["empty", "", "apiKey must be a non-empty string"],
    ["not a string", 42, "apiKey must be a non-empty string"],
    ["with a newline", "ABSKsecretpart\n", "whitespace or control characters"],
    ["with a space", "ABSK secretpart", "whitespace or control characters"],
    ["with a NUL", "ABSKsecret\u0000part", "whitespace or control characters"],
  ])("rejects a key %s without echoing it", (_label, key, message) => {
    try {
      bearerHeaders(key as string);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BedrockInputError);
      expect((error as Error).message).toContain(message);
      // The key's pieces, not the word "secret": stack paths may contain that word.
      const pieces = typeof key === "string" ? key.split(/[\s\u0000]/).filter((p) => p.length > 4) : [];
      for (const piece of pieces) {
        expect(inspect(error)).not.toContain(piece);
        expect(JSON.stringify(error)).not.toContain(piece);
      }
    }
  });
});
