// Builds the successful answer to a valid request: scripted or from the model, paced and faulted as asked.
import { opsToStream, planChunks } from "./body-stream.js";
import type { EmulatorModel } from "../model/index.js";
import { applyStreamFault, encodeSteps, type Padding, type Segment } from "./stream-frames.js";
import { countInputTokens } from "../model/index.js";
import { turnToConverseResponse, turnToStreamEvents } from "../model/index.js";
import type { Chunking, EmulatorOperation, JsonObject, ScriptedResponse, StreamFault } from "../types.js";
import { isObject } from "../../internal/index.js";
import { encodeBase64 } from "../../wire/serde/base64.js";
import { nativeCodec, type NativeCodec } from "../model/native-more.js";
import { embeddingInvokeAnswer } from "../model/embedding-invoke.js";
import { imageInvokeAnswer } from "../model/image-invoke.js";
import { rerankResponse } from "../model/rerank.js";
import { applyGuardrailResponse, type GuardrailSettings } from "../model/apply-guardrail.js";

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
  /** The request's headers (InvokeModel's X-Amzn-Bedrock-* members are answered in kind). */
  requestHeaders?: Headers;
  /** The built-in guardrail's words and message, for ApplyGuardrail. */
  guardrail?: GuardrailSettings;
}

const utf8 = new TextEncoder();

type Body = { segments: Segment[]; contentType: string; headers?: Record<string, string> };

const json = (value: unknown): Segment[] => [{ kind: "frame", bytes: utf8.encode(typeof value === "string" ? value : JSON.stringify(value)) }];

/** InvokeModel and its stream: the native body → the built-in model → the provider's native answer. */
async function invokeSegments(input: AnswerInput): Promise<Body> {
  const { operation, scripted, body, modelId } = input;
  const stream = operation === "invoke-with-response-stream";
  const embedding = scripted?.invoke === undefined ? embeddingInvokeAnswer(modelId, body) : undefined;
  if (embedding) return { segments: json(embedding.json), contentType: "application/json", headers: embedding.headers };
  const images = scripted?.invoke === undefined && !stream ? await imageInvokeAnswer(modelId, body) : undefined;
  if (images) return { segments: json(images), contentType: "application/json", headers: { "x-amzn-bedrock-invocation-latency": "1" } };
  const codec = nativeCodec(modelId) as NativeCodec;
  const turn = async () => input.model(codec.toConverse(body), { modelId, operation: stream ? "converse-stream" : "converse" });
  if (stream) {
    const steps =
      scripted?.stream ?? codec.streamEvents(modelId, await turn()).map((event) => ({ chunk: { bytes: encodeBase64(utf8.encode(JSON.stringify(event))) } }));
    return { segments: encodeSteps(steps, input.padding), contentType: "application/vnd.amazon.eventstream", headers: { "x-amzn-bedrock-content-type": "application/json" } };
  }
  if (scripted?.invoke !== undefined) return { segments: json(scripted.invoke), contentType: "application/json" };
  const answered = await turn();
  return {
    segments: json(codec.response(modelId, answered)),
    contentType: "application/json",
    // The invocation metrics Bedrock sends as headers on every InvokeModel answer.
    headers: {
      "x-amzn-bedrock-input-token-count": String(answered.usage.inputTokens),
      "x-amzn-bedrock-output-token-count": String(answered.usage.outputTokens),
      "x-amzn-bedrock-invocation-latency": String(answered.latencyMs),
    },
  };
}

async function bodySegments(input: AnswerInput): Promise<Body> {
  const { operation, scripted, body } = input;
  if (operation === "invoke" || operation === "invoke-with-response-stream") return invokeSegments(input);
  if (operation === "rerank") return { segments: json(scripted?.rerank ?? rerankResponse(body)), contentType: "application/json" };
  if (operation === "apply-guardrail") return { segments: json(scripted?.applyGuardrail ?? applyGuardrailResponse(body, input.guardrail)), contentType: "application/json" };
  if (operation === "count-tokens") {
    const converse = isObject(body.input) && isObject(body.input.converse) ? body.input.converse : undefined;
    const invokeBody = isObject(body.input) && isObject(body.input.invokeModel) ? String(body.input.invokeModel.body ?? "") : "";
    const counted = { inputTokens: converse ? countInputTokens(converse) : Math.ceil(invokeBody.length / 4) };
    return { segments: [{ kind: "frame", bytes: utf8.encode(JSON.stringify(scripted?.countTokens ?? counted)) }], contentType: "application/json" };
  }
  const context = { modelId: input.modelId, operation: operation as "converse" | "converse-stream" };
  if (operation === "converse") {
    const json = scripted?.converse ?? turnToConverseResponse(await input.model(body, context));
    return { segments: [{ kind: "frame", bytes: utf8.encode(JSON.stringify(json)) }], contentType: "application/json" };
  }
  const steps = scripted?.stream ?? turnToStreamEvents(await input.model(body, context));
  return { segments: encodeSteps(steps, input.padding), contentType: "application/vnd.amazon.eventstream" };
}

/** A 200 (or scripted status) response whose body is produced chunk by chunk. */
export async function answer(input: AnswerInput): Promise<Response> {
  const { segments, contentType, headers: extra } = await bodySegments(input);
  const isStream = input.operation === "converse-stream" || input.operation === "invoke-with-response-stream";
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
  for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value);
  // Bedrock answers the latency mode and service tier it served with.
  for (const name of ["x-amzn-bedrock-performanceconfig-latency", "x-amzn-bedrock-service-tier"]) {
    const asked = input.operation.startsWith("invoke") ? input.requestHeaders?.get(name) : null;
    if (asked) headers.set(name, asked);
  }
  for (const [name, value] of Object.entries(input.scripted?.headers ?? {})) headers.set(name, value);
  return new Response(opsToStream(ops), { status: input.scripted?.status ?? 200, headers });
}
