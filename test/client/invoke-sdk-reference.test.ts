// Reference check: the AWS SDK's InvokeModel, InvokeModelWithResponseStream and ApplyGuardrail commands
// and ours send the same request to the emulator (path, body, content type, accept, X-Amzn-Bedrock-*
// headers) and read the same answer from it.
import {
  ApplyGuardrailCommand as SdkApplyGuardrailCommand,
  BedrockRuntimeClient as SdkClient,
  InvokeModelCommand as SdkInvokeModelCommand,
  InvokeModelWithResponseStreamCommand as SdkInvokeModelWithResponseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { describe, expect, it } from "vitest";
import { ApplyGuardrailCommand, BedrockRuntimeClient, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from "../../src/index.js";
import type { RecordedRequest } from "../../src/testing/index.js";
import { EMULATOR_CREDENTIALS } from "../../src/testing/index.js";
import { useLoopback } from "./loopback.js";

const loop = useLoopback();
const CLAUDE = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
const body = JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 128, messages: [{ role: "user", content: "I love programming." }] });
const utf8 = new TextDecoder();

const ours = () => new BedrockRuntimeClient({ region: "us-east-1", endpoint: loop.server().url, credentials: EMULATOR_CREDENTIALS });
const theirs = () => new SdkClient({ region: "us-east-1", endpoint: loop.server().url, credentials: { ...EMULATOR_CREDENTIALS }, maxAttempts: 1,
    // HTTP/1.1: the SDK's default handler for Bedrock Runtime speaks HTTP/2, which the emulator's Node launcher does not.
    requestHandler: new NodeHttpHandler() });;

/** What both must send alike: everything but the signature, dates, user agents, lengths and SDK-only bookkeeping. */
function wire(request: RecordedRequest) {
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => name === "content-type" || name === "accept" || name.startsWith("x-amzn-bedrock-")),
  );
  return { method: request.method, path: request.path, body: request.body, headers, status: request.status };
}

/**
 * Sends with our client, then the SDK's, and returns the two recorded requests. Where the SDK sends
 * no `Accept` (ApplyGuardrail, and the streaming call, whose member travels as X-Amzn-Bedrock-Accept),
 * ours states what it parses (`application/json`, the event stream), as for Converse: checked, then
 * left out of the comparison.
 */
async function both<T, U>(mine: () => Promise<T>, sdk: () => Promise<U>, ourAccept?: string) {
  const a = await mine();
  const b = await sdk();
  const [ourRequest, sdkRequest] = loop.server().emulator.requests.slice(-2);
  const ours = wire(ourRequest!);
  if (ourAccept !== undefined) {
    expect(sdkRequest!.headers.accept).toBeUndefined();
    expect(ours.headers.accept).toBe(ourAccept);
    delete ours.headers.accept;
  }
  return { a, b, ours, sdk: wire(sdkRequest!) };
}

const input = {
  modelId: CLAUDE,
  body,
  contentType: "application/json",
  accept: "application/json",
  trace: "ENABLED",
  guardrailIdentifier: "gr-abc123",
  guardrailVersion: "3",
  performanceConfigLatency: "optimized",
  serviceTier: "priority",
} as const;

describe("the AWS SDK and bedrock-edge send the same bytes and read the same answers", () => {
  it.each([
    ["every member set", input],
    ["body only (defaults)", { modelId: CLAUDE, body, contentType: "application/json", accept: "application/json" }],
  ])("InvokeModel, %s", async (_name, request) => {
    const { a, b, ours: mine, sdk } = await both(
      () => ours().send(new InvokeModelCommand(request)),
      () => theirs().send(new SdkInvokeModelCommand(request)),
    );
    expect(mine).toEqual(sdk);
    expect(a.body.transformToString()).toBe(b.body.transformToString());
    expect([a.contentType, a.performanceConfigLatency, a.serviceTier]).toEqual([b.contentType, b.performanceConfigLatency, b.serviceTier]);
  });

  it("InvokeModelWithResponseStream: same request (accept as X-Amzn-Bedrock-Accept), same chunks", async () => {
    const { a, b, ours: mine, sdk } = await both(
      () => ours().send(new InvokeModelWithResponseStreamCommand(input)),
      () => theirs().send(new SdkInvokeModelWithResponseStreamCommand(input)),
      "application/vnd.amazon.eventstream",
    );
    expect(mine).toEqual(sdk);
    expect(mine.headers["x-amzn-bedrock-accept"]).toBe("application/json");
    const read = async (events: AsyncIterable<{ chunk?: { bytes?: Uint8Array } }>) => {
      const out: string[] = [];
      for await (const event of events) out.push(utf8.decode(event.chunk?.bytes));
      return out;
    };
    const [ourChunks, sdkChunks] = [await read(a.body as AsyncIterable<{ chunk?: { bytes?: Uint8Array } }>), await read(b.body!)];
    expect(ourChunks.length).toBe(8);
    expect(ourChunks).toEqual(sdkChunks);
    expect([a.contentType, a.performanceConfigLatency, a.serviceTier]).toEqual([b.contentType, b.performanceConfigLatency, b.serviceTier]);
  });

  it("InvokeModelWithResponseStream: the same in-stream exception, by name and message", async () => {
    const fault = { type: "exception-frame", afterEvents: 1, exceptionType: "modelTimeoutException", message: "too slow" } as const;
    const drain = async (events: AsyncIterable<unknown>) => {
      try {
        for await (const _ of events);
      } catch (error) {
        return [(error as Error).name, (error as Error).message];
      }
      return undefined;
    };
    loop.server().emulator.fault(fault);
    const mine = await drain((await ours().send(new InvokeModelWithResponseStreamCommand(input))).body);
    loop.server().emulator.fault(fault);
    const sdk = await drain((await theirs().send(new SdkInvokeModelWithResponseStreamCommand(input))).body!);
    expect(mine).toEqual(["ModelTimeoutException", "too slow"]);
    expect(mine).toEqual(sdk);
  });

  it.each([
    ["text, INPUT", { source: "INPUT", content: [{ text: { text: "this is forbidden", qualifiers: ["guard_content"] } }] }],
    ["text, OUTPUT, FULL scope", { source: "OUTPUT", outputScope: "FULL", content: [{ text: { text: "fine" } }] }],
    ["an image", { source: "INPUT", content: [{ image: { format: "png", source: { bytes: new Uint8Array([137, 80, 78, 71]) } } }] }],
  ])("ApplyGuardrail, %s", async (_name, fields) => {
    const request = { guardrailIdentifier: "arn:aws:bedrock:us-east-1:123456789012:guardrail/gr-abc123", guardrailVersion: "DRAFT", ...fields } as never;
    const { a, b, ours: mine, sdk } = await both(
      () => ours().send(new ApplyGuardrailCommand(request)),
      () => theirs().send(new SdkApplyGuardrailCommand(request)),
      "application/json",
    );
    expect(mine).toEqual(sdk);
    const { $metadata: _a, ...ourAnswer } = a;
    const { $metadata: _b, ...sdkAnswer } = b;
    expect(ourAnswer).toEqual(sdkAnswer);
  });
});
