// createCredentialSource: validation, caching, refresh before expiry, one refresh in flight.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createCredentialSource, type AwsCredentials } from "../../src/auth/credentials.js";
import { BedrockInputError } from "../../src/errors/index.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const STATIC: AwsCredentials = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET };

/** A clock tests move by hand. */
function manualClock(start = Date.parse("2025-01-01T00:00:00Z")) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms), at: (ms: number) => new Date(start + ms) };
}

/** A provider whose calls the test resolves or rejects one at a time. */
function controlledProvider() {
  const pending: Array<{ resolve: (c: AwsCredentials) => void; reject: (e: unknown) => void }> = [];
  let calls = 0;
  const provider = () =>
    new Promise<AwsCredentials>((resolve, reject) => {
      calls++;
      pending.push({ resolve, reject });
    });
  return { provider, pending, calls: () => calls };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createCredentialSource with static credentials", () => {
  it("returns them, with the secret readable by name", async () => {
    const source = createCredentialSource({ ...STATIC, sessionToken: "token" });
    const c = await source();
    expect([c.accessKeyId, c.secretAccessKey, c.sessionToken]).toEqual([STATIC.accessKeyId, SECRET, "token"]);
    expect(await source()).toBe(c);
  });

  it("returns them redacted for JSON and inspection", async () => {
    const c = await createCredentialSource(STATIC)();
    expect(JSON.stringify(c)).not.toContain(SECRET);
    expect(inspect(c)).not.toContain(SECRET);
  });

  it.each([
    ["not an object", "AKIA:secret", "credentials must be an object"],
    ["null", null, "credentials must be an object"],
    ["missing accessKeyId", { secretAccessKey: SECRET }, "credentials.accessKeyId must be a non-empty string"],
    ["empty accessKeyId", { accessKeyId: "", secretAccessKey: SECRET }, "credentials.accessKeyId"],
    ["missing secretAccessKey", { accessKeyId: "AKIA" }, "credentials.secretAccessKey must be a non-empty string"],
    ["numeric secretAccessKey", { accessKeyId: "AKIA", secretAccessKey: 42 }, "credentials.secretAccessKey"],
    ["empty sessionToken", { ...STATIC, sessionToken: "" }, "credentials.sessionToken"],
    ["string expiration", { ...STATIC, expiration: "2025-01-01" }, "credentials.expiration must be a valid Date"],
    ["invalid Date", { ...STATIC, expiration: new Date("nope") }, "credentials.expiration"],
  ])("rejects %s with BedrockInputError naming the field", (_label, input, message) => {
    const attempt = () => createCredentialSource(input as AwsCredentials);
    expect(attempt).toThrow(BedrockInputError);
    expect(attempt).toThrow(message);
  });

  it("never echoes the secret when the secret sits in the wrong field", () => {
    try {
      createCredentialSource({ accessKeyId: SECRET, secretAccessKey: "" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(SECRET);
      expect(JSON.stringify(error)).not.toContain(SECRET);
      expect(inspect(error)).not.toContain(SECRET);
    }
  });
});

describe("createCredentialSource with a provider", () => {
  it("calls the provider once and caches credentials that do not expire", async () => {
    let calls = 0;
    const source = createCredentialSource(async () => (calls++, STATIC));
    await source();
    await source();
    await source();
    expect(calls).toBe(1);
  });

  it("refreshes once the clock is within refreshBeforeMs of expiration, not before", async () => {
    const clock = manualClock();
    let calls = 0;
    const source = createCredentialSource(async () => ({ ...STATIC, sessionToken: `t${++calls}`, expiration: clock.at(calls * 60 * 60_000) }), {
      now: clock.now,
      refreshBeforeMs: 5 * 60_000,
    });
    expect((await source()).sessionToken).toBe("t1"); // expires at +60 min
    clock.advance(54 * 60_000 + 59_999); // 5 min + 1 ms before expiry: still fresh
    expect((await source()).sessionToken).toBe("t1");
    clock.advance(1); // exactly 5 min before: refresh
    expect((await source()).sessionToken).toBe("t2");
    expect(calls).toBe(2);
  });

  it("uses a 5-minute refresh window by default", async () => {
    const clock = manualClock();
    let calls = 0;
    const source = createCredentialSource(async () => (calls++, { ...STATIC, expiration: clock.at(10 * 60_000) }), { now: clock.now });
    await source();
    clock.advance(4 * 60_000 + 59_999); // 5 min + 1 ms before expiry
    await source();
    expect(calls).toBe(1);
    clock.advance(1);
    await source();
    expect(calls).toBe(2);
  });

  it("keeps exactly one refresh in flight however many callers wait", async () => {
    const p = controlledProvider();
    const source = createCredentialSource(p.provider);
    const waiters = Array.from({ length: 50 }, () => source());
    await flush();
    expect(p.calls()).toBe(1);
    p.pending[0]!.resolve({ ...STATIC, sessionToken: "shared" });
    const results = await Promise.all(waiters);
    expect(new Set(results).size).toBe(1);
    expect(results[0]!.sessionToken).toBe("shared");
  });

  it("rejects every caller waiting on a failed refresh, then retries on the next call", async () => {
    const p = controlledProvider();
    const source = createCredentialSource(p.provider);
    const waiters = [source(), source(), source()];
    await flush();
    const failure = new Error("sts unavailable");
    p.pending[0]!.reject(failure);
    for (const w of waiters) await expect(w).rejects.toBe(failure);
    expect(p.calls()).toBe(1);

    const next = source();
    await flush();
    expect(p.calls()).toBe(2);
    p.pending[1]!.resolve(STATIC);
    expect((await next).accessKeyId).toBe(STATIC.accessKeyId);
  });

  it("rejects callers during an expiry refresh that fails, though older credentials exist", async () => {
    const clock = manualClock();
    let calls = 0;
    const source = createCredentialSource(
      async () => {
        if (++calls > 1) throw new Error("refresh failed");
        return { ...STATIC, expiration: clock.at(60_000) };
      },
      { now: clock.now },
    );
    await source();
    await expect(source()).rejects.toThrow("refresh failed"); // within 5 min of expiry
    await expect(source()).rejects.toThrow("refresh failed"); // and it tried again
    expect(calls).toBe(3);
  });

  it("recovers when the provider throws synchronously", async () => {
    let calls = 0;
    const source = createCredentialSource((() => {
      if (++calls === 1) throw new Error("sync failure");
      return Promise.resolve(STATIC);
    }) as () => Promise<AwsCredentials>);
    await expect(source()).rejects.toThrow("sync failure");
    expect((await source()).accessKeyId).toBe(STATIC.accessKeyId);
  });

  it("validates provider results, naming the field without the value", async () => {
    const source = createCredentialSource(async () => ({ accessKeyId: "AKIA", secretAccessKey: "" }) as AwsCredentials);
    await expect(source()).rejects.toThrow(BedrockInputError);
    await expect(source()).rejects.toThrow("credentials provider result.secretAccessKey must be a non-empty string");
  });

  it("returns provider results redacted", async () => {
    const c = await createCredentialSource(async () => ({ ...STATIC, sessionToken: "SESSIONTOKENVALUE" }))();
    const printed = `${JSON.stringify(c)} ${inspect(c)} ${String(c)}`;
    expect(printed).not.toContain(SECRET);
    expect(printed).not.toContain("SESSIONTOKENVALUE");
    expect(c.sessionToken).toBe("SESSIONTOKENVALUE");
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects refreshBeforeMs %s", (refreshBeforeMs) => {
    expect(() => createCredentialSource(async () => STATIC, { refreshBeforeMs })).toThrow("refreshBeforeMs");
  });
});

describe("credential values that cannot travel in a header", () => {
  it.each([
    ["a newline in the session token", { ...STATIC, sessionToken: "tok\nen" }, "credentials.sessionToken"],
    ["a CR in the access key id", { ...STATIC, accessKeyId: "AKIA\rEXAMPLE" }, "credentials.accessKeyId"],
    ["a NUL in the secret", { ...STATIC, secretAccessKey: `${SECRET}\u0000` }, "credentials.secretAccessKey"],
    ["a trailing space in the secret", { ...STATIC, secretAccessKey: `${SECRET} ` }, "credentials.secretAccessKey"],
    ["a tab in the token", { ...STATIC, sessionToken: "to\tken" }, "credentials.sessionToken"],
    ["a non-ASCII character in the token", { ...STATIC, sessionToken: "tökenvalue" }, "credentials.sessionToken"],
    ["a character above 0xFF in the key id", { ...STATIC, accessKeyId: "AKIA\u2028EXAMPLE" }, "credentials.accessKeyId"],
  ])("refuses %s, naming the field only", (_label, input, field) => {
    let error: unknown;
    try {
      createCredentialSource(input as AwsCredentials);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BedrockInputError);
    expect((error as Error).message).toBe(`${field} must not contain whitespace or control characters (only visible ASCII)`);
    expect(inspect(error)).not.toContain(SECRET);
  });

  it("checks provider results the same way", async () => {
    const source = createCredentialSource(async () => ({ ...STATIC, sessionToken: "a\r\nb" }));
    await expect(source()).rejects.toThrow("credentials provider result.sessionToken must not contain whitespace");
  });
});

describe("createCredentialSource with a signal", () => {
  it("stops waiting when the signal aborts, and the next call asks the provider again", async () => {
    const p = controlledProvider();
    const source = createCredentialSource(p.provider);
    const controller = new AbortController();
    const first = source(controller.signal);
    await flush();
    controller.abort(new Error("gave up"));
    await expect(first).rejects.toThrow("gave up");
    const second = source();
    await flush();
    expect(p.calls()).toBe(2);
    p.pending[1]!.resolve({ ...STATIC, sessionToken: "second" });
    expect((await second).sessionToken).toBe("second");
  });

  it("rejects at once with an already-aborted signal, abandoning the refresh", async () => {
    const p = controlledProvider();
    const source = createCredentialSource(p.provider);
    await expect(source(AbortSignal.abort(new Error("already")))).rejects.toThrow("already");
    void source();
    await flush();
    expect(p.calls()).toBe(2);
  });

  it("lets other waiters keep waiting on the abandoned refresh", async () => {
    const p = controlledProvider();
    const source = createCredentialSource(p.provider);
    const patient = source();
    const controller = new AbortController();
    const impatient = source(controller.signal);
    await flush();
    controller.abort(new Error("impatient"));
    await expect(impatient).rejects.toThrow("impatient");
    p.pending[0]!.resolve({ ...STATIC, sessionToken: "late" });
    expect((await patient).sessionToken).toBe("late");
  });

  it("fills the cache with a late result of an abandoned refresh, unless a newer one did", async () => {
    const p = controlledProvider();
    const source = createCredentialSource(p.provider);
    const controller = new AbortController();
    const first = source(controller.signal);
    await flush();
    controller.abort(new Error("timeout"));
    await first.catch(() => {});
    const second = source();
    await flush();
    p.pending[1]!.resolve({ ...STATIC, sessionToken: "newer" });
    await second;
    p.pending[0]!.resolve({ ...STATIC, sessionToken: "older" });
    await flush();
    expect((await source()).sessionToken).toBe("newer");
    expect(p.calls()).toBe(2);

    // Alone, a late result is cached.
    const q = controlledProvider();
    const lone = createCredentialSource(q.provider);
    await lone(AbortSignal.abort()).catch(() => {});
    q.pending[0]!.resolve({ ...STATIC, sessionToken: "late" });
    await flush();
    expect((await lone()).sessionToken).toBe("late");
    expect(q.calls()).toBe(1);
  });

  it("does not leave an abandoned refresh's failure unhandled", async () => {
    const p = controlledProvider();
    const source = createCredentialSource(p.provider);
    await source(AbortSignal.abort()).catch(() => {});
    p.pending[0]!.reject(new Error("late failure")); // vitest fails the run on an unhandled rejection
    await flush();
    expect(p.calls()).toBe(1);
  });
});
