// Shared by the Worker example tests: the Worker in workerd against an emulator, and reading its SSE replies.
import { readSSEEvents, type ChatSSEEvent } from "../../src/chat/sse/index.js";
import { EMULATOR_CREDENTIALS } from "../../src/testing/node.js";
import { startWorker, type RunningWorker, type StartWorkerOptions } from "../../worker-example/local/run-worker.mjs";

/** The bindings `npm start` gives the Worker in emulator mode: endpoint plus the emulator's SigV4 keys. */
export function emulatorBindings(url: string): Record<string, string> {
  return {
    BEDROCK_ENDPOINT: url,
    AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
  };
}

/** Starts the Worker, failing the test with workerd's output if it cannot. */
export function runWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  return startWorker({ ...options, port: 0 });
}

export interface ChatReply {
  status: number;
  contentType: string | null;
  headers: Headers;
  /** The SSE events of a 200 reply (empty otherwise). */
  events: ChatSSEEvent[];
  /** The JSON body of a refusal or an error answer (undefined for a 200 reply). */
  json: Record<string, unknown> | undefined;
  raw: string;
}

let nextClient = 0;

/**
 * A client address of its own for each call, so tests do not share one rate limit budget;
 * tests of the limit pass a fixed `ip`.
 */
export const freshClientIp = (): string => `198.51.100.${(nextClient++ % 250) + 1}`;

/** POSTs JSON to the Worker's /chat and reads the whole answer: SSE events if it streamed, else its JSON. */
export async function postChat(
  worker: RunningWorker,
  body: unknown,
  options: { headers?: Record<string, string>; ip?: string } = {},
): Promise<ChatReply> {
  const response = await fetch(`${worker.url}/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": options.ip ?? freshClientIp(), ...options.headers },
    body: JSON.stringify(body),
  });
  const raw = await response.clone().text();
  const events: ChatSSEEvent[] = [];
  const streamed = response.ok && (response.headers.get("content-type") ?? "").startsWith("text/event-stream");
  if (streamed) for await (const event of readSSEEvents(response)) events.push(event);
  const json = streamed ? undefined : (JSON.parse(raw) as Record<string, unknown>);
  return { status: response.status, contentType: response.headers.get("content-type"), headers: response.headers, events, json, raw };
}

/** The text of the `delta` events, joined. */
export const replyText = (events: readonly ChatSSEEvent[]): string =>
  events.map((e) => (e.event === "delta" ? e.data.text : "")).join("");

/** This process's environment without anything that would point a child at real AWS. */
export function envWithoutAws(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(AWS_|BEDROCK_)/.test(key)) env[key] = value;
  }
  return env;
}
