// Test helpers: recorded fixtures as one-key events, folding events into a Converse response,
// and running a stream converter to a concatenated chunk.
import { conformanceUrl } from "../../conformance.js";
import { readFileSync, readdirSync } from "node:fs";
import { createStreamConverter } from "../../../src/chat/response/convert-stream.js";
import type { ConverseResponseLike, ConverseStreamOutputLike, OutputContentBlock } from "../../../src/chat/response/convert-response-shapes.js";
import { AIMessageChunk } from "../../../src/chat/messages/messages.js";

export const RECORDED = conformanceUrl("recorded/");

type Event = ConverseStreamOutputLike;

/** Recorded `*.events.json` frames → `{ [":event-type"]: payload }` events, the `p` padding dropped. */
export function loadRecordedStreams(): Array<{ name: string; events: Event[] }> {
  const out: Array<{ name: string; events: Event[] }> = [];
  for (const dir of ["pydantic-ai", "langchain-aws"]) {
    for (const file of readdirSync(new URL(`${dir}/`, RECORDED)).sort()) {
      if (!file.endsWith(".events.json")) continue;
      const frames = JSON.parse(readFileSync(new URL(`${dir}/${file}`, RECORDED), "utf8")) as Array<{
        headers: Record<string, string>;
        payload: Record<string, unknown>;
      }>;
      const events = frames.map(({ headers, payload }) => {
        const { p: _padding, ...rest } = payload;
        return { [headers[":event-type"]!]: rest } as Event;
      });
      out.push({ name: `${dir}/${file.replace(".events.json", "")}`, events });
    }
  }
  for (const file of readdirSync(new URL("vercel-ai/", RECORDED)).sort()) {
    if (!file.endsWith(".chunks.txt")) continue;
    const lines = readFileSync(new URL(`vercel-ai/${file}`, RECORDED), "utf8").split("\n").filter(Boolean);
    out.push({ name: `vercel-ai/${file.replace(".chunks.txt", "")}`, events: lines.map((l) => JSON.parse(l) as Event) });
  }
  return out;
}

/** Recorded non-streaming Converse bodies. */
export function loadRecordedResponses(): Array<{ name: string; body: ConverseResponseLike }> {
  const out: Array<{ name: string; body: ConverseResponseLike }> = [];
  for (const name of ["claude-reasoning-converse", "claude-tooluse-followup-converse"]) {
    const file = JSON.parse(readFileSync(new URL(`langchain-aws/${name}.response.json`, RECORDED), "utf8"));
    out.push({ name: `langchain-aws/${name}`, body: file.body_json });
  }
  for (const name of ["amazon-bedrock-text", "amazon-bedrock-reasoning"]) {
    out.push({ name: `vercel-ai/${name}`, body: JSON.parse(readFileSync(new URL(`vercel-ai/${name}.json`, RECORDED), "utf8")) });
  }
  return out;
}

interface Acc {
  kind?: "text" | "reasoning" | "redacted" | "toolUse" | "citations" | "toolResult" | "image";
  text: string;
  signature?: string;
  redacted: string[];
  citations: unknown[];
  toolUse?: { toolUseId?: string; name?: string; type?: string };
  input: string;
  results: Array<Record<string, unknown>>;
  raw: Record<string, unknown>;
}

/**
 * Folds stream events into the Converse response Bedrock would have returned for the same
 * reply: pieces of a block joined, citations wrapped in `citationsContent`, tool input parsed.
 * Written independently of the converter, from the API reference.
 */
export function foldEvents(events: readonly Event[]): ConverseResponseLike {
  const blocks = new Map<number, Acc>();
  const response: ConverseResponseLike = {};
  const acc = (i: number): Acc => {
    let a = blocks.get(i);
    if (!a) blocks.set(i, (a = { text: "", redacted: [], citations: [], input: "", results: [], raw: {} }));
    return a;
  };
  for (const event of events) {
    if (event.contentBlockStart) {
      const a = acc(event.contentBlockStart.contentBlockIndex ?? 0);
      const start = event.contentBlockStart.start ?? {};
      if (start.toolUse) (a.kind = "toolUse"), (a.toolUse = { ...start.toolUse });
      else if (start.toolResult) (a.kind = "toolResult"), (a.raw = { ...start.toolResult });
      else if (start.image) (a.kind = "image"), (a.raw = { ...start.image });
    } else if (event.contentBlockDelta) {
      const a = acc(event.contentBlockDelta.contentBlockIndex ?? 0);
      const d = event.contentBlockDelta.delta ?? {};
      if (typeof d.text === "string") {
        a.kind ??= "text";
        a.text += d.text;
      } else if (d.toolUse) {
        a.kind ??= "toolUse";
        a.input += d.toolUse.input ?? "";
      } else if (d.citation) {
        a.kind = "citations";
        a.citations.push(d.citation);
      } else if (d.reasoningContent) {
        const r = d.reasoningContent;
        if (r.redactedContent !== undefined) {
          a.kind = "redacted";
          a.redacted.push(r.redactedContent as string);
        } else {
          a.kind = "reasoning";
          if (r.text !== undefined) a.text += r.text;
          if (r.signature !== undefined) a.signature = (a.signature ?? "") + r.signature;
        }
      } else if (d.toolResult) {
        for (const item of d.toolResult) {
          const last = a.results.at(-1);
          if (typeof item.text === "string" && last && typeof last["text"] === "string") last["text"] += item.text;
          else a.results.push({ ...item });
        }
      } else if (d.image) {
        Object.assign(a.raw, d.image);
      }
    } else if (event.messageStop) {
      response.stopReason = event.messageStop.stopReason;
      if (event.messageStop.additionalModelResponseFields !== undefined) {
        response.additionalModelResponseFields = event.messageStop.additionalModelResponseFields;
      }
    } else if (event.metadata) {
      const { usage, metrics, trace, performanceConfig, serviceTier } = event.metadata;
      Object.assign(response, JSON.parse(JSON.stringify({ usage, metrics, trace, performanceConfig, serviceTier })));
    }
  }
  const content: OutputContentBlock[] = [...blocks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, a]) => toBlock(a));
  response.output = { message: { role: "assistant", content } };
  return response;
}

function toBlock(a: Acc): OutputContentBlock {
  switch (a.kind) {
    case "text":
    case undefined:
      return { text: a.text };
    case "citations":
      return { citationsContent: { content: [{ text: a.text }], citations: a.citations as never } };
    case "reasoning":
      return {
        reasoningContent: { reasoningText: { text: a.text, ...(a.signature !== undefined && { signature: a.signature }) } },
      };
    case "redacted": {
      const bytes = a.redacted.map((b) => atob(b)).join("");
      return { reasoningContent: { redactedContent: btoa(bytes) } };
    }
    case "toolUse": {
      let input: unknown = {};
      if (a.input.trim() !== "") {
        try {
          input = JSON.parse(a.input);
        } catch {
          input = a.input; // kept raw: the converter must report it as an invalid tool call
        }
      }
      return { toolUse: { ...a.toolUse, input } };
    }
    case "toolResult":
      return { toolResult: { ...a.raw, content: a.results } };
    case "image":
      return { image: { ...a.raw } };
  }
}

/** Runs events through a fresh converter and concatenates every chunk it yields. */
export function streamToMessage(
  events: readonly Event[],
  options: { modelId?: string; requestId?: string } = {},
): { chunks: AIMessageChunk[]; message: AIMessageChunk } {
  const converter = createStreamConverter(options);
  const chunks = events.map((e) => converter.next(e)).filter((c): c is AIMessageChunk => c !== undefined);
  const message = chunks.reduce((acc, c) => acc.concat(c), new AIMessageChunk(""));
  return { chunks, message };
}

/** Content without the stream-only `index` keys. */
export function withoutIndex(content: unknown): unknown {
  if (!Array.isArray(content)) return content;
  return content.map((block) => {
    if (typeof block !== "object" || block === null) return block;
    const { index: _index, ...rest } = block as Record<string, unknown>;
    return rest;
  });
}
