// SecretScrubber: which strings it masks, and how it cleans errors in place.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { SecretScrubber } from "../../src/auth/secret-scrubber.js";
import { BedrockError, ModelStreamErrorException } from "../../src/errors/index.js";

const TOKEN = "IQoJb3JpZ2luX2Vj/token+with=specials";

function scrubberOf(...values: string[]) {
  const s = new SecretScrubber();
  s.add(...values);
  return s;
}

describe("SecretScrubber.text", () => {
  it.each([
    ["raw", `x-amz-security-token:${TOKEN}\n`, "x-amz-security-token:***\n"],
    ["percent-encoded, as in a presigned URL", `X-Amz-Security-Token=${encodeURIComponent(TOKEN)}&X`, "X-Amz-Security-Token=***&X"],
    ["several times", `${TOKEN} ${TOKEN}`, "*** ***"],
    ["absent", "nothing to see", "nothing to see"],
  ])("masks a secret %s", (_label, input, output) => {
    expect(scrubberOf(TOKEN).text(input)).toBe(output);
  });

  it("masks a secret that contains another one whole", () => {
    const s = scrubberOf("abcd", "xxabcdxx");
    expect(s.text("<xxabcdxx>")).toBe("<***>");
  });

  it("ignores empty and missing values", () => {
    const s = new SecretScrubber();
    s.add("", undefined);
    expect(s.text("text")).toBe("text");
    expect(s.text("")).toBe("");
  });

  it("forgets the oldest secrets past 64 strings", () => {
    // Distinct enough that no 15 characters of one are in another (those would be masked as a fragment).
    const secret = (i: number) => `secret-${i}-` + Math.sin(i + 1).toString(36).slice(3, 23);
    const s = new SecretScrubber();
    const MASK = "***";
    for (let i = 0; i < 70; i++) s.add(secret(i));
    expect(s.text(secret(69))).toBe(MASK);
    expect(s.text(secret(6))).toBe(MASK);
    expect(s.text(secret(5))).toBe(secret(5));
    expect(s.text(secret(0))).toBe(secret(0));
  });

  it("remembers what a short-term API key holds: the key, its URL and its token", () => {
    const url = `bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Security-Token=${encodeURIComponent(TOKEN)}&Version=1`;
    const key = `bedrock-api-key-${btoa(url)}`;
    const s = new SecretScrubber();
    s.addApiKey(key);
    expect(s.text(`${key}|${url}|${TOKEN}`)).toBe("***|***|***");
  });

  it("keeps a long-term key whole, and a short-term key that is not base64", () => {
    const s = new SecretScrubber();
    s.addApiKey("ABSKlongtermkey");
    s.addApiKey("bedrock-api-key-%%%notbase64");
    expect(s.text("ABSKlongtermkey bedrock-api-key-%%%notbase64")).toBe("*** ***");
  });

  it("with() adds values to a copy only", () => {
    const s = scrubberOf(TOKEN);
    const copy = s.with(["header-value-1"]);
    expect(copy.text(`${TOKEN} header-value-1`)).toBe("*** ***");
    expect(s.text("header-value-1")).toBe("header-value-1");
  });
});

describe("SecretScrubber.error", () => {
  it("cleans our error in place: message, stack, details", () => {
    const error = new ModelStreamErrorException(`failed with ${TOKEN}`);
    Object.assign(error, { originalMessage: `original ${TOKEN}` });
    const out = scrubberOf(TOKEN).error(error);
    expect(out).toBe(error);
    expect(error.message).toBe("failed with ***");
    expect(error.stack).not.toContain(TOKEN);
    expect((error as unknown as { originalMessage: string }).originalMessage).toBe("original ***");
    expect(inspect(error, { depth: 10 })).not.toContain(TOKEN);
  });

  it("replaces a dirty foreign cause with a copy, and keeps a clean one", () => {
    const dirty = new TypeError(`bad header ${TOKEN}`);
    const error = scrubberOf(TOKEN).error(new BedrockError("outer", { cause: dirty }));
    expect(error.cause).not.toBe(dirty);
    expect(error.cause).toMatchObject({ name: "TypeError", message: "bad header ***" });
    const clean = new TypeError("fetch failed");
    expect(scrubberOf(TOKEN).error(new BedrockError("outer", { cause: clean })).cause).toBe(clean);
  });

  it("cleans our own cause in place, keeping its class", () => {
    const inner = new ModelStreamErrorException(`inner ${TOKEN}`);
    const error = scrubberOf(TOKEN).error(new BedrockError("outer", { cause: inner }));
    expect(error.cause).toBe(inner);
    expect(inner.message).toBe("inner ***");
  });

  it("stops on a cyclic cause chain", () => {
    const a = new BedrockError(`a ${TOKEN}`);
    const b = new BedrockError("b", { cause: a });
    Object.defineProperty(a, "cause", { value: b, writable: true, configurable: true });
    scrubberOf(TOKEN).error(b);
    expect(a.message).toBe("a ***");
  });

  it("leaves errors alone when it holds no secret, and passes non-errors through", () => {
    const error = new Error("x");
    expect(new SecretScrubber().error(error)).toBe(error);
    expect(scrubberOf(TOKEN).error(`s ${TOKEN}`)).toBe("s ***");
    expect(scrubberOf(TOKEN).error(42)).toBe(42);
  });
});
