// Converse response JSON and ConverseStream event payloads → SDK-shaped values with Uint8Array blobs.
import { isObject as isRecord, type Dict } from "../../internal/index.js";
import { BedrockError } from "../../errors/index.js";
import { decodeBase64 } from "./base64.js";
import type { ConverseResponse } from "../types/converse.js";
import type { ConverseStreamOutput } from "../types/stream-events.js";



/**
 * A parsed Converse response body, with the base64 blobs Bedrock may put in the output
 * message (redacted reasoning, media sources, also inside tool results) decoded to
 * `Uint8Array` as the AWS SDK does. Every other member, known or not, is kept as sent
 * (`usage.serverToolUsage`, new content-block kinds, …). The input is not modified.
 */
export function deserializeConverseResponse(json: unknown): ConverseResponse {
  if (!isRecord(json)) throw new BedrockError("Bedrock returned a Converse response that is not a JSON object");
  const output = json.output;
  if (!isRecord(output) || !isRecord(output.message) || !Array.isArray(output.message.content)) {
    return json as unknown as ConverseResponse;
  }
  const content = decodeBlocks(output.message.content, "output.message.content", decodeContentBlock);
  if (content === output.message.content) return json as unknown as ConverseResponse;
  return { ...json, output: { ...output, message: { ...output.message, content } } } as unknown as ConverseResponse;
}

/**
 * One ConverseStream event, from its `:event-type` header and parsed JSON payload, in the
 * SDK's one-key shape: `deserializeStreamEvent("messageStart", { role: "assistant", p: "abc" })`
 * → `{ messageStart: { role: "assistant" } }`. Drops Bedrock's random-length `p` padding member,
 * decodes base64 blobs (redacted reasoning and image deltas), keeps every other member.
 * Unknown event types come back under their own name, so callers can skip them.
 */
export function deserializeStreamEvent(eventType: string, payload: unknown): ConverseStreamOutput {
  let body: unknown = payload;
  if (isRecord(body) && "p" in body) {
    const { p: _padding, ...rest } = body;
    body = rest;
  }
  if (eventType === "contentBlockDelta" && isRecord(body) && isRecord(body.delta)) {
    const delta = decodeDelta(body.delta, "contentBlockDelta.delta");
    if (delta !== body.delta) body = { ...body, delta };
  }
  // Assigned rather than `{ [eventType]: body }`: V8 builds computed-key literals in a slow
  // dictionary mode, which costs more per event than the rest of this function.
  const event: Record<string, unknown> = {};
  // `__proto__` is a name like any other on the wire; assigned, it would set the prototype.
  if (eventType === "__proto__") Object.defineProperty(event, eventType, { value: body, enumerable: true, writable: true, configurable: true });
  else event[eventType] = body;
  return event as ConverseStreamOutput;
}

function decodeDelta(delta: Dict, path: string): Dict {
  const reasoning = delta.reasoningContent;
  if (isRecord(reasoning) && typeof reasoning.redactedContent === "string") {
    const redactedContent = bytes(reasoning.redactedContent, `${path}.reasoningContent.redactedContent`);
    return { ...delta, reasoningContent: { ...reasoning, redactedContent } };
  }
  if (isRecord(delta.image)) {
    const image = decodeSource(delta.image, `${path}.image`);
    if (image !== delta.image) return { ...delta, image };
  }
  return delta;
}

/** Maps `decode` over blocks, returning the same array when nothing changed. */
function decodeBlocks(blocks: unknown[], path: string, decode: (block: Dict, path: string) => Dict): unknown[] {
  let out: unknown[] | undefined;
  blocks.forEach((block, i) => {
    if (!isRecord(block)) return;
    const decoded = decode(block, `${path}[${i}]`);
    if (decoded === block) return;
    out ??= blocks.slice();
    out[i] = decoded;
  });
  return out ?? blocks;
}

// Kinds whose `source.bytes` is a blob, in ContentBlock and in ToolResultContentBlock.
const MEDIA_KINDS = ["image", "document", "video", "audio"] as const;

function decodeContentBlock(block: Dict, path: string): Dict {
  for (const kind of MEDIA_KINDS) {
    if (isRecord(block[kind])) return replace(block, kind, decodeSource(block[kind], `${path}.${kind}`));
  }
  const reasoning = block.reasoningContent;
  if (isRecord(reasoning) && typeof reasoning.redactedContent === "string") {
    const redactedContent = bytes(reasoning.redactedContent, `${path}.reasoningContent.redactedContent`);
    return { ...block, reasoningContent: { ...reasoning, redactedContent } };
  }
  const guard = block.guardContent;
  if (isRecord(guard) && isRecord(guard.image)) {
    return replace(block, "guardContent", replace(guard, "image", decodeSource(guard.image, `${path}.guardContent.image`)));
  }
  const result = block.toolResult;
  if (isRecord(result) && Array.isArray(result.content)) {
    const content = decodeBlocks(result.content, `${path}.toolResult.content`, decodeContentBlock);
    return content === result.content ? block : { ...block, toolResult: { ...result, content } };
  }
  return block;
}

/** `{ source: { bytes: "base64" } }` → `{ source: { bytes: Uint8Array } }`; anything else unchanged. */
function decodeSource(media: Dict, path: string): Dict {
  const source = media.source;
  if (!isRecord(source) || typeof source.bytes !== "string") return media;
  return { ...media, source: { ...source, bytes: bytes(source.bytes, `${path}.source.bytes`) } };
}

function replace(object: Dict, key: string, value: Dict): Dict {
  return object[key] === value ? object : { ...object, [key]: value };
}

function bytes(text: string, path: string): Uint8Array {
  try {
    return decodeBase64(text);
  } catch (cause) {
    throw new BedrockError(`Bedrock response field ${path} is not valid base64`, { cause });
  }
}
