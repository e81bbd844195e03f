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

describe("SecretScrubber.text: the forms a server or proxy may echo a secret in (issue 18)", () => {
  const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(2, "0");
  const specials = (f: (c: string) => string) => TOKEN.replace(/[^A-Za-z0-9]/g, f);
  it.each([
    ["percent-encoded, lowercase hex", specials((c) => `%${hex(c)}`)],
    ["percent-encoded, every character", [...TOKEN].map((c) => `%${hex(c)}`).join("")],
    ["form-encoded (a `+` decoded to a space)", TOKEN.replaceAll("+", " ")],
    ["double-encoded", encodeURIComponent(encodeURIComponent(TOKEN))],
    ["JSON `\\/`", TOKEN.replaceAll("/", "\\/")],
    ["JSON `\\u002f`", specials((c) => `\\u00${hex(c)}`)],
    ["JSON-escaped twice", specials((c) => `\\\\u00${hex(c)}`)],
    ["HTML decimal entities", specials((c) => `&#${c.charCodeAt(0)};`)],
    ["HTML hex entities", specials((c) => `&#x${hex(c).toUpperCase()};`)],
    ["HTML named entities", TOKEN.replaceAll("/", "&sol;").replaceAll("+", "&plus;").replaceAll("=", "&equals;")],
    ["HTML-escaped twice", specials((c) => `&amp;#${c.charCodeAt(0)};`)],
    ["a mix of all of these", TOKEN.replace("/", "%2f").replace("+", "&#43;").replace("=", "\\u003D").replace("=", "%253d")],
  ])("%s", (_label, form) => {
    const out = scrubberOf(TOKEN).text(`<p>token ${form}.</p>`);
    expect(out).toBe("<p>token ***.</p>");
  });

  it.each([0, 1, 2])("base64 of the secret inside a larger blob, at byte offset %i", (offset) => {
    const blob = btoa("x".repeat(offset) + `{"token":"${TOKEN}"}`);
    const out = scrubberOf(TOKEN).text(`data ${blob} end`);
    // What is left are the blob's own ends, plus at most 3 characters each side that the secret shares with them.
    expect(out).toMatch(/^data [A-Za-z0-9+/]{0,22}\*\*\*[A-Za-z0-9+/=]{0,9} end$/);
    expect(out.length).toBeLessThan(blob.length - 20);
  });

  it("masks any 15 characters of a secret: a cut excerpt, or the rest broken by an escape not undone", () => {
    const s = scrubberOf(TOKEN);
    expect(s.text(`cut: ${TOKEN.slice(0, 15)}`)).toBe("cut: ***");
    expect(s.text(`cut: ${TOKEN.slice(-15)}`)).toBe("cut: ***");
    // `%u002F` (IIS) is not undone; the runs on either side are still masked.
    expect(s.text(TOKEN.replace("/", "%u002F"))).toBe("***%u002F***");
    // Fewer than 15 characters in common is not a secret.
    expect(s.text(TOKEN.slice(0, 14))).toBe(TOKEN.slice(0, 14));
  });

  it("keeps the text around a masked span as it came, escapes included", () => {
    const body = JSON.stringify({ message: `a\\b "q" ${specials((c) => `%${hex(c)}`)} %41` });
    expect(JSON.parse(scrubberOf(TOKEN).text(body))).toEqual({ message: 'a\\b "q" *** %41' });
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
