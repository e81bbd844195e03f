// Maps a raw request path to a Bedrock Runtime operation and model ID (or guardrail and version).
import type { EmulatorOperation } from "../types.js";

export interface Route {
  operation: EmulatorOperation;
  /** Decoded once: `us.amazon.nova-micro-v1%3A0` → `us.amazon.nova-micro-v1:0`. */
  modelId: string;
  /** ApplyGuardrail's version segment (its `modelId` is the guardrail identifier). */
  guardrailVersion?: string;
}

// A raw "/" inside the model ID makes an extra segment and matches nothing, as on AWS.
const PATH = /^\/model\/([^/]+)\/(converse|converse-stream|count-tokens|invoke|invoke-with-response-stream)$/;
const GUARDRAIL_PATH = /^\/guardrail\/([^/]+)\/version\/([^/]+)\/apply$/;

export function parseRoute(rawPath: string): Route | undefined {
  // Bedrock Agent Runtime's Rerank (its own host; the model is in the body).
  if (rawPath === "/rerank") return { operation: "rerank", modelId: "" };
  try {
    const guardrail = GUARDRAIL_PATH.exec(rawPath);
    if (guardrail) {
      return { operation: "apply-guardrail", modelId: decodeURIComponent(guardrail[1]!), guardrailVersion: decodeURIComponent(guardrail[2]!) };
    }
    const match = PATH.exec(rawPath);
    if (!match) return undefined;
    return { operation: match[2] as EmulatorOperation, modelId: decodeURIComponent(match[1]!) };
  } catch {
    return undefined; // malformed percent-encoding
  }
}
