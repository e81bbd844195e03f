// Helpers for the built-in model tests: signed (or API-key) calls through the emulator's fetch handler,
// and ConverseStream events folded back into the Converse response shape so both operations compare equal.
import { expect } from "vitest";
import { signRequest } from "../../../src/auth/index.js";
import { decodeConverseStream } from "../../../src/event-stream/converse-stream.js";
import { BedrockError } from "../../../src/errors/index.js";
import { EMULATOR_API_KEY, EMULATOR_CREDENTIALS, type BedrockEmulator } from "../../../src/testing/index.js";

export const CLAUDE = "us.anthropic.claude-sonnet-4-20250514-v1:0";
export const OPERATIONS = ["converse", "converse-stream"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** What a call produced, the same shape for both operations. */
export interface Outcome {
  status: number;
  content?: any[];
  stopReason?: string;
  usage?: any;
  metrics?: any;
  trace?: any;
  /** Stream only: the decoded events. */
  events?: any[];
  error?: { type: string; message: string };
}

export interface CallOptions {
  model?: string;
  auth?: "sigv4" | "api-key";
}

export async function send(emulator: BedrockEmulator, operation: Operation, body: unknown, options: CallOptions = {}): Promise<Response> {
  const url = `https://bedrock-runtime.us-east-1.amazonaws.com/model/${encodeURIComponent(options.model ?? CLAUDE)}/${operation}`;
  const text = JSON.stringify(body);
  const headers =
    options.auth === "api-key"
      ? new Headers({ "content-type": "application/json", authorization: `Bearer ${EMULATOR_API_KEY}` })
      : await signRequest({ method: "POST", url, headers: { "content-type": "application/json" }, body: text }, { credentials: EMULATOR_CREDENTIALS, region: "us-east-1" });
  return emulator.fetch(new Request(url, { method: "POST", headers, body: text }));
}

/** Stream events folded into Converse content blocks: texts and reasoning joined, tool input JSON parsed. */
export function foldEvents(events: any[]): Pick<Outcome, "content" | "stopReason" | "usage" | "metrics" | "trace"> {
  const blocks: any[] = [];
  const inputs: string[] = [];
  const out: ReturnType<typeof foldEvents> = {};
  for (const event of events) {
    if (event.contentBlockStart?.start?.toolUse) {
      const { toolUseId, name } = event.contentBlockStart.start.toolUse;
      blocks[event.contentBlockStart.contentBlockIndex] = { toolUse: { toolUseId, name, input: {} } };
      inputs[event.contentBlockStart.contentBlockIndex] = "";
    }
    const delta = event.contentBlockDelta?.delta;
    if (delta) {
      const i = event.contentBlockDelta.contentBlockIndex;
      if (typeof delta.text === "string") blocks[i] = { text: (blocks[i]?.text ?? "") + delta.text };
      if (delta.toolUse) inputs[i] = (inputs[i] ?? "") + delta.toolUse.input;
      if (delta.reasoningContent) {
        const reasoning = (blocks[i] ??= { reasoningContent: { reasoningText: { text: "" } } }).reasoningContent.reasoningText;
        if (typeof delta.reasoningContent.text === "string") reasoning.text += delta.reasoningContent.text;
        if (typeof delta.reasoningContent.signature === "string") reasoning.signature = delta.reasoningContent.signature;
      }
    }
    if (event.messageStop) out.stopReason = event.messageStop.stopReason;
    if (event.metadata) {
      out.usage = event.metadata.usage;
      out.metrics = event.metadata.metrics;
      if (event.metadata.trace) out.trace = event.metadata.trace;
    }
  }
  inputs.forEach((json, i) => {
    if (json !== undefined && blocks[i]?.toolUse) blocks[i].toolUse.input = JSON.parse(json);
  });
  out.content = blocks;
  return out;
}

/** Calls one operation and returns its outcome in one shape; AWS errors come back as `error`. */
export async function call(emulator: BedrockEmulator, operation: Operation, body: unknown, options: CallOptions = {}): Promise<Outcome> {
  const response = await send(emulator, operation, body, options);
  if (response.status !== 200) {
    const type = (response.headers.get("x-amzn-errortype") ?? "").split(":")[0]!;
    return { status: response.status, error: { type, message: (await response.json()).message } };
  }
  if (operation === "converse") {
    const json = await response.json();
    const { output, stopReason, usage, metrics, trace } = json;
    return { status: 200, content: output.message.content, stopReason, usage, metrics, ...(trace ? { trace } : {}) };
  }
  const events: any[] = [];
  try {
    for await (const event of decodeConverseStream(response.body!)) events.push(event);
  } catch (error) {
    if (error instanceof BedrockError) return { status: 200, events, error: { type: error.name, message: error.message } };
    throw error;
  }
  return { status: 200, events, ...foldEvents(events) };
}

/** Both operations on the same emulator state, each from a fresh emulator made by `make`. */
export async function callBoth(make: () => BedrockEmulator, body: unknown, options: CallOptions = {}): Promise<Record<Operation, Outcome>> {
  return { converse: await call(make(), "converse", body, options), "converse-stream": await call(make(), "converse-stream", body, options) };
}

/** A tool-call case's expectation: a text reply, or the [name, input] of each call (with a well-formed ID). */
export type ToolCase = [name: string, body: unknown, expected: Array<[string, unknown]> | string];

/** Runs one ToolCase through the emulator and checks what the built-in model answered. */
export async function expectToolCase(emulator: BedrockEmulator, operation: Operation, body: unknown, expected: ToolCase[2]): Promise<void> {
  const outcome = await call(emulator, operation, body);
  expect(outcome.error).toBeUndefined();
  if (typeof expected === "string") {
    expect(outcome.content).toEqual([{ text: expected }]);
    expect(outcome.stopReason).toBe("end_turn");
    return;
  }
  expect(outcome.stopReason).toBe("tool_use");
  expect(outcome.content!.map((b) => [b.toolUse.name, b.toolUse.input])).toEqual(expected);
  for (const block of outcome.content!) expect(block.toolUse.toolUseId).toMatch(/^tooluse_[A-Za-z0-9_-]{22}$/);
}

export const user = (...content: unknown[]) => ({ role: "user", content });
export const assistant = (...content: unknown[]) => ({ role: "assistant", content });
export const say = (text: string) => ({ messages: [user({ text })] });

/** A tool spec in Converse shape. */
export const tool = (name: string, properties: Record<string, unknown> = {}, required: string[] = []) => ({
  toolSpec: { name, description: `The ${name} tool`, inputSchema: { json: { type: "object", properties, required } } },
});
