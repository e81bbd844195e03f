// The client against the emulator's AWS-worded answers over loopback: quoted tokens never leak, skewed clocks recover.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { BedrockRuntime } from "../../src/index.js";
import { UnrecognizedClientException } from "../../src/errors/index.js";
import { EMULATOR_SESSION_CREDENTIALS } from "../../src/testing/index.js";
import { MODEL, seed, useLoopback } from "./loopback.js";

const loop = useLoopback({});
const client = loop.client;
const request = { modelId: MODEL, messages: [seed] };

/** Every printable view of an error, cause chain included. */
function views(error: unknown): string {
  const parts: string[] = [String(error), JSON.stringify(error), inspect(error, { depth: 10 })];
  for (let e: unknown = error, i = 0; e instanceof Error && i < 8; e = e.cause, i++) parts.push(e.message, e.stack ?? "");
  return parts.join("\n");
}

describe("signature mismatch: AWS quotes the canonical request, session token included", () => {
  // A wrong secret with the right key id and a real session token: the emulator answers as AWS does,
  // "The Canonical String for this request should have been '…x-amz-security-token:<token>…'".
  const wrongSecret = { ...EMULATOR_SESSION_CREDENTIALS, secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGSECRET" };

  it("the emulator's own answer does quote the token (so the checks below can fail)", async () => {
    const bodies: string[] = [];
    const spy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      bodies.push(await response.clone().text());
      return response;
    };
    await expect(client({ credentials: wrongSecret, fetch: spy }).converse(request)).rejects.toBeInstanceOf(UnrecognizedClientException);
    expect(loop.server().emulator.requests.at(-1)).toMatchObject({ status: 403, errorType: "InvalidSignatureException" });
    expect(bodies.join("")).toContain(`x-amz-security-token:${EMULATOR_SESSION_CREDENTIALS.sessionToken}`);
  });

  it.each([
    ["converse", (c: BedrockRuntime) => c.converse(request)],
    ["converseStream", (c: BedrockRuntime) => c.converseStream(request)],
  ])("%s: no secret survives in the error", async (_name, call) => {
    const error = await call(client({ credentials: wrongSecret })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnrecognizedClientException);
    expect((error as Error).name).toBe("InvalidSignatureException");
    // The AWS wording is kept around the scrubbed parts.
    expect((error as Error).message).toContain("The request signature we calculated does not match");
    const text = views(error);
    expect(text).not.toContain(EMULATOR_SESSION_CREDENTIALS.sessionToken);
    expect(text).not.toContain(wrongSecret.secretAccessKey);
  });
});

describe("clock skew: the offset is learnt from Date and the call recovers", () => {
  it.each([
    ["ahead", 10 * 60_000],
    ["behind", -10 * 60_000],
  ])("server clock 10 minutes %s: one extra request, then later calls signed right first time", async (_name, offsetMs) => {
    loop.server().emulator.fault({ type: "clock-skew", offsetMs });
    const c = client({ credentials: EMULATOR_SESSION_CREDENTIALS, maxRetries: 0 });
    const first = await c.converse(request);
    expect(first.output?.message?.content?.[0]?.text).toBe("J'adore la programmation.");
    const second = await c.converse(request);
    expect(second.output?.message?.content?.[0]?.text).toBe("J'adore la programmation.");
    // 2 calls in 3 requests, as the AWS SDK manages: only the first one was refused.
    expect(loop.server().emulator.requests.map((r) => r.status)).toEqual([403, 200, 200]);
  });
});
