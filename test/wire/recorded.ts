// Reads the recorded Bedrock fixtures in ../shared/conformance/recorded (relative to the repo root).
import { readFileSync } from "node:fs";

import { conformanceUrl } from "../conformance.js";

const RECORDED = conformanceUrl("recorded/");

/** Parsed JSON of one recorded file, e.g. `recordedJson("pydantic-ai/nova-micro-text-stream.events.json")`. */
export function recordedJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(new URL(relativePath, RECORDED), "utf8")) as T;
}

/** Raw text of one recorded file. */
export function recordedText(relativePath: string): string {
  return readFileSync(new URL(relativePath, RECORDED), "utf8");
}

export interface RecordedFrame {
  headers: Record<string, string>;
  payload: Record<string, unknown>;
}

/** Every recorded ConverseStream fixture that has decoded frames. */
export const STREAM_FIXTURES = [
  "pydantic-ai/nova-micro-text-stream",
  "pydantic-ai/nova-micro-text-then-tooluse-stream",
  "pydantic-ai/claude-sonnet-4-reasoning-stream",
  "pydantic-ai/claude-3-7-redacted-reasoning-stream",
  "pydantic-ai/gpt-oss-empty-text-delta-stream",
  "langchain-aws/claude-tooluse-stream",
  "langchain-aws/claude-citations-stream",
] as const;

/** Every recorded fixture with a request body (streaming and not). */
export const REQUEST_FIXTURES = [
  ...STREAM_FIXTURES,
  "pydantic-ai/converse-stream-http-400-invalid-model",
  "langchain-aws/claude-tooluse-followup-converse",
  "langchain-aws/claude-reasoning-converse",
] as const;
