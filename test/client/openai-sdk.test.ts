// The real `openai` package (6.30.1) through createSigningFetch against the emulator's Chat Completions route.
import { readFileSync } from "node:fs";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { BedrockClient, createSigningFetch, type BedrockClientOptions } from "../../src/index.js";
import { BedrockInputError } from "../../src/errors/index.js";
import {
  createBedrockEmulator,
  EMULATOR_API_KEY,
  EMULATOR_CREDENTIALS,
  EMULATOR_SESSION_CREDENTIALS,
  type BedrockEmulator,
} from "../../src/testing/index.js";
import { startEmulator } from "../../src/testing/node.js";

const MODEL = "openai.gpt-oss-20b-1:0";
const BEDROCK = "https://bedrock-runtime.us-east-1.amazonaws.com";
const messages = [
  { role: "developer" as const, content: "You are a helpful assistant." },
  { role: "user" as const, content: "I love programming." },
];

/** An OpenAI client whose requests go, signed, to the emulator (addressed as Bedrock's own host). */
function setUp(options: Partial<BedrockClientOptions> = {}, emulator: BedrockEmulator = createBedrockEmulator()) {
  const client = new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch, random: () => 0, ...options });
  // The SDK's own retries are off so every retry seen here is the signing fetch's.
  const openai = new OpenAI({ baseURL: `${BEDROCK}/openai/v1`, apiKey: "unused", fetch: createSigningFetch(client), maxRetries: 0 });
  return { emulator, openai };
}

describe("chat.completions.create through createSigningFetch", () => {
  it("sends a SigV4-signed request the emulator verifies, and reads the reply", async () => {
    const { emulator, openai } = setUp();
    const completion = await openai.chat.completions.create({ model: MODEL, messages });
    expect(completion.choices[0]!.message.content).toBe("J'adore la programmation.");
    expect(completion.choices[0]!.finish_reason).toBe("stop");
    expect(completion.object).toBe("chat.completion");
    expect(completion.model).toBe(MODEL);
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage?.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
    const [record] = emulator.requests;
    expect(record!.path).toBe("/openai/v1/chat/completions");
    expect(record!.auth).toEqual({ kind: "sigv4", accessKeyId: EMULATOR_CREDENTIALS.accessKeyId });
    expect(record!.status).toBe(200);
    // The SDK's placeholder key never left: the Authorization header is our signature.
    expect(record!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/bedrock\/aws4_request/);
    expect(JSON.stringify(record!.headers)).not.toContain("unused");
    // The SDK's own headers are kept and signed.
    expect(record!.headers.authorization).toMatch(/SignedHeaders=[^,]*x-stainless-lang/);
  });

  it("streams chunks ending with usage when stream_options.include_usage is set", async () => {
    const { emulator, openai } = setUp();
    const stream = await openai.chat.completions.create({ model: MODEL, messages, stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(text).toBe("J'adore la programmation.");
    expect(chunks.map((c) => c.choices[0]?.delta.content).filter(Boolean)).toEqual(["J'adore ", "la ", "programmation."]);
    expect(chunks[0]!.choices[0]!.delta.role).toBe("assistant");
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe("stop");
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage?.completion_tokens).toBeGreaterThan(0);
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(emulator.requests[0]!.auth.kind).toBe("sigv4");
  });

  it("streams without a usage chunk when include_usage is not set", async () => {
    const { openai } = setUp();
    const stream = await openai.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "hello there" }], stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe("You said: hello there");
    expect(chunks.every((c) => c.choices.length === 1 && c.usage === undefined)).toBe(true);
  });

  it("sends a Bedrock API key as Bearer", async () => {
    const { emulator, openai } = setUp({ apiKey: EMULATOR_API_KEY, credentials: undefined });
    const completion = await openai.chat.completions.create({ model: MODEL, messages });
    expect(completion.choices[0]!.message.content).toBe("J'adore la programmation.");
    expect(emulator.requests[0]!.auth).toEqual({ kind: "bearer" });
  });

  it("works over loopback with the client's endpoint", async () => {
    const server = await startEmulator({ port: 0 });
    try {
      const client = new BedrockClient({ region: "us-east-1", endpoint: server.url, credentials: EMULATOR_SESSION_CREDENTIALS });
      const openai = new OpenAI({ baseURL: `${server.url}/openai/v1`, apiKey: "unused", fetch: createSigningFetch(client), maxRetries: 0 });
      const completion = await openai.chat.completions.create({ model: MODEL, messages, max_completion_tokens: 2 });
      expect(completion.choices[0]!.message.content).toBe("J'adore ");
      expect(completion.choices[0]!.finish_reason).toBe("length");
      expect(server.emulator.requests[0]!.auth.kind).toBe("sigv4");
    } finally {
      await server.close();
    }
  });

  it("retries a 429 before the response reaches the SDK", async () => {
    const { emulator, openai } = setUp();
    emulator.fault({ type: "throttle", times: 2 });
    const completion = await openai.chat.completions.create({ model: MODEL, messages });
    expect(completion.choices[0]!.message.content).toBe("J'adore la programmation.");
    expect(emulator.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it("retries a 429 of a streamed call: nothing of the stream had started", async () => {
    const { emulator, openai } = setUp();
    emulator.fault({ type: "throttle" });
    const stream = await openai.chat.completions.create({ model: MODEL, messages, stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("J'adore la programmation.");
    expect(emulator.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("hands the last 429 to the SDK, in OpenAI's error shape, once the retries are spent", async () => {
    const { emulator, openai } = setUp({ maxRetries: 1 });
    emulator.fault({ type: "throttle", times: 5 });
    const error = await openai.chat.completions.create({ model: MODEL, messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).message).toContain("Too many requests, please wait before trying again.");
    expect(emulator.requests).toHaveLength(2);
  });

  it("refuses to sign for another host: the SDK sees a connection error, nothing is sent", async () => {
    const emulator = createBedrockEmulator();
    const client = new BedrockClient({ region: "us-east-1", credentials: EMULATOR_CREDENTIALS, fetch: emulator.asFetch });
    const openai = new OpenAI({ baseURL: "https://attacker.example/openai/v1", apiKey: "unused", fetch: createSigningFetch(client), maxRetries: 0 });
    const error = await openai.chat.completions.create({ model: MODEL, messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(BedrockInputError);
    expect(String((cause as Error).message)).toContain("refusing to sign a request to \"https://attacker.example\"");
    expect(emulator.requests).toHaveLength(0);
  });

  it("keeps the session token and secret key out of the error the SDK throws on a signature mismatch", async () => {
    const wrong = { ...EMULATOR_SESSION_CREDENTIALS, secretAccessKey: "wrongSecretKeyEXAMPLE0123456789abcdefghij" };
    const emulator = createBedrockEmulator();
    const client = new BedrockClient({ region: "us-east-1", credentials: wrong, fetch: emulator.asFetch });
    const signingFetch = createSigningFetch(client);
    const openai = new OpenAI({ baseURL: `${BEDROCK}/openai/v1`, apiKey: "unused", fetch: signingFetch, maxRetries: 0 });
    const error = await openai.chat.completions.create({ model: MODEL, messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(emulator.requests[0]!.errorType).toBe("InvalidSignatureException");
    // The body the SDK read (AWS's shape, which it does not quote) is the scrubbed one: read it directly.
    const response = await signingFetch(`${BEDROCK}/openai/v1/chat/completions`, { method: "POST", body: JSON.stringify({ model: MODEL, messages }) });
    const body = await response.text();
    expect(response.status).toBe(403);
    expect(body).toContain("The request signature we calculated does not match");
    expect(body).toContain("x-amz-security-token:");
    const seen = [String((error as Error).message), JSON.stringify(error), body, JSON.stringify([...response.headers])].join("\n");
    expect(seen).not.toContain(EMULATOR_SESSION_CREDENTIALS.sessionToken);
    expect(seen).not.toContain(wrong.secretAccessKey);
  });

  it("answers an invalid body with an OpenAI-shaped 400", async () => {
    const { openai } = setUp();
    const error = await openai.chat.completions.create({ model: MODEL, messages: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toEqual({
      message: "messages: at least one message is required",
      type: "invalid_request_error",
      code: "ValidationException",
      param: null,
    });
  });
});

describe("the docs/testing.md Chat Completions snippet", () => {
  it("runs as written", async () => {
    const doc = readFileSync(new URL("../../docs/testing.md", import.meta.url), "utf8");
    const section = doc.slice(doc.indexOf("## OpenAI-compatible Chat Completions"));
    const code = /```ts\n([\s\S]*?)```/.exec(section)![1]!.replace(/^import [\s\S]*?;$/gm, "");
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;
    const run = new AsyncFunction("OpenAI", "BedrockClient", "createSigningFetch", "createBedrockEmulator", "EMULATOR_CREDENTIALS", `${code}\nreturn { completion, emulator };`);
    const { completion, emulator } = (await run(OpenAI, BedrockClient, createSigningFetch, createBedrockEmulator, EMULATOR_CREDENTIALS)) as {
      completion: OpenAI.ChatCompletion;
      emulator: BedrockEmulator;
    };
    expect(completion.choices[0]!.message.content).toBe("J'adore la programmation.");
    expect(emulator.requests[0]!.auth.kind).toBe("sigv4");
  });
});
