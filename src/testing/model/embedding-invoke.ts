// InvokeModel on an embedding model: the hooks the emulator's InvokeModel dispatch calls (a problem to refuse with, or the answer).
import { baseModelOf } from "../../internal/model-id.js";
import { NO_STREAMING_MESSAGE } from "../aws-error.js";
import { answerEmbedding, embeddingFamily, type EmbeddingFamily } from "./embedding-models.js";


/** The embedding family a model ID (profile prefix, foundation-model ARN) names, or undefined. */
export function embeddingFamilyOf(modelId: string): EmbeddingFamily | undefined {
  const base = baseModelOf(modelId);
  return base === undefined ? undefined : embeddingFamily(base);
}

/** Why Bedrock would refuse this InvokeModel body for an embedding model; `undefined` when it is not one. `""` is "no problem". */
export function embeddingInvokeProblem(stream: boolean, modelId: string, body: unknown): string | undefined {
  const family = embeddingFamilyOf(modelId);
  if (!family) return undefined;
  if (stream) return NO_STREAMING_MESSAGE;
  const answered = answerEmbedding(family, body);
  return "malformed" in answered ? answered.malformed : "";
}

/** The JSON answer and the invocation-metric headers Bedrock sends with an embedding (no output tokens). */
export function embeddingInvokeAnswer(modelId: string, body: unknown): { json: Record<string, unknown>; headers: Record<string, string> } | undefined {
  const family = embeddingFamilyOf(modelId);
  if (!family) return undefined;
  const answered = answerEmbedding(family, body);
  if ("malformed" in answered) return undefined;
  return { json: answered.json, headers: { "x-amzn-bedrock-input-token-count": String(answered.inputTokens), "x-amzn-bedrock-invocation-latency": "1" } };
}
