// Builds the successful answer to a valid request: scripted or from the model, paced and faulted as asked.
import { opsToStream, planChunks } from "./body-stream.js";
import type { EmulatorModel } from "../model/index.js";
import { applyStreamFault, encodeSteps, type Padding, type Segment } from "./stream-frames.js";
import { countInputTokens } from "../model/index.js";
import { turnToConverseResponse, turnToStreamEvents } from "../model/index.js";
import type { Chunking, EmulatorOperation, JsonObject, ScriptedResponse, StreamFault } from "../types.js";
import { isObject } from "../../internal/index.js";

export interface AnswerInput {
  operation: EmulatorOperation;
  modelId: string;
  body: JsonObject;
  scripted: ScriptedResponse | undefined;
  fault: StreamFault | undefined;
  model: EmulatorModel;
  padding: Padding | undefined;
  chunking: Chunking;
  random: (max: number) => number;
  headers: Headers;
}

const utf8 = new TextEncoder();

async function bodySegments(input: AnswerInput): Promise<{ segments: Segment[]; contentType: string }> {
  const { operation, scripted, body } = input;
  if (operation === "count-tokens") {
    const converse = isObject(body.input) && isObject(body.input.converse) ? body.input.converse : undefined;
    const invokeBody = isObject(body.input) && isObject(body.input.invokeModel) ? String(body.input.invokeModel.body ?? "") : "";
    const counted = { inputTokens: converse ? countInputTokens(converse) : Math.ceil(invokeBody.length / 4) };
    return { segments: [{ kind: "frame", bytes: utf8.encode(JSON.stringify(scripted?.countTokens ?? counted)) }], contentType: "application/json" };
  }
  const context = { modelId: input.modelId, operation };
  if (operation === "converse") {
    const json = scripted?.converse ?? turnToConverseResponse(await input.model(body, context));
    return { segments: [{ kind: "frame", bytes: utf8.encode(JSON.stringify(json)) }], contentType: "application/json" };
  }
  const steps = scripted?.stream ?? turnToStreamEvents(await input.model(body, context));
  return { segments: encodeSteps(steps, input.padding), contentType: "application/vnd.amazon.eventstream" };
}

/** A 200 (or scripted status) response whose body is produced chunk by chunk. */
export async function answer(input: AnswerInput): Promise<Response> {
  const { segments, contentType } = await bodySegments(input);
  const isStream = input.operation === "converse-stream";
  // A JSON body is one "frame": a cut there sends half of it.
  const fault = input.fault && !isStream && "afterEvents" in input.fault ? { ...input.fault, afterEvents: 0 } : input.fault;
  const faulted = applyStreamFault(segments, fault);
  const drip = fault?.type === "drip" ? fault : undefined;
  const ops = planChunks(faulted, {
    chunking: drip ? (drip.chunkBytes ?? 1) : (input.scripted?.chunking ?? (isStream ? input.chunking : "whole")),
    random: input.random,
    ...(drip ? { dripMs: drip.delayMs } : {}),
  });
  const headers = new Headers(input.headers);
  headers.set("content-type", contentType);
  for (const [name, value] of Object.entries(input.scripted?.headers ?? {})) headers.set(name, value);
  return new Response(opsToStream(ops), { status: input.scripted?.status ?? 200, headers });
}
