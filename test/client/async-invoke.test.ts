// StartAsyncInvoke, GetAsyncInvoke and ListAsyncInvokes against the emulator, with its clock stepped by the test.
import { describe, expect, it } from "vitest";
import { BedrockClient, BedrockRuntime, BedrockRuntimeClient, GetAsyncInvokeCommand, ListAsyncInvokesCommand, StartAsyncInvokeCommand, getAsyncInvoke, startAsyncInvoke } from "../../src/index.js";
import { BedrockInputError, ConflictException, ResourceNotFoundException, ValidationException } from "../../src/errors/index.js";
import type { StartAsyncInvokeRequest } from "../../src/wire/index.js";
import { createBedrockEmulator, EMULATOR_CREDENTIALS } from "../../src/testing/index.js";

const REEL = "amazon.nova-reel-v1:1";
const S3 = "s3://my-videos/reel";
const video = (text: string) => ({
  taskType: "TEXT_VIDEO",
  textToVideoParams: { text },
  videoGenerationConfig: { durationSeconds: 6, fps: 24, dimension: "1280x720", seed: 1 },
});
const job = (text = "A lighthouse at dawn", extra: Partial<StartAsyncInvokeRequest> = {}): StartAsyncInvokeRequest => ({
  modelId: REEL,
  modelInput: video(text),
  outputDataConfig: { s3OutputDataConfig: { s3Uri: S3 } },
  ...extra,
});

/** An emulator whose jobs run 60 s on a clock the test moves, and a client on the same clock. */
function setup(options: { validate?: boolean; bare?: boolean } = {}) {
  let nowMs = Date.UTC(2026, 0, 15, 12, 0, 0);
  const emulator = createBedrockEmulator({ now: () => nowMs, asyncInvoke: { durationMs: 60_000 } });
  const common = { region: "us-east-1", endpoint: "https://bedrock.test", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch, now: () => new Date(nowMs), random: () => 0 };
  const client = new BedrockRuntimeClient({ ...common, ...(options.validate === false ? { validate: false } : {}) });
  const bare = new BedrockClient(common);
  return { emulator, client, bare, advance: (ms: number) => void (nowMs += ms), now: () => nowMs };
}

describe("the async-invoke lifecycle", () => {
  it("start → InProgress → (clock moves) → Completed with endTime and the output config echoed → listed", async () => {
    const { emulator, client, advance, now } = setup();
    const started = now();
    const { invocationArn, $metadata } = await client.startAsyncInvoke(job("A lighthouse at dawn", { tags: [{ key: "project", value: "demo" }] }));
    expect($metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
    expect(invocationArn).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:async-invoke\/[a-z0-9]{12}$/);

    const running = await client.getAsyncInvoke({ invocationArn });
    expect(running).toMatchObject({ invocationArn, status: "InProgress", modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${REEL}` });
    expect(running.submitTime).toEqual(new Date(started));
    expect(running.endTime).toBeUndefined();
    expect(running.clientRequestToken).toMatch(/^[0-9a-f-]{36}$/); // generated, as the SDK does
    expect(emulator.asyncInvocations[0]!.outputFiles).toEqual([]);

    advance(60_000);
    const done = await client.getAsyncInvoke({ invocationArn });
    expect(done.status).toBe("Completed");
    expect(done.endTime).toEqual(new Date(started + 60_000));
    expect(done.lastModifiedTime).toEqual(done.endTime);
    expect(done.outputDataConfig).toEqual({ s3OutputDataConfig: { s3Uri: S3 } });
    const id = invocationArn!.split("/").pop();
    expect(emulator.asyncInvocations[0]).toMatchObject({
      modelInput: video("A lighthouse at dawn"),
      tags: [{ key: "project", value: "demo" }],
      outputFiles: [`${S3}/${id}/output.mp4`, `${S3}/${id}/manifest.json`],
    });

    const { asyncInvokeSummaries, nextToken } = await client.listAsyncInvokes({ statusEquals: "Completed" });
    expect(nextToken).toBeUndefined();
    expect(asyncInvokeSummaries).toHaveLength(1);
    expect(asyncInvokeSummaries![0]).toMatchObject({ invocationArn, status: "Completed", endTime: done.endTime, submitTime: done.submitTime });
  });

  it('fails a job whose modelInput holds "emulator:fail", with a failureMessage, once its time is up', async () => {
    const { client, advance, emulator } = setup();
    const { invocationArn } = await client.startAsyncInvoke(job("emulator:fail"));
    expect((await client.getAsyncInvoke({ invocationArn })).status).toBe("InProgress");
    advance(60_000);
    const failed = await client.getAsyncInvoke({ invocationArn });
    expect(failed).toMatchObject({ status: "Failed", failureMessage: expect.stringContaining("emulator:fail") });
    expect(failed.endTime).toBeInstanceOf(Date);
    expect(emulator.asyncInvocations[0]!.outputFiles).toEqual([]);
  });

  it("lists with filters, both sort orders and nextToken pages; a made-up nextToken is a ValidationException", async () => {
    const { client, advance, now } = setup();
    const arns: string[] = [];
    const times: number[] = [];
    for (const text of ["one", "two", "three", "four", "five"]) {
      times.push(now());
      arns.push((await client.startAsyncInvoke(job(text))).invocationArn!);
      advance(20_000);
    }
    // Now (100 s on): jobs one to three have had their 60 s, four and five still run.
    const newestFirst = await client.listAsyncInvokes();
    expect(newestFirst.asyncInvokeSummaries!.map((s) => s.invocationArn)).toEqual([...arns].reverse());
    const oldestFirst = await client.listAsyncInvokes({ sortBy: "SubmissionTime", sortOrder: "Ascending" });
    expect(oldestFirst.asyncInvokeSummaries!.map((s) => s.invocationArn)).toEqual(arns);
    const completed = await client.listAsyncInvokes({ statusEquals: "Completed", sortOrder: "Ascending" });
    expect(completed.asyncInvokeSummaries!.map((s) => s.invocationArn)).toEqual(arns.slice(0, 3));
    const window = await client.listAsyncInvokes({ submitTimeAfter: new Date(times[0]!), submitTimeBefore: new Date(times[4]!), sortOrder: "Ascending" });
    expect(window.asyncInvokeSummaries!.map((s) => s.invocationArn)).toEqual(arns.slice(1, 4));

    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.listAsyncInvokes({ maxResults: 2, sortOrder: "Ascending", nextToken });
      pages.push(page.asyncInvokeSummaries!.map((s) => s.invocationArn!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages).toEqual([arns.slice(0, 2), arns.slice(2, 4), arns.slice(4)]);

    await expect(client.listAsyncInvokes({ nextToken: "bm90LWEtdG9rZW4" })).rejects.toBeInstanceOf(ValidationException);
    // A real token used with other filters is refused too.
    const first = await client.listAsyncInvokes({ maxResults: 1 });
    await expect(client.listAsyncInvokes({ maxResults: 1, nextToken: first.nextToken, statusEquals: "Completed" })).rejects.toThrow("nextToken is not valid");
  });
});

describe("idempotency", () => {
  it("the same clientRequestToken and request give the same ARN; another request under it is a ConflictException", async () => {
    const { client, emulator } = setup();
    const a = await client.startAsyncInvoke(job("same", { clientRequestToken: "token-1" }));
    const b = await client.startAsyncInvoke(job("same", { clientRequestToken: "token-1" }));
    expect(b.invocationArn).toBe(a.invocationArn);
    expect(emulator.asyncInvocations).toHaveLength(1);
    const conflict = await client.startAsyncInvoke(job("different", { clientRequestToken: "token-1" })).catch((e) => e);
    expect(conflict).toBeInstanceOf(ConflictException);
    expect(conflict.status).toBe(409);
    expect((await client.getAsyncInvoke({ invocationArn: a.invocationArn })).clientRequestToken).toBe("token-1");
  });

  it("a generated token is generated once per call: a retried start makes one job", async () => {
    const { client, emulator } = setup();
    emulator.fault({ type: "throttle", operations: ["start-async-invoke"] });
    emulator.fault({ type: "server-error", operations: ["start-async-invoke"] });
    const out = await client.startAsyncInvoke(job());
    expect(out.$metadata.attempts).toBe(3);
    const tokens = emulator.requests.map((r) => (r.body as { clientRequestToken: string }).clientRequestToken);
    expect(new Set(tokens).size).toBe(1);
    // Two calls without a token are two jobs.
    await client.startAsyncInvoke(job());
    expect(emulator.asyncInvocations).toHaveLength(2);
  });
});

describe("Bedrock's refusals", () => {
  it.each([
    ["a model that does not run asynchronously", "mistral.mistral-small-2402-v1:0", "The provided request is not valid"],
    ["an unknown model", "acme.video-v9", "The provided model identifier is invalid."],
  ])("%s: ValidationException in Bedrock's words", async (_name, modelId, message) => {
    const { client } = setup();
    const error = await client.startAsyncInvoke({ ...job(), modelId }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toBe(message);
  });

  it.each(["amazon.nova-reel-v1:0", "twelvelabs.marengo-embed-2-7-v1:0", "us.twelvelabs.marengo-embed-3-0-v1:0"])("%s runs asynchronously", async (modelId) => {
    const { client, emulator, advance } = setup();
    await client.startAsyncInvoke({ ...job(), modelId, modelInput: { inputType: "text", inputText: "hello" } });
    advance(60_000);
    expect(emulator.asyncInvocations[0]!.outputFiles[0]).toMatch(modelId.includes("reel") ? /output\.mp4$/ : /output\.json$/);
  });

  it("an ARN nobody started: ResourceNotFoundException (404)", async () => {
    const { client } = setup();
    const error = await client.getAsyncInvoke({ invocationArn: "arn:aws:bedrock:us-east-1:123456789012:async-invoke/abcdefghijkl" }).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.status).toBe(404);
  });

  it("without client validation the emulator refuses what Bedrock's model refuses (maxResults, s3Uri)", async () => {
    const { bare, emulator } = setup();
    const { listAsyncInvokes } = await import("../../src/index.js");
    await expect(listAsyncInvokes(bare, { maxResults: 0 })).rejects.toThrow("Value '0' at 'maxResults' failed to satisfy constraint");
    await expect(listAsyncInvokes(bare, { maxResults: 1001 })).rejects.toBeInstanceOf(ValidationException);
    await expect(startAsyncInvoke(bare, job("x", { outputDataConfig: { s3OutputDataConfig: { s3Uri: "https://bucket/x" } } }))).rejects.toThrow("s3OutputDataConfig.s3Uri");
    expect(emulator.requests).toHaveLength(3);
  });
});

describe("validation before any network call (BedrockRuntimeClient, validation on by default)", () => {
  const start = job();
  it.each<[string, "start" | "get" | "list", unknown, string]>([
    ["missing modelId", "start", { ...start, modelId: undefined }, "modelId is required"],
    ["modelId with a space", "start", { ...start, modelId: "amazon nova" }, "modelId: must be"],
    ["modelInput missing", "start", { ...start, modelInput: undefined }, "modelInput: is required"],
    ["modelInput a JSON string", "start", { ...start, modelInput: JSON.stringify(video("x")) }, "modelInput: must be the model's request as an object"],
    ["modelInput an array", "start", { ...start, modelInput: [1] }, "modelInput: must be an object"],
    ["outputDataConfig missing", "start", { ...start, outputDataConfig: undefined }, "outputDataConfig: is required"],
    ["s3Uri missing", "start", { ...start, outputDataConfig: { s3OutputDataConfig: {} } }, "outputDataConfig.s3OutputDataConfig.s3Uri: is required"],
    ["s3Uri not s3://", "start", { ...start, outputDataConfig: { s3OutputDataConfig: { s3Uri: "https://b.s3.amazonaws.com/x" } } }, "s3Uri: must be an S3 URI"],
    ["a bad bucketOwner", "start", { ...start, outputDataConfig: { s3OutputDataConfig: { s3Uri: S3, bucketOwner: "me" } } }, "bucketOwner: must be a 12-digit account ID"],
    ["clientRequestToken with a space", "start", { ...start, clientRequestToken: "a b" }, "clientRequestToken: must be 1 to 256 printable"],
    ["clientRequestToken too long", "start", { ...start, clientRequestToken: "x".repeat(257) }, "clientRequestToken: must be 1 to 256"],
    ["clientRequestToken empty", "start", { ...start, clientRequestToken: "" }, "clientRequestToken: must be"],
    ["201 tags", "start", { ...start, tags: Array.from({ length: 201 }, (_, i) => ({ key: `k${i}`, value: "v" })) }, "tags: must hold at most 200"],
    ["empty invocationArn", "get", { invocationArn: "" }, "invocationArn is required"],
    ["missing invocationArn", "get", {}, "invocationArn is required"],
    ["an invocationArn that is not one", "get", { invocationArn: "arn:aws:bedrock:us-east-1:123456789012:async-invoke/../x" }, "invocationArn: must be an async-invoke ARN"],
    ["maxResults 0", "list", { maxResults: 0 }, "maxResults: must be between 1 and 1000, got 0"],
    ["maxResults 1001", "list", { maxResults: 1001 }, "maxResults: must be between 1 and 1000, got 1001"],
    ["maxResults 2.5", "list", { maxResults: 2.5 }, "maxResults: must be an integer"],
    ["statusEquals unknown", "list", { statusEquals: "Done" }, 'statusEquals: "Done" is not one of'],
    ["sortOrder unknown", "list", { sortOrder: "asc" }, 'sortOrder: "asc" is not one of'],
    ["submitTimeAfter not a Date", "list", { submitTimeAfter: "yesterday" }, "submitTimeAfter: must be a valid Date"],
    ["nextToken with a space", "list", { nextToken: "a b" }, "nextToken: must be"],
  ])("%s", async (_name, op, request, message) => {
    const { client, emulator } = setup();
    const call = op === "start" ? client.startAsyncInvoke(request as never) : op === "get" ? client.getAsyncInvoke(request as never) : client.listAsyncInvokes(request as never);
    const error = await call.catch((e) => e);
    expect(error).toBeInstanceOf(BedrockInputError);
    expect(error.message).toContain(message);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe("the invocation ARN stays one path segment", () => {
  it.each([
    ["a slash", "arn:aws:bedrock:us-east-1:123456789012:async-invoke/abc/def", "arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aasync-invoke%2Fabc%2Fdef"],
    ["a question mark", "x?maxResults=1", "x%3FmaxResults%3D1"],
    ["a dot-dot segment", "../../model/amazon.nova-micro-v1:0/converse", "..%2F..%2Fmodel%2Famazon.nova-micro-v1%3A0%2Fconverse"],
    ["a hash", "x#y", "x%23y"],
  ])("with %s (no client validation): GetAsyncInvoke still, refused by the emulator's pattern", async (_name, invocationArn, encoded) => {
    const { bare, emulator } = setup();
    const error = await getAsyncInvoke(bare, { invocationArn }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationException);
    const sent = emulator.requests.at(-1)!;
    expect(sent.method).toBe("GET");
    expect(sent.path).toBe(`/async-invoke/${encoded}`);
    expect(sent.operation).toBe("get-async-invoke");
    expect(sent.modelId).toBe(invocationArn);
  });

  it('"." and ".." are refused before sending: URL parsing would drop them', async () => {
    const { bare, emulator } = setup();
    for (const invocationArn of [".", ".."]) await expect(getAsyncInvoke(bare, { invocationArn })).rejects.toBeInstanceOf(BedrockInputError);
    expect(emulator.requests).toHaveLength(0);
  });

  it("a lone surrogate in the ARN or a query value is a BedrockInputError, not encodeURIComponent's URIError", async () => {
    const { bare, emulator } = setup();
    const { listAsyncInvokes } = await import("../../src/index.js");
    const arn = await getAsyncInvoke(bare, { invocationArn: "arn:aws:bedrock:us-east-1:123456789012:async-invoke/\ud800" }).catch((e: unknown) => e);
    expect(arn).toBeInstanceOf(BedrockInputError);
    expect((arn as Error).message).toMatch(/^invocationArn contains a lone UTF-16 surrogate/);
    const token = await listAsyncInvokes(bare, { nextToken: "abc\udfff" }).catch((e: unknown) => e);
    expect(token).toBeInstanceOf(BedrockInputError);
    expect((token as Error).message).toMatch(/^nextToken contains a lone UTF-16 surrogate/);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe("every surface", () => {
  it("BedrockRuntimeClient.send with the SDK's command names; hooks name the operations", async () => {
    const { emulator, now } = setup();
    const seen: string[] = [];
    const client = new BedrockRuntimeClient({
      region: "us-east-1", endpoint: "https://bedrock.test", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch, now: () => new Date(now()),
      hooks: { onRequest: (e) => void seen.push(`${e.operation} ${e.modelId}`) },
    });
    const { invocationArn } = await client.send(new StartAsyncInvokeCommand(job()));
    const got = await client.send(new GetAsyncInvokeCommand({ invocationArn }));
    const listed = await client.send(new ListAsyncInvokesCommand());
    expect(got.status).toBe("InProgress");
    expect(listed.asyncInvokeSummaries).toHaveLength(1);
    expect(seen).toEqual([`StartAsyncInvoke ${REEL}`, `GetAsyncInvoke ${invocationArn}`, "ListAsyncInvokes "]);
  });

  it("GET requests carry no body and no Content-Type; the query is signed (the emulator checks the signature)", async () => {
    const { client, emulator } = setup();
    await client.listAsyncInvokes({ maxResults: 5, statusEquals: "InProgress", submitTimeAfter: new Date(Date.UTC(2026, 0, 1)) });
    const sent = emulator.requests.at(-1)!;
    expect(sent).toMatchObject({ method: "GET", status: 200, path: "/async-invoke" });
    expect(new URL(sent.url).search).toBe("?maxResults=5&statusEquals=InProgress&submitTimeAfter=2026-01-01T00%3A00%3A00Z");
    expect(sent.headers["content-type"]).toBeUndefined();
    expect(sent.body).toBeUndefined();
  });

  it("secrets never reach an error, even when the server echoes what was sent", async () => {
    const { bare } = setup();
    const secret = EMULATOR_CREDENTIALS.secretAccessKey;
    const error = await getAsyncInvoke(bare, { invocationArn: `arn:${secret}` }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toContain("failed to satisfy constraint");
    expect(JSON.stringify({ message: error.message, cause: String(error.cause ?? "") })).not.toContain(secret);
  });
});

it("the standalone operations on BedrockRuntime's client validate as BedrockRuntime does; on a bare client they do not", async () => {
  const { emulator, now, bare } = setup();
  const runtime = new BedrockRuntime({ region: "us-east-1", endpoint: "https://bedrock.test", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch, now: () => new Date(now()) });
  const { invocationArn } = await startAsyncInvoke(runtime.client, job());
  expect((await getAsyncInvoke(runtime.client, { invocationArn })).invocationArn).toBe(invocationArn);
  await expect(getAsyncInvoke(runtime.client, { invocationArn: "nope" })).rejects.toBeInstanceOf(BedrockInputError);
  await expect(getAsyncInvoke(bare, { invocationArn: "nope" })).rejects.toBeInstanceOf(ValidationException); // Bedrock's refusal
  // BedrockClient with validateRequest (opt-in) validates these too.
  const { validateRequest } = await import("../../src/wire/index.js");
  const checked = new BedrockClient({ region: "us-east-1", endpoint: "https://bedrock.test", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch, validate: validateRequest });
  await expect(startAsyncInvoke(checked, { ...job(), modelInput: "{}" })).rejects.toBeInstanceOf(BedrockInputError);
});

it("through Cloudflare AI Gateway: signed for Bedrock's own path and query, the query forwarded", async () => {
  const emulator = createBedrockEmulator({ gateway: { token: "cf-gateway-token-EXAMPLE-0123456789" } });
  const urls: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    urls.push(request.url);
    return emulator.fetch(request);
  }) as typeof globalThis.fetch;
  const client = new BedrockRuntimeClient({
    region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch,
    gateway: { accountId: "0123456789abcdef0123456789abcdef", gatewayId: "gw", token: "cf-gateway-token-EXAMPLE-0123456789", baseUrl: "https://gateway.test" },
  });
  const { invocationArn } = await client.startAsyncInvoke(job());
  expect((await client.getAsyncInvoke({ invocationArn })).status).toBe("InProgress");
  const page = await client.listAsyncInvokes({ maxResults: 1, statusEquals: "InProgress" });
  expect(page.asyncInvokeSummaries).toHaveLength(1);
  expect(urls.at(-1)).toBe("https://gateway.test/v1/0123456789abcdef0123456789abcdef/gw/aws-bedrock/bedrock-runtime/us-east-1/async-invoke?maxResults=1&statusEquals=InProgress");
  expect(emulator.requests.at(-1)!.status).toBe(200);
});
