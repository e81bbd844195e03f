// Reference check: the AWS SDK's StartAsyncInvoke, GetAsyncInvoke and ListAsyncInvokes commands and ours send the
// same request to the emulator (method, path, query, JSON body, content type) and read the same answer (Dates included).
import {
  BedrockRuntimeClient as SdkClient,
  GetAsyncInvokeCommand as SdkGetAsyncInvokeCommand,
  ListAsyncInvokesCommand as SdkListAsyncInvokesCommand,
  StartAsyncInvokeCommand as SdkStartAsyncInvokeCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { describe, expect, it } from "vitest";
import { BedrockRuntimeClient, GetAsyncInvokeCommand, ListAsyncInvokesCommand, StartAsyncInvokeCommand } from "../../src/index.js";
import type { RecordedRequest } from "../../src/testing/index.js";
import { EMULATOR_CREDENTIALS } from "../../src/testing/index.js";
import { useLoopback } from "./loopback.js";

const loop = useLoopback();
const ours = () => new BedrockRuntimeClient({ region: "us-east-1", endpoint: loop.server().url, credentials: EMULATOR_CREDENTIALS });
const theirs = () =>
  new SdkClient({ region: "us-east-1", endpoint: loop.server().url, credentials: { ...EMULATOR_CREDENTIALS }, maxAttempts: 1, requestHandler: new NodeHttpHandler() });

/** What both must send alike: the request line, the body and its type; not signatures, dates or user agents. */
function wire(request: RecordedRequest) {
  const url = new URL(request.url);
  return { method: request.method, path: request.path, query: url.search, body: request.body, contentType: request.headers["content-type"], status: request.status };
}

async function both<T, U>(mine: () => Promise<T>, sdk: () => Promise<U>) {
  const a = await mine();
  const b = await sdk();
  const [ourRequest, sdkRequest] = loop.server().emulator.requests.slice(-2);
  return { a, b, ours: wire(ourRequest!), sdk: wire(sdkRequest!) };
}

const start = {
  modelId: "amazon.nova-reel-v1:1",
  modelInput: { taskType: "TEXT_VIDEO", textToVideoParams: { text: "Waves at night" }, videoGenerationConfig: { durationSeconds: 6, fps: 24, dimension: "1280x720" } },
  outputDataConfig: { s3OutputDataConfig: { s3Uri: "s3://bucket/out", kmsKeyId: "arn:aws:kms:us-east-1:123456789012:alias/videos", bucketOwner: "123456789012" } },
  tags: [{ key: "team", value: "video" }],
};

describe("the AWS SDK and bedrock-edge send the same async-invoke requests", () => {
  it.each([
    ["every member set", { ...start, clientRequestToken: "ref-token-1" }],
    ["required members and a token", { modelId: start.modelId, modelInput: start.modelInput, outputDataConfig: { s3OutputDataConfig: { s3Uri: "s3://bucket" } }, clientRequestToken: "ref-token-2" }],
  ])("StartAsyncInvoke, %s: same body bytes (member order too), same ARN back", async (_name, input) => {
    const { a, b, ours: mine, sdk } = await both(() => ours().send(new StartAsyncInvokeCommand(input)), () => theirs().send(new SdkStartAsyncInvokeCommand(input)));
    expect(mine).toEqual(sdk);
    expect(mine).toMatchObject({ method: "POST", path: "/async-invoke", query: "" });
    // Same token, same body: the emulator's idempotency gives both the same job.
    expect(a.invocationArn).toBe(b.invocationArn);
    const [ourRequest, sdkRequest] = loop.server().emulator.requests.slice(-2);
    expect(Object.keys(ourRequest!.body as object)).toEqual(Object.keys(sdkRequest!.body as object));
  });

  it("StartAsyncInvoke without a token: both generate a UUID v4", async () => {
    const { ours: mine, sdk } = await both(() => ours().send(new StartAsyncInvokeCommand(start)), () => theirs().send(new SdkStartAsyncInvokeCommand(start)));
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const token = (r: { body: unknown }) => (r.body as { clientRequestToken: string }).clientRequestToken;
    expect(token(mine)).toMatch(uuid);
    expect(token(sdk)).toMatch(uuid);
    expect({ ...mine, body: { ...(mine.body as object), clientRequestToken: "" } }).toEqual({ ...sdk, body: { ...(sdk.body as object), clientRequestToken: "" } });
  });

  it("GetAsyncInvoke: the ARN as one encoded segment, no body, the same fields and Dates read back", async () => {
    const { invocationArn } = await ours().startAsyncInvoke({ ...start, clientRequestToken: "ref-token-3" });
    const { a, b, ours: mine, sdk } = await both(() => ours().send(new GetAsyncInvokeCommand({ invocationArn })), () => theirs().send(new SdkGetAsyncInvokeCommand({ invocationArn })));
    expect(mine).toEqual(sdk);
    expect(mine.path).toBe(`/async-invoke/${encodeURIComponent(invocationArn!)}`);
    expect(mine.body).toBeUndefined();
    const { $metadata: _a, ...got } = a;
    const { $metadata: _b, ...want } = b;
    expect(got).toEqual(want);
    expect(got.submitTime).toBeInstanceOf(Date);
  });

  it.each([
    ["no filters", {}],
    ["every query member", { submitTimeAfter: new Date(Date.UTC(2026, 0, 1, 8, 30)), submitTimeBefore: new Date(Date.UTC(2030, 5, 1, 0, 0, 0, 250)), statusEquals: "InProgress", maxResults: 10, sortBy: "SubmissionTime", sortOrder: "Ascending" }],
    ["a nextToken with characters to escape", { nextToken: "a+b/c=d" }],
  ] as const)("ListAsyncInvokes, %s: same query string, same page", async (_name, input) => {
    await ours().startAsyncInvoke({ ...start, clientRequestToken: "ref-token-4" });
    const mineCall = () => ours().send(new ListAsyncInvokesCommand({ ...input })).catch((e: Error) => e.name);
    const sdkCall = () => theirs().send(new SdkListAsyncInvokesCommand({ ...input })).catch((e: Error) => e.name);
    const { a, b, ours: mine, sdk } = await both(mineCall, sdkCall);
    expect(mine).toEqual(sdk);
    expect(mine.method).toBe("GET");
    if (typeof a === "string" || typeof b === "string") return expect(a).toBe(b); // the made-up token: both ValidationException
    const { $metadata: _a, ...got } = a;
    const { $metadata: _b, ...want } = b;
    expect(got).toEqual(want);
  });
});
