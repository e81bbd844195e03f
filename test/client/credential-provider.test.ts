// Credential providers that hang or throw: timeout and abort cover them; a throw is a CredentialsProviderError, asked once.
import { describe, expect, it } from "vitest";
import { BedrockRuntime, CredentialsProviderError } from "../../src/index.js";
import { AbortError, BedrockError, ThrottlingException, TimeoutError } from "../../src/errors/index.js";
import { createShortTermApiKey } from "../../src/auth/short-term-api-key.js";
import type { AwsCredentials } from "../../src/auth/credentials.js";
import { MODEL, SEED, SESSION, expectNoSecret, standIn } from "./stand-in.js";

const OK = () =>
  new Response(
    JSON.stringify({
      output: { message: { role: "assistant", content: [{ text: "ok" }] } },
      stopReason: "end_turn",
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
      metrics: { latencyMs: 1 },
    }),
    { headers: { "content-type": "application/json" } },
  );

/** A provider that never settles on the calls listed in `hangOn` (1-based), and answers otherwise. */
function hangingProvider(hangOn: (call: number) => boolean) {
  let calls = 0;
  const provider = () => {
    calls++;
    return hangOn(calls) ? new Promise<AwsCredentials>(() => {}) : Promise.resolve(SESSION);
  };
  return { provider, calls: () => calls };
}

describe("a provider that never settles", () => {
  it("times out, and the next call asks the provider again", async () => {
    const p = hangingProvider((n) => n === 1);
    const { fetch, requests } = standIn(OK);
    const client = new BedrockRuntime({ region: "us-east-1", credentials: p.provider, fetch, timeout: 40, maxRetries: 0 });
    const started = Date.now();
    const error = await client.converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe("credentials were not resolved, or the request not signed, within 40 ms");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(requests).toHaveLength(0);

    const out = await client.converse({ modelId: MODEL, messages: [SEED] });
    expect(out.output?.message?.content?.[0]).toEqual({ text: "ok" });
    expect(p.calls()).toBe(2);
  });

  it("does not retry the timed-out lookup: the provider is asked once per call", async () => {
    const p = hangingProvider(() => true);
    const client = new BedrockRuntime({ region: "us-east-1", credentials: p.provider, fetch: standIn(OK).fetch, timeout: 20, maxRetries: 2, random: () => 0 });
    await expect(client.converse({ modelId: MODEL, messages: [SEED] })).rejects.toBeInstanceOf(TimeoutError);
    expect(p.calls()).toBe(1);
    await expect(client.converse({ modelId: MODEL, messages: [SEED] })).rejects.toBeInstanceOf(TimeoutError);
    expect(p.calls()).toBe(2);
  });

  it("honours the caller's signal, and the next call asks again", async () => {
    const p = hangingProvider((n) => n === 1);
    const client = new BedrockRuntime({ region: "us-east-1", credentials: p.provider, fetch: standIn(OK).fetch });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(client.converse({ modelId: MODEL, messages: [SEED] }, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    await client.converse({ modelId: MODEL, messages: [SEED] });
    expect(p.calls()).toBe(2);
  });

  it("covers converseStream too", async () => {
    const p = hangingProvider(() => true);
    const client = new BedrockRuntime({ region: "us-east-1", credentials: p.provider, fetch: standIn(OK).fetch, timeout: 20, maxRetries: 0 });
    await expect(client.converseStream({ modelId: MODEL, messages: [SEED] })).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe("a provider that throws", () => {
  it("gives a CredentialsProviderError, not retried, the provider asked once, no request", async () => {
    let calls = 0;
    const failure = new Error("sts:AssumeRole denied");
    const provider = async (): Promise<AwsCredentials> => {
      calls++;
      throw failure;
    };
    const { fetch, requests } = standIn(OK);
    const client = new BedrockRuntime({ region: "us-east-1", credentials: provider, fetch, random: () => 0 });
    const error = await client.converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsProviderError);
    expect(error).toBeInstanceOf(BedrockError);
    const err = error as CredentialsProviderError;
    expect(err.name).toBe("CredentialsProviderError");
    expect(err.retryable).toBe(false);
    expect(err.message).toBe("credentials provider failed: sts:AssumeRole denied");
    expect(err.cause).toBe(failure);
    expect(calls).toBe(1);
    expect(requests).toHaveLength(0);
  });

  it("passes our own typed errors through (Cognito's keep their class), without retrying them", async () => {
    let calls = 0;
    const throttled = new ThrottlingException("Rate exceeded", { code: "TooManyRequestsException" });
    const client = new BedrockRuntime({
      region: "us-east-1",
      credentials: async () => {
        calls++;
        throw throttled;
      },
      fetch: standIn(OK).fetch,
      random: () => 0,
    });
    const error = (await client.converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e)) as BedrockError;
    expect(error).toBe(throttled);
    expect(error.retryable).toBe(true); // true of the error itself; the client still asked once
    expect(calls).toBe(1);
  });

  it("scrubs the credentials it handed out before from the message and the cause", async () => {
    let calls = 0;
    const provider = async (): Promise<AwsCredentials> => {
      if (++calls === 1) return { ...SESSION, expiration: new Date(Date.now() + 60_000) }; // refreshed on the next call
      throw new Error(`could not refresh ${SESSION.sessionToken} (secret ${SESSION.secretAccessKey})`);
    };
    const client = new BedrockRuntime({ region: "us-east-1", credentials: provider, fetch: standIn(OK).fetch });
    await client.converse({ modelId: MODEL, messages: [SEED] });
    const error = await client.converse({ modelId: MODEL, messages: [SEED] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsProviderError);
    expect((error as Error).message).toBe("credentials provider failed: could not refresh *** (secret ***)");
    expect((error as Error).cause).toMatchObject({ name: "Error", message: "could not refresh *** (secret ***)" });
    expectNoSecret(error, [SESSION.sessionToken, SESSION.secretAccessKey]);
  });

  it("gives a CredentialsProviderError when minting a short-term key", async () => {
    const failure = new Error("no role");
    const error = await createShortTermApiKey(async () => Promise.reject(failure), { region: "us-east-1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsProviderError);
    expect((error as Error).cause).toBe(failure);
  });
});
