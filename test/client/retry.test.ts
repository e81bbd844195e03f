import { describe, expect, it } from "vitest";
import { backoffDelay, nextDelay, parseRetryAfter, DEFAULT_RETRY } from "../../src/client/retry.js";

const fixed = (r: number) => ({ ...DEFAULT_RETRY, random: () => r });

describe("backoffDelay (full jitter, capped)", () => {
  it.each([
    [0, 0.5, 50],
    [1, 0.5, 100],
    [2, 0.5, 200],
    [3, 0.999, 799],
    [20, 0.5, 10_000], // capped at maxDelayMs 20 s
    [0, 0, 0],
  ])("attempt %i with random %f → %i ms", (attempt, r, expected) => {
    expect(backoffDelay(attempt, fixed(r))).toBe(expected);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it.each([
    ["2", 2000],
    ["0", 0],
    ["1.5", 1500],
    [" 3 ", 3000],
    ["Thu, 01 Jan 2026 00:00:05 GMT", 5000],
    ["Wed, 31 Dec 2025 23:59:00 GMT", 0],
  ])("%j → %i ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
  it.each([[null], [undefined], ["soon"], [""], ["-1"]])("%j → undefined", (value) => {
    expect(parseRetryAfter(value as string | null | undefined, now)).toBeUndefined();
  });
});

describe("nextDelay", () => {
  it("waits at least what Retry-After asks", () => {
    expect(nextDelay(0, 1500, fixed(0.5))).toBe(1500);
  });
  it("keeps the jitter when it is longer than Retry-After", () => {
    expect(nextDelay(5, 10, fixed(0.5))).toBe(1600);
  });
  it("gives up when Retry-After exceeds the cap", () => {
    expect(nextDelay(0, 60_000, fixed(0.5))).toBeUndefined();
  });
});
