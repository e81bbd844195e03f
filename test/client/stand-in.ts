// Stand-in fetches that answer as AWS does, and the check that no secret shows anywhere in an error.
import { inspect } from "node:util";
import { expect } from "vitest";
import { signRequestDetailed } from "../../src/auth/sign-request.js";
import { encodeExceptionFrame, encodeStreamEvent } from "../../src/event-stream/encode.js";

export const MODEL = "us.amazon.nova-micro-v1:0";
export const SEED = { role: "user" as const, content: [{ text: "I love programming." }] };
export const SESSION = {
  accessKeyId: "ASIAQEXAMPLE4STANDIN",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzSecretStandIn",
  sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE+session/token==SessionTokenStandIn",
};

export interface Recorded {
  url: string;
  headers: Headers;
  body: Uint8Array;
}

/** A fetch answering each request with `reply`, recording what it was sent. */
export function standIn(reply: (request: Recorded, index: number) => Response | Promise<Response>) {
  const requests: Recorded[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const recorded = { url: request.url, headers: request.headers, body: new Uint8Array(await request.arrayBuffer()) };
    requests.push(recorded);
    return reply(recorded, requests.length - 1);
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const FRONT_END = ":http://internal.amazon.com/coral/com.amazon.coral.service/";

/** An AWS JSON error: `x-amzn-errortype` with the coral suffix, `message` in the body, a Date. */
export function awsError(status: number, type: string, message: string, date = new Date()): Response {
  return new Response(JSON.stringify({ message }), {
    status,
    headers: {
      "content-type": "application/json",
      "x-amzn-errortype": type + FRONT_END,
      "x-amzn-requestid": "11111111-2222-4333-8444-555555555555",
      date: date.toUTCString(),
    },
  });
}

/**
 * AWS's answer to a signature it computes differently: its canonical request of the request
 * as received (the `x-amz-security-token` line included, as AWS quotes it) and string to sign.
 * Both are recomputed here from the request's own headers; they do not depend on the secret.
 */
export async function signatureMismatch(request: Recorded): Promise<Response> {
  const amzDate = request.headers.get("x-amz-date")!;
  const signedAt = new Date(
    Date.UTC(+amzDate.slice(0, 4), +amzDate.slice(4, 6) - 1, +amzDate.slice(6, 8), +amzDate.slice(9, 11), +amzDate.slice(11, 13), +amzDate.slice(13, 15)),
  );
  const accessKeyId = /Credential=([^/]+)\//.exec(request.headers.get("authorization") ?? "")![1]!;
  const region = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(request.headers.get("authorization") ?? "")![1]!;
  const token = request.headers.get("x-amz-security-token") ?? undefined;
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) {
    if (!["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"].includes(name)) headers[name] = value;
  }
  const steps = await signRequestDetailed(
    { method: "POST", url: request.url, headers, body: request.body },
    {
      credentials: { accessKeyId, secretAccessKey: "the-key-the-server-holds", ...(token ? { sessionToken: token } : {}) },
      region,
      now: () => signedAt,
    },
  );
  const message =
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n" +
    `The Canonical String for this request should have been\n'${steps.canonicalRequest}'\n\n` +
    `The String-to-Sign should have been\n'${steps.stringToSign}'\n`;
  return awsError(403, "InvalidSignatureException", message);
}

/** A 200 ConverseStream answer made of these frames. */
export function streamReply(frames: Uint8Array[]): Response {
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const frame of frames) controller.enqueue(frame);
        controller.close();
      },
    }),
    { status: 200, headers: { "content-type": "application/vnd.amazon.eventstream", "x-amzn-requestid": "stream-1" } },
  );
}

export const messageStartFrame = () => encodeStreamEvent({ messageStart: { role: "assistant" } });
export { encodeExceptionFrame };

/** Every printable view of `error` and of each cause under it. */
export function printedViews(error: unknown): string[] {
  const views = [String(error), JSON.stringify(error) ?? "", inspect(error, { depth: 10 })];
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      views.push(current.message, current.stack ?? "", String(current), JSON.stringify(current) ?? "");
      for (const key of Object.getOwnPropertyNames(current)) {
        const value = (current as unknown as Record<string, unknown>)[key];
        views.push(typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
      }
      current = current.cause;
    } else {
      views.push(typeof current === "string" ? current : inspect(current, { depth: 10 }));
      current = undefined;
    }
  }
  return views;
}

/** Asserts that none of `secrets` appears in any view of `error`. */
export function expectNoSecret(error: unknown, secrets: ReadonlyArray<string>): void {
  const views = printedViews(error);
  for (const secret of secrets) {
    for (const view of views) expect(view, `a view of the error holds ${secret.slice(0, 6)}…`).not.toContain(secret);
  }
}
