// What every provider adapter is: pure functions from messages and settings to a native body, and back.
import type { AIMessage, AIMessageChunk, BaseMessage, UsageMetadata } from "../messages/index.js";
import type { Tool } from "../request/index.js";
import type { ToolChoice } from "../request/index.js";

export type JsonObject = Record<string, unknown>;

/** The settings a native body is built from (already merged: constructor, bound, call). */
export interface InvokeSettings {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
  /** Bedrock tools as `convertTools` returns them; each adapter writes them its provider's way. */
  tools?: Tool[];
  toolChoice?: ToolChoice | "none";
  /** Anthropic extended thinking: a budget or Anthropic's own object. */
  thinking?: JsonObject | number;
  /** Merged over the body last, as BedrockChat (`{ ...inputBody, ...modelKwargs }`) does. */
  modelKwargs?: JsonObject;
}

/** Turns one native stream's events into chunks; one per stream (some providers need state). */
export type ChunkDecoder = (event: JsonObject) => AIMessageChunk | undefined;

export interface ProviderAdapter {
  /** The native request body. */
  body(messages: readonly BaseMessage[], settings: InvokeSettings): JsonObject;
  /** The native InvokeModel answer → the reply. */
  reply(json: JsonObject): AIMessage;
  /** A decoder for one InvokeModelWithResponseStream answer. */
  decoder(): ChunkDecoder;
  /** Whether the provider takes tools here (Anthropic's Messages API, gpt-oss's chat completions). */
  readonly tools: boolean;
}

/** The text of a message's content (string, or its text blocks joined). */
export const textOf = (message: BaseMessage): string => message.text;

/** `undefined`-free copy: native bodies never carry `undefined` members. */
export function defined(object: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out;
}

/** `{ ...body, ...modelKwargs }`: modelKwargs win, as in BedrockChat's prepareInput / prepareMessagesInput. */
export const withKwargs = (body: JsonObject, settings: InvokeSettings): JsonObject => ({ ...body, ...settings.modelKwargs });

/** Usage from an input and output count (total their sum). */
export function usage(input: number | undefined, output: number | undefined): UsageMetadata | undefined {
  if (input === undefined && output === undefined) return undefined;
  const i = input ?? 0;
  const o = output ?? 0;
  return { input_tokens: i, output_tokens: o, total_tokens: i + o };
}

/** `amazon-bedrock-invocationMetrics` (on the last chunk of every native stream) as usage. */
export function metricsUsage(event: JsonObject): UsageMetadata | undefined {
  const metrics = event["amazon-bedrock-invocationMetrics"] as { inputTokenCount?: number; outputTokenCount?: number } | undefined;
  return metrics ? usage(metrics.inputTokenCount, metrics.outputTokenCount) : undefined;
}

export const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);
