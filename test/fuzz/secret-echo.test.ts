// Property: a server or proxy that echoes a held secret in any mix of encodings (issue 18) gets it into no
// error view, hook event, console line or SSE body, through the client, the chat model, the AI SDK provider
// and the LangChain adapter; 403 bodies of every content type and stream exception frames cut at random bytes.
import { inspect } from "node:util";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAmazonBedrock } from "../../src/ai-sdk/index.js";
import { ChatBedrockConverse } from "../../src/chat/model/index.js";
import { toSSEResponse } from "../../src/chat/sse/index.js";
import { BedrockRuntime } from "../../src/client/bedrock-runtime.js";
import { encodeExceptionFrame, encodeStreamEvent } from "../../src/event-stream/encode.js";
import { ChatBedrockConverse as LangChainChat } from "../../src/langchain/index.js";
import { printedViews } from "../client/stand-in.js";
import { runs } from "./arbitraries.js";

const MODEL = "us.amazon.nova-micro-v1:0";
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** Runs this long of a secret must show nowhere (the scrubber masks every run of 15). */
const RUN = 15;

const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(2, "0");
const NAMED: Record<string, string> = { "/": "&sol;", "+": "&plus;", "=": "&equals;" };

/** One character as a server or proxy may write it. */
const CHAR_FORMS: Array<(c: string) => string> = [
  (c) => c,
  (c) => `%${hex(c).toUpperCase()}`,
  (c) => `%${hex(c)}`,
  (c) => `%25${hex(c)}`, // double encoded
  (c) => (/[A-Za-z0-9]/.test(c) ? c : `\\${c}`), // JSON's optional escape (`\/`)
  (c) => `\\u00${hex(c)}`,
  (c) => `\\u00${hex(c).toUpperCase()}`,
  (c) => `&#${c.charCodeAt(0)};`,
  (c) => `&#x${hex(c)};`,
  (c) => NAMED[c] ?? c,
  (c) => `&amp;#${c.charCodeAt(0)};`, // HTML-escaped twice
  (c) => (c === "+" ? "%2B" : c === " " ? "+" : encodeURIComponent(c)), // form encoding
];

/** The secret written with one form per character (`mix` picks them), or as base64 inside a larger blob. */
function echo(secret: string, mix: number[], base64Offset: number | undefined): string {
  if (base64Offset !== undefined) return btoa("x".repeat(base64Offset) + secret + "tail");
  return [...secret].map((c, i) => CHAR_FORMS[mix[i % mix.length]! % CHAR_FORMS.length]!(c)).join("");
}

/** Every plain reading of `view` a reader could undo: escapes of each kind (repeatedly), base64 runs. */
function readings(view: string): string[] {
  let text = view;
  for (let pass = 0; pass < 4; pass++) {
    text = text
      .replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/&#(\d+);?/g, (_, d: string) => String.fromCharCode(Number(d)))
      .replace(/&(amp|sol|plus|equals);/g, (_, n: string) => ({ amp: "&", sol: "/", plus: "+", equals: "=" })[n]!)
      .replace(/\\(.)/g, "$1");
  }
  const out = [view, text, text.replaceAll(" ", "+")];
  for (const blob of view.match(/[A-Za-z0-9+/]{16,}/g) ?? []) {
    for (let cut = 0; cut < 4; cut++) {
      const part = blob.slice(cut);
      try {
        out.push(atob(part.slice(0, part.length - (part.length % 4))));
      } catch {
        // not base64 at this cut
      }
    }
  }
  return out;
}

function expectHidden(where: string, views: string[], secret: string): void {
  for (const view of views) {
    for (const reading of readings(view)) {
      for (let i = 0; i + RUN <= secret.length; i++) {
        const run = secret.slice(i, i + RUN);
        if (reading.includes(run)) expect.fail(`${where} shows ${RUN} characters of the secret: …${run.slice(0, 4)}…`);
      }
    }
  }
}

interface Case {
  secret: string;
  leak: string;
  contentType: string;
  chunks: number[];
}

function status403(c: Case): Response {
  const wording = `The request signature we calculated does not match. x-amz-security-token:${c.leak}\n`;
  const body =
    c.contentType === "application/json"
      ? JSON.stringify({ message: wording })
      : c.contentType === "text/html"
        ? `<html><body><p>${wording}</p></body></html>`
        : c.contentType === "application/xml"
          ? `<Error><Code>InvalidSignatureException</Code><Message>${wording}</Message></Error>`
          : wording;
  return new Response(body, {
    status: 403,
    headers: { "content-type": c.contentType, "x-amzn-errortype": "InvalidSignatureException", "x-amzn-requestid": "r-1" },
  });
}

/** A 200 stream: one event, then an exception frame quoting the leak, the bytes cut at the case's points. */
function streamWithException(c: Case): Response {
  const parts = [encodeStreamEvent({ messageStart: { role: "assistant" } }), encodeExceptionFrame("modelStreamErrorException", `upstream said ${c.leak}`)];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) bytes.set(p, (at += p.length) - p.length);
  const cuts = [...new Set(c.chunks.map((n) => n % bytes.length))].sort((a, b) => a - b);
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        let from = 0;
        for (const cut of [...cuts, bytes.length]) {
          if (cut > from) controller.enqueue(bytes.slice(from, cut));
          from = Math.max(from, cut);
        }
        controller.close();
      },
    }),
    { status: 200, headers: { "content-type": "application/vnd.amazon.eventstream" } },
  );
}

const fetchFor = (c: Case) =>
  (async (input: RequestInfo | URL) => (String(input).includes("converse-stream") ? streamWithException(c) : status403(c))) as typeof fetch;

async function caught(run: () => PromiseLike<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  return expect.fail("the call did not fail");
}

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of iterable);
}

const secretArb = fc.string({ unit: fc.constantFrom(...B64), minLength: 24, maxLength: 80 });
const caseArb = fc.record({
  secret: secretArb,
  mix: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
  base64Offset: fc.option(fc.nat({ max: 5 }), { nil: undefined }),
  contentType: fc.constantFrom("application/json", "text/plain", "text/html", "application/xml"),
  chunks: fc.array(fc.nat(), { maxLength: 6 }),
  asToken: fc.boolean(),
});

afterEach(() => vi.restoreAllMocks());

describe("a secret echoed in any mix of encodings shows nowhere", () => {
  it("the client, the chat model and its SSE, the AI SDK provider, the LangChain adapter", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ secret, mix, base64Offset, contentType, chunks, asToken }) => {
        const c: Case = { secret, leak: echo(secret, mix, base64Offset), contentType, chunks };
        const credentials = {
          accessKeyId: "ASIAQEXAMPLEFUZZKEY1",
          secretAccessKey: asToken ? "wJalrXUtnFEMIfuzzOtherSecretKeyForTests" : secret,
          sessionToken: asToken ? secret : "IQoJb3JpZ2luX2VjFuzzOtherSessionTokenForTests",
        };
        const fetch = fetchFor(c);
        const logged: string[] = [];
        for (const level of ["log", "warn", "error", "info", "debug"] as const) {
          vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => inspect(a, { depth: 10 })).join(" ")));
        }
        const events: unknown[] = [];
        const hooks = { onRequest: (e: unknown) => events.push(e), onResponse: (e: unknown) => events.push(e), onError: (e: unknown) => events.push(e), onStreamEnd: (e: unknown) => events.push(e) };
        const options = { region: "us-east-1", credentials, fetch, maxRetries: 0, hooks };
        const messages = [{ role: "user" as const, content: [{ text: "I love programming." }] }];
        const errors: unknown[] = [];

        const client = new BedrockRuntime(options);
        errors.push(await caught(() => client.converse({ modelId: MODEL, messages })));
        errors.push(await caught(async () => drain(await client.converseStream({ modelId: MODEL, messages }))));

        const chat = new ChatBedrockConverse({ model: MODEL, ...options });
        errors.push(await caught(() => chat.invoke("I love programming.")));
        errors.push(await caught(async () => drain(await chat.stream("I love programming."))));
        const onError: unknown[] = [];
        const sse = await (await toSSEResponse(chat.stream("I love programming."), { exposeErrors: true, onError: (e) => onError.push(e) })).text();
        errors.push(...onError);

        const provider = createAmazonBedrock({ region: "us-east-1", ...credentials, fetch, maxRetries: 0 });
        const prompt = [{ role: "user" as const, content: [{ type: "text" as const, text: "I love programming." }] }];
        errors.push(await caught(() => provider(MODEL).doGenerate({ prompt })));
        const { stream } = await provider(MODEL).doStream({ prompt });
        for await (const part of stream as unknown as AsyncIterable<{ type: string; error?: unknown }>) if (part.type === "error") errors.push(part.error);

        const lc = new LangChainChat({ model: MODEL, region: "us-east-1", credentials, fetch, maxRetries: 0, warn: () => {} });
        errors.push(await caught(() => lc.invoke("I love programming.")));
        errors.push(await caught(async () => drain(await lc.stream("I love programming."))));

        expect(errors.length).toBeGreaterThanOrEqual(9);
        expectHidden("an error", errors.flatMap(printedViews), secret);
        expectHidden("a hook event", events.map((e) => JSON.stringify(e)), secret);
        expectHidden("the console", logged, secret);
        expectHidden("the SSE body", [sse], secret);
      }),
      runs(25, 4_000),
    );
  }, 30_000);
});
