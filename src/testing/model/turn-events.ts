// Turns a ModelTurn into ConverseStream events (shaped like real Bedrock streams) or a Converse response.
import type { ModelTurn } from "./built-in-model.js";
import type { JsonObject } from "../types.js";
import { isObject } from "../../internal/index.js";

/** Words with their following whitespace: "J'adore la programmation." → ["J'adore ", "la ", "programmation."]. */
export function splitWords(text: string): string[] {
  const words = text.match(/\s*\S+\s*/g);
  return words && words.length > 0 ? words : [text];
}

/** JSON split into pieces of `size` characters, so clients must join partial tool input. */
export function splitJson(input: unknown, size = 12): string[] {
  const json = JSON.stringify(input ?? {});
  const pieces: string[] = [];
  for (let i = 0; i < json.length; i += size) pieces.push(json.slice(i, i + size));
  return pieces;
}

function blockEvents(block: JsonObject, index: number): JsonObject[] {
  const delta = (d: JsonObject): JsonObject => ({ contentBlockDelta: { contentBlockIndex: index, delta: d } });
  const stop: JsonObject = { contentBlockStop: { contentBlockIndex: index } };
  // As in recorded Bedrock streams, only toolUse blocks get a contentBlockStart.
  if (typeof block.text === "string") return [...splitWords(block.text).map((w) => delta({ text: w })), stop];
  if (isObject(block.toolUse)) {
    const { toolUseId, name, input } = block.toolUse;
    return [
      { contentBlockStart: { contentBlockIndex: index, start: { toolUse: { toolUseId, name } } } },
      ...splitJson(input).map((piece) => delta({ toolUse: { input: piece } })),
      stop,
    ];
  }
  if (isObject(block.reasoningContent)) {
    const reasoning = block.reasoningContent;
    if (typeof reasoning.redactedContent === "string") return [delta({ reasoningContent: { redactedContent: reasoning.redactedContent } }), stop];
    const text = isObject(reasoning.reasoningText) ? reasoning.reasoningText : {};
    const events = splitWords(String(text.text ?? "")).map((w) => delta({ reasoningContent: { text: w } }));
    if (typeof text.signature === "string") events.push(delta({ reasoningContent: { signature: text.signature } }));
    return [...events, stop];
  }
  throw new TypeError(`the emulator cannot stream a content block with members: ${Object.keys(block).join(", ")}`);
}

/** messageStart, per block (start?) deltas stop, messageStop, then metadata — the order Bedrock uses. */
export function turnToStreamEvents(turn: ModelTurn): JsonObject[] {
  const messageStop: JsonObject = { stopReason: turn.stopReason };
  if (turn.additionalModelResponseFields) messageStop.additionalModelResponseFields = turn.additionalModelResponseFields;
  return [
    { messageStart: { role: "assistant" } },
    ...turn.content.flatMap((block, index) => blockEvents(block, index)),
    { messageStop },
    { metadata: { usage: turn.usage, metrics: { latencyMs: turn.latencyMs }, ...(turn.trace ? { trace: turn.trace } : {}) } },
  ];
}

/** The same turn as a Converse (non-streaming) response body. */
export function turnToConverseResponse(turn: ModelTurn): JsonObject {
  const response: JsonObject = {
    output: { message: { role: "assistant", content: turn.content } },
    stopReason: turn.stopReason,
    usage: turn.usage,
    metrics: { latencyMs: turn.latencyMs },
  };
  if (turn.additionalModelResponseFields) response.additionalModelResponseFields = turn.additionalModelResponseFields;
  if (turn.trace) response.trace = turn.trace;
  return response;
}
