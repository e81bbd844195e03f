// What a failed chat stream tells the browser (status, safe body, no server text), and how the page reads it back into typed errors.
import { describe, expect, it, vi } from "vitest";
import { AIMessageChunk } from "../../../src/chat/messages/messages.js";
import { errorFromSSEResponse, readSSEChunks, toErrorResponse, toSSEResponse } from "../../../src/chat/sse/index.js";
import {
  AbortError,
  AccessDeniedException,
  BedrockError,
  BedrockInputError,
  ConflictException,
  InternalServerException,
  ModelErrorException,
  ModelNotReadyException,
  ModelStreamErrorException,
  ModelTimeoutException,
  NetworkError,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ServiceUnavailableException,
  StreamDecodeError,
  ThrottlingException,
  TimeoutError,
  UnrecognizedClientException,
  ValidationException,
  type ExceptionClass,
} from "../../../src/errors/index.js";
import { chunksFrom, collectChunks, sseResponse, text } from "./sse-helpers.js";

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

const INVALID = "The model service could not accept this request";
const REFUSED = "The model service refused the request";
const THROTTLED = "Too many requests: try again later";
const UNAVAILABLE = "The model service is unavailable: try again later";
const TIMEOUT = "The model service took too long to answer";
const UPSTREAM = "The model service failed to answer";

describe("toSSEResponse: status and generic message per error class, before the first event", () => {
  it.each<[ExceptionClass, number, string]>([
    [BedrockInputError, 400, INVALID],
    [ValidationException, 400, INVALID],
    [ConflictException, 400, INVALID],
    [AccessDeniedException, 403, REFUSED],
    [UnrecognizedClientException, 403, REFUSED],
    [ThrottlingException, 429, THROTTLED],
    [ServiceQuotaExceededException, 429, THROTTLED],
    [ServiceUnavailableException, 503, UNAVAILABLE],
    [ModelNotReadyException, 503, UNAVAILABLE],
    [AbortError, 503, UNAVAILABLE],
    [ModelTimeoutException, 504, TIMEOUT],
    [TimeoutError, 504, TIMEOUT],
    [ResourceNotFoundException, 502, UPSTREAM],
    [ModelErrorException, 502, UPSTREAM],
    [ModelStreamErrorException, 502, UPSTREAM],
    [InternalServerException, 502, UPSTREAM],
    [NetworkError, 502, UPSTREAM],
    [StreamDecodeError, 502, UPSTREAM],
  ])("%o → %i", async (Ctor, status, message) => {
    const response = await toSSEResponse(chunksFrom([], new Ctor("server text", { requestId: "req-42" })));
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ name: Ctor.name, message, requestId: "req-42" });
  });

  it.each<[string, unknown, number]>([
    ["an unknown AWS error with 429", new BedrockError("x", { status: 429 }), 429],
    ["an unknown AWS error with 401", new BedrockError("x", { status: 401 }), 403],
    ["an unknown AWS error with 408", new BedrockError("x", { status: 408 }), 504],
    ["an unknown AWS error with 404", new BedrockError("x", { status: 404 }), 400],
    ["an unknown AWS error with 500", new BedrockError("x", { status: 500 }), 502],
    ["a library error without a status", new BedrockError("x"), 502],
    ["a TypeError (a bug in the handler)", new TypeError("x is not a function"), 500],
  ])("%s → %i", async (_name, failure, status) => {
    expect((await toSSEResponse(chunksFrom([], failure))).status).toBe(status);
  });

  it("counts chunks that carry no event (the stream's start metadata) as nothing streamed yet", async () => {
    const start = new AIMessageChunk({ content: "", response_metadata: { requestId: "r" } });
    const response = await toSSEResponse(chunksFrom([start, text("")], new ThrottlingException("slow")));
    expect(response.status).toBe(429);
  });

  it("keeps the caller's headers (CORS, say) but not its status on an error answer", async () => {
    const response = await toSSEResponse(chunksFrom([], new ThrottlingException("slow")), { status: 201, headers: { "access-control-allow-origin": "https://app.example" } });
    expect(response.status).toBe(429);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("leaves out a request ID that does not look like one", async () => {
    const failure = new ThrottlingException("slow", { requestId: "r\n<script>" });
    expect(await (await toSSEResponse(chunksFrom([], failure))).json()).toEqual({ name: "ThrottlingException", message: THROTTLED });
  });
});

describe("toSSEResponse keeps server text on the server", () => {
  const ARN = "arn:aws:iam::123456789012:role/chat-worker";
  const SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLEfakeSessionToken0123456789abcdefABCDEF";
  const secrets = [ARN, "123456789012", SESSION_TOKEN, "chat-worker", "bedrock:InvokeModelWithResponseStream", "console"];
  const failures: Array<[string, () => unknown]> = [
    ["AccessDeniedException", () => new AccessDeniedException(`User: ${ARN} is not authorized to perform: bedrock:InvokeModelWithResponseStream`)],
    ["UnrecognizedClientException", () => new UnrecognizedClientException(`The security token ${SESSION_TOKEN} included in the request is invalid.`)],
    ["ValidationException", () => new ValidationException(`Invocation of model ID x with on-demand throughput isn't supported for account 123456789012. Retry with an inference profile; see the console.`)],
    ["ThrottlingException", () => new ThrottlingException(`Too many tokens for account 123456789012 (${ARN})`)],
    ["a TypeError", () => new TypeError(`Cannot read properties of undefined (reading '${SESSION_TOKEN}')`)],
  ];

  it.each(failures)("%s before the first event: the JSON body has none of it, onError has all of it", async (_name, make) => {
    const failure = make();
    const onError = vi.fn();
    const response = await toSSEResponse(chunksFrom([], failure), { onError });
    const body = await response.text();
    for (const secret of secrets) expect(body).not.toContain(secret);
    expect(onError).toHaveBeenCalledWith(failure);
  });

  it.each(failures)("%s mid-stream: the SSE body has none of it", async (_name, make) => {
    const body = await (await toSSEResponse(chunksFrom([text("Bonjour")], make()))).text();
    expect(body.startsWith(sse("delta", { text: "Bonjour" }))).toBe(true);
    expect(body).toMatch(/event: error\n/);
    for (const secret of secrets) expect(body).not.toContain(secret);
  });
});

describe("toSSEResponse opt-ins for the page's message", () => {
  const failure = new ValidationException("The maximum tokens you requested exceeds the model limit of 5000.");

  it("exposeErrors forwards a library error's message, in both shapes", async () => {
    expect(await (await toSSEResponse(chunksFrom([], failure), { exposeErrors: true })).json()).toEqual({ name: "ValidationException", message: failure.message });
    expect(await (await toSSEResponse(chunksFrom([text("a")], failure), { exposeErrors: true })).text()).toBe(
      sse("delta", { text: "a" }) + sse("error", { name: "ValidationException", message: failure.message }),
    );
  });

  it("exposeErrors still withholds what is not a library error", async () => {
    const body = await (await toSSEResponse(chunksFrom([], new TypeError("token abc123")), { exposeErrors: true })).json();
    expect(body).toEqual({ name: "TypeError", message: "The reply stream failed" });
  });

  it("errorMessage chooses the message, and undefined falls back to the generic one", async () => {
    const errorMessage = (error: unknown) => (error instanceof ValidationException ? "Your message is too long" : undefined);
    expect(await (await toSSEResponse(chunksFrom([], failure), { errorMessage })).json()).toMatchObject({ message: "Your message is too long" });
    expect(await (await toSSEResponse(chunksFrom([], new ThrottlingException("x")), { errorMessage })).json()).toMatchObject({ message: THROTTLED });
  });
});

describe("readSSEChunks error events and error responses", () => {
  const read = (response: Response) => collectChunks(readSSEChunks(response)).catch((e: unknown) => e);

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "__defineGetter__", "valueOf"])(
    "an error event named %j is a BedrockError with that name (not a String or a TypeError)",
    async (name) => {
      const error = await read(sseResponse(sse("error", { name, message: "m" })));
      expect(BedrockError.isInstance(error)).toBe(true);
      expect(error).toBeInstanceOf(BedrockError);
      expect(error).toMatchObject({ name, message: "m", code: name });
    },
  );

  it("an error event keeps its request ID", async () => {
    const error = await read(sseResponse(sse("error", { name: "ThrottlingException", message: "m", requestId: "req-7" })));
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error).toMatchObject({ requestId: "req-7", retryable: true });
  });

  it("an error event with a non-string request ID is a decode error", async () => {
    const error = await read(sseResponse(sse("error", { name: "ThrottlingException", message: "m", requestId: 7 })));
    expect(error).toBeInstanceOf(StreamDecodeError);
  });

  it.each<[ExceptionClass, number]>([
    [ValidationException, 400],
    [UnrecognizedClientException, 403],
    [ThrottlingException, 429],
    [ResourceNotFoundException, 502],
    [ServiceUnavailableException, 503],
    [TimeoutError, 504],
  ])("toSSEResponse's JSON answer for %o reads back as that class with the answer's status", async (Ctor, status) => {
    const error = await read(await toSSEResponse(chunksFrom([], new Ctor("server text", { requestId: "req-1" }))));
    expect(error).toBeInstanceOf(Ctor);
    expect(error).toMatchObject({ name: Ctor.name, status, requestId: "req-1" });
    expect((error as Error).message).not.toContain("server text");
  });

  it("a JSON error answer with an unknown name is a BedrockError carrying the name and status", async () => {
    const response = Response.json({ name: "constructor", message: "nope" }, { status: 418 });
    expect(await errorFromSSEResponse(response)).toMatchObject({ name: "constructor", message: "nope", status: 418, code: "constructor" });
  });

  it.each<[string, ResponseInit, string]>([
    ["__type", { status: 400 }, JSON.stringify({ __type: "__proto__", message: "m" })],
    ["x-amzn-errortype", { status: 500, headers: { "x-amzn-errortype": "__proto__" } }, "{}"],
  ])("a body of another shape naming %s __proto__ is still a BedrockError", async (_where, init, body) => {
    const error = await errorFromSSEResponse(new Response(body, init));
    expect(BedrockError.isInstance(error)).toBe(true);
    expect(error.status).toBe(init.status);
  });

  it("reads a promise of a response too (fetch(...) or toSSEResponse(...) unawaited)", async () => {
    const error = await collectChunks(readSSEChunks(toSSEResponse(chunksFrom([], new ThrottlingException("x"))))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottlingException);
  });
});

describe("toErrorResponse: the same safe JSON answer, for routes that do not stream", () => {
  it.each<[unknown, number, string, string]>([
    [new ThrottlingException("Too many tokens, arn:aws:bedrock:us-east-1:123456789012:model", { requestId: "req-1" }), 429, "ThrottlingException", THROTTLED],
    [new AccessDeniedException("User arn:aws:iam::123456789012:user/x is not authorized"), 403, "AccessDeniedException", REFUSED],
    [new ValidationException("Malformed input request: #: extraneous key [x]"), 400, "ValidationException", INVALID],
    [new TypeError("Vectorize said AKIAIOSFODNN7EXAMPLE"), 500, "TypeError", "The reply stream failed"],
  ])("%s → %i with the generic message, never the server's text", async (error, status, name, message) => {
    const response = toErrorResponse(error, { headers: { "x-content-type-options": "nosniff" } });
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const raw = await response.clone().text();
    expect(raw).not.toMatch(/123456789012|AKIA|Malformed|extraneous/);
    expect(JSON.parse(raw)).toMatchObject({ name, message });
    // The page turns it back into the typed error, as after toSSEResponse.
    const back = await errorFromSSEResponse(response);
    expect(back.name).toBe(name);
    expect(back).toBeInstanceOf(BedrockError);
  });

  it("exposeErrors forwards a library error's own message; errorMessage chooses one", async () => {
    const error = new ThrottlingException("Too many requests, please wait", { requestId: "req-2" });
    expect(await toErrorResponse(error, { exposeErrors: true }).json()).toEqual({ name: "ThrottlingException", message: "Too many requests, please wait", requestId: "req-2" });
    expect(await toErrorResponse(error, { errorMessage: () => "slow down" }).json()).toEqual({ name: "ThrottlingException", message: "slow down", requestId: "req-2" });
  });
});
